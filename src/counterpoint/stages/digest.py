"""Digest: a short neutral account built only from the articles' own sentences, each citing its sources.

Extractive by design, so that no sentence can say what its sources do not:

1. claims carried by several outlets, most widely carried first, then in story order (the mean position of
   their sentences in their articles);
   (a figure revised over time is flagged ``revised``, one given differently by different authorities
   ``other-source``);
2. disputed claims (conflicting figures or statements), flagged ``disputed``;
3. a few claims only one outlet carries (its lead, or sentences with figures or direct quotes), flagged
   ``single-source``.

Each claim is told by one of its sentences, chosen for the fewest figures no other sentence of the claim
gives (told for all its sources, "Ivo Marek, 41," would make one outlet's age everyone's), the fewest framing
notes, a subject that is not a bare pronoun, and, for revised figures, the latest figure; never a question
(a sentence with a question mark, quoted or not, or one that opens as a question: "Why did the dam fail,
the mayor asked"), and never a piece of a quotation that runs over several sentences (an unpaired quotation
mark). Contested wording in
it is replaced by the plainer term from its framing notes, scare quotes are dropped, and opening
connectives ("Meanwhile,", "On another note,") are trimmed. Voices are kept: a sentence with a quotation
or a first-person line is told as it stands when it names who speaks ("..., Halm said"), as "Speaker said:
..." with its marks when the quotes stage knows the speaker, and is left out otherwise (a pronoun names
nobody without the sentence before it). Reported speech with a pronoun ("He said the bridge would reopen")
names the speaker the quotes stage gives where the sentence before in its article names them, and not only
as someone's ("Conner's father, Donnell, said ... He added": "he" is not Conner). Every digest sentence
cites all the sentences of its claim.
A sentence that shares most of its content words, all of its figures and its polarity with one already told
(the same quotation from another outlet, a statement two claims hold), or says it in other words (its
embedding close to the told one's, same figures and polarity), is not told again; a disputed one is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping

import numpy as np
from numpy.typing import NDArray

from ..bias import quoted_spans
from ..model import Claim, Comparison, DigestSentence, FramingNote, Sentence
from ..text import (
    FIGURE,
    NEGATION,
    REPORTING_VERBS,
    SMALL_NUMBERS,
    content_words,
    denial_scopes,
    dice,
    is_question,
    paired_quotes,
    stem,
)

NAME = "digest"
VERSION = "20"  # 2: voices kept for every quotation, no question; 3: no statement told twice;
# 4: no pointer to a picture ("(left)", "(pictured)"); 5: a claim over mostly a told claim's sentences is not told;
# 6: a claim is told by a sentence whose figures its other sentences give; 7: "not only" is no denial;
# 8: no sentence that ends in a colon or starts with an ellipsis (half a statement); 9: a sentence that names its
# subject before one that opens with a pronoun, whatever their links; 10: a statement in other words (close
# embeddings) is told once; figures written as words tell statements apart; 11: reported speech told with a pronoun
# ("He said the bridge ...") names its speaker where the sentence before names them (not as someone's); 12: a claim
# is told by the sentence whose words its other outlets say most (not the one that adds most); 13: the end of a
# quotation cut from its start ("... parts.'") is not told; every verb of saying names a speaker ("she noted");
# 14: where outlets disagree (a conflict over a shared claim's sentences) the claim is told by the side most of its
# sentences take and cites only them; the other side is the disputed line; 15: a shared statement cites only the
# sentences that have at least 40% of its content words where another outlet's does (one that states one of the three
# facts a lead states is not cited for the lead); 16: a part of a told sentence, in other outlets' words, is not told
# again (what the told sentence denies is not a part of it); 17: up to DISPUTE_ROOM sentences are kept for the
# disputes, which twenty shared claims used to crowd out; 18: "not the only", "not the first" and "not alone"
# are no denial when telling a repeat; 19: a revised figure or another source's cites the outlets that give
# the figure told; 20: the line of a figure all its outlets give tells no figure one of them adds

MAX_SINGLE_SOURCE_PER_OUTLET = 1
# Shorter sentences are fragments (a piece of a quote split over sentences), not statements.
MIN_WORDS = 6
# Notes whose plainer wording rewrites grammar; a sentence with one is told only when its claim has no other.
_REWORDING_KINDS = frozenset({"editorializing", "doubt-casting attribution"})
# A digest that runs longer than this stops being a digest; the report keeps every claim anyway.
MAX_SENTENCES = 20
# Of those, this many at most are kept for the disputes (the conflicts stage's claims), so that a story with
# twenty shared claims still tells where its outlets disagree.
DISPUTE_ROOM = 5
# How a shared claim of a figure is labelled when outlets give it differently for a reason.
_SHARED_STATUS = {"revision": "revised", "other-source": "other-source"}
# A sentence that shares at least this share of its content words (Dice over stems) with one already in the
# digest says it again (the same quotation from another outlet, a lead told twice by two claims): it is left
# out. Chosen on the dev stories' digests (docs/decisions/0008-extractive-digest.md).
REDUNDANT_DICE = 0.6
# ... or that one told sentence holds at least this share of its content words and all of its figures, none of
# them in what the told sentence denies: it says a part of what was told ("While there, he 'took a selfie photo in
# the procedure room'" after the sentence that tells the selfie in the procedure room). Chosen by reading the
# digests of 36 stories no gold covers (docs/decisions/0008-extractive-digest.md).
CONTAINED_SHARE = 0.8
# ... or whose sentence embedding (alignment's, unit length) has at least this cosine with one already told, with
# the same figures and polarity: the same statement in other words ("took a selfie in the operating room" /
# "allegedly took a selfie photo ... in the procedure room"). Chosen by reading the digests of 36 stories no gold
# covers (docs/decisions/0008-extractive-digest.md).
REDUNDANT_COSINE = 0.85
# A claim whose sentences are mostly (Jaccard) those of a claim already told is that statement grouped twice
# (one quotation in two claims, one lead told by two groups): it is not told again.
SAME_SENTENCES = 0.5
# A shared statement cites another outlet's sentence of its claim only when that sentence has at least this share of
# the told sentence's content words (stems): an outlet whose sentence of the claim says part of it (one of the three
# facts a lead states) does not say the statement. Where no other outlet's sentence has that share (the claim's
# sentences say it in other words), the statement cites the claim's sentences as before. Chosen on the dev stories'
# gold (docs/decisions/0008-extractive-digest.md).
CITED_SHARE = 0.4
# Among sentences equal in every other respect, the claim is told by one in the outlets' own words (at most this
# share of its characters inside quotation marks) and closest to this many characters: a full sentence, neither a
# fragment nor a paragraph run together.
MOSTLY_QUOTED = 0.5
TOLD_LENGTH = 160
_CONNECTIVE = re.compile(
    r"^(?:meanwhile|on another note|in this context|for (?:his|her|their|its) part|in addition|additionally|"
    r"moreover|furthermore|however|also|earlier|later|separately|in the meantime)\s*,\s*",
    re.I,
)
# A pointer to a picture the digest does not show: "Jasmine Tridevil (left)", "the mayor (pictured with ...)".
# A position word alone only: "(right-wing)" or "(far right)" after a party's name is a label, not a pointer.
_PICTURE_POINTER = re.compile(
    r"\s*\((?:(?:pictured|picture|photo)\b[^()]{0,40}|"
    r"(?:top |bottom )?(?:left|right|centre|center|above|below|inset))\)",
    re.I,
)
# A sentence that leads into what it does not hold ("Daly denied the report in comments to TVA Sports:") or
# starts inside something cut ("…Recently the rhetoric has changed") tells half a statement.
_INCOMPLETE = re.compile(r":\s*$|^\s*(?:\u2026|\.\.\.)")
_PRONOUN_START = re.compile(r"^(?:he|she|it|they|this|these|that)\b", re.I)
# The verbs of saying, as a sentence puts them after its speaker ("noted", "says", "told"; shared with quotes and
# alignment through text.REPORTING_VERBS).
_VERB = "(?:{})".format(
    "|".join(
        sorted(
            (v for v in REPORTING_VERBS if v.endswith(("ed", "s")) or v in ("said", "told", "wrote")),
            key=len,
            reverse=True,
        )
    )
)
# A pronoun that says who speaks only with the sentence before: "..., he noted", "said she".
_PRONOUN_SAID = (
    re.compile(rf"\b(?:[Hh]e|[Ss]he|[Tt]hey)(?=\s+(?:\w+ly\s+)?{_VERB}\b)"),
    re.compile(r"(?<=\bsaid\s)(?:he|she|they)\b|(?<=\bsays\s)(?:he|she|they)\b"),
)
# A line in the first person outside any quotation: a transcript or an op-ed speaking, not the outlet reporting.
_FIRST_PERSON = re.compile(r"(?:^|[\s,;\u201c\u2018\"'])(?:I|we|We|our|Our|my|My|me|us)(?=[\s,;.!?'\u2019])")
# A speaker the digest cannot name: a pronoun says who only after the sentence before it, which the digest lacks.
_PRONOUNS = frozenset("i we you he she it they him her them us".split())
# Quoted words from this many are a quotation, someone's voice (as the quotes stage counts); fewer are a term.
QUOTATION_MIN_WORDS = 4
# A sentence that itself says who speaks: a speech verb after or before a subject that is not a pronoun
# ("the Florida woman told", "said Fauzi", "according to the ministry").
_NOT_PRONOUN = r"(?!(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t|[Ww]e|I|[Yy]ou|[Hh]im|[Hh]er|[Tt]hem)\b)"


def _attribution(verb: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?<![\w'\u2019]){_NOT_PRONOUN}[A-Za-z][\w'\u2019.-]*\s+(?:\w+ly\s+)?{verb}\b"
        rf"|[,:\"\u201d]\s*{verb}\s+(?:{_NOT_PRONOUN}[A-Z]|(?:the|an?)\s+\w)|\baccording to\s+{_NOT_PRONOUN}\w"
    )


_ATTRIBUTED = _attribution(_VERB)
# A first-person line outside quotation marks is someone's only with a verb of their own speech: in "We all had
# our suspicions ..., TMZ reports, ..." the outlet relays TMZ, and "we" is still the writer.
_SPOKEN = _attribution(r"(?:said|says|told|tells|added|adds|wrote|writes|stated|explained|insisted|stressed)")
# Opening and closing single quotation marks (apostrophes inside words are neither).
_SINGLE_OPEN = re.compile(r"(?:^|(?<=[\s(\[:\u2014-]))[\u2018'](?=\w)")
_QUOTE_TAIL = re.compile(r"[.!?,\u2026][\u2019']\s*$")
_SINGLE_CLOSE = re.compile(r"(?<=[\w.,!?;:\u2026])[\u2019'](?=[\s.,;:!?)\]\u2014]|$)")


def write_digest(
    comparison: Comparison, vectors: Mapping[str, NDArray[np.float32]] | None = None
) -> list[DigestSentence]:
    """The digest of ``comparison`` (claims, framing notes and quantities must be filled). ``vectors`` (sentence
    id -> unit-length embedding, as alignment has them) also tell a statement repeated in other words."""
    vectors = vectors or {}
    sentences: dict[str, tuple[str, Sentence, int, int]] = {}
    for article in comparison.articles:
        body = article.body()
        for rank, sentence in enumerate(body):
            sentences[sentence.sentence_id] = (article.outlet, sentence, rank, len(body))
    text_of = {sid: a.sentence_text(s) for sid, (a, s) in comparison.sentence_index().items()}
    notes: dict[str, list[FramingNote]] = defaultdict(list)
    for note in comparison.framing:
        notes[note.sentence_id].append(note)
    values: dict[str, float] = {}
    for quantity in comparison.quantities:
        values[quantity.sentence_id] = max(values.get(quantity.sentence_id, 0.0), quantity.value)

    def position(claim: Claim) -> float:
        ranks = [sentences[s][2] / max(1, sentences[s][3]) for s in claim.sentence_ids if s in sentences]
        return sum(ranks) / len(ranks) if ranks else 1.0

    quoted_share = _quoted_share(comparison)
    for sentence_id, text in text_of.items():  # quotations without a known speaker count too
        marked = sum(end - start for start, end in quoted_spans(text)) / max(1, len(text))
        quoted_share[sentence_id] = max(quoted_share.get(sentence_id, 0.0), marked)
    speaker_of: dict[str, str] = {}
    for quote in comparison.quotes:
        if quote.speaker.strip().lower() not in _PRONOUNS:  # "he" names nobody without the sentence before
            speaker_of.setdefault(quote.sentence_id, quote.speaker)

    before: dict[str, str] = {}  # the sentence before each body sentence in its article
    for article in comparison.articles:
        body = article.body()
        for earlier, sentence in zip(body, body[1:], strict=False):
            before[sentence.sentence_id] = article.sentence_text(earlier)

    # where outlets disagree (the conflicts stage's claims): the sentences of each dispute and each outlet's value
    disputes = [
        (frozenset(c.sentence_ids), c.values) for c in comparison.claims if c.status == "conflicting" and c.values
    ]

    def sides(claim: Claim) -> dict[str, dict[int, str]]:
        """For each sentence of a claim, the value its outlet gives in each dispute over the claim's sentences,
        by the dispute's index (a copy gives its original's value; no entry where the outlet takes no side)."""
        members = set(claim.sentence_ids)
        over = [(i, values) for i, (ids, values) in enumerate(disputes) if ids & members]
        found: dict[str, dict[int, str]] = {}
        for s in claim.sentence_ids:
            if s in sentences:
                outlet = sentences[s][0]
                given = {i: v.get(outlet, v.get(claim.copies.get(outlet, ""))) for i, v in over}
                found[s] = {i: value for i, value in given.items() if value is not None}
        return found

    def voiced(sentence_id: str) -> bool:
        """Whether the sentence can be told with its voice: its speaker known wherever it is not the outlet's."""
        text = text_of[sentence_id]
        if not _speaks(text) or sentence_id in speaker_of:
            return True
        first_person = bool(_FIRST_PERSON.search(_outside_quotes(text)))
        return _attributes(text, _SPOKEN if first_person else _ATTRIBUTED)

    def pick(claim: Claim, disputed: bool = False) -> str | None:
        """The sentence that tells ``claim``; a dispute by a sentence not told yet, one of the side no told
        sentence took where there is one (the other side of a dispute told as shared)."""
        told_already = used if disputed else set()
        candidates = [
            s
            for s in claim.sentence_ids
            if s in sentences
            and s not in told_already
            and len(text_of[s].split()) >= MIN_WORDS
            and _whole_quotes(text_of[s])
            and "?" not in text_of[s]  # a question, even a quoted one, supports nothing
            and not is_question(text_of[s])
            and not _INCOMPLETE.search(text_of[s])
            and voiced(s)
        ]
        figures = {s: set(FIGURE.findall(text_of[s])) for s in claim.sentence_ids if s in text_of}
        given = Counter(f for found in figures.values() for f in found)
        if claim.kind == "number" and claim.status == "shared":
            # the line of a figure all its outlets give tells that figure, not another one of them adds
            candidates = [s for s in candidates if all(given[f] > 1 for f in figures[s])]
        if not candidates:
            return None
        newest = max((values.get(s, 0.0) for s in candidates), default=0.0)
        degree = {s: sum(s in (link.sentence_a, link.sentence_b) for link in claim.links) for s in candidates}

        # the content words of each sentence of the claim (a copy carries the claim too: it is cited)
        words = {s: {stem(w) for w in content_words(text_of[s])} for s in claim.sentence_ids if s in sentences}
        side = sides(claim)
        other_side = {s for s in side if disputed and not _compatible(side[s], told_values)}

        # in each dispute over the claim, the value most of its sentences give (none on a tie)
        majority: dict[int, str] = {}
        for dispute in {d for taken in side.values() for d in taken}:
            ranked = Counter(taken[dispute] for taken in side.values() if dispute in taken).most_common(2)
            if len(ranked) == 1 or ranked[0][1] > ranked[1][1]:
                majority[dispute] = ranked[0][0]

        def minority(sentence_id: str) -> bool:
            """Whether the sentence gives a value fewer of the claim's sentences give where they disagree."""
            return not _compatible(side.get(sentence_id, {}), majority)

        def said_elsewhere(sentence_id: str) -> float:
            """The mean share of the claim's other outlets whose sentence has each content word of this one: told
            for all its sources, a sentence should say what they say, not what one of them adds."""
            own = words[sentence_id]
            others = [w for s, w in words.items() if sentences[s][0] != sentences[sentence_id][0]]
            if not own or not others:
                return 0.0
            return sum(sum(word in other for other in others) for word in own) / (len(own) * len(others))

        def unconfirmed(sentence_id: str) -> int:
            """Figures of the sentence that no other sentence of the claim gives: told for all its sources,
            such a figure ("Igor, 41," where five outlets say 42) would be one outlet's word for all."""
            return sum(given[f] == 1 for f in figures[sentence_id])

        return min(
            candidates,
            key=lambda s: (
                disputed and s not in other_side,
                claim.kind == "revision" and values.get(s, 0.0) < newest,
                any(n.kind in _REWORDING_KINDS for n in notes[s]),
                claim.kind != "revision" and unconfirmed(s),
                # "He scored six touchdowns": the digest has no sentence before to say who
                bool(_PRONOUN_START.match(text_of[s].lstrip("\"'\u201c\u2018"))),
                minority(s),  # not "on Tuesday" where four outlets say Wednesday and two Tuesday
                -said_elsewhere(s),
                -degree[s],
                quoted_share.get(s, 0.0) > MOSTLY_QUOTED,
                len(notes[s]),
                abs(len(text_of[s]) - TOLD_LENGTH),
            ),
        )

    def neutral(sentence_id: str) -> str:
        start = comparison.sentence_index()[sentence_id][1].start
        text = text_of[sentence_id]
        applied = len(text)
        for note in sorted(notes[sentence_id], key=lambda n: -n.start):
            a, b = note.start - start, note.end - start
            if b > applied:
                continue  # overlaps a note already applied: one rewording per stretch of text
            applied = a
            replacement = note.alternative
            if a > 0 and not replacement and text[a - 1] == " ":
                a -= 1
            text = text[:a] + replacement + text[b:]
        text = _CONNECTIVE.sub("", text)
        text = _PICTURE_POINTER.sub("", text)
        text = re.sub(r"\s{2,}", " ", text).strip()
        if text.count('"') % 2 and (text.startswith('"') or text.rstrip(".,").endswith('"')):
            text = text.replace('"', "", 1) if text.startswith('"') else "".join(text.rsplit('"', 1))
        text = _balance_curly(text)
        text = text[:1].upper() + text[1:]
        speaker = speaker_of.get(sentence_id)
        speaks = _speaks(text)
        # reported speech ("He said the bridge would reopen") is given its speaker only where the sentence before
        # names them, not as someone's ("Conner's father, Donnell, said ... He added"): "he" is read from there
        reported = (
            speaker
            and any(p.search(text) for p in _PRONOUN_SAID)
            and _named_not_owning(before.get(sentence_id, ""), speaker)
        )
        if speaker and (speaks or reported) and not _names(text, speaker) and not _attributes(text):
            # "..., she said." -> "..., Lena Dorn said.", and so in reported speech ("He said the bridge would
            # reopen"): the digest has no earlier sentence to say who she or he is
            named = text
            for pattern in _PRONOUN_SAID:
                if named == text:
                    named = pattern.sub(speaker, named, count=1)
            if named != text:
                return named[:1].upper() + named[1:]
            if speaks:
                inner = text if text[:1] in '"\u201c' else f"\u201c{text}\u201d"
                return f"{speaker} said: {inner}"
        return text

    digest: list[DigestSentence] = []
    used: set[str] = set()
    told: list[frozenset[str]] = []  # the content stems of each digest sentence
    told_sentences: list[str] = []  # the sentence each digest sentence tells
    told_denied: list[frozenset[str]] = []  # the content stems each told sentence denies
    told_sources: list[set[str]] = []  # the sentences each digest sentence cites
    told_values: dict[int, str] = {}  # the value told sentences give in each dispute

    def add(claim: Claim, status: str) -> bool:
        """Tell ``claim`` by one of its sentences; whether it was told."""
        if len(digest) >= MAX_SENTENCES:
            return False
        chosen = pick(claim, disputed=status == "disputed")
        if chosen is None or chosen in used:
            return False
        if status == "single-source" and any(n.kind in _REWORDING_KINDS for n in notes[chosen]):
            return False
        stems = _statement(text_of[chosen])
        # a dispute is told even where its wording is close to a shared claim's: that is what it disputes
        if status != "disputed" and any(
            _repeats(stems, earlier)
            or _contained(stems, earlier, denied)
            or _reworded(vectors.get(chosen), vectors.get(sentence), stems, earlier)
            for earlier, sentence, denied in zip(told, told_sentences, told_denied, strict=True)
        ):
            return False
        side = sides(claim)
        if status != "disputed" and not _compatible(side.get(chosen, {}), told_values):
            return False  # the other side of a dispute a told sentence took: the disputed line tells both
        sources = set(claim.sentence_ids)
        if status in ("shared", "single-source") and any(
            len(sources & earlier) >= SAME_SENTENCES * len(sources | earlier) for earlier in told_sources
        ):
            return False  # mostly the sentences of a claim already told: the same statement grouped twice
        cited = sorted(claim.sentence_ids)
        if status != "disputed":  # a sentence that gives another value than the told one does not state it
            cited = [x for x in cited if x not in side or _compatible(side[x], side.get(chosen, {}))]
        if claim.kind in _SHARED_STATUS and claim.values and chosen in sentences:
            # a revised figure or another authority's: told with one outlet's figure, it rests on the outlets that
            # give that figure, not on those that gave another
            given = _figure_given(claim.values.get(sentences[chosen][0]))
            cited = [x for x in cited if x in sentences and _figure_given(claim.values.get(sentences[x][0])) == given]
        if status == "shared":  # nor one that says a part of it, where two outlets say all of it
            own = stems - _marks(stems)
            saying = [x for x in cited if x == chosen or _says(own, text_of[x])]
            if len({sentences[x][0] for x in saying if x in sentences}) >= 2:
                cited = saying
        if status != "disputed":
            told_values.update(side.get(chosen, {}))
        told_sources.append(sources)
        told.append(stems)
        told_sentences.append(chosen)
        told_denied.append(_denied(text_of[chosen]))
        used.add(chosen)
        outlets = sorted({sentences[x][0] for x in cited if x in sentences}) or sorted(claim.outlets)
        digest.append(DigestSentence(neutral(chosen), cited, status, outlets))
        return True

    shared = sorted(
        (c for c in comparison.claims if c.status == "shared" and len(c.outlets) > 1),
        key=lambda c: (-len(c.outlets), position(c)),
    )
    conflicting = sorted((c for c in comparison.claims if c.status == "conflicting"), key=position)
    shared_room = MAX_SENTENCES - min(len(conflicting), DISPUTE_ROOM)
    waiting = list(shared)
    while waiting and len(digest) < shared_room:
        claim = waiting.pop(0)
        add(claim, _SHARED_STATUS.get(claim.kind or "", "shared"))
    for claim in conflicting:
        add(claim, "disputed")
    for claim in waiting:  # the room the disputes left
        add(claim, _SHARED_STATUS.get(claim.kind or "", "shared"))
    per_outlet: dict[str, int] = defaultdict(int)
    quoted = {q.sentence_id for q in comparison.quotes if q.direct}
    singles = [
        c
        for c in comparison.claims
        if c.status == "unique" and _newsworthy(c.sentence_ids[0], sentences, values, quoted)
    ]
    for claim in sorted(singles, key=position):
        outlet = claim.outlets[0]
        if per_outlet[outlet] < MAX_SINGLE_SOURCE_PER_OUTLET and add(claim, "single-source"):
            per_outlet[outlet] += 1
    return digest


def _figure_given(value: str | None) -> str | None:
    """The figure of a figure claim's value ("200; according to the agency; as of 2025-03-12" -> "200")."""
    return value.split(";")[0].strip() if value else None


def _says(told: frozenset[str] | set[str], other: str) -> bool:
    """Whether ``other`` has at least :data:`CITED_SHARE` of ``told``, a told sentence's content stems."""
    return len(told & {stem(w) for w in content_words(other)}) >= CITED_SHARE * len(told)


def _compatible(a: Mapping[int, str], b: Mapping[int, str]) -> bool:
    """Whether two sentences' values agree in every dispute where both outlets take a side."""
    return all(b.get(dispute, value) == value for dispute, value in a.items())


# Words that give a count, for telling statements apart ("about a dozen soldiers are still there" says more than
# "the soldiers were there").
_COUNT_WORDS: dict[str, int | str] = (
    {w: n for w, n in SMALL_NUMBERS.items() if n > 1}
    | {"dozen": 12}
    | {w: w for w in ("dozens", "scores", "hundreds", "thousands", "millions", "billions")}
)


def _statement(text: str) -> frozenset[str]:
    """What a sentence states, for telling a repeat: its content stems, its figures in digits or words up to
    twenty ("three nurses" is "#3"; "one" is left out, as often "one of" as a count) and counting words ("a dozen"
    is "#12", "dozens" and "hundreds" their own), marked "#", and whether it denies (marked "#not")."""
    figures = {f"#{figure.replace(',', '')}" for figure in FIGURE.findall(text)}
    figures |= {f"#{_COUNT_WORDS[w]}" for w in re.findall(r"[a-z]+", text.lower()) if w in _COUNT_WORDS}
    words = {stem(w) for w in content_words(text)} | figures
    return frozenset(words | {"#not"} if NEGATION.search(text) else words)


def _repeats(statement: frozenset[str], earlier: frozenset[str]) -> bool:
    """Whether ``statement`` says again what ``earlier`` said: most words in common, and the same figures and
    polarity ("killed 14" is not "killed 140"; "did not strike" is not "struck")."""
    return _marks(statement) == _marks(earlier) and dice(statement, earlier) >= REDUNDANT_DICE


def _contained(statement: frozenset[str], earlier: frozenset[str], earlier_denied: frozenset[str]) -> bool:
    """Whether ``earlier`` (a told sentence's statement) holds a part of what ``statement`` says and nothing it
    denies: at least :data:`CONTAINED_SHARE` of its words, all of its figures, no denial ``earlier`` lacks, and
    none of its words among those ``earlier`` denies (``earlier_denied``: "the doctor, who has not been publicly
    identified, took a selfie" denies the naming, not the selfie)."""
    marks = _marks(statement)
    if "#not" in marks and "#not" not in earlier:
        return False
    words = statement - marks
    shared = words & earlier
    return (
        marks - {"#not"} <= earlier
        and bool(words)
        and len(shared) >= CONTAINED_SHARE * len(words)
        and not shared & earlier_denied
    )


def _denied(text: str) -> frozenset[str]:
    """The content stems a sentence denies: those in the scope of each of its denials (``text.denial_scopes``)."""
    return frozenset(stem(w) for _, start, end in denial_scopes(text) for w in content_words(text[start:end]))


def _reworded(
    vector: NDArray[np.float32] | None,
    earlier_vector: NDArray[np.float32] | None,
    statement: frozenset[str],
    earlier: frozenset[str],
) -> bool:
    """Whether a sentence says in other words what an earlier one said: close embeddings, and the same figures
    and polarity."""
    if vector is None or earlier_vector is None or _marks(statement) != _marks(earlier):
        return False
    return float(vector @ earlier_vector) >= REDUNDANT_COSINE


def _marks(statement: frozenset[str]) -> frozenset[str]:
    """A statement's figures and polarity (see :func:`_statement`)."""
    return frozenset(w for w in statement if w.startswith("#"))


def _speaks(text: str) -> bool:
    """Whether ``text`` holds someone's voice: a quotation, or a first-person line outside quotation marks."""
    quotations = [text[a:b] for a, b in quoted_spans(text)]
    return any(len(q.split()) >= QUOTATION_MIN_WORDS for q in quotations) or bool(
        _FIRST_PERSON.search(_outside_quotes(text))
    )


def _attributes(text: str, attribution: re.Pattern[str] = _ATTRIBUTED) -> bool:
    """Whether ``text`` itself names who speaks, outside its quotations ("the Florida woman told ...")."""
    return bool(attribution.search(re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", '""', text)))


def _outside_quotes(text: str) -> str:
    """``text`` without what stands between quotation marks."""
    return re.sub(r"[\"\u201c][^\"\u201c\u201d]*[\"\u201d]", " ", text)


def _named_not_owning(text: str, speaker: str) -> bool:
    """Whether ``text`` names the speaker by the last word of their name, and not as a possessor ("Conner's")."""
    last = speaker.split()[-1] if speaker.split() else ""
    return bool(last) and re.search(rf"\b{re.escape(last)}\b(?!['\u2019])", text) is not None


def _names(text: str, speaker: str) -> bool:
    """Whether ``text`` names the speaker (any capitalised word of the name)."""
    return any(word in text for word in re.findall(r"[A-Z][\w'\u2019-]+", speaker)) or speaker.lower() in text.lower()


def _whole_quotes(text: str) -> bool:
    """False for a piece of a quotation that runs over several sentences (its other mark is elsewhere)."""
    opens = len(_SINGLE_OPEN.findall(text))
    singles = opens <= len(_SINGLE_CLOSE.findall(text))
    # a single mark after the closing stop with none opened is a quotation's end ("... certain parts.'"), not the
    # apostrophe of a plural's possessive ("the Smiths' house")
    tail = not opens and _QUOTE_TAIL.search(text)
    return paired_quotes(text) and singles and not tail


def _quoted_share(comparison: Comparison) -> dict[str, float]:
    """For each sentence, the share of its characters inside direct quotes."""
    sentence_of = comparison.sentence_index()
    share: dict[str, float] = defaultdict(float)
    for quote in comparison.quotes:
        if quote.direct:
            sentence = sentence_of[quote.sentence_id][1]
            share[quote.sentence_id] += (quote.end - quote.start) / max(1, sentence.end - sentence.start)
    return share


def _newsworthy(
    sentence_id: str, sentences: dict[str, tuple[str, Sentence, int, int]], values: dict[str, float], quoted: set[str]
) -> bool:
    """An article's lead, or a sentence with a figure or a direct quote."""
    return sentences[sentence_id][2] < 2 or sentence_id in values or sentence_id in quoted


def _balance_curly(text: str) -> str:
    """Drop an opening or closing curly quote left without its pair by a quote that spans sentences."""
    if text.count("\u201c") > text.count("\u201d") and text.startswith("\u201c"):
        return text[1:]
    if text.count("\u201d") > text.count("\u201c"):
        return "".join(text.rsplit("\u201d", 1))
    return text
