"""Text helpers and word lists that several stages share: stop words, a crude stem, reporting verbs.

Kept apart from any stage so that stages do not import each other's internals.
"""

from __future__ import annotations

import functools
import re

STOPWORDS = frozenset(
    """the a an of in on at to for and or but with by from as that this these those is are was were be been
    being has have had it its he she they his her their them we our you your i not no would will could should
    may might can said says say also than then there which who whom whose what when where while after before
    over into about against between during since until upon amid other others such more most some any all
    both each few many much very just only even still yet again further once here""".split()
)
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "ly")


@functools.lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude, fast stem: enough to match "invade"/"invasion"/"invading" prefixes and plural forms."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)] + ("y" if suffix in ("ies", "ied") else "")
            break
    return word[:6]


def content_words(text: str) -> list[str]:
    """The lower-cased words of ``text`` that carry content (three letters or more, not stop words)."""
    return [w for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2 and w not in STOPWORDS]


# A denial or a negation: "not", "no", "never", "cannot", "denied", "didn't" (conflicts and the digest read
# polarity alike); "not only X but Y" states X, and "isn't the only company splitting itself", "not the first
# time", "not alone" state that others do too.
NEGATION = re.compile(
    r"\b(?:not(?!\s+only\b|\s+the\s+(?:only|first)\b|\s+alone\b)|no|never|cannot|denied|denies|deny|rejected|refused)\b"
    r"|n\s?['\u2019]\s?t\b(?!\s+the\s+(?:only|first)\b|\s+alone\b)",
    re.I,
)
# A denial's scope (conflicts, the digest) ends with its clause: at punctuation, a conjunction or a subordinator
# ("no ambulance arrived *before* the driver left" denies nothing about the driver).
_SCOPE_END = re.compile(
    r"[,;:.!?\u2013\u2014]|\s(?:but|and|while|whereas|although|though|before|after|because|when|until|since|"
    r"unless|once)\s",
    re.I,
)


def denial_scopes(text: str) -> list[tuple[int, int, int]]:
    """For each denial in ``text``: where its word starts and ends, and where its clause ends."""
    scopes = []
    for match in NEGATION.finditer(text):
        scope = _SCOPE_END.split(text[match.end() :], maxsplit=1)[0]
        scopes.append((match.start(), match.end(), match.end() + len(scope)))
    return scopes


# A figure as written: "14", "6.1", "230,000" (not part of a word).
FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w])")
# Numbers written as words, up to twenty: "three nurses" is "3 nurses" to every stage that compares figures.
SMALL_NUMBERS = {
    w: i
    for i, w in enumerate(
        """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
        seventeen eighteen nineteen twenty""".split()
    )
}


# A question without its mark: a wh-word and an auxiliary, or an auxiliary, opening the sentence ("Why did the
# dam fail, the mayor asked", "Is the town safe"); conditional inversions ("Should talks fail, ...") are not.
_QUESTION = re.compile(
    r"^\W*(?:(?:why|how|what|who|when|where|which)\s+(?:did|does|do|is|are|was|were|can|could|will|would|should|"
    r"has|have|had|must|might)|(?:is|are|did|does|do|can|will|would|could))\b",
    re.I,
)


def is_question(text: str) -> bool:
    """Whether a sentence asks rather than states: it ends with a question mark (before closing quotation marks)
    or opens as a question without one. A question gives no value to dispute. (A question mark inside a
    sentence may be a lost dash: "Electronic Data Systems? announced officially on May 13".)"""
    return text.rstrip(" \"'\u201d\u2019)").endswith("?") or _QUESTION.match(text) is not None


def word_run(text: str) -> str:
    """A text's words, lower case, between spaces: one text holds another's words in order, as whole words, when
    ``word_run(short) in word_run(long)``."""
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def dice(a: frozenset[str], b: frozenset[str]) -> float:
    """Dice overlap of two sets of words (0 when either is empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


# Days and other time words: shared by two sentences, they say when, not what.
TIME_WORDS = frozenset(
    stem(w)
    for w in """monday tuesday wednesday thursday friday saturday sunday today yesterday tonight morning afternoon
    evening night week month year day hours earlier later""".split()
)

# Named days and months: two statements of one event that name different ones are about different events,
# or disagree.
DAY_WORDS = frozenset(
    stem(w)
    for w in """monday tuesday wednesday thursday friday saturday sunday january february march april may june july
    august september october november december""".split()
)

# Time zones written after a clock time ("0737 GMT", "3:37 a.m. ET"), by their offsets from UTC in minutes; a zone
# written without its season (ET) may be either, and IST is India's, Israel's or Ireland's.
TIME_ZONES: dict[str, tuple[int, ...]] = {
    "gmt": (0,),
    "utc": (0,),
    "z": (0,),
    "bst": (60,),
    "cet": (60,),
    "cest": (120,),
    "eet": (120,),
    "eest": (180,),
    "msk": (180,),
    "ist": (330, 120, 60),
    "jst": (540,),
    "aest": (600,),
    "aedt": (660,),
    "et": (-300, -240),
    "est": (-300,),
    "edt": (-240,),
    "ct": (-360, -300),
    "cst": (-360,),
    "cdt": (-300,),
    "mt": (-420, -360),
    "mst": (-420,),
    "mdt": (-360,),
    "pt": (-480, -420),
    "pst": (-480,),
    "pdt": (-420,),
}

# Verbs that only report: their subject is the source, their complement the claim ("stressed the need to X",
# "called for X", "the statement said X"; one outlet's "said" is another's "claimed", and both give X).
# Verbs that judge (accuse, deny, condemn) are claims themselves.
_REPORTING_BASES = """say tell stress add note state announce declare insist explain assert affirm reaffirm reiterate
    emphasise emphasize highlight voice discuss call write report comment reply respond confirm underline
    underscore urge claim allege argue warn suggest acknowledge admit maintain""".split()
REPORTING_VERBS = frozenset(
    {"said", "told", "wrote", "written"}
    | {
        form
        for base in _REPORTING_BASES
        for form in (base, base + "s", base + "es", base + "ed", base + "d", base + "ing", base[:-1] + "ing")
    }
)


def paired_quotes(text: str) -> bool:
    """Whether every quotation mark of ``text`` (straight or curly double) has its pair."""
    return text.count('"') % 2 == 0 and text.count("\u201c") == text.count("\u201d")


# What a character of a claim's name costs against the share of content words it has in common with the other
# units (Dice, 0-1): a name of 100 characters must say 0.4 more of what the others say than a name of none.
LABEL_CHAR_COST = 0.004


def evidence_label(spans: list[str]) -> str:
    """A claim's name from its units' evidence spans: the span that says most of what the others say (mean Dice
    of content-word stems) for its length, among those whose quotation marks are in pairs (a span cut inside a
    quotation shows one mark alone). The shortest span alone is often the vaguest ("She died on September 4."
    for a claim about where and when Rivers died) and names two overlapping claims alike."""
    spans = [s.strip() for s in spans if s.strip()]
    if not spans:
        return ""
    whole = [s for s in spans if paired_quotes(s)] or spans
    words = {s: frozenset(stem(w) for w in content_words(s)) for s in spans}

    def value(span: str) -> tuple[float, int]:
        shared = sum(dice(words[span], words[other]) for other in spans) / len(spans)
        return shared - LABEL_CHAR_COST * len(span), -len(span)

    return max(whole, key=value)


def _forms(*bases: str) -> frozenset[str]:
    """Regular verb forms of ``bases`` ("halt" -> halt, halts, halted, halting); irregular forms are listed as
    bases of their own ("rose", "fell")."""
    forms = set()
    for base in bases:
        double = base + base[-1] if re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", base) else base
        stem_ = base[:-1] if base.endswith("e") else double
        forms |= {base, base + ("es" if base.endswith(("s", "sh", "ch", "x")) else "s")}
        forms |= {stem_ + "ed", stem_ + "ing"} if not base.endswith("e") else {base + "d", stem_ + "ing"}
    return frozenset(forms)


# Verbs of stopping: one side of the first pair of opposite outcomes below, and what "no further" tells too.
HALT_VERBS = _forms("halt", "stop", "suspend", "pause", "end", "freeze", "froze", "frozen")
# Adverbs that grade a state of people counted ("seriously injured"): such a count is a part of the injured.
DEGREE_WORDS = frozenset("seriously critically badly severely gravely slightly lightly moderately".split())
# Verbs of opposite outcome for one subject: two outlets saying "the talks halted" and "the talks continued"
# disagree as much as one saying "did not halt" would. Pairs of outcomes, each named by its first verb.
OPPOSITE_VERBS: tuple[tuple[tuple[str, frozenset[str]], tuple[str, frozenset[str]]], ...] = (
    (
        ("halt", HALT_VERBS),
        ("continue", _forms("continue", "resume")),
    ),
    (
        ("rise", _forms("rise", "rose", "risen", "increase", "grow", "grew", "grown", "climb", "jump", "surge")),
        (
            "fall",
            _forms("fall", "fell", "fallen", "decrease", "drop", "decline", "plunge", "shrink", "shrank", "shrunk"),
        ),
    ),
    (("open", _forms("open")), ("close", _forms("close", "shut"))),
    (("win", _forms("win", "won")), ("lose", _forms("lose", "lost"))),
    (("support", _forms("support", "endorse")), ("oppose", _forms("oppose"))),
    (("lift", _forms("lift")), ("impose", _forms("impose"))),
    (
        ("allow", _forms("allow", "permit", "permitted", "permitting")),
        ("ban", _forms("ban", "forbid", "forbade", "forbidden", "bar")),
    ),
)


def opposite_outcomes(a: str, b: str) -> tuple[str, str] | None:
    """The outcomes ``a`` and ``b`` (lower-case verb forms) tell when they are opposite, by name ("suspended" /
    "resumed" -> ("halt", "continue")), or ``None``."""
    for (name_x, x), (name_y, y) in OPPOSITE_VERBS:
        if a in x and b in y:
            return name_x, name_y
        if a in y and b in x:
            return name_y, name_x
    return None
