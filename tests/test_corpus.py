"""The corpus phase and its store: idempotent, incremental, transactional ingest; wire copies; stories."""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import jsonschema
import numpy as np
import pytest

from counterpoint import corpus
from counterpoint.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from counterpoint.errors import ConfigError
from counterpoint.pipeline import ingest_corpus, prepare_article
from counterpoint.report.json_report import load_schema
from counterpoint.stages.ingest import article_from_text, ingest
from counterpoint.store import MIGRATIONS, open_store

from .conftest import EXAMPLES, ROOT

BRIDGE = [
    (
        "valley-post.txt",
        "Bridge over the Lorn river closed after cracks found\n\n"
        "ALDERWICK - The Kestrel Bridge over the Lorn river in Alderwick was closed to traffic on Monday after "
        "engineers found cracks in two of its steel girders, the city council said.\n"
        "About 30,000 vehicles cross the Kestrel Bridge every day, and buses will be diverted through the "
        "Millbrook tunnel, council transport chief Hanna Osei said.\n"
        "The bridge was built in 1968 and last inspected in 2021.\n",
    ),
    (
        "alderwick-courier.txt",
        "Kestrel Bridge shut indefinitely as engineers inspect cracked girders\n\n"
        "Alderwick's Kestrel Bridge will stay closed until engineers know how deep the cracks in its girders "
        "run, Hanna Osei of the city council told reporters on Monday.\n"
        "Commuters crossing the Lorn river faced queues of more than an hour at the Millbrook tunnel.\n"
        "Opposition councillors said the council had cut the bridge maintenance budget twice since 2021.\n",
    ),
    (
        "northern-star.txt",
        "Cracked girders close Alderwick's Kestrel Bridge\n\n"
        "Engineers found cracks in the steel girders of the Kestrel Bridge in Alderwick, and the council closed "
        "the crossing over the Lorn river on Monday.\n"
        "Traffic was diverted to the Millbrook tunnel, where drivers queued for an hour, Hanna Osei said.\n",
    ),
]

# Words for generated articles that share no sentence with one another (for volume, not for meaning).
_WORDS = (
    "council budget river harbour school vote court police storm festival museum railway factory union "
    "farmers market hospital bridge airport election mayor minister drought flood library stadium theatre "
    "workers strike tunnel ferry port village valley mountain forest coast island border treaty summit "
    "ceasefire protest inquiry report contract tender lawsuit verdict appeal ruling reform pension tax"
).split()


def _generated(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        rng = random.Random(number)
        sentences = [
            " ".join(rng.choice(_WORDS) for _ in range(12)).capitalize() + f" said official number {number}."
            for _ in range(6)
        ]
        path = folder / f"outlet{number:03d}.txt"
        path.write_text(f"Report {number} on {rng.choice(_WORDS)}\n\n" + "\n".join(sentences) + "\n", "utf-8")
        paths.append(path)
    return paths


def _write_bridge(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in BRIDGE:
        (folder / name).write_text(text, "utf-8")
    return folder


def _wire_copy(folder: Path) -> Path:
    """A syndicated copy of the example wire story: another outlet, a new headline, a sentence dropped."""
    lines = (EXAMPLES / "meridian-wire-2025-03-12.txt").read_text("utf-8").splitlines()
    kept = [line for line in lines if not line.startswith("The port handles")]
    path = folder / "gazette-syndicated-2025-03-12.txt"
    path.write_text("Fuel depot blast kills 14 in Port Vesna\n\n" + "\n".join(kept) + "\n", "utf-8")
    return path


def _harbour_names() -> list[str]:
    """The source names of the example story's articles (a JSONL record is named by its id)."""
    return sorted(Path(a.source).name for a in ingest([EXAMPLES]).articles)


def _stories(db: Path | str) -> dict[str, list[str]]:
    """Story id -> the file names of its articles."""
    store = open_store(db)
    try:
        return {
            s.story_id: sorted(Path(a.source).name for a, _ in store.story_articles(s.story_id))
            for s in store.stories()
        }
    finally:
        store.close()


def test_two_stories_and_a_wire_copy_are_told_apart(tmp_path: Path, store_url: str) -> None:
    copy = _wire_copy(tmp_path)
    store = open_store(store_url)
    stats = ingest_corpus([EXAMPLES, _write_bridge(tmp_path / "bridge"), copy], store)
    assert (stats.read, stats.stored, stats.copies, stats.rejected) == (8, 8, 1, 0)
    stories = sorted(_stories(store_url).values())
    assert stories == [
        sorted(["alderwick-courier.txt", "northern-star.txt", "valley-post.txt"]),
        sorted([*_harbour_names(), "gazette-syndicated-2025-03-12.txt"]),
    ]
    harbour = next(s for s in store.stories() if s.size == 5)
    assert harbour.originals == 4  # the copy is kept and shown, counted once
    copies = {a.source: original for a, original in store.story_articles(harbour.story_id) if original}
    wire = next(a for a, _ in store.story_articles(harbour.story_id) if a.outlet == "meridian-wire")
    assert copies == {str(copy): wire.article_id}
    store.close()


def test_ingest_is_idempotent_and_incremental(tmp_path: Path, store_url: str) -> None:
    db = store_url
    first = ingest_corpus([EXAMPLES], open_store(db))
    assert (first.stored, first.stories_started - first.stories_merged) == (4, 1)
    again = ingest_corpus([EXAMPLES], open_store(db))
    assert (again.read, again.already_stored, again.stored) == (4, 4, 0)
    assert list(_stories(db).values()) == [_harbour_names()]
    bridge = _write_bridge(tmp_path / "bridge")
    ingest_corpus([bridge / "valley-post.txt"], open_store(db))
    later = ingest_corpus([bridge / "alderwick-courier.txt", bridge / "northern-star.txt"], open_store(db))
    assert (later.stories_started, later.stories_joined) == (0, 2)  # new articles join the story they tell
    assert sorted(len(names) for names in _stories(db).values()) == [3, 4]


def test_the_store_keeps_raw_text_cleaned_sentences_and_removals(store_url: str) -> None:
    path = EXAMPLES / "meridian-wire-2025-03-12.txt"
    fresh = prepare_article(
        article_from_text(
            path.read_text("utf-8"), source=str(path), outlet="meridian-wire", published=dt.date(2025, 3, 12)
        )
    )
    store = open_store(store_url)
    ingest_corpus([path], store, None)
    ((stored, original),) = store.story_articles(store.stories()[0].story_id)
    assert original is None
    assert stored.text == fresh.text and stored.article_id == fresh.article_id
    assert stored.sentences == fresh.sentences
    assert stored.removed == fresh.removed and any(r.reason == "teaser" for r in stored.removed)
    assert stored.published == fresh.published


def test_schema_version_and_a_store_from_a_newer_release(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    assert open_store(db).schema_version == len(MIGRATIONS)
    with sqlite3.connect(db) as connection:
        connection.execute("UPDATE meta SET value = '99' WHERE key = 'schema'")
    with pytest.raises(ConfigError, match="newer Counterpoint"):
        open_store(db)
    with pytest.raises(ConfigError, match="is a directory"):
        open_store(tmp_path)
    with pytest.raises(ConfigError, match="not a store address"):
        open_store("ftp://example.org/news.db")


def test_a_failed_batch_leaves_the_committed_ones_and_resumes_without_duplicates(
    tmp_path: Path, store_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _generated(tmp_path / "in", 25)
    db = store_url
    monkeypatch.setattr(corpus, "BATCH_SIZE", 10)
    store = open_store(db)
    real_write = store.write_batch
    calls = []

    def failing_write(*args: object, **kwargs: object) -> None:
        calls.append(1)
        if len(calls) == 2:
            raise OSError("disk full")
        real_write(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "write_batch", failing_write)
    with pytest.raises(OSError):
        ingest_corpus(paths, store)
    assert open_store(db).count_articles() == 10
    resumed = ingest_corpus(paths, open_store(db))
    assert (resumed.already_stored, resumed.stored) == (10, 15)
    _assert_consistent(db, 25)


def _assert_consistent(db: str, articles: int) -> None:
    store = open_store(db)
    try:
        ids = [r[0] for r in store._execute("SELECT article_id FROM articles")]
        assert len(ids) == len(set(ids)) == articles
        assert store._execute("SELECT COUNT(*) FROM articles WHERE story_id IS NULL").fetchone()[0] == 0
        sizes = dict(store._execute("SELECT story_id, size FROM stories").fetchall())
        counted = dict(store._execute("SELECT story_id, COUNT(*) FROM articles GROUP BY story_id").fetchall())
        assert sizes == counted
    finally:
        store.close()


def _count_without_opening(db: str) -> int:
    """Articles committed so far, read without opening a store (which would create its tables)."""
    try:
        if db.startswith("postgresql://"):
            import psycopg

            with psycopg.connect(db, autocommit=True) as connection:
                return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])  # type: ignore[index]
        if not Path(db).exists():
            return 0
        with sqlite3.connect(db) as connection:
            return int(connection.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
    except Exception:  # the schema is still being created  # noqa: BLE001
        return 0


_SLOW_INGEST = """
import sys, time
from counterpoint import corpus, pipeline
from counterpoint.stages import clean
from counterpoint.store import open_store
corpus.BATCH_SIZE = 5
clean_article = clean.clean_article
def slow(article, repeated=None):
    time.sleep(0.05)
    return clean_article(article, repeated)
clean.clean_article = slow
pipeline.ingest_corpus([sys.argv[1]], open_store(sys.argv[2]))
"""


def test_kill_9_during_ingest_loses_nothing_committed_and_resume_duplicates_nothing(
    tmp_path: Path, store_url: str
) -> None:
    _generated(tmp_path / "in", 60)
    db = store_url
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen([sys.executable, "-c", _SLOW_INGEST, str(tmp_path / "in"), db], env=env)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and process.poll() is None and _count_without_opening(db) < 10:
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait()
    committed = open_store(db).count_articles()
    assert 10 <= committed < 60 and committed % 5 == 0  # whole batches only
    resumed = ingest_corpus([tmp_path / "in"], open_store(db))
    assert (resumed.already_stored, resumed.stored) == (committed, 60 - committed)
    _assert_consistent(db, 60)


def test_cli_ingest_stories_and_compare_a_stored_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "news.db"
    (tmp_path / "empty.txt").write_text("")
    bridge = _write_bridge(tmp_path / "bridge")
    assert main(["ingest", str(EXAMPLES), str(bridge), str(tmp_path / "empty.txt"), "--db", str(db)]) == EXIT_REJECTED
    captured = capsys.readouterr()
    assert f"rejected {tmp_path / 'empty.txt'}: empty" in captured.err
    assert "stored 7" in captured.out and "1 rejected" in captured.out
    assert main(["stories", "--db", str(db), "--json"]) == EXIT_OK
    listed = json.loads(capsys.readouterr().out)
    assert sorted(s["size"] for s in listed) == [3, 4]
    harbour = next(s for s in listed if s["size"] == 4)
    assert sorted(Path(p).name for p in harbour["sources"]) == _harbour_names()
    assert harbour["first_published"] == "2025-03-12" and len(harbour["outlets"]) == 4
    assert main(["stories", "--db", str(db)]) == EXIT_OK
    listing = capsys.readouterr().out
    assert "2 stories" in listing
    assert "(+1)" in listing  # four outlets on one line: three named, one counted
    out = tmp_path / "story.json"
    assert main(["compare", "--story", harbour["id"], "--db", str(db), "--json", str(out), "-q"]) == EXIT_OK
    report = json.loads(out.read_text("utf-8"))
    jsonschema.validate(report, load_schema())
    assert len(report["articles"]) == 4 and report["claims"]


def test_cli_store_errors_say_what_to_do(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stories", "--db", str(tmp_path / "none.db")]) == EXIT_USAGE
    assert "create one with: counterpoint ingest" in capsys.readouterr().err
    ingest_corpus([EXAMPLES], open_store(tmp_path / "news.db"))
    assert main(["compare", "--story", "s000", "--db", str(tmp_path / "news.db")]) == EXIT_USAGE
    assert "list them with: counterpoint stories" in capsys.readouterr().err
    assert main(["compare", "--db", str(tmp_path / "news.db")]) == EXIT_USAGE
    assert "either files to compare or --story" in capsys.readouterr().err


def test_cli_ingest_and_stories_on_either_database(store_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(EXAMPLES), "--db", store_url, "-q"]) == EXIT_OK
    assert main(["ingest", str(EXAMPLES), "--db", store_url]) == EXIT_OK
    assert "stored 0 (4 already there" in capsys.readouterr().out
    assert main(["stories", "--db", store_url, "--json"]) == EXIT_OK
    (story,) = json.loads(capsys.readouterr().out)
    assert story["size"] == 4 and sorted(Path(p).name for p in story["sources"]) == _harbour_names()


BRIEFING = (
    "Evening briefing: what you need to know\n\n"
    "Kestrel Bridge stays shut\n"
    "The Kestrel Bridge over the Lorn river in Alderwick stayed closed for a second day on Tuesday while "
    "engineers measured the cracks in its steel girders. Council transport chief Hanna Osei said buses would "
    "keep running through the Millbrook tunnel, and commuters again queued for more than an hour at the "
    "tunnel entrance. Opposition councillors asked for the maintenance budget to be restored, and the "
    "council said a decision on repairs would come within a week.\n"
    "Port Vesna counts the cost\n"
    "In Marovia, the toll from the fuel depot explosion at Port Vesna rose to 14 dead and 43 injured, the "
    "Port Authority said. Dock workers gathered outside the authority's building to demand an independent "
    "inquiry into the blast, and fuel prices in the capital rose 8 percent as traders feared shortages of "
    "imports through the port. The Interior Minister repeated that sabotage could not be ruled out, "
    "without giving evidence, while the dock workers' union said it had warned of leaking tanks.\n"
)


def test_a_roundup_is_split_into_the_stories_it_covers(tmp_path: Path, store_url: str) -> None:
    (tmp_path / "briefing.txt").write_text(BRIEFING, "utf-8")
    store = open_store(store_url)
    stats = ingest_corpus([EXAMPLES, _write_bridge(tmp_path / "bridge"), tmp_path / "briefing.txt"], store)
    assert stats.roundups == 1
    stories = {s.size: s for s in store.stories()}
    assert sorted(stories) == [4, 5]  # the briefing counts in both
    for size, marker, absent in ((4, "Kestrel", "Port Vesna"), (5, "Port Vesna", "Kestrel")):
        articles = {a.source: a for a, _ in store.story_articles(stories[size].story_id)}
        briefing = articles[str(tmp_path / "briefing.txt")]
        body = " ".join(briefing.sentence_text(s) for s in briefing.sentences if s.role == "body")
        assert marker in body and absent not in body
    assert any(o.startswith("briefing") for o in stories[4].outlets)
    assert any(o.startswith("briefing") for o in stories[5].outlets)


def test_progress_is_told_after_each_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from counterpoint.pipeline import CompareOptions

    monkeypatch.setattr(corpus, "BATCH_SIZE", 5)
    told: list[str] = []
    options = CompareOptions(progress=told.append)
    ingest_corpus(_generated(tmp_path / "in", 12), open_store(tmp_path / "news.db"), options)
    assert [m.split(" (")[0] for m in told] == ["read 5 articles", "read 10 articles"]
    assert "10 stored, 0 wire copies" in told[-1]


def test_an_articles_terms_hold_its_figures() -> None:
    article = prepare_article(
        article_from_text(
            "Quake shakes the coast\n\nA 6.1-magnitude quake struck in 2012, killing 249 people and injuring 5.\n",
            source="quake.txt",
            outlet="Example",
        )
    )
    terms = corpus.terms_of(article)
    assert {"#6.1", "#2012", "#249"} <= set(terms)
    assert "#5" not in terms  # one digit: too common to tell incidents apart
    assert terms["#2012"] == 1 and terms[next(t for t in terms if t.startswith("quak"))] >= 2  # title twice


def _numbered(index: corpus.Corpus, weights: dict[str, float]) -> dict[int, float]:
    """``weights`` by the corpus's term numbers (numbering new terms)."""
    index._number(weights)
    return {index.term_ids[term]: weight for term, weight in weights.items()}


def test_stories_tied_on_shared_terms_are_taken_in_the_order_they_formed(tmp_path: Path) -> None:
    """More stories share an article's heaviest terms than are scored: the ones scored are the first formed,
    on every run (not in the order of a set of ids, which changes with Python's hash seed)."""
    store = open_store(tmp_path / "ties.db")
    index = corpus.Corpus(store)
    count = corpus.MAX_CANDIDATES * 2

    for number in range(count):
        vector = _numbered(index, {"harbour": 0.3 + number / 200, "fire": 0.5, f"other{number}": 0.1})
        index._remember(corpus._Story(corpus.StorySummary(f"story-{number:03d}", None, 1, 1), vector))
    article = _numbered(index, {"harbour": 0.7, "fire": 0.7})
    best = index._closest(iter(article), index._arrays(article), None)
    # the best scored of the first MAX_CANDIDATES formed, not the best of all (story-059)
    assert best is not None and best.summary.story_id == f"story-{corpus.MAX_CANDIDATES - 1:03d}"
    store.close()


MINES = {
    "kessa-1": "Fire breaks out at Kessa copper mine\n\nA fire broke out in the Kessa copper mine on Monday, "
    "trapping 12 miners underground, the mining company said. Rescue teams pumped fresh air into the burning shaft.\n",
    "kessa-2": "Twelve miners trapped by fire at Kessa copper mine\n\nTwelve miners were trapped underground when fire "
    "broke out in the Kessa copper mine, rescue teams said. Smoke filled the burning shaft.\n",
    # the first report of the second incident reads like the first, until more of the second are in
    "orno-1": "Miners trapped at Orno\n\nMiners were trapped underground after floodwater filled the Orno quarry, "
    "rescue teams said.\n",
    "orno-2": "Floodwater fills Orno quarry\n\nFloodwater filled the Orno quarry on Tuesday after the dam above it "
    "burst, quarry owners said. Pumps drained the quarry overnight.\n",
    "orno-3": "Pumps race to drain Orno quarry after dam burst\n\nPumps drained floodwater from the Orno quarry after "
    "the dam burst, owners said.\n",
}


@pytest.mark.parametrize("passes", [0, 1])
def test_an_article_placed_before_its_story_formed_moves_to_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, passes: int
) -> None:
    monkeypatch.setattr(corpus, "REFINE_PASSES", passes)
    store = open_store(tmp_path / "mines.db")
    corpus.Corpus(store).add([prepare_article(article_from_text(t, source=k, outlet=k)) for k, t in MINES.items()])
    stories = sorted(sorted(a.source for a, _ in store.story_articles(s.story_id)) for s in store.stories())
    titles = sorted(s.title or "" for s in store.stories())
    sizes = sorted((s.size, s.originals) for s in store.stories())
    store.close()
    if passes == 0:  # a single pass leaves the first Orno report with the Kessa fire
        assert stories == [["kessa-1", "kessa-2", "orno-1"], ["orno-2", "orno-3"]]
    else:
        assert stories == [["kessa-1", "kessa-2"], ["orno-1", "orno-2", "orno-3"]]
        assert sizes == [(2, 2), (3, 3)]
        assert titles == ["Fire breaks out at Kessa copper mine", "Floodwater fills Orno quarry"]


def test_a_story_named_after_an_article_that_moved_away_takes_the_name_of_one_that_stays(tmp_path: Path) -> None:
    from counterpoint.store import StoredArticle

    store = open_store(tmp_path / "names.db")
    index = corpus.Corpus(store)

    def article(title: str) -> StoredArticle:
        text = f"{title}\n\n{BRIDGE[0][1]}"
        return StoredArticle(prepare_article(article_from_text(text, source=title, outlet="Example")), "one")

    vectors = [
        _numbered(index, {"orno": 0.8, "quarry": 0.6}),  # started story one, belongs with story two
        _numbered(index, {"kessa": 0.8, "mine": 0.6}),
        _numbered(index, {"kessa": 0.6, "mine": 0.8}),
        _numbered(index, {"orno": 0.6, "quarry": 0.8}),
    ]
    stored = [article("Orno quarry floods"), article("Kessa mine fire"), article("Fire at Kessa mine")]
    one = corpus._Story(corpus.StorySummary("one", "Orno quarry floods", 0, 0), {})
    two = corpus._Story(corpus.StorySummary("two", "Quarry pumps race", 0, 0), {})
    for story, vector in zip((one, one, one, two), vectors, strict=True):
        index._join(story, vector, None)
    touched = {"one": one, "two": two}
    index._refine(list(enumerate(vectors[:3])), stored, touched)
    assert [item.story_id for item in stored] == ["two", "one", "one"]
    assert (one.summary.title, one.summary.originals, two.summary.originals) == ("Kessa mine fire", 2, 2)
    store.close()


_CLOSURE = [
    "{bridge} Bridge closed after cracks found\n\nEngineers found cracks in the steel girders of the {bridge} Bridge "
    "over the {river}, and {town} council closed it to traffic, {official} said.\n",
    "Cracked girders shut the {bridge} Bridge in {town}\n\n{official} of {town} council told reporters the "
    "{bridge} Bridge would stay closed until engineers knew how deep the cracks ran.\n",
    "{town} drivers face queues as {bridge} Bridge closes\n\nTraffic over the {river} was diverted on Monday "
    "after the {bridge} Bridge closed, with inspectors examining cracks, {official} said.\n",
    "Council defends inspections of the {bridge} Bridge\n\n{official} said {town} council had inspected the "
    "{bridge} Bridge over the {river} on time, and that the cracks in its girders were new.\n",
]


def _closures(bridge: str, town: str, river: str, official: str) -> dict[str, str]:
    names = {"bridge": bridge, "town": town, "river": river, "official": official}
    return {f"{bridge.lower()}-{n}": text.format(**names) for n, text in enumerate(_CLOSURE)}


# Two incidents of one kind: the same words of a bridge closure, other bridges, towns, rivers and people.
CLOSURES = {
    **_closures("Kestrel", "Alderwick", "Lorn", "Hanna Osei"),
    **_closures("Heron", "Brackley", "Tamsin", "Ade Mensah"),
}


def test_a_story_of_two_incidents_of_one_kind_is_split(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(corpus, "STORY_MIN_COSINE", 0.01)  # every closure joins the first story at first
    monkeypatch.setattr(corpus, "STORY_MERGE_COSINE", 0.01)
    monkeypatch.setattr(corpus, "BATCH_SIZE", 4)  # the split, in the second batch, moves stored articles
    order = ["kestrel-0", "heron-0", "kestrel-1", "heron-1", "kestrel-2", "heron-2", "kestrel-3", "heron-3"]
    articles = [prepare_article(article_from_text(CLOSURES[k], source=k, outlet=k)) for k in order]
    articles.append(prepare_article(article_from_text(CLOSURES["heron-0"], source="heron-0-copy", outlet="wire")))
    store = open_store(store_url)
    corpus.Corpus(store).add(articles)
    stories = sorted(sorted(a.source for a, _ in store.story_articles(s.story_id)) for s in store.stories())
    sizes = sorted((s.size, s.originals) for s in store.stories())
    store.close()
    heron = sorted(["heron-0", "heron-0-copy", "heron-1", "heron-2", "heron-3"])
    assert stories == [heron, [f"kestrel-{n}" for n in range(4)]]  # the copy follows its original
    assert sizes == [(4, 4), (5, 4)]


def test_one_incident_told_many_ways_is_not_split() -> None:
    rng = random.Random(7)
    shared = list(range(20))
    vectors = []
    for _ in range(12):  # one story: the same core terms, each article with words of its own
        terms = np.array(shared + rng.sample(range(20, 400), 15), dtype=np.int32)
        vectors.append((terms, np.array([1.0] * 20 + [0.5] * 15)))
    assert corpus._bisect(vectors) is None
    other = [(terms + np.where(terms >= 10, 1000, 0).astype(np.int32), weights) for terms, weights in vectors[:6]]
    side = corpus._bisect(vectors[:6] + other)  # half the core terms differ: two incidents
    assert side == [False] * 6 + [True] * 6
