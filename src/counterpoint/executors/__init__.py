"""Executors run the per-article phase (clean, segment, dates, corpus features) over chunks of articles.

They differ only in *where* the chunks run: in this process (:class:`SerialExecutor`), in a pool of local
processes (:class:`ProcessExecutor`), or on a Dask cluster (:class:`DaskExecutor`). Each yields results in
input order and keeps only a few chunks in flight, so a corpus of any size streams through in bounded
memory, and every executor gives the same results (a test compares their stores byte for byte). Functions
and articles are shipped, never live state: a worker rebuilds what it needs.

    >>> with open_executor("process", workers=2) as executor:  # doctest: +SKIP
    ...     for prepared in executor.map(prepare_chunk, chunks): ...
"""

from __future__ import annotations

import contextlib
import itertools
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol, Self, TypeVar

from ..errors import ConfigError

T = TypeVar("T")
R = TypeVar("R")

EXECUTORS = ("serial", "process", "dask")
# Chunks in flight per worker: enough to keep workers busy while the caller is busy elsewhere (the corpus
# phase writes a batch of 200 articles at a time and takes no results meanwhile; with 3 chunks of 32 the
# workers stood idle through each write: 10k articles, 2 workers, 249 -> 305 articles/s with 8 and the
# niceness below); few enough that memory does not grow with the input.
CHUNKS_IN_FLIGHT_PER_WORKER = 8


class Executor(Protocol):
    name: str
    workers: int

    def map(self, function: Callable[[T], R], chunks: Iterable[T]) -> Iterator[R]:
        """``function`` of every chunk, in input order."""
        ...

    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


class _Base:
    name = "serial"
    workers = 1

    def close(self) -> None:
        pass

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class SerialExecutor(_Base):
    """Runs every chunk in this process."""

    def map(self, function: Callable[[T], R], chunks: Iterable[T]) -> Iterator[R]:
        return map(function, chunks)


def _ordered(submit: Callable[[T], Any], chunks: Iterable[T], in_flight: int) -> Iterator[Any]:
    """Submit chunks keeping at most ``in_flight`` pending; yield their results in input order."""
    pending: deque[Any] = deque()
    iterator = iter(chunks)
    for chunk in itertools.islice(iterator, in_flight):
        pending.append(submit(chunk))
    while pending:
        result = pending.popleft().result()
        for chunk in itertools.islice(iterator, 1):
            pending.append(submit(chunk))
        yield result


# Workers run at this much lower priority than the process that feeds them: the per-corpus phase runs there,
# one process for the whole corpus, and when workers take its core the whole ingest waits on it (5 and 15
# measured: 15 keeps that process on its core).
WORKER_NICENESS = 15


def _yield_to_caller() -> None:
    if hasattr(os, "nice"):  # not on Windows
        with contextlib.suppress(OSError):  # not allowed here: run at the caller's priority
            os.nice(WORKER_NICENESS)


class ProcessExecutor(_Base):
    """A pool of local worker processes (spawned: no state of this process is inherited)."""

    name = "process"

    def __init__(self, workers: int | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers or os.cpu_count() or 1
        self._pool = ProcessPoolExecutor(
            self.workers, mp_context=multiprocessing.get_context("spawn"), initializer=_yield_to_caller
        )

    def map(self, function: Callable[[T], R], chunks: Iterable[T]) -> Iterator[R]:
        return _ordered(
            lambda chunk: self._pool.submit(function, chunk), chunks, self.workers * CHUNKS_IN_FLIGHT_PER_WORKER
        )

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)


class DaskExecutor(_Base):
    """A Dask cluster: the scheduler at ``scheduler`` (``tcp://host:8786``), or a local cluster of
    ``workers`` processes when no address is given."""

    name = "dask"

    def __init__(self, scheduler: str | None = None, workers: int | None = None) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError as exc:
            raise ConfigError("the Dask executor needs dask.distributed: pip install 'counterpoint[dask]'") from exc
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="20s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    dashboard_address=None,
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            raise ConfigError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        if self._cluster is not None:  # workers on this machine: as a local pool's
            self._client.run(_yield_to_caller)
        self.workers = max(1, len(self._client.scheduler_info().get("workers", {})))

    def map(self, function: Callable[[T], R], chunks: Iterable[T]) -> Iterator[R]:
        return _ordered(
            lambda chunk: self._client.submit(function, chunk, pure=False),
            chunks,
            self.workers * CHUNKS_IN_FLIGHT_PER_WORKER,
        )

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def open_executor(name: str = "serial", workers: int | None = None, scheduler: str | None = None) -> Executor:
    """The executor called ``name`` (one of :data:`EXECUTORS`)."""
    if name == "serial":
        return SerialExecutor()
    if name == "process":
        return ProcessExecutor(workers)
    if name == "dask":
        return DaskExecutor(scheduler, workers)
    raise ConfigError(f"no executor {name!r}; choose one of: {', '.join(EXECUTORS)}")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


__all__ = ["EXECUTORS", "DaskExecutor", "Executor", "ProcessExecutor", "SerialExecutor", "chunked", "open_executor"]
