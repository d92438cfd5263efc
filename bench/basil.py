"""BASIL: do framing notes find the words annotators marked as lexical bias?

BASIL (Fan et al. 2019) has 100 events told by Fox News, the New York Times and the Huffington Post; its
annotators marked spans of *lexical* bias (loaded wording: "slammed", "radical", "a stunning rebuke") and of
*informational* bias (content chosen to sway: facts, quotes). Each article is read as a one-article story
(title, then its paragraphs) and the framing stage's notes are scored against the lexical spans:

* **token** precision / recall / F1: words (``\\w+``) inside a note against words inside a marked span;
* **exact** precision / recall / F1: a note whose span is a marked span (surrounding punctuation and
  quotation marks aside);
* recall is also given against the spans outside quotations only (BASIL marks loaded words inside quotes
  too, which framing leaves to the speaker by design).

Systems: every adjective and adverb (trivial baseline), the hand lexicon's notes (no model), the shipped
notes (hand lexicon plus the BABE sentence model's ``loaded sentence`` notes), the words of the learned BABE
lexicon (evidence stems, every occurrence outside quotes, and only in sentences the model scores at its
decision threshold), and a word tagger trained on BASIL itself: logistic regression over word features (the
BABE lexicon's rate, the hand lexicon, the sentence model's probability, part of speech, quotation, a BASIL
lexicon cross-fitted on the training events), 5-fold cross-validation by event (the folds are the events'
sorted ids shuffled by ``SEED``, fixed before any score was seen; inside each training part the lexicon and
the threshold are chosen by an inner 4-fold split by event).

    python bench/basil.py [--data ../shared/bench/basil] [--embeddings basil.npz]

Sentence vectors (MiniLM, float32) take 3-6 minutes on 2 cores; ``--embeddings`` keeps them between runs.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from counterpoint.bias import load_bias_model, quoted_spans
from counterpoint.model import Article
from counterpoint.nlp import ParsedLine, parse_articles
from counterpoint.pipeline import prepare_article
from counterpoint.stages import framing
from counterpoint.stages.ingest import article_from_text
from counterpoint.text import STOPWORDS, stem

sys.path.insert(0, str(Path(__file__).resolve().parent))
from biasmodel import embed  # noqa: E402  (one cache format for MiniLM vectors of a benchmark's texts)

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "basil"
SEED = 13
FOLDS = 5
INNER_FOLDS = 4
# BASIL lexicon (learned on training events only): a lemma's rate is (times inside a lexical span) /
# (occurrences + PRIOR).
PRIOR = 3.0
C = 1.0
# Lexical-bias words are about 0.3% of BASIL's words: the tagger's best thresholds lie low.
THRESHOLDS = np.round(np.concatenate([np.arange(0.005, 0.1, 0.005), np.arange(0.1, 0.91, 0.025)]), 3)
_WORD = re.compile(r"\w+")
POS = ("ADJ", "ADV", "VERB", "NOUN", "PROPN")
FEATURES = (
    "babe_rate",
    "babe_evidence",
    "hand_lexicon",
    "sentence_probability",
    "inside_quotes",
    *(f"pos_{p}" for p in POS),
    "capitalised",
    "basil_rate",
    "basil_seen",
    "letters",
)

Array = np.ndarray[Any, Any]
Span = tuple[int, int]


@dataclass(slots=True)
class Document:
    name: str
    event: str
    outlet: str
    article: Article
    lexical: list[tuple[int, int, bool]]  # start, end, inside a quotation (BASIL's "quote" field)
    informational: list[Span]
    lines: list[ParsedLine] = field(default_factory=list)


def load(data: Path) -> list[Document]:
    """Every BASIL article as a cleaned article with its marked spans as offsets into its text."""
    documents = []
    for path in sorted((data / "articles").glob("*/*.json")):
        record = json.loads(path.read_text("utf-8"))
        annotations = json.loads((data / "annotations" / path.parent.name / f"{path.stem}_ann.json").read_text())
        sentences = [record["title"].strip()]
        text = sentences[0] + "\n\n"
        starts = [0]
        for paragraph in record["body-paragraphs"]:
            for k, sentence in enumerate(paragraph):
                if k:
                    text += " "
                starts.append(len(text))
                sentences.append(sentence)
                text += sentence
            text += "\n\n"
        lexical, informational = [], []
        for span in annotations["phrase-level-annotations"]:
            found = [i for i, s in enumerate(sentences) if s[span["start"] : span["end"]] == span["txt"]]
            if not found:
                continue
            start = starts[found[0]] + span["start"]
            end = start + len(span["txt"])
            if span["bias"] == "lex":
                lexical.append((start, end, span["quote"].lower() == "yes"))
            else:
                informational.append((start, end))
        outlet = record["source"].lower()
        article = prepare_article(article_from_text(text, source=str(path), outlet=outlet))
        documents.append(Document(path.stem, record["triplet-uuid"], outlet, article, lexical, informational))
    return documents


def folds(documents: Sequence[Document], k: int, seed: int) -> list[set[str]]:
    """Events in ``k`` folds: sorted ids shuffled by ``seed``, dealt round."""
    events = sorted({d.event for d in documents})
    random.Random(seed).shuffle(events)
    return [set(events[i::k]) for i in range(k)]


class Lookup:
    """An embedder that serves precomputed vectors (the framing stage asks for its sentences' vectors)."""

    def __init__(self, texts: list[str], vectors: Array) -> None:
        self.rows = {t: i for i, t in enumerate(texts)}
        self.vectors = vectors

    def encode(self, texts: Sequence[str]) -> Array:
        return np.asarray(self.vectors[[self.rows[t] for t in texts]], dtype=np.float32)


def trim(text: str, start: int, end: int) -> Span:
    """A span without surrounding spaces, punctuation and quotation marks."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


@dataclass(slots=True)
class Score:
    gold_tokens: int = 0
    predicted_tokens: int = 0
    shared_tokens: int = 0
    gold_spans: int = 0
    predicted_spans: int = 0
    exact: int = 0
    own_voice_gold: int = 0
    own_voice_found: int = 0  # gold spans outside quotations that a prediction overlaps
    informational: int = 0  # predictions overlapping an informational span

    def add(self, document: Document, predicted: list[Span]) -> None:
        text = document.article.text
        words = [(m.start(), m.end()) for m in _WORD.finditer(text)]
        gold = [(a, b) for a, b, _ in document.lexical]

        def inside(spans: list[Span]) -> set[int]:
            return {i for i, (a, b) in enumerate(words) if any(a < e and s < b for s, e in spans)}

        gold_words, predicted_words = inside(gold), inside(predicted)
        self.gold_tokens += len(gold_words)
        self.predicted_tokens += len(predicted_words)
        self.shared_tokens += len(gold_words & predicted_words)
        self.gold_spans += len(gold)
        self.predicted_spans += len(predicted)
        trimmed = {trim(text, a, b) for a, b in gold}
        self.exact += sum(trim(text, a, b) in trimmed for a, b in predicted)
        for a, b, quoted in document.lexical:
            if not quoted:
                self.own_voice_gold += 1
                self.own_voice_found += any(s < b and a < e for s, e in predicted)
        self.informational += sum(any(s < b and a < e for s, e in document.informational) for a, b in predicted)

    def token_f1(self) -> float:
        return _f1(self.shared_tokens, self.predicted_tokens, self.gold_tokens)

    def exact_f1(self) -> float:
        return _f1(self.exact, self.predicted_spans, self.gold_spans)

    def row(self, name: str) -> str:
        def prf(found: int, predicted: int, gold: int) -> str:
            p, r = found / max(1, predicted), found / max(1, gold)
            return f"{p:.3f} | {r:.3f} | {_f1(found, predicted, gold):.3f}"

        return (
            f"| {name} | {self.predicted_spans} | {prf(self.shared_tokens, self.predicted_tokens, self.gold_tokens)} "
            f"| {prf(self.exact, self.predicted_spans, self.gold_spans)} "
            f"| {self.own_voice_found / max(1, self.own_voice_gold):.3f} "
            f"| {self.informational / max(1, self.predicted_spans):.2f} |"
        )


def _f1(found: int, predicted: int, gold: int) -> float:
    p, r = found / max(1, predicted), found / max(1, gold)
    return 2 * p * r / max(1e-9, p + r)


@dataclass(slots=True)
class Words:
    """Every word of every document as the tagger sees it."""

    document: list[int] = field(default_factory=list)
    sentence: list[int] = field(default_factory=list)  # a running sentence number
    spans: list[Span] = field(default_factory=list)
    lemma: list[str] = field(default_factory=list)
    label: list[int] = field(default_factory=list)
    rows: list[list[float]] = field(default_factory=list)


def word_table(documents: list[Document], probability: dict[str, float], hand: list[list[Span]]) -> Words:
    """The tagger's words: alphabetic tokens of compared lines, with the features that need no training."""
    model = load_bias_model()
    words = Words()
    sentence_number = 0
    for index, document in enumerate(documents):
        article = document.article
        gold = [(a, b) for a, b, _ in document.lexical]
        for sentence in article.sentences:
            if sentence.role == "dateline":
                continue
            sentence_number += 1
            text = article.sentence_text(sentence)
            quoted = [(sentence.start + a, sentence.start + b) for a, b in quoted_spans(text)]
            p = probability.get(sentence.sentence_id, 0.0)
            for line in document.lines:
                if not (line.start <= sentence.start < line.end or sentence.start <= line.start < sentence.end):
                    continue
                for token in line.doc:
                    start = line.start + token.idx
                    end = start + len(token.text)
                    if not (sentence.start <= start and end <= sentence.end) or not token.is_alpha:
                        continue
                    lowered = token.text.lower()
                    word_stem = stem(lowered)
                    words.document.append(index)
                    words.sentence.append(sentence_number)
                    words.spans.append((start, end))
                    words.lemma.append(token.lemma_.lower())
                    words.label.append(int(any(a < end and start < b for a, b in gold)))
                    words.rows.append(
                        [
                            0.0 if lowered in STOPWORDS else model.lexicon.get(word_stem, 0.0),
                            float(word_stem in model.evidence_words and lowered not in STOPWORDS),
                            float(any(a <= start and end <= b for a, b in hand[index])),
                            p,
                            float(any(a <= start and end <= b for a, b in quoted)),
                            *(float(token.pos_ == pos) for pos in POS),
                            float(token.text[:1].isupper() and token.i > line.doc[0].i),
                            0.0,  # basil_rate: filled per fold
                            0.0,  # basil_seen
                            float(np.log1p(len(token.text))),
                        ]
                    )
    return words


def basil_lexicon(words: Words, rows: Array) -> dict[str, tuple[float, int]]:
    """(rate, occurrences) of each lemma over ``rows``: how often it lies in a lexical span."""
    seen: Counter[str] = Counter()
    marked: Counter[str] = Counter()
    for i in rows:
        seen[words.lemma[i]] += 1
        marked[words.lemma[i]] += words.label[i]
    return {w: (marked[w] / (n + PRIOR), n) for w, n in seen.items()}


def matrix(words: Words, rows: Array, lexicon: dict[str, tuple[float, int]]) -> Array:
    x = np.array([words.rows[i] for i in rows], dtype=np.float64)
    rate = FEATURES.index("basil_rate")
    for k, i in enumerate(rows):
        found, count = lexicon.get(words.lemma[i], (0.0, 0))
        x[k, rate] = found
        x[k, rate + 1] = np.log1p(count)
    return x


def cross_fitted(words: Words, rows: Array, groups: list[set[str]], event_of: list[str]) -> Array:
    """Features of ``rows`` with each group's BASIL lexicon learned on the other groups (as a new article's)."""
    x = np.zeros((len(rows), len(FEATURES)))
    for events in groups:
        part = np.array([k for k, i in enumerate(rows) if event_of[words.document[i]] in events], dtype=int)
        rest = np.array([i for i in rows if event_of[words.document[i]] not in events], dtype=int)
        x[part] = matrix(words, rows[part], basil_lexicon(words, rest))
    return x


def fit(x: Array, y: Array) -> Any:
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    return make_pipeline(StandardScaler(), LogisticRegression(C=C, max_iter=2000)).fit(x, y)


def f1(y: Array, flagged: Array) -> float:
    tp = float((y & flagged).sum())
    return 2 * tp / max(1.0, float(y.sum() + flagged.sum()))


def tagger(words: Words, documents: list[Document], outer: list[set[str]]) -> tuple[Array, list[float]]:
    """Out-of-fold probabilities of the trained word tagger (5 folds by event) and each word's fold threshold
    (chosen inside its training part)."""
    event_of = [d.event for d in documents]
    y = np.array(words.label, dtype=int)
    every = np.arange(len(words.label))
    probability = np.zeros(len(every))
    threshold_of = np.zeros(len(every))
    for k, test_events in enumerate(outer):
        is_test = np.array([event_of[d] in test_events for d in words.document])
        train, test = every[~is_test], every[is_test]
        train_events = sorted({event_of[words.document[i]] for i in train})
        random.Random(SEED + 1 + k).shuffle(train_events)
        inner = [set(train_events[j::INNER_FOLDS]) for j in range(INNER_FOLDS)]
        x_train = cross_fitted(words, train, inner, event_of)
        # threshold: best word F1 over the inner out-of-fold probabilities
        oof = np.zeros(len(train))
        for events in inner:
            held = np.array([event_of[words.document[i]] in events for i in train])
            oof[held] = fit(x_train[~held], y[train][~held]).predict_proba(x_train[held])[:, 1]
        threshold = float(max(THRESHOLDS, key=lambda t: f1(y[train], oof >= t)))
        model = fit(x_train, y[train])
        probability[test] = model.predict_proba(matrix(words, test, basil_lexicon(words, train)))[:, 1]
        threshold_of[test] = threshold
    return probability, list(threshold_of)


def spans_of(words: Words, documents: list[Document], flagged: Array) -> list[list[Span]]:
    """Flagged words as spans per document, adjacent words joined."""
    found: dict[int, list[Span]] = defaultdict(list)
    for i in np.flatnonzero(flagged):
        found[words.document[i]].append(words.spans[i])
    return [_join(documents[i].article.text, sorted(found.get(i, []))) for i in range(len(documents))]


def _join(text: str, spans: list[Span]) -> list[Span]:
    """Adjacent flagged words (only spaces between) as one span."""
    joined: list[Span] = []
    for start, end in spans:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


@dataclass(slots=True)
class Prepared:
    documents: list[Document]
    hand_notes: list[list[Span]]  # the hand lexicon's notes, per document
    shipped: list[list[Span]]  # the shipped framing notes (hand lexicon + BABE sentence model)
    probability: dict[str, float]  # the sentence model's probability, per sentence id


def prepare(data: Path, embeddings: Path | None = None, events: int | None = None) -> Prepared:
    """Every article read as a one-article story: its hand-lexicon notes, its shipped notes and the
    sentence model's probability of each sentence."""
    documents = load(data)
    if events:
        kept = sorted({d.event for d in documents})[:events]
        documents = [d for d in documents if d.event in kept]
    parsed = parse_articles([d.article for d in documents])
    for document in documents:
        document.lines = parsed.get(document.article.article_id, [])
    texts = sorted({d.article.sentence_text(s) for d in documents for s in d.article.sentences})
    embedder = Lookup(texts, embed(texts, embeddings))
    lexicon = framing.load_lexicon()
    model = load_bias_model()
    prepared = Prepared(documents, [], [], {})
    for document in documents:
        article, lines = document.article, document.lines
        names = [(p.start + e.start_char, p.start + e.end_char) for p in lines for e in p.doc.ents]
        hand = framing.find_framing(article, lines, lexicon, names)
        notes = framing.find_framing(article, lines, lexicon, names, embedder=embedder)
        prepared.hand_notes.append([(n.start, n.end) for n in hand])
        prepared.shipped.append([(n.start, n.end) for n in notes])
        sentences = [s for s in article.sentences if s.role != "dateline"]
        sentence_texts = [article.sentence_text(s) for s in sentences]
        if sentences:
            hits = [framing.lexicon_hits(t, lexicon) for t in sentence_texts]
            scores = model.probability(sentence_texts, embedder.encode(sentence_texts), hits)
            for s, p in zip(sentences, scores, strict=True):
                prepared.probability[s.sentence_id] = float(p)
    return prepared


def scored(documents: list[Document], predicted: list[list[Span]]) -> Score:
    score = Score()
    for document, spans in zip(documents, predicted, strict=True):
        score.add(document, spans)
    return score


def main() -> int:
    from threadpoolctl import threadpool_limits

    with threadpool_limits(1):
        return run()


def run() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--embeddings", type=Path, help="an .npz file to keep the sentence vectors in")
    parser.add_argument("--events", type=int, help="only the first N events (a quick check; figures differ)")
    args = parser.parse_args()
    if not (args.data / "articles").is_dir():
        print(f"skipped: no BASIL data at {args.data}")
        return 0
    started = time.perf_counter()
    prepared = prepare(args.data, args.embeddings, args.events)
    documents, hand_notes, shipped, probability = (
        prepared.documents,
        prepared.hand_notes,
        prepared.shipped,
        prepared.probability,
    )
    model = load_bias_model()
    print(f"prepared {len(documents)} articles in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    words = word_table(documents, probability, hand_notes)
    outer = folds(documents, FOLDS, SEED)
    probability_of_word, per_word_threshold = tagger(words, documents, outer)
    thresholds = np.array(per_word_threshold)
    trained = spans_of(words, documents, probability_of_word >= thresholds)

    systems: dict[str, list[list[Span]]] = {
        "trivial: every adjective and adverb": [],
        "hand lexicon notes (no model)": hand_notes,
        "shipped framing notes (hand lexicon + BABE sentence model)": shipped,
        "BABE evidence words, outside quotes": [],
        f"BABE evidence words in sentences at p >= {model.threshold}": [],
        "word tagger trained on BASIL (5-fold CV by event)": trained,
    }
    evidence = ([], [])  # type: tuple[list[list[Span]], list[list[Span]]]
    for document in documents:
        adjectives, anywhere, flagged = [], [], []
        article = document.article
        for sentence in article.sentences:
            text = article.sentence_text(sentence)
            quoted = quoted_spans(text)
            for a, b in model.evidence(text):
                if any(q <= a and b <= r for q, r in quoted):
                    continue
                anywhere.append((sentence.start + a, sentence.start + b))
                if probability.get(sentence.sentence_id, 0.0) >= model.threshold:
                    flagged.append((sentence.start + a, sentence.start + b))
        for line in document.lines:
            for token in line.doc:
                if token.pos_ in ("ADJ", "ADV") and token.is_alpha and token.text.lower() not in STOPWORDS:
                    adjectives.append((line.start + token.idx, line.start + token.idx + len(token.text)))
        systems["trivial: every adjective and adverb"].append(adjectives)
        evidence[0].append(anywhere)
        evidence[1].append(flagged)
    systems["BABE evidence words, outside quotes"] = evidence[0]
    systems[f"BABE evidence words in sentences at p >= {model.threshold}"] = evidence[1]

    lexical = sum(len(d.lexical) for d in documents)
    own = sum(not q for d in documents for _, _, q in d.lexical)
    print(
        f"BASIL: {len(documents)} articles of {len({d.event for d in documents})} events; {lexical} lexical-bias "
        f"spans ({own} outside quotations) in {sum(bool(d.lexical) for d in documents)} articles; "
        f"{time.perf_counter() - started:.0f} s\n"
    )
    print(
        "| system | spans | token P | token R | token F1 | exact P | exact R | exact F1 "
        "| recall outside quotes (overlap) | share on informational spans |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    for name, predicted in systems.items():
        print(scored(documents, predicted).row(name))
    chosen = sorted(set(thresholds.tolist()))
    print(f"\nTagger thresholds chosen per fold (inner CV by event): {', '.join(f'{t:g}' for t in chosen)}")
    y = np.array(words.label, dtype=bool)
    print("\nTagger, out of fold, by threshold (word precision / recall; what notes would show):\n")
    print("| threshold | words flagged | precision | recall |")
    print("|---|---|---|---|")
    for t in (0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        flagged = probability_of_word >= t
        if flagged.any():
            print(f"| {t} | {int(flagged.sum())} | {y[flagged].mean():.3f} | {flagged[y].mean():.3f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
