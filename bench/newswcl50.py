"""NewsWCL50: does the wording section find the different words outlets use for one referent?

NewsWCL50 (Hamborg et al. 2019) tells 10 events through 5 US outlets each (far left to far right) and
groups every mention of a referent into one concept ("Kim Jong Un", "the North Korean dictator", "Kim"
under one actor). The texts are rebuilt from the CoNLL release's tokens (nothing is copied into the
project); each event's 5 articles are compared as one story, and the pairs of forms the report's
``wording`` section proposes for one referent are looked up among the concepts' mentions.

* **precision**: of the distinct pairs of forms the section proposes (from different outlets), the share
  whose two forms are mentions of one concept with different labels (labels: the mention's words in lower
  case, without punctuation and a leading article); a form that is no annotated mention cannot be judged
  and is counted apart;
* **recall**: of the concepts' divergent label pairs (two labels of one concept used by different
  outlets), the share the section proposes; "different words" counts only the pairs whose labels share
  no content word ("Pyongyang" / "North Korea", not "Trump" / "President Trump"), the word choices the
  section is meant to show; "in aligned sentences" only those whose two mentions stand in sentences the
  alignment linked, where the section looks.

The section's two kinds of entries are scored apart: different words in aligned sentences, and how outlets
describe one entity where the descriptions differ in a loaded word ("North Korean dictator" / "North Korean
leader", which share "North Korean" and so are one concept but not "different words" here). Baselines:
every pair of different forms of one resolved entity across outlets, anywhere in the articles (the entity
stage alone), and the same with the wording filter of :mod:`counterpoint.names`.

    python bench/newswcl50.py [--data ../shared/bench/newswcl50] [--events 0,1,2]

NewsWCL50 is CC BY-SA 4.0; its concepts include framing properties (code type PROPERTY), which the CoNLL
release leaves out, so only referents (actors, countries, groups, events, actions, objects) are scored.
"""

from __future__ import annotations

import argparse
import itertools
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from counterpoint import names
from counterpoint.model import Comparison
from counterpoint.pipeline import compare_articles
from counterpoint.stages.ingest import article_from_text
from counterpoint.text import STOPWORDS

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "bench" / "newswcl50"
OUTLETS = ("LL", "L", "M", "R", "RR")
# Outlet names given to the pipeline: the set's one- and two-letter labels would be read as names in the text.
OUTLET_NAME = "NewsWCL50 outlet {}"

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}\u2019\u201d]|'s|'re|'ve|'ll|'m|'d|n't|\u2019s|n\u2019t|\.\.\.)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "\u201c", "\u2018", "#"})


@dataclass(slots=True)
class Mention:
    concept: str
    start: int  # character offsets into the rebuilt text
    end: int
    label: str


@dataclass(slots=True)
class Document:
    event: str
    outlet: str
    text: str
    tokens: list[tuple[int, int]]
    mentions: list[Mention] = field(default_factory=list)


def label(text: str) -> str:
    """A mention's words in lower case, without punctuation and a leading article."""
    words = re.findall(r"[^\W_]+", names.fold(text).replace(".", "").replace("'", ""))
    while len(words) > 1 and words[0] in ("the", "a", "an"):
        words = words[1:]
    return " ".join(words)


def content(text: str) -> set[str]:
    return {w for w in label(text).split() if w not in STOPWORDS and len(w) > 1}


def load(data: Path) -> dict[str, list[Document]]:
    """Documents by event: texts rebuilt from the CoNLL tokens, with the concepts' mentions as offsets."""
    rows: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    with (data / "NewsWCL50.conll").open(encoding="utf-8") as handle:
        for line in handle:
            parts = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(parts) < 5:
                continue
            rows[parts[0]].append((int(parts[1]), parts[3], parts[4]))
    events: dict[str, list[Document]] = defaultdict(list)
    for key, tokens in sorted(rows.items()):
        event, outlet = key.split("/")[-1].split("_")
        events[event].append(_document(event, outlet, tokens))
    return events


def _document(event: str, outlet: str, rows: list[tuple[int, str, str]]) -> Document:
    text = ""
    offsets: list[tuple[int, int]] = []
    open_quote = False
    glue = True
    sentence = rows[0][0]
    opened: dict[str, list[int]] = defaultdict(list)
    spans: list[tuple[str, int, int]] = []
    for position, (sentence_id, word, reference) in enumerate(rows):
        word = word.replace("\xa0", " ").strip()
        if sentence_id != sentence:
            sentence, glue = sentence_id, False
            if not text.endswith("\n"):
                text += " "
        if word in ("\\n", ""):
            text = text.rstrip(" ") + ("\n" if word else "")
            glue = word == "\\n"
            offsets.append((len(text), len(text)))
        else:
            quote = word == '"'
            before = not (glue or _NO_SPACE_BEFORE.match(word) or (quote and open_quote))
            if before and text and not text.endswith((" ", "\n")):
                text += " "
            offsets.append((len(text), len(text) + len(word)))
            text += word
            glue = word in _NO_SPACE_AFTER or (quote and not open_quote)
            open_quote = open_quote != quote
        for part in reference.split("|"):
            part = part.strip()
            if part in ("-", ""):
                continue
            chain = part.strip("()")
            if part.startswith("("):
                opened[chain].append(position)
            if part.endswith(")") and opened[chain]:
                spans.append((chain, opened[chain].pop(), position))
    document = Document(event, outlet, text.strip("\n") + "\n", offsets)
    for chain, first, last in spans:
        start, end = offsets[first][0], offsets[last][1]
        document.mentions.append(Mention(chain, start, end, label(text[start:end])))
    return document


@dataclass(frozen=True, slots=True)
class Form:
    """A form a system proposes: its document, offsets and text."""

    outlet: str
    start: int
    end: int
    text: str


def concept_of(form: Form, documents: dict[str, Document]) -> Mention | None:
    """The annotated mention ``form`` is: the smallest mention that holds it, else the one it overlaps most
    (at least half of either)."""
    mentions = documents[form.outlet].mentions
    holding = [m for m in mentions if m.start <= form.start and form.end <= m.end]
    if holding:
        return min(holding, key=lambda m: m.end - m.start)
    best, overlap = None, 0
    for mention in mentions:
        shared = min(mention.end, form.end) - max(mention.start, form.start)
        if shared > overlap and shared >= 0.5 * min(mention.end - mention.start, form.end - form.start):
            best, overlap = mention, shared
    return best


def gold_pairs(documents: dict[str, Document]) -> set[tuple[str, str, str]]:
    """(concept, label, label): two labels of one concept used by different outlets."""
    labels: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for outlet, document in documents.items():
        for mention in document.mentions:
            if mention.label:
                labels[mention.concept][mention.label].add(outlet)
    pairs = set()
    for concept, by_label in labels.items():
        for a, b in itertools.combinations(sorted(by_label), 2):
            if any(o != p for o in by_label[a] for p in by_label[b]):
                pairs.add((concept, a, b))
    return pairs


def aligned_pairs(
    comparison: Comparison, documents: dict[str, Document], gold: set[tuple[str, str, str]]
) -> set[tuple[str, str, str]]:
    """The gold pairs with a mention of each label in two sentences the alignment linked."""
    sentences = {s.sentence_id: (a.source, s.start, s.end) for a in comparison.articles for s in a.sentences}
    linked = {(link.sentence_a, link.sentence_b) for claim in comparison.claims for link in claim.links}
    found = set()
    wanted = {(c, a) for c, a, _ in gold} | {(c, b) for c, _, b in gold}
    for first, second in linked:
        inside = []
        for sentence_id in (first, second):
            outlet, start, end = sentences[sentence_id]
            inside.append({(m.concept, m.label) for m in documents[outlet].mentions if start <= m.start < end} & wanted)
        for (concept, a), (other, b) in itertools.product(*inside):
            if concept == other and a != b:
                found.add((concept, *sorted((a, b))))
    return found & gold


def wording_forms(comparison: Comparison, kind: str) -> list[list[Form]]:
    """The report's wording entries of one ``kind`` as forms with offsets (each variant found in its
    sentence)."""
    sentences = {s.sentence_id: (a, s) for a in comparison.articles for s in a.sentences}
    entries = []
    for wording in (w for w in comparison.wording if w.kind == kind):
        forms = []
        for _, text, sentence_id in wording.variants:
            article, sentence = sentences[sentence_id]
            at = article.text.find(text, sentence.start, sentence.end)
            if at >= 0:
                forms.append(Form(article.source, at, at + len(text), text))
        entries.append(forms)
    return entries


def entity_forms(comparison: Comparison, meaningful: bool) -> list[list[Form]]:
    """Baselines: each resolved entity's mentions across outlets (all of them, or only pairs that pass the
    wording filter of :mod:`counterpoint.names`)."""
    outlet_of = {a.article_id: a.source for a in comparison.articles}
    entries = []
    for entity in comparison.entities:
        forms = [Form(outlet_of[m.article_id], m.start, m.end, m.text) for m in entity.mentions]
        if not meaningful:
            entries.append(forms)
            continue
        for a, b in itertools.combinations(forms, 2):
            if a.outlet != b.outlet and names.wording_choice(a.text, b.text):
                entries.append([a, b])
    return entries


@dataclass(slots=True)
class Tally:
    """A system's distinct proposals (event, form label, form label) and what NewsWCL50 makes of them."""

    proposed: set[tuple[str, str, str]] = field(default_factory=set)
    judged: set[tuple[str, str, str]] = field(default_factory=set)  # both forms are annotated mentions
    correct: set[tuple[str, str, str]] = field(default_factory=set)  # ... of one concept, different labels
    different: set[tuple[str, str, str]] = field(default_factory=set)  # ... whose labels are different words
    found: set[tuple[str, str, str, str]] = field(default_factory=set)  # (event, concept, label, label)

    def add(self, event: str, entries: list[list[Form]], documents: dict[str, Document]) -> None:
        for forms in entries:
            for a, b in itertools.combinations(forms, 2):
                if a.outlet == b.outlet or label(a.text) == label(b.text):
                    continue
                key = (event, *sorted((label(a.text), label(b.text))))
                self.proposed.add(key)
                mention_a, mention_b = concept_of(a, documents), concept_of(b, documents)
                if mention_a is None or mention_b is None:
                    continue
                self.judged.add(key)
                if mention_a.concept == mention_b.concept and mention_a.label != mention_b.label:
                    self.correct.add(key)
                    self.found.add((event, mention_a.concept, *sorted((mention_a.label, mention_b.label))))
                    if different_words(mention_a.label, mention_b.label):
                        self.different.add(key)


def different_words(a: str, b: str) -> bool:
    """Two labels that share no content word and are not each other's initials: "Pyongyang" / "North
    Korea", not "Trump" / "President Trump" nor "CIA" / "Central Intelligence Agency"."""
    if content(a) & content(b):
        return False
    for short, long in ((a, b), (b, a)):
        if " " not in short and short == "".join(w[0] for w in long.split() if w not in STOPWORDS):
            return False
    return True


def _ratio(found: int, total: int) -> str:
    return f"{found / total:.3f} ({found}/{total})" if total else "-"


SHIPPED = "wording section (aligned sentences, shipped)"
DESCRIBED = "wording section (descriptions of one entity, shipped)"


@dataclass(slots=True)
class Measured:
    systems: dict[str, Tally]
    gold: set[tuple[str, str, str, str]]  # (event, concept, label, label): divergent label pairs
    different: set[tuple[str, str, str, str]]  # ... whose labels are different words
    aligned_different: set[tuple[str, str, str, str]]  # ... standing in sentences the alignment linked
    events: list[str]  # the events compared


def measure(data: Path, chosen: list[str] | None = None, progress: bool = False) -> Measured:
    """Compare each event's five articles as one story and tally the pairs every system proposes."""
    events = load(data)
    systems = {
        "baseline: resolved entities, every form pair": Tally(),
        "baseline: resolved entities + wording filter": Tally(),
        SHIPPED: Tally(),
        DESCRIBED: Tally(),
    }
    gold: set[tuple[str, str, str, str]] = set()
    aligned: set[tuple[str, str, str, str]] = set()
    chosen = chosen or sorted(events, key=int)
    for event in chosen:
        documents = {d.outlet: d for d in events[event]}
        articles = [
            article_from_text(documents[o].text, source=o, outlet=OUTLET_NAME.format(o))
            for o in OUTLETS
            if o in documents
        ]
        comparison = compare_articles(articles)
        event_gold = gold_pairs(documents)
        gold |= {(event, *pair) for pair in event_gold}
        aligned |= {(event, *pair) for pair in aligned_pairs(comparison, documents, event_gold)}
        tallies = list(systems.values())
        tallies[0].add(event, entity_forms(comparison, meaningful=False), documents)
        tallies[1].add(event, entity_forms(comparison, meaningful=True), documents)
        tallies[2].add(event, wording_forms(comparison, "aligned"), documents)
        tallies[3].add(event, wording_forms(comparison, "described"), documents)
        if progress:
            print(f"event {event}: {len(articles)} articles, {len(comparison.wording)} wording entries", flush=True)
    different = {g for g in gold if different_words(g[2], g[3])}
    return Measured(systems, gold, different, aligned & different, chosen)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--events", help="comma-separated event ids (default: all 10)")
    args = parser.parse_args()
    if not (args.data / "NewsWCL50.conll").is_file():
        print(f"skipped: no NewsWCL50 data at {args.data}")
        return 0
    started = time.perf_counter()
    chosen = args.events.split(",") if args.events else None
    m = measure(args.data, chosen, progress=True)
    print(
        f"\nNewsWCL50: {len(m.events)} events x 5 outlets; divergent label pairs {len(m.gold)}, {len(m.different)} of "
        f"them different words ({len(m.aligned_different)} in sentences the alignment linked); "
        f"{time.perf_counter() - started:.0f} s\n"
    )
    print(
        "| system | pairs | judged | precision: one concept | one concept, different words "
        "| recall | recall, different words | recall, different words in aligned sentences |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for name, tally in m.systems.items():
        judged = len(tally.judged)
        print(
            f"| {name} | {len(tally.proposed)} | {judged} | {_ratio(len(tally.correct), judged)} "
            f"| {_ratio(len(tally.different), judged)} | {_ratio(len(tally.found & m.gold), len(m.gold))} "
            f"| {_ratio(len(tally.found & m.different), len(m.different))} "
            f"| {_ratio(len(tally.found & m.aligned_different), len(m.aligned_different))} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
