"""The data model: the contract between stages.

Every annotation is *standoff*: a half-open ``start``/``end`` character range into ``Article.text``, the
article's full text as ingested (for HTML, the extracted main text). Nothing downstream copies or rewrites
that text; cleaning marks lines as removed, segmentation marks sentences, annotators mark spans. A span's
text is always ``article.text[start:end]``.

Data flows one way: input -> :class:`Article` (ingest) -> cleaned and segmented Article (clean, segment)
-> annotated Article (entities, quotes, quantities, dates) -> :class:`Comparison` (align, framing, digest)
-> report.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

from .ids import scope_of

Role = Literal["title", "dek", "dateline", "subhead", "body"]
ROLES: tuple[Role, ...] = ("title", "dek", "dateline", "subhead", "body")

RemovalReason = Literal[
    "teaser",  # a cross-link to another story: "READ MORE: ...", "Related: ..."
    "duplicate",  # a copy of another line of the same article (pull quote, repeated paragraph)
    "byline",  # "By Jane Doe", "Reporting by ...; Editing by ..."
    "photo-credit",  # "Photo: Reuters", "(AFP/Getty Images)"
    "share-prompt",  # "Share this article", "Follow us on ..."
    "newsletter",  # "Sign up for our newsletter"
    "advertisement",  # "Advertisement", "Story continues below"
    "copyright",  # "(c) 2024 ... All rights reserved"
    "timestamp",  # "Updated: 12:04 GMT", "Published on ..."
    "masthead",  # the outlet's name or a section label above the title
    "boilerplate",  # page text that is not the article: menus, link lists, teasers, footers (line model)
    "embedded-post",  # a social post's link or sign-off: "pic.twitter.com/...", "- Name (@handle) May 1, 2024"
    "hashtags",  # a row of hashtags
    "template-code",  # template or script code a page leaked: "{{^flag}}", "var x = ..."
    "video",  # a video teaser with its running time: "Minister rejects plan 02:10"
    "prompt",  # a prompt to the reader: "Have a news tip? Email ...", "To catch up, CLICK HERE"
    "author-bio",  # a note on the writer at the end: "Jane Doe is a senior reporter at the Daily ..."
    "comments",  # readers' comments under the article: "Posted by nolasad on 01/13/08 at 12:02PM" and their text
]
REMOVAL_REASONS: tuple[RemovalReason, ...] = (
    "teaser",
    "duplicate",
    "byline",
    "photo-credit",
    "share-prompt",
    "newsletter",
    "advertisement",
    "copyright",
    "timestamp",
    "masthead",
    "boilerplate",
    "embedded-post",
    "hashtags",
    "template-code",
    "video",
    "prompt",
    "author-bio",
    "comments",
)

ClaimStatus = Literal["shared", "unique", "conflicting"]


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in a sentence and the calendar day it refers to (``None`` when unresolvable)."""

    start: int
    end: int
    text: str
    date: dt.date | None
    relative: bool


@dataclass(slots=True)
class Sentence:
    """A sentence (or title, dek, dateline, subhead) of an article; ``line`` is its 0-based line index."""

    sentence_id: str
    start: int
    end: int
    role: Role
    line: int
    dates: list[DateMention] = field(default_factory=list)


@dataclass(slots=True)
class Removal:
    """A piece of the text the cleaner took out, with why; ``detail`` says more (e.g. which line it copies)."""

    start: int
    end: int
    text: str
    reason: RemovalReason
    line: int
    detail: str = ""


@dataclass(slots=True)
class Article:
    """One article as ingested: its text, metadata and, after cleaning, its sentences and removals."""

    article_id: str
    source: str
    outlet: str
    text: str
    title: str | None = None
    published: dt.date | None = None
    url: str | None = None
    sentences: list[Sentence] = field(default_factory=list)
    removed: list[Removal] = field(default_factory=list)
    # where comparison stops: a text far longer than any news article is compared up to here (the rest is
    # kept, cleaned and segmented, and the report says what was left out); None compares all of it
    compared_end: int | None = None
    # the text is the main text an HTML extractor took from a page (the page around it is already gone)
    extracted: bool = False

    def sentence_text(self, sentence: Sentence) -> str:
        return self.text[sentence.start : sentence.end]

    def body(self) -> list[Sentence]:
        return [s for s in self.sentences if s.role == "body"]

    def compared(self, sentence: Sentence) -> bool:
        """Whether ``sentence`` lies in the part of the text that is compared."""
        return self.compared_end is None or sentence.start < self.compared_end

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence that contains character ``offset`` of the text, if any (sentences are in order)."""
        index = bisect.bisect_right(self.sentences, offset, key=lambda s: s.start) - 1
        if index >= 0 and offset < self.sentences[index].end:
            return self.sentences[index]
        return None


@dataclass(frozen=True, slots=True)
class Rejection:
    """An input that could not become an article: the source as given and the reason, in one line."""

    source: str
    reason: str


@dataclass(slots=True)
class Mention:
    """A surface form of an entity in one sentence."""

    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Entity:
    """One referent across all articles of a comparison, with every surface form that names it."""

    entity_id: str
    name: str
    type: str
    mentions: list[Mention] = field(default_factory=list)
    affiliation: str | None = None  # for a person: the country or organisation their title or description names


@dataclass(slots=True)
class RawMention:
    """A mention before resolution, with the clues resolution uses."""

    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    label: str
    canonical: str | None = None
    owner: str | None = None  # for "X's office": the person's name; for "the Prime Minister's Office": None
    owner_role: str | None = None  # "prime minister" for "the Prime Minister's Office"
    role: str | None = None  # title right before a person's name, lower case
    qualifier: str | None = None  # country qualifying an organisation ("Jordan" for "Jordan's Foreign Ministry")
    locative: bool = False  # a bare name after "in", "invade", "city of": a place
    alias_of: str | None = None  # text of the long form for "Long Name (SHORT)"
    outlet: bool = False  # a news outlet (gazetteer or one of the comparison's outlets)
    affiliation: str | None = None  # "Israel" for "Israeli Prime Minister X", "Hamas" for "X, an official of Hamas"
    order: int = 0


@dataclass(slots=True)
class Resolution:
    """The resolved entities and, for each mention (article_id, start, end), its entity id."""

    entities: list[Entity]
    entity_of: dict[tuple[str, int, int], str] = field(default_factory=dict)
    roles: dict[str, set[str]] = field(default_factory=dict)


@dataclass(slots=True)
class Quote:
    """Words attributed to a speaker; ``via`` is the relay chain, nearest relay first."""

    quote_id: str
    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    speaker: str
    speaker_entity_id: str | None = None
    via: list[str] = field(default_factory=list)
    direct: bool = True
    statement_id: str | None = None  # shared by verbatim copies of one statement in several articles


@dataclass(slots=True)
class Quantity:
    """A number with what it counts, who says so and as of when."""

    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    value: float
    counts: str
    authority: str | None = None
    as_of: str | None = None


@dataclass(frozen=True, slots=True)
class ClaimUnit:
    """One article's evidence for a claim: a span of one of its sentences (the sentence, or a clause of it)."""

    article_id: str
    sentence_id: str
    start: int
    end: int


@dataclass(slots=True)
class ClaimLink:
    """Why two units of different articles are in one claim: the pair judge's probability that they state
    the same claim, and the evidence it weighed."""

    unit_a: ClaimUnit
    unit_b: ClaimUnit
    probability: float
    cosine: float
    overlap: float
    entities: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)

    @property
    def sentence_a(self) -> str:
        return self.unit_a.sentence_id

    @property
    def sentence_b(self) -> str:
        return self.unit_b.sentence_id


@dataclass(slots=True)
class Claim:
    """Units of different articles that state the same thing (at most one per article), and whether the
    outlets agree.

    ``units`` are the evidence spans; ``sentence_ids`` the sentences they lie in (a sentence may belong to
    several claims: one sentence often states several facts). ``cohesion`` is the share of member pairs the
    pair judge links directly. ``kind`` types a difference (number, date, time, duration, place, person,
    agent, negation, attribution; or revision and other-source for figures that differ by as-of date or
    authority); ``values`` maps each outlet to the value it gives. ``copies`` maps the outlet of a member that
    is a verbatim copy of another member's text to that member's outlet: it carries the claim, but adds no
    independent evidence.
    """

    claim_id: str
    status: ClaimStatus
    sentence_ids: list[str]
    outlets: list[str]
    kind: str | None = None
    values: dict[str, str] = field(default_factory=dict)
    links: list[ClaimLink] = field(default_factory=list)
    note: str = ""
    units: list[ClaimUnit] = field(default_factory=list)
    cohesion: float | None = None
    copies: dict[str, str] = field(default_factory=dict)

    def independent_outlets(self) -> int:
        """How many outlets carry the claim, a copy counted with what it copies."""
        return len(set(self.outlets) - set(self.copies))


@dataclass(slots=True)
class FramingNote:
    """Loaded or contested wording in a sentence, with a plainer alternative."""

    article_id: str
    sentence_id: str
    start: int
    end: int
    text: str
    kind: str
    alternative: str


@dataclass(slots=True)
class Wording:
    """Competing words for one referent: found in aligned sentences, or the descriptions outlets give one
    entity where they differ in a loaded word; (outlet, words, sentence id) each."""

    referent: str
    variants: list[tuple[str, str, str]] = field(default_factory=list)
    kind: str = "aligned"  # "aligned": words in aligned sentences; "described": descriptions of one entity


@dataclass(slots=True)
class QuotedSource:
    speaker: str
    affiliation: str | None
    count: int


@dataclass(slots=True)
class OutletProfile:
    """What one outlet's coverage looks like, measured from its text."""

    outlet: str
    quoted: list[QuotedSource]
    framing: dict[str, int]
    omits: list[str]


@dataclass(slots=True)
class DigestSentence:
    """A sentence of the neutral digest and the sentence IDs it rests on.

    ``status`` is ``shared`` (several outlets), ``revised`` (a figure that changed over time),
    ``other-source`` (a figure different authorities give differently), ``single-source`` or ``disputed``;
    ``outlets`` are the outlets that carry it.
    """

    text: str
    sources: list[str]
    status: str = "shared"
    outlets: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Story:
    """A group of articles about one event."""

    story_id: str
    article_ids: list[str]
    title: str | None = None


@dataclass(slots=True)
class Comparison:
    """Everything a ``compare`` run produced: the articles, what was rejected, and cross-article findings."""

    articles: list[Article]
    rejected: list[Rejection] = field(default_factory=list)
    stages: dict[str, str] = field(default_factory=dict)
    embedder: str = ""  # the sentence embedding model and precision the claims were aligned with
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    framing: list[FramingNote] = field(default_factory=list)
    digest: list[DigestSentence] = field(default_factory=list)
    omissions: dict[str, list[str]] = field(default_factory=dict)  # outlet -> shared claims it does not carry
    wording: list[Wording] = field(default_factory=list)
    profiles: list[OutletProfile] = field(default_factory=list)
    _index: dict[str, tuple[Article, Sentence]] = field(default_factory=dict, init=False, repr=False, compare=False)
    _indexed: int = field(default=-1, init=False, repr=False, compare=False)

    @property
    def scope(self) -> str:
        """What the ids of this comparison's entities, claims and statements are scoped by (``ids.scope_of``)."""
        return scope_of(a.article_id for a in self.articles)

    def sentence_index(self) -> dict[str, tuple[Article, Sentence]]:
        """Every sentence of the comparison by id, with its article: built once and again only when the
        articles' sentences change (segmentation)."""
        count = sum(len(a.sentences) for a in self.articles)
        if count != self._indexed:
            self._index = {s.sentence_id: (a, s) for a in self.articles for s in a.sentences}
            self._indexed = count
        return self._index

    def sentence_text(self, sentence_id: str) -> str:
        """The text of a sentence of the comparison, by id."""
        article, sentence = self.sentence_index()[sentence_id]
        return article.sentence_text(sentence)

    def outlet_of(self, sentence_id: str) -> str:
        """The outlet of the article a sentence of the comparison stands in."""
        return self.sentence_index()[sentence_id][0].outlet
