"""The evaluation gate for public benchmark figures that the per-story gate cannot hold: floors in
``tests/bench_floors.json`` that only rise, measured the way ``bench/`` measures them. Skips where the
benchmark's data (``../shared/bench``) is not beside the project."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import ROOT, SHARED

FLOORS = json.loads(Path(__file__).with_name("bench_floors.json").read_text("utf-8"))
sys.path.insert(0, str(ROOT / "bench"))


def test_babe_sentence_bias_macro_f1_stays_at_or_above_its_floor() -> None:
    """5-fold cross-validated macro-F1 of the shipped sentence bias recipe on BABE (bench/biasmodel.py)."""
    data_dir = SHARED / "bench" / "babe"
    if not (data_dir / "final_labels_SG2.csv").is_file():
        pytest.skip(f"no BABE data at {data_dir}")
    from threadpoolctl import threadpool_limits

    import biasmodel

    rows = biasmodel.load_rows(data_dir)
    with threadpool_limits(1):
        data = biasmodel.Data(rows, biasmodel.embed([r["text"] for r in rows], None))
        scores, _, _ = biasmodel.cross_validate(data, biasmodel.VARIANTS[biasmodel.SHIPPED])
    floor = FLOORS["babe"]["framing.sentence_bias_macro_f1"]
    assert float(np.mean(scores)) >= floor, f"BABE macro-F1 {np.mean(scores):.3f} < floor {floor}"


def test_newswcl50_word_choice_stays_at_or_above_its_floor() -> None:
    """Of the pairs of forms the wording section shows on NewsWCL50's ten events (bench/newswcl50.py), the
    share that are one annotated concept, and the share that are one concept in different words; of the
    pairs of descriptions of one entity, the share that are one concept."""
    data_dir = SHARED / "bench" / "newswcl50"
    if not (data_dir / "NewsWCL50.conll").is_file():
        pytest.skip(f"no NewsWCL50 data at {data_dir}")
    import newswcl50

    systems = newswcl50.measure(data_dir).systems
    tally = systems[newswcl50.SHIPPED]
    judged = len(tally.judged)
    floors = FLOORS["newswcl50"]
    assert judged >= floors["wording.judged_pairs"], f"{judged} judged pairs"
    assert len(tally.correct) / judged >= floors["wording.one_concept"], f"{len(tally.correct)}/{judged}"
    assert len(tally.different) / judged >= floors["wording.different_words"], f"{len(tally.different)}/{judged}"
    described = systems[newswcl50.DESCRIBED]
    judged = len(described.judged)
    assert judged >= floors["described.judged_pairs"], f"{judged} judged pairs of descriptions"
    assert len(described.correct) / judged >= floors["described.one_concept"], f"{len(described.correct)}/{judged}"


def test_basil_lexical_bias_notes_stay_at_or_above_their_floor() -> None:
    """Token and exact-span F1 of the shipped framing notes against BASIL's lexical-bias spans, every
    article read as a one-article story (bench/basil.py)."""
    data_dir = SHARED / "bench" / "basil"
    if not (data_dir / "articles").is_dir():
        pytest.skip(f"no BASIL data at {data_dir}")
    from threadpoolctl import threadpool_limits

    import basil

    with threadpool_limits(1):
        prepared = basil.prepare(data_dir)
    score = basil.scored(prepared.documents, prepared.shipped)
    floors = FLOORS["basil"]
    assert score.token_f1() >= floors["framing.token_f1"], f"token F1 {score.token_f1():.3f}"
    assert score.exact_f1() >= floors["framing.exact_f1"], f"exact F1 {score.exact_f1():.3f}"


def test_ecbplus_stories_stay_at_or_above_their_floor() -> None:
    """B3-F1 of the stories `counterpoint ingest` forms from ECB+ (two incidents of one kind per topic), on the
    tuning topics 1-35 and the test topics 36-45 (bench/story_clustering.py)."""
    if not (SHARED / "bench" / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz").is_file():
        pytest.skip(f"no ECB+ data at {SHARED / 'bench' / 'ecbplus'}")
    import story_clustering

    floors = FLOORS["ecbplus_stories"]
    for name, topics in (("tune", range(1, 36)), ("test", range(36, 46))):
        docs = story_clustering.ecb_docs(set(topics))
        predicted, _ = story_clustering.cluster(docs)
        _, _, f1 = story_clustering.b_cubed(predicted, {doc_id: label for doc_id, _, label in docs})
        assert f1 >= floors[f"stories.{name}_b3_f1"], f"ECB+ {name} B3-F1 {f1:.3f}"


@pytest.mark.parametrize(("dataset", "render"), [("l3s", "visible"), ("aeb", "html-text")])
def test_page_text_cleaning_stays_at_or_above_its_floor(dataset: str, render: str) -> None:
    """Whole pages saved as text, cleaned (bench/cleaning_text.py): shingle F1, body kept and junk removed on
    L3S-GN1's visible text (the tune set; also the share of pages whose headline is found as the title) and on
    AEB's html-text dumps (a report set)."""
    import cleaning_text

    data = cleaning_text.DATASETS[dataset]
    if not data.present.exists():
        pytest.skip(f"no {data.name} data at {data.present}")
    scores = cleaning_text.score_lines(dataset, render, data.pages(10**6), None)
    floors = {
        key.split(".")[1]: value
        for key, value in FLOORS["cleaning_text"].items()
        if key.startswith(f"{dataset}_{render.replace('-', '_')}.")
    }
    measured = {
        "shingle_f1": scores.f1,
        "body_kept": scores.body_kept,
        "junk_removed": scores.junk_removed,
        "title_found": scores.title_found,
    }
    for name, floor in floors.items():
        value = measured[name]
        assert value is not None and value >= floor, f"{data.name} {render} {name} {value} < floor {floor}"


def test_conflict_precision_on_stories_no_gold_covers_stays_at_or_above_its_floor() -> None:
    """Conflicting claims on the ECB+ subtopics no gold story uses, against hand labels
    (bench/conflict_precision.py): the share that are right (an unlabelled claim counts as wrong: label it), and
    how many right ones are found."""
    if not (SHARED / "bench" / "ecbplus" / "ecbplus_fulltext_docs.jsonl.gz").is_file():
        pytest.skip("no ECB+ data beside the project")
    import conflict_precision

    counts = conflict_precision.measure()
    floors = FLOORS["unseen_conflicts"]
    right = sum(v for (_, verdict), v in counts.items() if verdict == "right")
    assert right >= floors["conflicts.right"], f"{right} right conflicting claims"
    precision = conflict_precision.precision(counts)
    assert precision >= floors["conflicts.precision"], f"precision {precision:.3f}: {dict(counts)}"
