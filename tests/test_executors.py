"""Executors differ only in where the per-article phase runs: the same store, byte for byte."""

from __future__ import annotations

import os
import sqlite3
from concurrent.futures import Future
from pathlib import Path

import pytest

from counterpoint.cli import EXIT_USAGE, main
from counterpoint.errors import ConfigError
from counterpoint.executors import _ordered, chunked, open_executor
from counterpoint.pipeline import ingest_corpus
from counterpoint.store import open_store

from .conftest import EXAMPLES
from .test_corpus import _generated, _wire_copy, _write_bridge


def _dump(db: Path) -> list[tuple[object, ...]]:
    """Every row of the store except the time it was written."""
    with sqlite3.connect(db) as connection:
        articles = connection.execute(
            "SELECT article_id, source, outlet, title, published, url, text, extracted, cleaned, story_id, copy_of, "
            "signature FROM articles ORDER BY article_id"
        ).fetchall()
        stories = connection.execute("SELECT * FROM stories ORDER BY story_id").fetchall()
        terms = connection.execute("SELECT * FROM terms ORDER BY term").fetchall()
    return articles + stories + terms


def test_serial_process_and_dask_executors_write_the_same_store(tmp_path: Path) -> None:
    sources = [EXAMPLES, _write_bridge(tmp_path / "bridge"), _wire_copy(tmp_path), *_generated(tmp_path / "gen", 40)]
    dumps = {}
    for name in ("serial", "process", "dask"):
        db = tmp_path / f"{name}.db"
        with open_executor(name, workers=2) as executor:
            stats = ingest_corpus(sources, open_store(db), None, executor)
        assert (stats.stored, stats.copies) == (48, 1), name
        dumps[name] = _dump(db)
    assert len(dumps["serial"]) > 48
    assert dumps["process"] == dumps["serial"]
    assert dumps["dask"] == dumps["serial"]


def test_results_come_in_input_order_with_few_chunks_in_flight() -> None:
    submitted: list[int] = []

    def submit(chunk: int) -> Future[int]:
        submitted.append(chunk)
        future: Future[int] = Future()
        future.set_result(chunk * 10)
        return future

    results = _ordered(submit, iter(range(10)), in_flight=3)
    assert submitted == []  # nothing is submitted before the first result is asked for
    assert next(results) == 0 and submitted == [0, 1, 2, 3]  # three in flight, one more as one is taken
    assert list(results) == [10 * n for n in range(1, 10)]


def test_chunks_and_unknown_executors() -> None:
    assert list(chunked(range(5), 2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked([], 3)) == []
    with pytest.raises(ConfigError, match="choose one of: serial, process, dask"):
        open_executor("threads")


def test_cli_executor_options_are_checked(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "news.db")
    assert main(["ingest", str(EXAMPLES), "--db", db, "--scheduler", "tcp://127.0.0.1:1"]) == EXIT_USAGE
    assert "--scheduler is for --executor dask" in capsys.readouterr().err
    assert main(["ingest", str(EXAMPLES), "--db", db, "--executor", "process", "--workers", "0"]) == EXIT_USAGE
    assert "--workers must be 1 or more" in capsys.readouterr().err
    assert not Path(db).exists()


def _niceness(chunk: list[int]) -> list[int]:
    return [os.nice(0) for _ in chunk]


@pytest.mark.skipif(not hasattr(os, "nice"), reason="no process priorities here")
def test_local_workers_yield_to_the_process_that_runs_the_corpus_phase() -> None:
    from counterpoint.executors import WORKER_NICENESS

    own = os.nice(0)
    with open_executor("process", workers=2) as executor:
        seen = {n for chunk in executor.map(_niceness, [[1], [2], [3], [4]]) for n in chunk}
    assert seen == {min(19, own + WORKER_NICENESS)}
    assert os.nice(0) == own  # this process keeps its priority
