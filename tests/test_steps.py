"""The pipeline's steps: each says what it needs and adds, and the order is checked before anything runs."""

from __future__ import annotations

import pytest

from counterpoint import ConfigError
from counterpoint.model import Article, Comparison
from counterpoint.pipeline import ANNOTATE, FEATURES, PREPARE, PREPARED, READ, STORY, CompareOptions, prepare_chunk
from counterpoint.stages import clean, ingest, segment
from counterpoint.stages.reading import article_from_text
from counterpoint.steps import Work, check_order, run_steps, stage_versions, step


def read(text: str, outlet: str = "Test Outlet") -> Article:
    """An article as the reader gives it: not cleaned, not segmented."""
    return article_from_text(text, source=f"{outlet}.txt", outlet=outlet)


def test_the_pipeline_s_phases_are_in_an_order_that_gives_every_step_what_it_needs() -> None:
    check_order(PREPARE + ANNOTATE + STORY, READ)
    check_order(ANNOTATE + STORY, PREPARED)  # a story read from the store: its articles are already cleaned
    check_order((*PREPARE, FEATURES), READ)  # the per-article phase of a corpus, run by an executor
    assert {s.phase for s in PREPARE + ANNOTATE} == {"article"}
    assert {s.phase for s in STORY} == {"story"}


def test_a_step_before_what_it_needs_is_refused_with_the_step_to_move_it_after() -> None:
    claims, conflicts = (next(s for s in STORY if s.name == name) for name in ("claims", "conflicts"))
    swapped = [s if s not in (claims, conflicts) else (conflicts if s is claims else claims) for s in STORY]
    with pytest.raises(ConfigError, match=r"step 'conflicts' needs claims, .* put it after claims"):
        check_order(ANNOTATE + tuple(swapped), PREPARED)
    with pytest.raises(ConfigError, match=r"step 'segment' needs blocks, .* no step adds it"):
        check_order(PREPARE[1:], READ)


def test_a_misordered_pipeline_fails_before_any_step_runs() -> None:
    article = read("The harbour fire was put out on Sunday after burning for two days.")
    work = Work(Comparison(articles=[article]), CompareOptions(), set(READ))
    with pytest.raises(ConfigError, match="step 'dates' needs sentences"):
        run_steps((PREPARE[0], PREPARE[2], PREPARE[1]), work)
    assert not work.blocks and not article.sentences and not article.removed  # cleaning did not run either
    run_steps(PREPARE, work)
    assert [article.sentence_text(s) for s in article.body()] == [
        "The harbour fire was put out on Sunday after burning for two days."
    ]
    assert work.done >= {"text", "sentences", "dates"} and not work.blocks  # the blocks went to the segmenter


def test_progress_is_told_by_the_steps_that_say_what_they_do() -> None:
    told: list[str] = []
    articles = [read("First report of the fire.", "A"), read("Second report of the fire.", "B")]
    run_steps(PREPARE, Work(Comparison(articles=articles), CompareOptions(progress=told.append), set(READ)))
    assert told == ["cleaning 2 articles"]


def test_the_report_names_the_stage_behind_every_step_once_in_pipeline_order() -> None:
    versions = stage_versions(PREPARE + ANNOTATE + STORY, ingest)
    assert list(versions) == [
        "ingest",
        "clean",
        "segment",
        "dates",
        "entities",
        "quotes",
        "quantities",
        "align",
        "conflicts",
        "framing",
        "digest",
    ]
    assert versions["clean"] == clean.VERSION and versions["segment"] == segment.VERSION


def test_a_chunk_of_the_corpus_gets_each_article_s_features_beside_it() -> None:
    articles = [read("Fire crews fought the blaze at the harbour.", "A"), read("The mayor visited.", "B")]
    pairs = prepare_chunk(articles)
    assert [a for a, _ in pairs] == articles
    assert all(a.sentences for a, _ in pairs)
    assert "blaze" in pairs[0][1].terms and "blaze" not in pairs[1][1].terms


def test_a_new_step_declares_its_needs_in_any_iterable() -> None:
    counted: list[int] = []
    count = step("count", "story", ["sentences"], ("sentence count",), lambda w: counted.append(1))
    assert count.needs == frozenset({"sentences"}) and count.adds == frozenset({"sentence count"})
    with pytest.raises(ConfigError, match="step 'count' needs sentences"):
        check_order((count,), READ)
    check_order((*PREPARE, count), READ)
    assert not counted
