"""Denials, for the conflicts stage (where a denial's scope ends is :func:`counterpoint.text.denial_scopes`):
whether what one unit denies is what the other states (:func:`_denies_what_the_other_states`, with the hedges,
obligations, privatives, beliefs, rejections, degree words, spans and conditions that make a denial deny nothing),
whether a word is stated at all (:func:`_asserted`), and whether two units report two parties' dispute rather than
disagree (:func:`_parties_dispute`, :func:`_quoted_denial`)."""

from __future__ import annotations

import re

from ...text import DAY_WORDS, TIME_WORDS, content_words, denial_scopes, stem, word_run

# "no longer", "not ... anymore": a state that has changed, told as of another day; not a contradiction of
# an outlet that tells the earlier state ("isn't her calling anymore" / "the massage therapist")
_CHANGED_STATE = re.compile(r"\b(?:no|any)\s+longer\b|\bany\s?more\b(?=\s*(?:[.,;:!?\u2014\u2013)]|$))", re.I)
# "For a while it didn't have one, but I got ...": a state that held for a time, then changed
_FOR_A_WHILE = re.compile(r"\b(?:for\s+a\s+(?:while|time)|at\s+first)\b", re.I)
_BUT = re.compile(r"\s*,?\s+but\b", re.I)
# A denial is about the first content word after it ("no one was *injured*", "did not *capsize*") and the
# word that follows: it contradicts the other unit only if that one says them too ("No one was injured"
# does not contradict "The fire started while people were inside"; see _denies_what_the_other_states).
_NOT_THE_DENIED = frozenset({"one", "body"})
# A denial of degree ("there isn't *much* Intel can do", "not *all* of them") is about that word too: it
# contradicts a unit that states the degree and what follows ("all of them"), not one that states only what
# follows ("puts Intel on the defensive"). "Not just" and "not only" are left out: annotators read "not just
# about fame" against "she wanted fame" as a disagreement (decision 0011).
_DEGREE = frozenset(
    {
        "much",
        "many",
        "enough",
        "all",
        "every",
        "everyone",
        "everything",
        "always",
        "quite",
        "very",
        "too",
        "entirely",
        "necessarily",
        "exactly",
        "fully",
        "completely",
        # a bound, not a denial: "grows to no more than 10 inches", "no later than Friday"
        "more",
        "less",
        "fewer",
        "greater",
        "larger",
        "bigger",
        "higher",
        "lower",
        "later",
        "earlier",
    }
)
# "Should not have had surgery", "must not": what ought not to be, not a denial that it is.
_OBLIGATION = re.compile(r"\b(?:should|must|ought\s+to)\s*$", re.I)
# A possibility or a counterfactual ("may not have been killed at the same time", "would not have placed him on
# injured reserve") is not a denial; in the other unit a possibility ("may well invoke a formal process") is
# not a statement. ("So he wouldn't turn into a werewolf" tells a purpose: left to the denial rules.)
_HEDGES = frozenset({"may", "might", "could", "would"})
_HEDGED_DENIAL = re.compile(r"\b(?:may|might)(?:\s+well)?\s*$", re.I)
_WOULD = re.compile(r"\bwould\s*$", re.I)
_HAVE = re.compile(r"\s*have\b", re.I)
_HEDGE_REACH = 4
# How far before a word an "if" or "whether" makes it part of an embedded question, in words.
_QUESTION_REACH = 6
# A word within this many words after "without", "refusing to" or "failed to", in the same clause, is denied,
# not stated ("a biopsy without her prior consent", "executed for refusing to take part in the harvesting"):
# against "did not consent", "for not harvesting", both say the same.
_PRIVATIVE = re.compile(r"\b(?:without|(?:refus|fail)\w*\s+to)\b([^,.;:!?]*)")
_PRIVATIVE_REACH = 4
# An effort towards an act ("working to confirm", "trying to reach") does not state the act.
_EFFORT = frozenset(
    "work works worked working try tries tried trying seek seeks sought seeking attempt attempts attempted "
    "attempting strive strives striving difficult hard impossible unable".split()
)
# What someone believed or was taken for is not stated ("thinking his cat was dead", "left for dead").
_BELIEF = frozenset("thinking thought believing believed assuming assumed presumed presuming pronounced".split())
_BELIEF_REACH = 4
# Nor what is rumoured, a few words on ("rumored to be Deep Throat", "discounted rumors that he was Deep Throat").
_RUMOURED = re.compile(r"\b(?:rumou?red|speculated|(?:rumou?rs?|speculation)\s+that)\s+(?:[a-z]+\s+){0,3}$")
# Verbs that turn something down: a denial by one of them agrees with any of them in the other unit.
_REJECTIONS = frozenset({"rejected", "rejects", "refused", "denied", "denies", "deny"})
_REJECTION_IN = re.compile(
    r"\b(?:declin|reject|refus|turn(?:ed|s)?\s+down|rebuff|dismiss|disput|refut|contest)\w*", re.I
)
# A plea ("pleaded not guilty", "a not-guilty plea"): the accused's answer, which any account of the charge,
# the trial or its verdict leaves standing. Reached this many characters before the denial's word.
_PLEA = re.compile(r"\bplead(?:ed|s|ing)?\s+not\s+guilty\b|\bnot[-\s]guilty\s+plea", re.I)
_PLEA_REACH = 12
# A denial up to a moment ("hasn't expanded since X") tells when it last happened: X, which the other may state.
_SINCE = re.compile(r"\s*since\b", re.I)
# "Not ... until" tells when something happened, not that it did not.
_UNTIL = re.compile(r"\s*\buntil\b", re.I)
# A denial over a span up to now ("not used tear gas in nearly a decade", "for years") is about the time before.
_IN_SPAN = re.compile(
    r"\b(?:in|for)\s+(?:(?:nearly|almost|over|more\s+than|about|the\s+(?:past|last))\s+)?"
    r"(?:a|an|\d+|two|three|four|five|six|seven|eight|nine|ten|several|many)?\s*(?:decades?|years?|months?|weeks?)\b",
    re.I,
)
# "Not X but Y": the denial sets X against Y, and disputes only an account that states X itself.
_CONTRAST = re.compile(r"\s+but\b", re.I)
# A denial in the consequence of a condition ("if the rumors are true, Apple won't ...") is a hypothesis.
_CONDITION = re.compile(r"\b(?:if|unless)\b", re.I)
# The other half of a question's alternative ("whether or not Thomas would get more carries", "whether he
# plays or not") asks; it denies nothing.
_ALTERNATIVE = re.compile(r"\bwhether\b[^.;:!?]{0,80}?\bor\s*$", re.I)
# A denial tied to one moment ("was not at the church at the time of the fire") says nothing of other moments.
_AT_THE_TIME = re.compile(r"\bat\s+the\s+time\b", re.I)
# A denial of saying ("would not say what", "did not comment", "could not confirm") withholds: it denies nothing,
# unless the other outlet states that very act ("confirmed").
_DECLINED_TO_SAY = re.compile(
    r"\W*(?:(?:be|been|have)\s+)?(say|said|comment|commented|disclose|disclosed|reveal|revealed|elaborate|specify|"
    r"discuss|identify|identified|name|named|confirm|confirmed|release|released)\b",
    re.I,
)
# "Refused to" + a verb tells an act (passengers who refused to sit next to women), not a denial of a fact.
_REFUSAL = re.compile(r"refus\w*\s+to\b", re.I)
# "The aim was not to sell servers": a purpose or a plan denied ("be" + "not to" + verb), not the act.
_NOT_THE_PURPOSE = re.compile(r"\b(?:is|was|are|were|be|been|'s)\s+not\s+to\s+\w", re.I)
_DENIAL_VERB = re.compile(r"\b(?:denied|denies|deny|denying|rejected|rejects|refuted|refutes)\b", re.I)
# A statement the outlet reports as someone's: a reporting verb or "according to", or an accusation ("was charged
# with arson", "arrested on suspicion of", "was identified as Deep Throat"), which the accused may deny.
_REPORTED = re.compile(
    r"\b(?:said|says|say|told|accused|accuses|accusing|claimed|claims|claim|alleged|alleges|reported|reports|"
    r"according to|insisted|insists|blamed|blames|charged|suspected|suspicion|identified as|named as)\b",
    re.I,
)


def _denies_what_the_other_states(
    negated: str, plain: str, lead: str = "", plain_lead: str = "", plain_sentence: str = ""
) -> bool:
    """Whether what a denial in ``negated`` is about is stated in ``plain``: the first content word in the
    denial's scope, and the word after it too where ``plain`` goes on after the first ("does not employ
    local women" is not denied by "employs women from other countries"; "never agreed to the request" is by
    "agreed", and by "agreed to the request"). Denials listed one after another ("no food, no water") are
    one denial, about its first item. ``lead`` and ``plain_lead`` are the sentences' text before each unit
    ("whether or" before "not Thomas would get more carries", "if" before "the city secures a team");
    ``plain_sentence`` is the whole sentence of ``plain`` (its clause may leave out "but prosecutors refused")."""
    scopes = denial_scopes(negated)
    if scopes and word_run(plain) in word_run(negated[: scopes[0][0]]):
        return False  # what a text says itself, before its denial, it does not deny
    stated = [stem(w) for w in content_words(plain)]
    previous_end = -1
    for start, word_end, end in scopes:
        scope = negated[word_end:end]
        listed = previous_end >= 0 and re.fullmatch(r"\s*,\s*", negated[previous_end:start]) is not None
        previous_end = end
        if listed:
            continue  # "no outlets for their anger, no community": one denial of a list, judged by its head
        if negated[start:word_end].lower() in _REJECTIONS and _REJECTION_IN.search(plain_sentence or plain):
            continue  # "rejected the request" / "the request was declined": both turn it down
        if _PLEA.search(negated[max(0, start - _PLEA_REACH) : end]):
            continue  # "pleaded not guilty" is the accused's answer to a charge, not a denial that it was made
        if _IN_SPAN.search(scope):
            continue  # "have not used tear gas in nearly a decade": up to now, not at the moment the other tells
        if _UNTIL.search(scope) or _UNTIL.match(negated, end):
            continue  # "could not be rescued until the next morning": it happened, later
        since = _SINCE.match(negated, end)
        if since and set(content_words(negated[since.end() :])) & set(content_words(plain)):
            continue  # "hasn't expanded since the Blue Jackets joined" / "last expanded with the Blue Jackets"
        if _FOR_A_WHILE.search(negated[:start]) and _BUT.match(negated, end):
            continue  # "for a while it didn't have an areola but I got a tattoo": the state changed since
        if _CHANGED_STATE.search(negated[:end]) or _REFUSAL.match(negated, start):
            continue  # "no longer the director and was not operating there": a state that has changed
        if _AT_THE_TIME.search(scope) and not _AT_THE_TIME.search(plain):
            continue  # "was not at the church at the time of the fire" against "stopped by the church this morning"
        declined = _DECLINED_TO_SAY.match(scope)
        if declined and stem(declined.group(1).lower()) not in stated:
            continue  # "would not say what she was treated for" withholds; against "said" or "confirmed" it differs
        if _OBLIGATION.search(negated[:start]) or _HEDGED_DENIAL.search(negated[:start]):
            continue
        if _WOULD.search(negated[:start]) and _HAVE.match(negated, word_end):
            continue  # "would not have placed him on injured reserve": what did not happen in another world
        if _CONDITION.search(negated[:start]) or _ALTERNATIVE.search(lead + negated[:start]):
            continue  # "if the rumors are true, it won't shut down the service": a hypothesis denies nothing
        if negated[:start].count("(") > negated[:start].count(")"):
            continue  # "Jasmine Tridevil (not her real name)": an aside on the word before it, not a denial
        if any(m.start() < start < m.end() for m in _NOT_THE_PURPOSE.finditer(negated)):
            continue
        first = re.match(r"\W*(\w+)", scope)
        if (
            first
            and first.group(1).lower() in _DEGREE
            and first.group(1).lower() not in re.findall(r"\w+", plain.lower())
        ):
            continue
        denied = [stem(w) for w in content_words(scope) if w not in _NOT_THE_DENIED][:2]
        if not denied or denied[0] not in stated or not _asserted(plain, denied[0], plain_lead):
            continue
        if stated.index(denied[0]) > 0 and stated[stated.index(denied[0]) - 1] == "non":
            continue  # "couldn't disclose" against "a non-disclosure agreement": both say it was not told
        if len(denied) > 1 and denied[1] not in stated and _CONTRAST.match(negated, end):
            continue  # "not an ISIS scholar but a Kurdish fighter": X must be stated whole to be disputed
        following = stated[stated.index(denied[0]) + 1 :]
        after = [w for w in following if w not in TIME_WORDS and w not in DAY_WORDS][:1]
        if len(denied) < 2 or not after or denied[1] in stated:
            return True
    return False


def _asserted(plain: str, stemmed: str, lead: str = "") -> bool:
    """Whether ``plain`` states the word with stem ``stemmed``: not inside an embedded question ("unable to
    say *if* the doctor performed" states no operation), not just after "without", "refusing to" or "failed
    to" (which deny it), not as the aim of an effort ("working to confirm" has not confirmed). The words of
    ``lead`` (the sentence before ``plain``) count as the words before it."""
    lowered = (lead + plain).lower()
    denied = [
        (m.start(1), m.start(1) + sum(len(w) + 1 for w in m.group(1).split()[:_PRIVATIVE_REACH]) + 1)
        for m in _PRIVATIVE.finditer(lowered)
    ]
    tokens = list(re.finditer(r"[a-z]+", lowered))
    words = [t.group() for t in tokens]
    for position, word in enumerate(words):
        if stem(word) != stemmed or tokens[position].start() < len(lead):
            continue
        before = words[max(0, position - _QUESTION_REACH) : position]
        if "whether" in before or "if" in before:
            continue
        if any(
            words[k] in _HEDGES and not re.search(r"[,;:.!?]", lowered[tokens[k].end() : tokens[position].start()])
            for k in range(max(0, position - _HEDGE_REACH), position)
        ):
            continue  # "may well invoke a formal expansion process" has not invoked it
        if any(start <= tokens[position].start() < end for start, end in denied):
            continue  # "without her prior consent", "refusing to take part in the harvesting"
        if position >= 2 and words[position - 1] == "to" and words[position - 2] in _EFFORT:
            continue  # "working to confirm its authenticity" has not confirmed it; "difficult to confirm" neither
        if _BELIEF & set(words[max(0, position - _BELIEF_REACH) : position]) or (
            position >= 2 and words[position - 2 : position] == ["left", "for"]
        ):
            continue  # "thinking his cat was dead", "left for dead"
        if _RUMOURED.search(lowered[: tokens[position].start()]):
            continue  # "long rumored to be Deep Throat": what others say, not what the outlet states
        return True
    return False


def _parties_dispute(negated: str, plain: str, lead: str = "") -> bool:
    """Whether the two units report what two parties say: one party's denial ("the army denied it carried out
    the strike") against another's accusation ("the governor accused Sudan of the attack"). The outlets
    agree on what was said; the dispute is the parties', not theirs. A denial in a party's own quoted words
    ("she claimed the shootings \"didn't happen\"") is that party's denial."""
    return bool(_DENIAL_VERB.search(negated) or _quoted_denial(lead + negated)) and bool(_REPORTED.search(plain))


def _quoted_denial(text: str) -> bool:
    """Whether a denial in ``text`` stands inside quotation marks: someone's words, not the outlet's."""
    for start, _, _ in denial_scopes(text):
        before = text[:start]
        if before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d"):
            return True
    return False
