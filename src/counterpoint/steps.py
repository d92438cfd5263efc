"""One shape for every step of the pipeline: what it needs, what it adds, and a check of their order.

A :class:`Step` runs on a :class:`Work` (the articles and everything found about them so far) and names the
things it needs and the things it adds ("sentences", "parse", "claims" ...). :func:`run_steps` checks that
every step comes after the steps that add what it needs (:func:`check_order`) before it runs any, so a
misordered pipeline fails at once with a message saying which step to move, instead of half way through a
batch. The steps themselves, grouped by phase (per article, per story), are listed in
:mod:`counterpoint.pipeline`; the per-corpus phase (wire copies, stories, the store) is
:class:`counterpoint.corpus.Corpus`, fed batch by batch with what the per-article steps add.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Protocol, TypeVar

from .errors import ConfigError
from .model import Comparison, RawMention, Resolution

if TYPE_CHECKING:
    from .corpus import Features
    from .embed import CachingEmbedder
    from .linking import Scored
    from .nlp import ParsedLine
    from .pipeline import CompareOptions
    from .stages.clean import Block
    from .stages.entities import Gazetteer

Phase = Literal["article", "story"]
T = TypeVar("T")


class Versioned(Protocol):
    """A stage module: its name and version go into every report it contributes to."""

    NAME: str
    VERSION: str


@dataclass(slots=True)
class Work:
    """What the steps work on: the articles, the comparison they fill, and what earlier steps found.

    ``done`` holds the names of what has been added so far (:attr:`Step.adds`).
    """

    comparison: Comparison
    options: CompareOptions
    done: set[str] = field(default_factory=set)
    blocks: dict[str, list[Block]] = field(default_factory=dict)
    parsed: dict[str, list[ParsedLine]] = field(default_factory=dict)
    embedder: CachingEmbedder | None = None
    gazetteer: Gazetteer | None = None
    resolution: Resolution | None = None
    mentions: list[RawMention] = field(default_factory=list)
    features: list[Features] = field(default_factory=list)
    scored: Scored | None = None


@dataclass(frozen=True, slots=True)
class Step:
    """A step of the pipeline: ``run`` reads what ``needs`` names from the work and adds what ``adds`` names.

    ``stage`` is the stage module whose name and version the report records (none for steps that only call
    a library, such as the parse); ``tell`` says what the step is doing, for a progress display.
    """

    name: str
    phase: Phase
    needs: frozenset[str]
    adds: frozenset[str]
    run: Callable[[Work], None]
    stage: Versioned | None = None
    tell: Callable[[Work], str] | None = None


def step(
    name: str,
    phase: Phase,
    needs: Iterable[str],
    adds: Iterable[str],
    run: Callable[[Work], None],
    stage: Versioned | None = None,
    tell: Callable[[Work], str] | None = None,
) -> Step:
    """A :class:`Step`, with ``needs`` and ``adds`` given as any iterables of names."""
    return Step(name, phase, frozenset(needs), frozenset(adds), run, stage, tell)


def check_order(steps: Sequence[Step], given: Iterable[str] = ()) -> None:
    """Raise :class:`~counterpoint.errors.ConfigError` unless every step comes after what adds its needs.

    ``given`` names what the work holds before the first step (for articles read from the store: their
    sentences, already cleaned).
    """
    available = set(given)
    added_by = {name: s.name for s in steps for name in s.adds}
    for s in steps:
        missing = sorted(s.needs - available)
        if missing:
            later = sorted({added_by[m] for m in missing if m in added_by})
            where = f"; put it after {', '.join(later)}" if later else "; no step adds it"
            raise ConfigError(f"step '{s.name}' needs {', '.join(missing)}, which no step before it adds{where}")
        available |= s.adds


def run_steps(steps: Sequence[Step], work: Work) -> Work:
    """Check the order of ``steps`` against what ``work`` holds, then run them in turn."""
    check_order(steps, work.done)
    for s in steps:
        if s.tell is not None and work.options.progress is not None:
            work.options.progress(s.tell(work))
        s.run(work)
        work.done |= s.adds
    return work


def stage_versions(steps: Iterable[Step], first: Versioned) -> dict[str, str]:
    """The name and version of every stage module behind ``steps`` (after ``first``, the reader), in order."""
    versions = {first.NAME: first.VERSION}
    for s in steps:
        if s.stage is not None:
            versions.setdefault(s.stage.NAME, s.stage.VERSION)
    return versions


def got(value: T | None, name: str) -> T:
    """``value``, which an earlier step added; :func:`check_order` makes sure one did."""
    if value is None:
        raise ConfigError(f"'{name}' is missing: the step that adds it has not run (see counterpoint.pipeline)")
    return value
