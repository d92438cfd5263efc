"""The sentence embedder: its two precisions agree, and the report says which one aligned the claims."""

from __future__ import annotations

import numpy as np
import pytest

from counterpoint.embed import MiniLMEmbedder, load_embedder
from counterpoint.report.json_report import report_dict

from .conftest import compare_texts

TEXTS = [
    "The minister stressed the urgent need to repair the flood barriers.",
    "Repairs to the flood barriers are urgently needed, the minister said.",
    "The football season opens on Saturday.",
]


def test_bfloat16_and_float32_give_nearly_the_same_cosines() -> None:
    exact = load_embedder("float32").encode(TEXTS)
    embedder = load_embedder("bfloat16")
    assert isinstance(embedder, MiniLMEmbedder) and embedder.precision == "bfloat16"
    fast = embedder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    assert np.abs(exact @ exact.T - fast @ fast.T).max() < 0.01
    assert (exact @ exact.T)[0, 1] > (exact @ exact.T)[0, 2] + 0.3


def test_an_unknown_precision_is_refused() -> None:
    with pytest.raises(ValueError, match="float32"):
        MiniLMEmbedder("float16")


def test_the_report_names_the_embedder() -> None:
    comparison = compare_texts("Floods closed the coastal road on Sunday.", "Heavy rain flooded the coastal road.")
    assert report_dict(comparison)["generated_by"]["embedder"].startswith("all-MiniLM-L6-v2 (")


class _Counting:
    """A stand-in embedder that records what it was asked to encode."""

    def __init__(self, fail: bool = False) -> None:
        self.calls: list[list[str]] = []
        self.fail = fail

    def encode(self, texts: list[str]) -> np.ndarray:
        self.calls.append(list(texts))
        if self.fail:
            raise RuntimeError("model crashed")
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)


def test_prefetched_texts_are_embedded_once() -> None:
    from counterpoint.embed import CachingEmbedder

    inner = _Counting()
    embedder = CachingEmbedder(inner)
    embedder.prefetch(["a b", "c", "a b"])
    vectors = embedder.encode(["c", "dd", "a b", "dd"])
    assert vectors[:, 0].tolist() == [1, 2, 3, 2]
    assert inner.calls == [["a b", "c"], ["dd"]]


def test_a_failure_in_the_background_reaches_the_caller() -> None:
    from counterpoint.embed import CachingEmbedder

    embedder = CachingEmbedder(_Counting(fail=True))
    embedder.prefetch(["a"])
    with pytest.raises(RuntimeError, match="model crashed"):
        embedder.encode(["a"])
