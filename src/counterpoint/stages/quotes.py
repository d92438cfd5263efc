"""Quotes and attributions: who is quoted or cited in each sentence, and through whom.

Three kinds of evidence, all per line of the article:

* direct quotes in straight or curly double marks (at least :data:`MIN_QUOTE_WORDS` words, so that scare
  quotes around a name are left to framing), attributed by the clause before or after them ("X said:",
  '," X said', '," said X'); a quote running over several sentences gives each sentence its attribution;
* reported speech found with the dependency parse: a speech verb ("said", "told", "stressed", "accused",
  ...) and its subject, with the complement clause as the quoted content;
* "according to X".

Speakers resolve to entities where the head of the subject is an entity mention; pronouns ("he", "she") go
to the last person quoted or named before; definite descriptions ("the ministry", "the office", "the
minister") to the last entity whose name or title contains the noun. Relays are kept as ``via``, nearest
first: "Axios reporter Barak Ravid said ..., citing a US official" gives the official via Barak Ravid and
Axios; "told Al Mayadeen" and "in an interview with al-Manar TV" add the outlet.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from ..ids import content_id
from ..model import Article, Quote, RawMention, Resolution, Sentence
from ..nlp import ParsedLine
from ..text import DAY_WORDS, STOPWORDS, stem

NAME = "quotes"
VERSION = "12"  # 3: a title or an initial ("said Dr. Arthur Caplan") does not end the speaker; 4: a speaker's
# phrase is cut at a verb, loses the marks and connective before it, and names the issuer of "a CNN report";
# 5: the subject of a speech verb that is a document ("A statement by her attorneys said") names its issuer;
# 6: "he"/"she" is the speaker quoted last before it in its paragraph; after only possessors, no one;
# 7: curly single quotation marks ("\u2018...\u2019", as British outlets write them) mark direct quotes;
# 8: "he"/"she" is read as the speaker of an earlier sentence only, never a relay in its own; 9: or as a person
# who opens a sentence after that speaker's ("Isaacs expressed worry ... '...,' he said"); 10: a name that stands
# for a thing of theirs ("the hit Bieber track") is not the person a later "he" is; 11: a subject's words end before
# its relative pronoun ("an activist who spoke to ...") and before a time it is dated by ("The agency on Friday");
# 12: whose relative or lawyer speaks is not the speaker ("said Flynn's father, Herbert Flynn": the name after the
# role is), nor where a person is from ("Herbert Flynn of Fort Coffee said")

# Shorter spans in quotation marks are terms or names (scare quotes), not statements.
MIN_QUOTE_WORDS = 4
# Two direct quotes are one statement when the shorter, at least this long, is inside the longer.
VERBATIM_MIN_WORDS = 8
# How far (characters) an attribution clause may sit from the quote it introduces or follows.
ATTRIBUTION_WINDOW = 120

SPEECH_VERBS = frozenset(
    """say says said saying tell tells told telling stress stresses stressed add adds added note notes noted
    state states stated claim claims claimed claiming announce announces announced declare declares declared
    warn warns warned insist insists insisted explain explained argue argues argued assert asserted affirm
    affirmed reaffirm reaffirmed reiterate reiterates reiterated confirm confirms confirmed deny denies denied
    accuse accuses accused urge urges urged vow vows vowed pledge pledged write writes wrote tweet tweeted post
    posted report reported reveal revealed acknowledge acknowledged admit admitted emphasise emphasised
    emphasize emphasized highlight highlighted suggest suggested indicate indicated comment commented reply
    replied respond responded allege alleged maintain maintained complain complained recall recalled estimate
    estimated predict predicted promise promised threaten threatened condemn condemned criticize criticized
    criticise criticised denounce denounced praise praised demand demanded voice voiced attribute attributed
    blame blamed""".split()
)
# Descriptions news uses for a titled person named earlier: "the top diplomat" is the secretary of state
# or foreign minister, "the premier" the prime minister.
ROLE_SYNONYMS = {
    "diplomat": ("secretary of state", "foreign minister", "foreign secretary", "ambassador", "envoy"),
    "premier": ("prime minister", "premier"),
    "president": ("president",),
    "minister": ("minister",),
    "secretary": ("secretary",),
    "envoy": ("envoy", "ambassador"),
}
_VERBS = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_PRONOUNS_PERSON = frozenset({"he", "she"})
_PRONOUNS_GROUP = frozenset({"it", "they"})
_ALL_PRONOUNS = _PRONOUNS_PERSON | _PRONOUNS_GROUP
_JOURNALIST = re.compile(r"\b(?:reporter|correspondent|journalist|editor|anchor|columnist|host|analyst)\b", re.I)
# Quotation marks: curly or straight double ones, and curly single ones as British outlets write them
# ("\u2018There was no reason,\u2019 he said"); a right single mark before a letter is an apostrophe ("don\u2019t",
# "Conner\u2019s"), not the close.
QUOTED = re.compile(
    r"\u201c(?P<a>[^\u201c\u201d]{2,2000})\u201d|\"(?P<b>[^\"]{2,2000})\""
    r"|(?<!\w)\u2018(?P<c>(?:[^\u2018\u2019\n]|\u2019(?=\w)){2,2000})\u2019(?!\w)"
)
# Speech verbs are matched in lower case only: "the State Department" must not read as "state".
_AFTER = re.compile(
    rf"^[\s,.]*(?:(?P<np>[^.,;:\"\u201c\u201d]{{1,80}}?)\s+(?:\w+ly\s+)?(?P<verb>{_VERBS})\b"
    rf"|(?P<verb2>{_VERBS})\s+(?P<np2>[^.,;:\"\u201c\u201d]{{1,80}}?)(?=[.,;]|$)"
    rf"|according to (?P<np3>[^.,;:\"\u201c\u201d]{{1,80}}?)(?=[.,;]|$))"
)
_BEFORE = re.compile(
    rf"(?P<np>[A-Z\u00c0-\u017f\"'][^.;:\"\u201c\u201d]{{0,80}}?)\s+(?:\w+ly\s+)?(?P<verb>{_VERBS})\b"
    rf"[^.;\"\u201c\u201d]{{0,60}}?(?:[:,]|\bthat)?\s*$"
)
_ACCORDING = re.compile(r"\b[Aa]ccording to (?P<np>[^,.;:]+?)(?=[,.;:]|$)")
# The documents an issuer speaks through ("the ministry's latest figures", "a CNN report").
_DOCUMENTS = r"statement|report|figures|data|tally|count"
_SOURCE_POSSESSIVE = re.compile(
    rf"^(?P<np>.+?)['\u2019]s\s+(?:(?:latest|new|daily|official)\s+)?(?:{_DOCUMENTS})$",
    re.I,
)
# "a CNN report", "the ministry statement": the issuer written before the document's noun.
_SOURCE_BEFORE_DOCUMENT = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?P<np>[A-Z][\w.&'\u2019-]*(?:\s+[A-Z][\w.&'\u2019-]*)*)\s+"
    rf"(?:{_DOCUMENTS})$"
)
# A verb or a relative word ends a speaker's phrase ("according to CNN's source is not a specialist", "according
# to officials who spoke").
_VERB_IN_NP = re.compile(r"\s+(?:is|are|was|were|has|have|had|will|would|can|could|who|which|that|did|does)\b")
_LEADING_NOISE = re.compile(
    r"^(?:[\s\"'\u201c\u201d\u2018\u2019,;:]|(?:however|but|and|meanwhile|so|yet)\b\s*,?)+", re.I
)
# A speaker's phrase longer than this is a clause read wrongly, not a name or a role.
MAX_SPEAKER_WORDS = 8
# Heads of subjects that can be speakers when no entity or pronoun is there ("a well-informed source").
SPEAKER_NOUNS = frozenset(
    """official officials source sources spokesman spokeswoman spokesperson minister ministry statement office
    government authorities authority army military police diplomat diplomats leader leaders president premier
    secretary families family residents witnesses witness analysts analyst experts expert union group movement
    department agency committee council court judge prosecutor prosecutors lawyer lawyers doctors doctor medics
    officer officers commander spokesmen representative representatives envoy ambassador mayor governor
    activists activist campaigners protesters organisers organizers organization organisation party survivors
    relatives worker workers manager managers engineer engineers firefighters investigators inspector residents
    senator lawmakers lawmaker chief head director chairman board observers monitors monitor media""".split()
)
_SOURCE_PREFIX = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:(?:joint|written|brief)\s+)?(?:statement|report|figures|data|tally|count|"
    r"announcement|post|interview|readout|press release|spokes(?:man|woman|person))\s+(?:from|by|of|issued by|"
    r"released by|with)\s+",
    re.I,
)
_VIA_PHRASE = re.compile(
    r"\b(?:in an interview with|in a statement (?:sent|given) to|speaking to|told|in comments to|"
    r"in remarks to)\s+(?P<np>[^,.;:]{2,60})",
    re.I,
)


@dataclass(slots=True)
class _Context:
    """What the resolver knows while reading one article in order."""

    article: Article
    mentions: list[RawMention]
    resolution: Resolution
    outlets: set[str]
    last_person: tuple[str, str | None] | None = None  # (name, entity id) of the last person quoted
    last_speaker: tuple[str, str | None] | None = None
    last_org: tuple[str, str | None] | None = None  # the last organisation quoted: what "the statement" is from
    line_start: int = 0  # where the paragraph being read starts
    pronouns: dict[int, str] = field(default_factory=dict)  # in this paragraph: where "he"/"she" spoke -> read as
    mention_starts: list[int] = field(default_factory=list)  # of ``mentions``, which are in text order
    sentence_span: dict[str, tuple[int, int]] = field(default_factory=dict)  # sentence id -> (start, end)
    sentence_starts: list[int] = field(default_factory=list)  # every sentence's start, in order

    def __post_init__(self) -> None:
        self.mention_starts = [m.start for m in self.mentions]
        self.sentence_span = {s.sentence_id: (s.start, s.end) for s in self.article.sentences}
        self.sentence_starts = sorted(start for start, _ in self.sentence_span.values())

    def mentions_from(self, start: int, end: int) -> list[RawMention]:
        """The mentions that start in [start, end) (a range lookup: long articles have thousands)."""
        low, high = bisect.bisect_left(self.mention_starts, start), bisect.bisect_left(self.mention_starts, end)
        return self.mentions[low:high]

    def entity_of(self, mention: RawMention) -> str | None:
        return self.resolution.entity_of.get((mention.article_id, mention.start, mention.end))

    def name_of(self, entity_id: str | None, default: str) -> str:
        for entity in self.resolution.entities:
            if entity.entity_id == entity_id:
                return entity.name
        return default


def _source_np(text: str) -> str:
    """The issuer in "a statement from X", "X's statement", "a CNN report": the speaker behind a document."""
    text = _SOURCE_PREFIX.sub("", text).strip()
    possessive = _SOURCE_POSSESSIVE.match(text) or _SOURCE_BEFORE_DOCUMENT.match(text)
    return possessive["np"] if possessive else text


def _trim_np(text: str, start: int) -> tuple[str, int]:
    """A speaker's phrase without the quotation marks and the connective before it ('" an unnamed source',
    "However sources close to the ENT"), and where it now starts."""
    trimmed = _LEADING_NOISE.sub("", text)
    return trimmed, start + len(text) - len(trimmed)


# A name before the role that follows it ("Marta Olsen, deputy director at Nordic Rail, said"): two to five
# capitalised words (particles such as "al" or "de" allowed), not a phrase of place or time ("In Washington",
# "Last Tuesday").
_NAME_WORDS = (2, 5)
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "del", "van", "von", "der", "la", "le"})


def _is_name(text: str) -> bool:
    words = text.split()
    if not _NAME_WORDS[0] <= len(words) <= _NAME_WORDS[1] or words[0].lower() in STOPWORDS:
        return False
    if any(stem(w.lower().strip(".,")) in DAY_WORDS for w in words):
        return False
    return (
        all(
            re.fullmatch(r"[\w'.\-\u2019]+", w) and (w[0].isupper() or w.split("-")[0].lower() in _NAME_PARTICLES)
            for w in words
        )
        and words[-1].split("-")[-1][:1].isupper()
    )


def _clean_np(text: str) -> str:
    text = text.strip(" ,;:\"'\u201c\u201d\u2018\u2019")
    if "," in text:
        before, after = text.rsplit(",", 1)
        name = before.rsplit(",", 1)[-1].strip()
        # "Abdul Rahman Al Fahd, assistant manager at Saudia Airlines": the speaker is the name, not the
        # organisation named in the role that follows it
        text = name if _is_name(name) and after.strip()[:1].islower() else after
    text = re.sub(
        r"^(?:and|but|while|as|so|then|meanwhile|however|for (?:his|her|their|its) part)\b[\s,]*",
        "",
        text.strip(),
        flags=re.I,
    )
    text = re.sub(r"^(?:[A-Z][a-z]+(?:\s+on\s+\w+)?,\s+)", "", text) if "," in text else text
    text = re.sub(r"\s+(?:also|later|earlier|then|again|previously|on \w+day|in a statement)$", "", text, flags=re.I)
    return text.strip(" ,")


# A person named this near the start of a sentence is its subject, for "he" in the sentences after it.
SUBJECT_CHARS = 60
_POSSESSIVE = re.compile(r"['\u2019](?:s\b|(?=\s))")
# A name set after a speaker's role, closing the attribution: "said Flynn's father, Herbert Flynn."
_APPOSITIVE_NAME = re.compile(r",\s+(?P<name>[A-Z][\w'\u2019.-]*(?:\s+[A-Z][\w'\u2019.-]*){1,4})\s*(?=[.,;]|$)")
# What joins a person to the place or body they are from: "Herbert Flynn of Fort Coffee", "Tom Varn from Orno".
_OF_PLACE = re.compile(r"^,?\s+(?:of|from)\s+(?:the\s+)?$")


def _resolve(
    ctx: _Context, np_text: str, np_start: int, np_end: int, head_at: int | None = None
) -> tuple[str, str | None, list[str]]:
    """(speaker text, entity id, relays) for a speaker noun phrase at [np_start, np_end) of the article.

    ``head_at`` is the offset of the phrase's head word when the parse gives it.
    """
    np_text = np_text.strip()
    inside = [m for m in ctx.mentions if np_start <= m.start and m.end <= np_end]
    via = [m.text for m in inside if m.label == "ORG" and _JOURNALIST.search(ctx.article.text[m.end : np_end])]
    # "Flynn's father": Flynn is whose father speaks, not the speaker; but a person's statement or website is
    # theirs, and an organisation's spokesman speaks for it
    speakers = [
        m
        for m in inside
        if m.label in ("PERSON", "ORG") and not (m.label == "PERSON" and _possessor_of_another(ctx, m, np_end))
    ]
    if head_at is not None:
        head = [m for m in speakers if m.start <= head_at < m.end]
    else:
        head = [m for m in speakers if m.end == np_end]
        people_before = [m for m in speakers if m.label == "PERSON" and head and m.end <= head[0].start]
        if people_before and _OF_PLACE.search(ctx.article.text[people_before[-1].end : head[0].start]):
            head = people_before[-1:]  # "Herbert Flynn of Fort Coffee said": the person, not where he is from
        head = head or [m for m in speakers if m.label == "PERSON"][:1]
    if head:
        entity_id = ctx.entity_of(head[0])
        return ctx.name_of(entity_id, head[0].text), entity_id, via
    lowered = np_text.lower()
    if lowered in _PRONOUNS_PERSON:
        # read again once the paragraph's quotes are all found: a speaker quoted before it in the paragraph is
        # who "he" is (see extract_quotes)
        before = ctx.article.text[ctx.line_start : np_start]
        earlier = [
            m
            for m in ctx.mentions_from(ctx.line_start, np_start)
            if m.end <= np_start and m.label == "PERSON" and not _inside_quote(before, m.start - ctx.line_start)
        ]
        if earlier and all(_POSSESSIVE.match(ctx.article.text, m.end) for m in earlier):
            # "Conner's father, Donnell, said ... He added": the paragraph names only someone's relative or
            # aide, so "he" is not the last person of the paragraphs before
            ctx.pronouns[np_start] = np_text
            return np_text, None, via
        if ctx.last_person:
            ctx.pronouns[np_start] = ctx.last_person[0]
            return ctx.last_person[0], ctx.last_person[1], via
        ctx.pronouns[np_start] = np_text
    if lowered in _PRONOUNS_GROUP and ctx.last_speaker:
        return ctx.last_speaker[0], ctx.last_speaker[1], via
    if re.fullmatch(r"[A-Z][\w'-]+", np_text):  # a bare surname the tagger missed: the one person it can be
        people = [e for e in ctx.resolution.entities if e.type == "PERSON" and e.name.split()[-1] == np_text]
        if len(people) == 1:
            return people[0].name, people[0].entity_id, via
    definite = re.fullmatch(r"the\s+(?:[\w.-]+\s+){0,3}?(?P<noun>[\w-]+)", np_text, re.I)
    if definite:
        noun = definite["noun"].lower()
        issuer = ctx.last_org or ctx.last_speaker
        if noun in ("statement", "readout", "communique", "report") and issuer:
            return issuer[0], issuer[1], via
        titles = ROLE_SYNONYMS.get(noun, (noun,))
        earlier = [m for m in ctx.mentions if m.end <= np_start and m.label in ("ORG", "PERSON")]
        for mention in reversed(earlier):
            if noun in mention.text.lower() or (mention.role and any(t in mention.role for t in titles)):
                entity_id = ctx.entity_of(mention)
                return ctx.name_of(entity_id, mention.text), entity_id, via
    return np_text, None, via


# What a person has that speaks in their name: "Smith's statement", "Page's official website".
_OWN_CHANNEL = re.compile(
    rf"(?:\s+(?:own|official|personal|latest|new))*\s+(?:{_DOCUMENTS}|website|web\s+site|site|account|post|"
    r"tweet|blog|letter|book|memoir|page|feed|channel|interview|comments?|remarks?)\b",
    re.I,
)


def _possessor_of_another(ctx: _Context, mention: RawMention, np_end: int) -> bool:
    """Whether a person named in a speaker's phrase is only whose relative, lawyer or aide speaks ("Flynn's
    father", "Biancardi's attorney"), not the speaker."""
    possessive = _POSSESSIVE.match(ctx.article.text, mention.end)
    return (
        mention.end < np_end and possessive is not None and not _OWN_CHANNEL.match(ctx.article.text, possessive.end())
    )


def _via_outlets(ctx: _Context, text: str, offset: int) -> list[str]:
    found = []
    for match in _VIA_PHRASE.finditer(text):
        start = offset + match.start("np")
        end = offset + match.end("np")
        for mention in ctx.mentions:
            if start <= mention.start < end and mention.label == "ORG" and _is_outlet(ctx, mention):
                found.append(mention.text)
    return found


def _is_outlet(ctx: _Context, mention: RawMention) -> bool:
    name = ctx.name_of(ctx.entity_of(mention), mention.text)
    return mention.outlet or bool(re.search(r"\b(?:TV|News|Times|Radio|Agency|Channel|Broadcasting)\b", name))


def extract_quotes(
    article: Article, lines: list[ParsedLine], mentions: list[RawMention], resolution: Resolution, outlets: set[str]
) -> list[Quote]:
    """Every attribution in ``article``, in reading order."""
    ctx = _Context(article, sorted(mentions, key=lambda m: m.start), resolution, {o.lower() for o in outlets})
    quotes: list[Quote] = []
    for parsed in sorted(lines, key=lambda p: p.start):
        ctx.line_start = parsed.start
        ctx.pronouns = {}  # only this paragraph's are read again: an article's would grow with every paragraph
        found: list[Quote] = []
        # direct quotes first, so that they win over the reported-speech reading of the same attribution
        for quote in _direct_quotes(ctx, parsed) + _reported_speech(ctx, parsed) + _according_to(ctx, parsed):
            if not any(q.sentence_id == quote.sentence_id and q.speaker == quote.speaker for q in found):
                found.append(quote)
        found.sort(key=lambda q: q.start)
        found = _pronouns_after_speakers(ctx, found)
        for quote in found:
            quotes.append(quote)
            ctx.last_speaker = (quote.speaker, quote.speaker_entity_id)
            if _is_person(ctx, quote.speaker_entity_id):
                ctx.last_person = (quote.speaker, quote.speaker_entity_id)
            elif quote.speaker_entity_id:
                ctx.last_org = (quote.speaker, quote.speaker_entity_id)
        persons = [
            m
            for m in ctx.mentions_from(parsed.start, parsed.end)
            if m.label == "PERSON" and not _names_a_thing(parsed, m)
        ]
        if persons and not any(q.sentence_id and parsed.start <= q.start < parsed.end for q in found):
            ctx.last_person = (ctx.name_of(ctx.entity_of(persons[0]), persons[0].text), ctx.entity_of(persons[0]))
    return quotes


def _names_a_thing(parsed: ParsedLine, mention: RawMention) -> bool:
    """Whether a person's name stands for a thing of theirs, not for them: a name before a noun ("the hit
    Bieber track"), or the tagger's span over a possessor and the thing ("Justin Bieber's 'Baby"). "He said"
    in a later paragraph is not them. (A possessor alone, "Vorozhbitsyn's phone went off", is often the one
    the story is about.)"""
    if _POSSESSIVE.search(re.sub(r"['\u2019]s?$", "", mention.text)):
        return True
    span = parsed.doc.char_span(mention.start - parsed.start, mention.end - parsed.start, alignment_mode="expand")
    return span is not None and span.root.dep_ == "compound"


def _pronouns_after_speakers(ctx: _Context, found: list[Quote]) -> list[Quote]:
    """A paragraph's quotes (in order) with "he" or "she" read as the speaker quoted last in an earlier sentence
    of the paragraph ("Salva Kiir said ... He later added: ..."), where there is one."""
    starts = ctx.sentence_span
    read: list[Quote] = []
    for quote in found:
        start, end = starts.get(quote.sentence_id, (quote.start, quote.end))
        at = [
            p
            for p, read_as in ctx.pronouns.items()
            if start <= p < end and not quote.start <= p < quote.end and read_as == quote.speaker
        ]
        # a speaker of an earlier sentence: in the pronoun's own sentence another name is a relay ("he said,
        # according to the Daily Mail") or the subject of what is said
        named = [
            q
            for q in read
            if at and starts.get(q.sentence_id, (start, 0))[0] < start and q.speaker.lower() not in _ALL_PRONOUNS
        ]
        # ... or a person who opens a later sentence without a speech verb the stage reads ("Isaacs expressed
        # worry ...", "His barber, Julian Clark, concurred")
        if at and named:
            last = named[-1]
            since = max(last.end, starts.get(last.sentence_id, (0, 0))[1])
            first = bisect.bisect_left(ctx.sentence_starts, since)
            openers = [
                m
                for s_start in ctx.sentence_starts[first : bisect.bisect_left(ctx.sentence_starts, start)]
                for m in ctx.mentions_from(s_start, s_start + SUBJECT_CHARS)
                if m.label == "PERSON"
                and m.text[:1].isupper()  # the tagger's "doesn" is nobody
                and not _POSSESSIVE.match(ctx.article.text, m.end)
            ]
            if openers:
                entity_id = ctx.entity_of(openers[-1])
                named[-1] = replace(last, speaker=ctx.name_of(entity_id, openers[-1].text), speaker_entity_id=entity_id)
        if at and named and named[-1].speaker != quote.speaker:
            speaker = named[-1]
            quote = replace(
                quote,
                quote_id=content_id("q", quote.sentence_id, speaker.speaker, str(quote.start)),
                speaker=speaker.speaker,
                speaker_entity_id=speaker.speaker_entity_id,
            )
        read.append(quote)
    return read


def _is_person(ctx: _Context, entity_id: str | None) -> bool:
    return any(e.entity_id == entity_id and e.type == "PERSON" for e in ctx.resolution.entities)


def _make(
    ctx: _Context,
    sentence: Sentence,
    start: int,
    end: int,
    speaker: str,
    entity_id: str | None,
    via: list[str],
    direct: bool,
) -> Quote:
    text = ctx.article.text[start:end]
    return Quote(
        content_id("q", sentence.sentence_id, speaker, str(start)),
        ctx.article.article_id,
        sentence.sentence_id,
        start,
        end,
        text,
        speaker,
        entity_id,
        via,
        direct,
    )


def _direct_quotes(ctx: _Context, parsed: ParsedLine) -> list[Quote]:
    text = parsed.doc.text
    # the attribution is read with the full stop after a title or an initial masked ("said Dr. Arthur
    # Caplan"), so that the speaker does not end at "Dr"; the masked text has the same offsets
    attributions = _mask_titles(text)
    quotes: list[Quote] = []
    for match in QUOTED.finditer(text):
        group = next(g for g in "abc" if match.group(g) is not None)
        content = match.group(group)
        if len(content.split()) < MIN_QUOTE_WORDS:
            continue
        q_start, q_end = parsed.start + match.start(group), parsed.start + match.end(group)
        attribution = _attribution_after(ctx, attributions, match.end(), parsed.start) or _attribution_before(
            ctx, attributions, match.start(), parsed.start
        )
        if attribution is None:
            continue
        speaker, entity_id, via = attribution
        for sentence in ctx.article.sentences:
            if sentence.end <= q_start or sentence.start >= q_end or sentence.role != "body":
                continue
            start, end = max(q_start, sentence.start), min(q_end, sentence.end)
            quotes.append(_make(ctx, sentence, start, end, speaker, entity_id, via, True))
    return quotes


def _plausible_speaker(ctx: _Context, np_text: str, start: int, end: int) -> bool:
    """A noun phrase that can say something: a named entity, a pronoun, a name, or a speaker noun."""
    words = np_text.split()
    if not words:
        return False
    if any(start <= m.start and m.end <= end and m.label in ("PERSON", "ORG") for m in ctx.mentions):
        return True
    last = words[-1].lower().strip(".,")
    if len(words) == 1 and last in _PRONOUNS_PERSON | _PRONOUNS_GROUP:
        return True
    if last in SPEAKER_NOUNS:
        return True
    return all(w[:1].isupper() for w in words if w.lower() not in ("of", "the", "and", "for"))


# A title or an initial before a name: its full stop does not end the speaker's phrase.
_TITLE_STOP = re.compile(r"\b(?:Dr|Mr|Mrs|Ms|Prof|Gov|Sen|Rep|Gen|Lt|Col|Sgt|Capt|Rev|Sr|Jr|[A-Z])\.(?=\s+[A-Z])")
_MASKED_STOP = "\u2024"  # one dot leader: one character, like the full stop it stands for


def _mask_titles(text: str) -> str:
    return _TITLE_STOP.sub(lambda m: m.group()[:-1] + _MASKED_STOP, text)


def _attribution_after(
    ctx: _Context, text: str, position: int, offset: int
) -> tuple[str, str | None, list[str]] | None:
    window = text[position : position + ATTRIBUTION_WINDOW]
    match = _AFTER.match(window)
    if not match:
        return None
    group = next(g for g in ("np", "np2", "np3") if match.group(g) is not None)
    raw = match.group(group)
    np_text = _source_np(_clean_np(raw))
    if not np_text or len(np_text.split()) > MAX_SPEAKER_WORDS:
        return None
    np_start = offset + position + match.start(group) + raw.find(np_text)
    np_text = np_text.replace(_MASKED_STOP, ".")
    if not _plausible_speaker(ctx, np_text, np_start, np_start + len(np_text)):
        return None
    speaker, entity_id, via = _resolve(ctx, np_text, np_start, np_start + len(np_text))
    rest = window[match.end() :]
    appositive = _APPOSITIVE_NAME.match(rest) if entity_id is None and group == "np2" else None
    if appositive and _is_name(appositive["name"]):
        # "said Flynn's father, Herbert Flynn": the name after the role is who speaks
        start = offset + position + match.end() + appositive.start("name")
        speaker, entity_id, _ = _resolve(ctx, appositive["name"], start, start + len(appositive["name"]))
    return speaker, entity_id, via + _via_outlets(ctx, rest, offset + position + match.end())


def _attribution_before(
    ctx: _Context, text: str, position: int, offset: int
) -> tuple[str, str | None, list[str]] | None:
    window_start = max(0, position - ATTRIBUTION_WINDOW)
    before = text[window_start:position]
    sentence_start = max(before.rfind(". "), before.rfind("\u201d "), before.rfind('" '))
    if sentence_start >= 0:
        before = before[sentence_start + 2 :]
        window_start += sentence_start + 2
    match = _BEFORE.search(before)
    if not match:
        return None
    np_text = _clean_np(match["np"])
    if not np_text or len(np_text.split()) > MAX_SPEAKER_WORDS:
        return None
    np_start = offset + window_start + match.start("np") + match["np"].find(np_text)
    np_text = np_text.replace(_MASKED_STOP, ".")
    if not _plausible_speaker(ctx, np_text, np_start, np_start + len(np_text)):
        return None
    return _resolve(ctx, np_text, np_start, np_start + len(np_text))


def _inside_quote(text: str, index: int) -> bool:
    return any(m.start() < index < m.end() for m in QUOTED.finditer(text))


def _reported_speech(ctx: _Context, parsed: ParsedLine) -> list[Quote]:
    doc = parsed.doc
    quotes: list[Quote] = []
    for token in doc:
        if token.text.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
            continue
        if _inside_quote(doc.text, token.idx):
            continue
        subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects:
            continue
        subject = subjects[0]
        np_tokens = _noun_phrase(subject)
        np_start = parsed.start + np_tokens[0].idx
        np_end = parsed.start + np_tokens[-1].idx + len(np_tokens[-1].text)
        np_text, np_start = _trim_np(ctx.article.text[np_start:np_end], np_start)
        issuer = _source_np(np_text)  # "A statement by her attorneys said": the attorneys speak
        if issuer and issuer != np_text and issuer in np_text:
            np_start += np_text.find(issuer)
            np_text, np_end = issuer, np_start + len(issuer)
        head_at = parsed.start + subject.idx
        if subject.dep_ == "nsubjpass" or not _can_speak(ctx, subject, head_at):
            continue
        sentence = ctx.article.sentence_at(parsed.start + token.idx)
        if sentence is None or sentence.role != "body":
            continue
        speaker, entity_id, via = _resolve(ctx, np_text, np_start, np_end, head_at)
        complement = [c for c in token.children if c.dep_ in ("ccomp", "xcomp")] or [
            c for c in token.children if c.dep_ in ("dobj", "prep")
        ]
        after = [t for c in complement for t in c.subtree if t.idx > token.idx]
        if after:
            start = max(sentence.start, parsed.start + min(t.idx for t in after))
            end = min(sentence.end, parsed.start + max(t.idx + len(t) for t in after))
        else:  # "..., the ministry said.": the content is what comes before the attribution
            start, end = sentence.start, max(sentence.start, np_start - 1)
            while end > start and ctx.article.text[end - 1] in " ,":
                end -= 1
        clause = doc.text[token.idx : sentence.end - parsed.start]
        via = via + _via_outlets(ctx, clause, parsed.start + token.idx)
        relayed = _relayed_source(ctx, token, parsed)
        if relayed:
            source, source_entity, source_via = relayed
            chain = [speaker] + [v for v in via if v != speaker] + source_via
            quotes.append(_make(ctx, sentence, start, end, source, source_entity, chain, False))
        quotes.append(_make(ctx, sentence, start, end, speaker, entity_id, via, False))
    return quotes


def _noun_phrase(head: Any) -> list[Any]:
    """The subject's words: its subtree up to the first comma, relative clause or apposition after the head, or
    a time that dates the statement ("The agency on Friday condemned ...")."""
    tokens = []
    for token in head.subtree:
        if token.i > head.i and (
            token.text in (",", "(", "\u2014", "\u2013")
            or token.dep_ in ("relcl", "acl", "appos")
            or token.tag_ in _RELATIVE_TAGS
            or (token.dep_ == "prep" and any(c.ent_type_ in ("DATE", "TIME") for c in token.children))
        ):
            break
        tokens.append(token)
    return tokens


# "who", "which", "that" and "whose" opening a relative clause: its pronoun comes before its verb
_RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})


def _can_speak(ctx: _Context, subject: Any, head_at: int) -> bool:
    """A subject that can say something: a pronoun, a person or organisation at its head, a name or speaker noun."""
    word = subject.text.lower()
    if word in _PRONOUNS_PERSON or word == "they":
        return True
    if any(m.start <= head_at < m.end and m.label in ("PERSON", "ORG") for m in ctx.mentions):
        return True
    return subject.pos_ == "PROPN" or word in SPEAKER_NOUNS


def _relayed_source(ctx: _Context, verb: Any, parsed: ParsedLine) -> tuple[str, str | None, list[str]] | None:
    for child in verb.subtree:
        if child.text.lower() in ("citing", "quoting"):
            objects = [c for c in child.children if c.dep_ in ("dobj", "pobj", "attr")]
            if objects:
                tokens = _noun_phrase(objects[0])
                start = parsed.start + tokens[0].idx
                end = parsed.start + tokens[-1].idx + len(tokens[-1].text)
                head_at = parsed.start + objects[0].idx
                if _can_speak(ctx, objects[0], head_at):
                    return _resolve(ctx, ctx.article.text[start:end], start, end, head_at)
    return None


def _according_to(ctx: _Context, parsed: ParsedLine) -> list[Quote]:
    text = parsed.doc.text
    quotes: list[Quote] = []
    for match in _ACCORDING.finditer(text):
        raw = _VERB_IN_NP.split(match["np"], maxsplit=1)[0]  # "CNN's source is not a throat specialist"
        np_text = _source_np(_clean_np(raw))
        if not np_text or len(np_text.split()) > MAX_SPEAKER_WORDS:
            continue
        np_start = parsed.start + match.start("np") + raw.find(np_text)
        sentence = ctx.article.sentence_at(parsed.start + match.start())
        if sentence is None or sentence.role != "body" or not np_text:
            continue
        if not _plausible_speaker(ctx, np_text, np_start, np_start + len(np_text)):
            continue
        speaker, entity_id, via = _resolve(ctx, np_text, np_start, np_start + len(np_text))
        quotes.append(_make(ctx, sentence, sentence.start, sentence.end, speaker, entity_id, via, False))
    return quotes


def link_verbatim(quotes: list[Quote], scope: str = "") -> dict[str, list[str]]:
    """Direct quotes that several articles carry word for word: statement key -> quote ids.

    Two quotes are the same statement when one's normalised words contain the other's and the shorter has
    at least ``VERBATIM_MIN_WORDS`` words.
    """
    normalised = [(q, " ".join(re.findall(r"\w+", q.text.lower()))) for q in quotes if q.direct]
    groups: dict[str, list[str]] = defaultdict(list)
    for i, (a, text_a) in enumerate(normalised):
        for b, text_b in normalised[i + 1 :]:
            if a.article_id == b.article_id:
                continue
            short, long = sorted((text_a, text_b), key=len)
            if len(short.split()) >= VERBATIM_MIN_WORDS and short in long:
                key = content_id("st", scope, short)
                for quote in (a, b):
                    if quote.quote_id not in groups[key]:
                        groups[key].append(quote.quote_id)
    return dict(groups)
