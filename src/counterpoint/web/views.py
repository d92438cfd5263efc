"""What the pages show, as plain data for the templates, computed from what their JSON twins return.

The story page is built from the JSON report (:func:`counterpoint.report.json_report.report_dict`), the
article page from the article's twin and the story list from the list's twin, so a page and its twin
cannot disagree. Nothing here makes markup: every text stays plain and the templates escape it.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..model import Article, Comparison
from ..report.json_report import report_dict
from ..store import StorySummary
from ..text import content_words, dice, evidence_label, stem

# A claim is named by the evidence span that says most of what the others say (text.evidence_label), cut to
# this many characters (a line on a phone: the whole text is in the claim's section).
CLAIM_LABEL_CHARS = 110

# What each removal reason means, for readers who have not read docs/cleaning.md.
REASON_HELP = {
    "teaser": "a link to another story",
    "duplicate": "a repeat of another line of the article",
    "byline": "the author's or editor's name",
    "photo-credit": "a picture credit",
    "share-prompt": "a prompt to share or follow",
    "newsletter": "a newsletter sign-up",
    "advertisement": "an advertisement marker",
    "copyright": "a copyright line",
    "timestamp": "a publication or update time",
    "masthead": "the outlet's name or a section label",
    "boilerplate": "page text that is not the article",
    "embedded-post": "a social media post's link or sign-off",
    "hashtags": "a row of hashtags",
    "template-code": "code the page leaked",
    "video": "a video teaser",
    "prompt": "a prompt to the reader",
    "author-bio": "a note on the writer",
    "comments": "a reader's comment",
}

# From this many outlets on, a story page folds what each outlet says (framing, sources) under its name, so
# that a phone shows the whole story in a few screens; a reader opens the outlets they want.
COMPACT_OUTLETS = 9
# A digest sentence names this many sources, the rest folded under "N more sources"; a claim's evidence in
# more outlets than EVIDENCE_SHOWN is folded under "Evidence in N outlets". A story of four outlets shows
# everything open.
CHIPS_SHOWN = 8
EVIDENCE_SHOWN = 4
# A compact story page lists this many claims in its coverage, the most widely carried; the rest are folded.
COVERAGE_SHOWN = 20

# A timeline entry shows its first dating sentence with this many characters either side of the date (a
# line or two on a phone), cut at a word.
TIMELINE_CONTEXT_CHARS = 90

# How the timeline labels an entry that is not an event (report/timeline.py says what each kind means).
TIMELINE_BADGES = {"statement": "said that day", "expected": "expected", "published": "published"}

# How a story's differences are headed, by claim kind (a conflicting claim of any kind is "disputed").
DIFFERENCE_HEADINGS = {"revision": "revised figure", "other-source": "figures from different sources"}


@dataclass(frozen=True, slots=True)
class Excerpt:
    """A sentence with one span picked out: the text before it, the span, the text after (plain text)."""

    before: str
    marked: str
    after: str


@dataclass(frozen=True, slots=True)
class Evidence:
    """One outlet's evidence for a claim: its sentence with the claim's span highlighted."""

    outlet: str
    article_id: str
    sentence_id: str
    excerpt: Excerpt
    value: str | None = None
    copy_of: str | None = None


@dataclass(slots=True)
class ClaimView:
    claim_id: str
    label: str
    status: str
    kind: str | None
    note: str
    evidence: list[Evidence]
    missing: list[str]  # outlets of the story that do not carry it
    carried: int  # outlets that carry it
    independent: int  # outlets that carry it, a copy counted with its original

    @property
    def anchor(self) -> str:
        return f"claim-{self.claim_id}"

    @property
    def badge(self) -> str:
        """The status as a reader says it."""
        if self.status == "conflicting":
            return "disputed"
        if self.status == "unique":
            return "one outlet"
        return DIFFERENCE_HEADINGS.get(self.kind or "", "shared")


@dataclass(slots=True)
class CoverageRow:
    """One claim across the outlets: who carries it, who disputes it (with their value), who leaves it out."""

    claim: ClaimView
    carries: list[str] = field(default_factory=list)
    copies: list[tuple[str, str]] = field(default_factory=list)  # (outlet, outlet it copies)
    disputes: list[tuple[str, str]] = field(default_factory=list)  # (outlet, its value)
    leaves_out: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Side:
    value: str
    evidence: list[Evidence]


@dataclass(slots=True)
class Difference:
    claim: ClaimView
    heading: str
    sides: list[Side]


@dataclass(frozen=True, slots=True)
class Citation:
    outlet: str
    article_id: str
    sentence_id: str


@dataclass(slots=True)
class DigestLine:
    text: str
    status: str
    citations: list[Citation]
    claim: ClaimView | None  # the claim whose evidence the sentence rests on, if one does


@dataclass(frozen=True, slots=True)
class FramingItem:
    text: str
    kind: str
    alternative: str
    article_id: str
    sentence_id: str
    excerpt: Excerpt


@dataclass(frozen=True, slots=True)
class QuoteItem:
    speaker: str
    via: list[str]
    direct: bool
    text: str
    article_id: str
    sentence_id: str


@dataclass(slots=True)
class OutletView:
    """One outlet of a story: what it carries and leaves out, how it frames, whom it quotes."""

    outlet: str
    article_ids: list[str]
    carries: int = 0
    leaves_out: int = 0
    disputes: int = 0
    only_here: list[ClaimView] = field(default_factory=list)
    framing: list[FramingItem] = field(default_factory=list)
    quoted: list[tuple[str, str | None, int]] = field(default_factory=list)  # speaker, affiliation, count
    quotes: list[QuoteItem] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class ArticleRef:
    article_id: str
    outlet: str
    title: str | None
    published: str | None
    copy_of: str | None = None  # the outlet of the article it copies


@dataclass(frozen=True, slots=True)
class TimelineCite:
    """An outlet dating a timeline entry: the date as written, in its sentence (a publication: the title)."""

    outlet: str
    article_id: str
    sentence_id: str | None
    text: str


@dataclass(slots=True)
class TimelineItem:
    kind: str  # event, statement, expected, published
    text: str  # the claim's evidence, cut to a line
    claim: ClaimView | None
    sources: list[TimelineCite]
    excerpt: Excerpt | None = None  # the first dating sentence around its date, the date picked out

    @property
    def badge(self) -> str:
        """What kind of entry it is, as a reader says it ("" for an event: most entries are)."""
        return TIMELINE_BADGES.get(self.kind, "")


@dataclass(slots=True)
class TimelineDay:
    date: str  # YYYY-MM-DD
    label: str  # "Tuesday 11 March 2025"
    items: list[TimelineItem]


@dataclass(slots=True)
class StoryView:
    story_id: str
    title: str
    articles: list[ArticleRef]
    outlets: list[OutletView]
    digest: list[DigestLine]
    coverage: list[CoverageRow]
    differences: list[Difference]
    wording: list[tuple[str, str, list[tuple[str, str]]]]  # referent, kind, (outlet, words)
    claims: list[ClaimView]
    timeline: list[TimelineDay]
    shared_claims: int
    rejected: list[tuple[str, str]]
    generated_by: dict[str, Any]
    compact: bool = False  # fold each outlet's framing and sources under its name
    chips_shown: int = CHIPS_SHOWN
    evidence_shown: int = EVIDENCE_SHOWN
    coverage_shown: int = COVERAGE_SHOWN


def representative_title(titles: list[str]) -> str | None:
    """The title that shares most words with the others (the first on a tie): a story told by many outlets is
    named by what most of their headlines say, not by whichever article came first."""
    if not titles:
        return None
    words = [frozenset(stem(w) for w in content_words(t)) for t in titles]
    return titles[max(range(len(titles)), key=lambda i: (sum(dice(words[i], w) for w in words), -i))]


def claim_label(claim: dict[str, Any]) -> str:
    """A claim's name: its most representative evidence span (never its id)."""
    label = evidence_label([unit["text"] for unit in claim["units"]]) or claim["note"] or "(a claim with no text)"
    return label if len(label) <= CLAIM_LABEL_CHARS else label[: CLAIM_LABEL_CHARS - 3].rstrip() + "..."


class _Lookup:
    """The report's articles and sentences by id."""

    def __init__(self, report: dict[str, Any]) -> None:
        self.articles = {a["id"]: a for a in report["articles"]}
        self.sentences: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
            s["id"]: (a, s) for a in report["articles"] for s in a["sentences"]
        }

    def outlet_of(self, sentence_id: str) -> str:
        found = self.sentences.get(sentence_id)
        return str(found[0]["outlet"]) if found else ""

    def excerpt(self, sentence_id: str, start: int, end: int) -> Excerpt:
        """The sentence ``sentence_id`` with ``start:end`` (offsets into its article's text) picked out."""
        article, sentence = self.sentences[sentence_id]
        text: str = article["text"]
        lo, hi = sentence["start"], sentence["end"]
        start, end = max(lo, min(start, hi)), max(lo, min(end, hi))
        return Excerpt(text[lo:start], text[start:end], text[end:hi])


def story_view(
    report: dict[str, Any], story_id: str, title: str | None, copies: dict[str, str | None] | None = None
) -> StoryView:
    """The story page from the JSON report; ``copies`` maps an article id to the article it copies."""
    look = _Lookup(report)
    copies = copies or {}
    outlets = sorted({a["outlet"] for a in report["articles"]})
    articles = [
        ArticleRef(
            a["id"],
            a["outlet"],
            a["title"],
            a["published"],
            look.articles[original]["outlet"] if (original := copies.get(a["id"])) in look.articles else None,
        )
        for a in report["articles"]
    ]
    by_outlet = {
        outlet: OutletView(outlet, [a.article_id for a in articles if a.outlet == outlet]) for outlet in outlets
    }
    claims = [_claim_view(claim, look, outlets) for claim in report["claims"]]
    claim_of = dict(zip((c["id"] for c in report["claims"]), claims, strict=True))
    coverage: list[CoverageRow] = []
    differences: list[Difference] = []
    for data, claim in zip(report["claims"], claims, strict=True):
        if claim.status == "unique":
            for outlet in sorted({e.outlet for e in claim.evidence}):
                by_outlet[outlet].only_here.append(claim)
            continue
        row = _coverage_row(data, claim, outlets)
        coverage.append(row)
        for outlet in row.carries + [o for o, _ in row.copies]:
            by_outlet[outlet].carries += 1
        for outlet, _ in row.disputes:
            by_outlet[outlet].disputes += 1
        for outlet in row.leaves_out:
            by_outlet[outlet].leaves_out += 1
        if claim.status == "conflicting" or claim.kind in DIFFERENCE_HEADINGS:
            differences.append(_difference(claim))
    for note in report["framing"]:
        article, _ = look.sentences[note["sentence"]]
        by_outlet[article["outlet"]].framing.append(
            FramingItem(
                note["text"],
                note["kind"],
                note["alternative"],
                article["id"],
                note["sentence"],
                look.excerpt(note["sentence"], note["start"], note["end"]),
            )
        )
    for profile in report["profiles"]:
        if profile["outlet"] in by_outlet:
            quoted = [(q["speaker"], q["affiliation"], q["count"]) for q in profile["quoted"]]
            by_outlet[profile["outlet"]].quoted = quoted
    for quote in report["quotes"]:
        article, _ = look.sentences[quote["sentence"]]
        by_outlet[article["outlet"]].quotes.append(
            QuoteItem(quote["speaker"], quote["via"], quote["direct"], quote["text"], article["id"], quote["sentence"])
        )
    claims_of_sentence: dict[str, list[str]] = defaultdict(list)
    for data in report["claims"]:
        for sentence_id in data["sentences"]:
            claims_of_sentence[sentence_id].append(data["id"])
    digest = []
    for line in report["digest"]:
        votes = Counter(claim_id for sid in line["sources"] for claim_id in claims_of_sentence.get(sid, []))
        best = votes.most_common(1)[0][0] if votes else None  # the claim most of its sources are evidence for
        digest.append(
            DigestLine(
                line["text"],
                line["status"],
                [
                    Citation(look.outlet_of(sid), look.sentences[sid][0]["id"], sid)
                    for sid in line["sources"]
                    if sid in look.sentences
                ],
                claim_of.get(best) if best else None,
            )
        )
    return StoryView(
        story_id=story_id,
        title=title or representative_title([a.title for a in articles if a.title]) or "Untitled story",
        articles=articles,
        outlets=list(by_outlet.values()),
        digest=digest,
        coverage=coverage,
        differences=differences,
        wording=[
            (w["referent"], w.get("kind", "aligned"), [(v["outlet"], v["text"]) for v in w["variants"]])
            for w in report["wording"]
        ],
        claims=claims,
        timeline=_timeline(report.get("timeline", []), claim_of, look),
        shared_claims=len(coverage),
        rejected=[(r["source"], r["reason"]) for r in report["rejected"]],
        generated_by=report["generated_by"],
        compact=len(outlets) >= COMPACT_OUTLETS,
    )


def _timeline(entries: list[dict[str, Any]], claim_of: dict[str, ClaimView], look: _Lookup) -> list[TimelineDay]:
    """The report's timeline grouped by day, in its order."""
    days: dict[str, TimelineDay] = {}
    for entry in entries:
        day = days.get(entry["date"])
        if day is None:
            date = dt.date.fromisoformat(entry["date"])
            day = days[entry["date"]] = TimelineDay(entry["date"], f"{date:%A} {date.day} {date:%B %Y}", [])
        text = entry["text"]
        dating = next((s for s in entry["sources"] if s["sentence"] in look.sentences), None)
        excerpt = None
        if dating is not None:
            whole = look.excerpt(dating["sentence"], dating["start"], dating["end"])
            excerpt = Excerpt(_tail(whole.before), whole.marked, _head(whole.after))
        day.items.append(
            TimelineItem(
                entry["kind"],
                text if len(text) <= CLAIM_LABEL_CHARS else text[: CLAIM_LABEL_CHARS - 3].rstrip() + "...",
                claim_of.get(entry["claim"]) if entry["claim"] else None,
                [TimelineCite(s["outlet"], s["article"], s["sentence"], s["text"]) for s in entry["sources"]],
                excerpt,
            )
        )
    return list(days.values())


def _tail(text: str) -> str:
    """The last TIMELINE_CONTEXT_CHARS of ``text``, from a word on."""
    if len(text) <= TIMELINE_CONTEXT_CHARS:
        return text
    cut = text[-TIMELINE_CONTEXT_CHARS:]
    return "..." + cut[cut.find(" ") + 1 :] if " " in cut else "..." + cut


def _head(text: str) -> str:
    """The first TIMELINE_CONTEXT_CHARS of ``text``, to a word."""
    if len(text) <= TIMELINE_CONTEXT_CHARS:
        return text
    cut = text[:TIMELINE_CONTEXT_CHARS]
    return (cut[: cut.rfind(" ")] if " " in cut else cut) + "..."


def _claim_view(claim: dict[str, Any], look: _Lookup, outlets: list[str]) -> ClaimView:
    evidence = []
    for unit in claim["units"]:
        outlet = look.articles[unit["article"]]["outlet"]
        evidence.append(
            Evidence(
                outlet,
                unit["article"],
                unit["sentence"],
                look.excerpt(unit["sentence"], unit["start"], unit["end"]),
                claim["values"].get(outlet),
                claim["copies"].get(outlet),
            )
        )
    carried = set(claim["outlets"])
    return ClaimView(
        claim["id"],
        claim_label(claim),
        claim["status"],
        claim["kind"],
        claim["note"],
        evidence,
        [o for o in outlets if o not in carried],
        len(carried),
        len(carried - set(claim["copies"])),
    )


def _coverage_row(data: dict[str, Any], claim: ClaimView, outlets: list[str]) -> CoverageRow:
    row = CoverageRow(claim)
    carried = set(data["outlets"])
    for outlet in outlets:
        if outlet not in carried:
            row.leaves_out.append(outlet)
        elif data["status"] == "conflicting":
            row.disputes.append((outlet, data["values"].get(outlet, "")))
        elif outlet in data["copies"]:
            row.copies.append((outlet, data["copies"][outlet]))
        else:
            row.carries.append(outlet)
    return row


def _difference(claim: ClaimView) -> Difference:
    sides: dict[str, list[Evidence]] = {}
    for item in claim.evidence:
        sides.setdefault(item.value or "", []).append(item)
    heading = "disputed" if claim.status == "conflicting" else DIFFERENCE_HEADINGS[claim.kind or ""]
    return Difference(claim, heading, [Side(value, items) for value, items in sides.items()])


# --- the article page ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SentenceView:
    sentence_id: str
    role: str
    text: str


@dataclass(slots=True)
class TextLine:
    """A line of the article as the cleaner left it: kept (its sentences, with their role) or removed."""

    line: int
    role: str = "body"
    sentences: list[SentenceView] = field(default_factory=list)
    removed: str | None = None  # the removed text
    reason: str = ""
    detail: str = ""

    @property
    def reason_help(self) -> str:
        return REASON_HELP.get(self.reason, "")


def article_twin(article: Article, story_id: str, copy_of: str | None, report: dict[str, Any] | None) -> dict[str, Any]:
    """The article page's data: the article as the JSON report shows it, its story, and, if the story has
    been compared (``report``), the entities, quotes, numbers, framing and claims found in it."""
    return twin_from_report(report_dict_article(article), story_id, copy_of, report)


def twin_from_report(
    shape: dict[str, Any], story_id: str, copy_of: str | None, report: dict[str, Any] | None
) -> dict[str, Any]:
    """The article twin of an article in the report's shape (``articles[]``); see :func:`article_twin`."""
    twin: dict[str, Any] = {
        "article": shape,
        "story": story_id,
        "copy_of": copy_of,
        "compared": report is not None,
        "entities": [],
        "quotes": [],
        "quantities": [],
        "framing": [],
        "claims": [],
    }
    if report is None:
        return twin
    mine = {s["id"] for s in shape["sentences"]}
    for entity in report["entities"]:
        mentions = [m for m in entity["mentions"] if m["sentence"] in mine]
        if mentions:
            twin["entities"].append({**entity, "mentions": mentions})
    for key in ("quotes", "quantities", "framing"):
        twin[key] = [item for item in report[key] if item["sentence"] in mine]
    twin["claims"] = [
        {"id": c["id"], "label": claim_label(c), "status": c["status"], "kind": c["kind"]}
        for c in report["claims"]
        if any(u["article"] == shape["id"] for u in c["units"])
    ]
    return twin


def report_dict_article(article: Article) -> dict[str, Any]:
    """One article in the JSON report's shape (``articles[]``)."""
    shaped: dict[str, Any] = report_dict(Comparison(articles=[article]))["articles"][0]
    return shaped


def text_lines(article: dict[str, Any]) -> list[TextLine]:
    """The article's lines in order, kept and removed, from its report shape."""
    kept: dict[int, TextLine] = {}
    starts: dict[int, int] = {}
    for sentence in article["sentences"]:
        line = kept.setdefault(sentence["line"], TextLine(sentence["line"], sentence["role"]))
        line.sentences.append(SentenceView(sentence["id"], sentence["role"], sentence["text"]))
        starts.setdefault(sentence["line"], sentence["start"])
    items = [(number, starts[number], line) for number, line in kept.items()]
    items += [
        (r["line"], r["start"], TextLine(r["line"], removed=r["text"], reason=r["reason"], detail=r["detail"]))
        for r in article["removed"]
    ]
    return [line for _, _, line in sorted(items, key=lambda item: item[:2])]


# --- the story list ------------------------------------------------------------------------------------


def matches(story: StorySummary, q: str, outlet: str, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether ``story`` passes the list's filters: title words, an outlet, dates overlapping start-end."""
    if q and q.casefold() not in (story.title or "").casefold():
        return False
    if outlet and outlet not in story.outlets:
        return False
    first = story.first_published or story.last_published
    last = story.last_published or story.first_published
    if start and (last is None or last < start):
        return False
    return not (end and (first is None or first > end))
