"""Sentence bias: the probability that a sentence reads as loaded, from a model learned on BABE.

A logistic model over two kinds of evidence (``bench/biasmodel.py`` fits it; ``data/bias_model.json`` holds
the fitted parameters, the learned lexicon and the thresholds):

* the sentence's all-MiniLM-L6-v2 embedding (384 numbers: the pipeline has already computed it for
  alignment, so scoring costs a dot product);
* cheap lexical counts (:data:`LEXICAL_FEATURES`): words of a lexicon *learned* from BABE's word-level
  annotations (each word stem with the share of BABE sentences containing it in which experts marked it as
  biased), hits of the hand-written framing lexicon, intensifiers, superlatives, quotation marks,
  first-person words, exclamation and question marks, length.

Nothing here reads an outlet's name, rating or side: the same sentence gets the same probability whoever
published it. The words of the learned lexicon that occur in a sentence are its evidence
(:meth:`BiasModel.evidence`): framing points at them when the sentence is flagged.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import NDArray

from . import logistic
from .embed import EMBEDDING_DIMENSIONS
from .text import STOPWORDS, stem

__all__ = [
    "EMBEDDING_DIMENSIONS",
    "LEXICAL_FEATURES",
    "BiasModel",
    "learned_words",
    "lexical_features",
    "load_bias_model",
    "quoted_spans",
]

LEXICAL_FEATURES = (
    "learned_count",
    "learned_sum",
    "learned_max",
    "hand_lexicon",
    "intensifiers",
    "superlatives",
    "quoted_share",
    "short_quotes",
    "first_person",
    "exclamations",
    "questions",
    "words",
)

_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*[A-Za-z]|[A-Za-z]")
_INTENSIFIERS = frozenset(
    """very extremely incredibly utterly totally absolutely completely entirely truly really deeply highly
    hugely enormously massively wildly insanely ridiculously outrageously remarkably exceedingly terribly
    awfully seriously especially particularly""".split()
)
_SUPERLATIVES = frozenset("most least best worst biggest greatest largest ultimate".split())
# -est words that are not superlatives
_NOT_SUPERLATIVE = frozenset(
    """interest protest west request arrest suggest invest honest modest forest harvest manifest contest digest
    earnest nest chest quest conquest guest lest pest vest zest attest detest infest ingest congest molest
    behest priest southwest northwest midwest unrest""".split()
)
_QUOTED = re.compile(r"\u201c[^\u201c\u201d]{1,2000}\u201d|\"[^\"]{1,2000}\"|(?<!\w)'[^']{1,60}'(?!\w)")
_FIRST_PERSON = frozenset("i we our ours us my me mine myself ourselves".split())


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """Offsets of every stretch of ``text`` in quotation marks, short ones included ("blatantly lied")."""
    return [(m.start(), m.end()) for m in _QUOTED.finditer(text)]


def learned_words(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` as the learned lexicon sees them: (start, end, stem), stop words left out."""
    found = []
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("\u2019", "'")
        if len(word) < 3 or word in STOPWORDS:
            continue
        found.append((match.start(), match.end(), stem(word)))
    return found


def lexical_features(text: str, lexicon: dict[str, float], min_rate: float, hand_hits: int) -> NDArray[np.float64]:
    """The :data:`LEXICAL_FEATURES` of one sentence.

    ``lexicon`` maps stems to the share of BABE sentences with the word in which it was marked biased;
    stems under ``min_rate`` do not count. ``hand_hits`` is the number of hand-lexicon matches
    (:func:`counterpoint.stages.framing.lexicon_hits`).
    """
    rates = [lexicon[s] for _, _, s in learned_words(text) if lexicon.get(s, 0.0) >= min_rate]
    words = [w.lower() for w in _WORD.findall(text)]
    quoted = [m.group() for m in _QUOTED.finditer(text)]
    outside = _QUOTED.sub(" ", text)
    superlatives = sum(
        w in _SUPERLATIVES or (len(w) > 5 and w.endswith("est") and w not in _NOT_SUPERLATIVE) for w in words
    )
    return np.array(
        [
            len(rates),
            sum(rates),
            max(rates, default=0.0),
            hand_hits,
            sum(w in _INTENSIFIERS for w in words),
            superlatives,
            sum(len(q) for q in quoted) / max(1, len(text)),
            sum(len(q.split()) <= 3 for q in quoted),
            sum(w.lower() in _FIRST_PERSON for w in _WORD.findall(outside)),
            text.count("!"),
            text.count("?"),
            math.log1p(len(words)),
        ],
        dtype=np.float64,
    )


@dataclass(frozen=True, slots=True)
class BiasModel:
    """A fitted sentence-bias model: standardisation, weights, the learned lexicon and the thresholds.

    ``threshold`` is the decision threshold that maximised macro-F1 on BABE (out-of-fold); ``note_threshold``
    is the higher one above which framing makes a note, chosen for precision (``bench/biasmodel.py``).
    """

    embedder: str
    features: tuple[str, ...]
    mean: NDArray[np.float64]
    scale: NDArray[np.float64]
    weights: NDArray[np.float64]
    intercept: float
    lexicon: dict[str, float]
    min_rate: float
    evidence_words: frozenset[str]
    threshold: float
    note_threshold: float

    def __post_init__(self) -> None:
        expected = len(LEXICAL_FEATURES) + EMBEDDING_DIMENSIONS
        if self.features[: len(LEXICAL_FEATURES)] != LEXICAL_FEATURES or len(self.features) != expected:
            raise ValueError(
                f"the bias model was fitted on other features ({len(self.features)}, expected {expected}: "
                f"{', '.join(LEXICAL_FEATURES)} and {EMBEDDING_DIMENSIONS} embedding dimensions); "
                "refit it with bench/biasmodel.py --fit"
            )
        if not len(self.mean) == len(self.scale) == len(self.weights) == expected:
            raise ValueError(f"the bias model's mean, scale and weights must each have {expected} numbers")

    def feature_matrix(
        self, texts: Sequence[str], vectors: NDArray[np.float32], hand_hits: Sequence[int]
    ) -> NDArray[np.float64]:
        """One row per sentence: its lexical features, then its embedding."""
        if len(texts) != len(vectors) or len(texts) != len(hand_hits):
            raise ValueError("texts, vectors and hand_hits must have one entry per sentence")
        if len(texts) == 0:
            return np.zeros((0, len(self.features)), dtype=np.float64)
        if vectors.shape[1] != EMBEDDING_DIMENSIONS:
            raise ValueError(
                f"the bias model expects {self.embedder} vectors of {EMBEDDING_DIMENSIONS} numbers, "
                f"not {vectors.shape[1]}"
            )
        lexical = np.stack(
            [lexical_features(t, self.lexicon, self.min_rate, h) for t, h in zip(texts, hand_hits, strict=True)]
        )
        return np.hstack([lexical, vectors.astype(np.float64)])

    def probability(
        self, texts: Sequence[str], vectors: NDArray[np.float32], hand_hits: Sequence[int]
    ) -> NDArray[np.float64]:
        """The probability that each sentence reads as biased (BABE's sense: loaded, one-sided wording)."""
        x = self.feature_matrix(texts, vectors, hand_hits)
        return logistic.probability(x, self.mean, self.scale, self.weights, self.intercept)

    def evidence(self, text: str) -> list[tuple[int, int]]:
        """Offsets in ``text`` of the words the learned lexicon holds to be loaded in themselves (marked in at
        least half of the BABE sentences that contain them, and in several)."""
        return [(a, b) for a, b, s in learned_words(text) if s in self.evidence_words]

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> BiasModel:
        return cls(
            str(data["embedder"]),
            tuple(data["features"]),
            *logistic.parameters(data),
            {str(k): float(v) for k, v in data["lexicon"].items()},
            float(data["lexicon_min_rate"]),
            frozenset(str(s) for s in data["evidence"]),
            float(data["threshold"]),
            float(data["note_threshold"]),
        )


@functools.lru_cache(maxsize=1)
def load_bias_model() -> BiasModel:
    """The shipped sentence-bias model (``counterpoint/data/bias_model.json``)."""
    return BiasModel.from_dict(logistic.load("bias_model.json"))
