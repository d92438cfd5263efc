"""Lines: the probability that a line of page text is part of the article, from its shape and its place.

Text copied or scraped from a whole page carries the page with it: menus, link lists, teasers, captions,
share bars, footers, comments. Such lines look alike on every site: short, capitalised like labels, without
the function words of prose, without a closing full stop, and far from the long run of sentences that is
the article. A logistic model over those signals (:data:`FEATURES`), trained on the labelled text blocks of
621 news pages (L3S-GN1; ``bench/linemodel.py``) and shipped as ``data/line_model.json``, gives each line
the probability that it is article body. The cleaner removes lines the model is sure of (reason
``boilerplate``, with the probability in the detail), after its own recognisers have had their say.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .. import logistic

FEATURES = (
    "words",
    "ends_sentence",
    "function_words",
    "capitalised",
    "digits",
    "commas",
    "position",
    "window_words",
    "window_ends",
    "prose_distance",
    "repeated",
    "handles",
    "separators",
    "upper",
)
# Lines around each line that describe its neighbourhood (three before, three after).
WINDOW = 3
# A line of prose: at least this many words and a sentence's end.
PROSE_MIN_WORDS = 12
_FUNCTION_WORDS = frozenset(
    """the a an of in on at to for and or but with by from as that this is are was were be been has have had it
    its he she they his her their them we our you your not no will would could should said says which who
    when where while after before than then there if so also""".split()
)
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*|\d[\d.,]*", re.UNICODE)
# Chinese and Japanese write without spaces: a run of their characters is read as words of
# CJK_CHARS_PER_WORD characters, and their particles as function words, so that a paragraph of Japanese
# has the shape of prose, not of one long word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
CJK_CHARS_PER_WORD = 2
# the commonest particles of Japanese (no, wa, ga, wo, ni, de, to, mo, he, ya) and of Chinese (de, le, shi, zai, he, ye)
_CJK_FUNCTION = frozenset(
    "\u306e\u306f\u304c\u3092\u306b\u3067\u3068\u3082\u3078\u3084\u7684\u4e86\u662f\u5728\u548c\u4e5f"
)
_HANDLE = re.compile(r"https?://|www\.|(?:^|\s)[@#]\w|\.com\b|\.org\b", re.I)
_SEPARATOR = re.compile(r"[|\u2022\u00bb\u203a\u00b7\u2192>/]")
_ENDS = tuple(".!?\"'\u201d\u2019)\u2026\u3002\uff01\uff1f\u300d")


def _words(line: str) -> tuple[list[str], float, int]:
    """The words of ``line`` outside runs of Chinese or Japanese characters, the number of words in all, and how
    many of them are function words."""
    cjk = particles = 0
    if not line.isascii():
        runs = _CJK.findall(line)
        cjk = sum(map(len, runs))
        particles = sum(c in _CJK_FUNCTION for run in runs for c in run)
        line = _CJK.sub(" ", line) if cjk else line
    words = _WORD.findall(line)
    function = sum(w.lower() in _FUNCTION_WORDS for w in words) + particles
    return words, len(words) + cjk / CJK_CHARS_PER_WORD, function


def _own(line: str) -> list[float]:
    words, total, function = _words(line)
    count = max(1.0, total)
    alpha = [w for w in words if w[0].isalpha()]
    return [
        math.log1p(total),
        float(line.rstrip().endswith(_ENDS)),
        function / count,
        sum(w[0].isupper() for w in alpha) / max(1, len(alpha)),
        sum(c.isdigit() for c in line) / max(1, len(line)),
        line.count(",") / count,
    ]


def is_prose(line: str) -> bool:
    """Whether ``line`` is prose: at least PROSE_MIN_WORDS words and a sentence's end."""
    return line.rstrip().endswith(_ENDS) and _words(line)[1] >= PROSE_MIN_WORDS


def prose_share(lines: list[str]) -> float:
    """The share of lines that are prose."""
    return sum(map(is_prose, lines)) / len(lines) if lines else 0.0


def line_features(lines: list[str]) -> NDArray[np.float64]:
    """One row of :data:`FEATURES` per line of a text (its non-empty lines, in order)."""
    n = len(lines)
    if n == 0:
        return np.zeros((0, len(FEATURES)))
    own = np.array([_own(line) for line in lines])
    words, ends = own[:, 0], own[:, 1]
    prose = np.flatnonzero((words >= math.log1p(PROSE_MIN_WORDS)) & (ends > 0))
    counts = Counter(line.strip().lower() for line in lines)
    rows = []
    for i, line in enumerate(lines):
        window = [j for j in range(max(0, i - WINDOW), min(n, i + WINDOW + 1)) if j != i]
        distance = float(np.min(np.abs(prose - i))) if len(prose) else float(n)
        tokens = line.split()
        rows.append(
            [
                *own[i],
                i / max(1, n - 1),
                float(np.mean(words[window])) if window else 0.0,
                float(np.mean(ends[window])) if window else 0.0,
                math.log1p(distance),
                float(counts[line.strip().lower()] > 1),
                float(bool(_HANDLE.search(line))),
                len(_SEPARATOR.findall(line)) / max(1, len(tokens)),
                sum(t.isupper() and len(t) > 1 for t in tokens) / max(1, len(tokens)),
            ]
        )
    return np.array(rows)


@dataclass(frozen=True, slots=True)
class LineModel:
    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]
    intercept: float

    def body_probability(self, lines: list[str]) -> NDArray[np.float64]:
        """The probability that each line is article body."""
        if self.features != FEATURES:
            raise ValueError("the line model was trained on other features: retrain it with bench/linemodel.py")
        return logistic.probability(line_features(lines), self.mean, self.scale, self.weights, self.intercept)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LineModel:
        return cls(tuple(data["features"]), *logistic.parameters(data))


@functools.lru_cache(maxsize=1)
def load_line_model() -> LineModel:
    """The shipped line model (``counterpoint/data/line_model.json``)."""
    return LineModel.from_dict(logistic.load("line_model.json"))
