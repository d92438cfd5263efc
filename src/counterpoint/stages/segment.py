"""Segment: split kept body blocks into sentences; title, dek, dateline and subheads stay whole.

Sentences never cross a line break, because blocks are lines. Inside a block a boundary is a run of
``. ! ?`` (with any closing quotes or brackets) followed by space and something that can open a sentence,
unless the word before the stop is an abbreviation ("Mr.", "Oct. 7", "U.S. officials") or an initial, or
the stop is inside a quotation that closes later on the line (the quote stays with its attribution).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Article, Sentence
from ..text import TIME_ZONES
from .clean import Block

NAME = "segment"
VERSION = "5"  # 2: a quotation may close with two apostrophes; 3: no sentence ends with a determiner or a list
# marker; 4: a curly quotation left open when the next one opens does not hold its sentences together; 5: "a. m." as
# tokenised text writes "a.m." ends no sentence before a time zone ("UTC")

# Titles and abbreviations after which a full stop does not end the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col sgt capt cmdr adm maj brig rep sen gov pres rev hon amb atty supt insp
    st mt ft jr sr inc corp co ltd bros llc plc vs v approx est ave blvd rd dept univ assn fig jan feb
    mar apr jun jul aug sep sept oct nov dec""".split()
)
NUMBER_ABBREVIATIONS = frozenset({"no", "nos"})
DETERMINERS = frozenset({"a", "an", "the"})
# After a dotted abbreviation such as "U.S." a capitalised word usually continues the sentence ("U.S.
# President"), unless it is one of these words that typically open one.
SENTENCE_OPENERS = frozenset(
    """the a an he she it they we i you but and so yet in on at as after before when while meanwhile
    however this that these those there his her their its our my officials authorities police some many
    one two""".split()
)

# A quotation running on longer than this is split into sentences like any text (a statement read out).
MAX_QUOTATION_CHARS = 400
# (tokenised text sets an opening quotation mark apart from its first word: "said. \u201c We are")
_BOUNDARY = re.compile(
    r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s+(?:(?:``|[\"'\u201c\u2018(\[]) ?)?[A-Z0-9\u00c0-\u017f])"
)
_WORD_BEFORE = re.compile(r"(\S+)$")
# Characters before a full stop searched for the word it ends: longer than any abbreviation or initialism.
WORD_WINDOW = 64
_DOTTED = re.compile(r"^(?:[A-Za-z]\.){2,}$")
# "a. m." and "p. m." as tokenised text writes them: one abbreviation, like "a.m."
_SPACED_HOUR = re.compile(r"\b[ap]\.\s+m\.$", re.I)


def segment_article(article: Article, blocks: list[Block]) -> list[Sentence]:
    """Fill ``article.sentences`` from the cleaner's blocks and return them."""
    sentences: list[Sentence] = []
    for block in blocks:
        spans = [(block.start, block.end)] if block.role != "body" else split_sentences(article.text, block)
        for start, end in spans:
            sentences.append(Sentence(f"{article.article_id}-s{len(sentences)}", start, end, block.role, block.line))
    article.sentences = sentences
    return sentences


def split_sentences(text: str, block: Block) -> list[tuple[int, int]]:
    """Half-open sentence spans inside ``text[block.start:block.end]``."""
    return list(_spans(text, block.start, block.end))


def _spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    segment = text[start:end]
    cursor = 0
    for match in _BOUNDARY.finditer(segment):
        stop = match.end()
        if _is_abbreviation(segment, match.start(), match.end()) or _inside_quotation(segment, stop):
            continue
        piece_start, piece_end = _trim(segment, cursor, stop)
        if piece_end > piece_start:
            yield start + piece_start, start + piece_end
        cursor = stop
    piece_start, piece_end = _trim(segment, cursor, len(segment))
    if piece_end > piece_start:
        yield start + piece_start, start + piece_end


def _inside_quotation(segment: str, position: int) -> bool:
    """True inside a quotation that closes later on the line: '"We told them. Nobody came," she said.'

    A quoted statement stays one sentence with its attribution, so that who said it stays with what was
    said. Quotations longer than :data:`MAX_QUOTATION_CHARS` are split as usual.
    """
    before = segment[:position]
    curly_open = before.count("\u201c") > before.count("\u201d")
    # tokenised text closes a quotation with two apostrophes, and opens it with two backticks or a straight
    # mark: "``Run,'' he said." and "\"Run, '' he said." are both one quotation
    backticks = "``" in segment
    ticked_open = backticks and before.count("``") > before.count("''")
    straight_open = (before.count('"') + (0 if backticks else before.count("''"))) % 2 == 1
    if curly_open:
        close_at = segment.find("\u201d", position)
        reopened = segment.find("\u201c", position)
        if 0 <= reopened < close_at:
            return False  # a quotation opens again before any closes: the one open here was never closed
    elif ticked_open or straight_open:
        closings = [segment.find(mark, position) for mark in ('"', "''")]
        close_at = min((at for at in closings if at >= 0), default=-1)
    else:
        return False
    return 0 <= close_at - position <= MAX_QUOTATION_CHARS


def _trim(segment: str, start: int, end: int) -> tuple[int, int]:
    while start < end and segment[start].isspace():
        start += 1
    while end > start and segment[end - 1].isspace():
        end -= 1
    return start, end


def _is_abbreviation(segment: str, punct_start: int, punct_end: int) -> bool:
    if segment[punct_start] != "." or segment[punct_start:punct_end].startswith(".."):
        return False
    # the word before the stop, looked for in the characters just before it (a search from the start of a
    # long paragraph at every full stop made splitting quadratic)
    word_match = _WORD_BEFORE.search(segment, max(0, punct_start - WORD_WINDOW), punct_start + 1)
    if not word_match:
        return False
    word = word_match.group(1).lstrip("\"'\u201c\u2018([")
    bare = word.rstrip(".").lower()
    following = segment[punct_end:].split(None, 1)
    next_word = following[0].strip("\"'\u201c\u2018([").lower() if following else ""
    if bare.isdigit() and len(bare) <= 2:
        # a list marker ("factors: 1. How much ...? 2. How fast ...?") opens its item: a number that stands
        # first in the text or after a colon or the end of a sentence, not one that ends a clause ("was 12.")
        before = segment[max(0, punct_start - len(bare) - WORD_WINDOW) : punct_start - len(bare)].rstrip()
        if not before:
            return True
        previous = before.split()[-1].rstrip(".").lower()
        clock = before.endswith(":") and before[:-1].rstrip()[-1:].isdigit()  # "since 12 : 00." is a time
        dated = previous in ABBREVIATIONS or previous in NUMBER_ABBREVIATIONS  # "on Aug. 29.", "Juror No. 12."
        return before[-1] in ":;.!?" and not clock and not dated
    if bare in DETERMINERS:
        return True  # no sentence ends with "a" or "the": a decimal point cut from its figure ("a. 357 revolver")
    if bare == "m" and _SPACED_HOUR.search(segment, max(0, punct_start - 8), punct_start + 1):
        return next_word.rstrip(",.;:)") in TIME_ZONES  # "a. m." as tokenised text writes "a.m.", before "UTC"
    if _DOTTED.match(word):
        return next_word.rstrip(",.;:") not in SENTENCE_OPENERS
    if len(bare) == 1 and bare.isalpha() and word[0].isupper():
        return True  # an initial: "John F. Kennedy"
    if bare in NUMBER_ABBREVIATIONS:
        return next_word[:1].isdigit()  # "No. 5", but "the answer was no. The"
    return bare in ABBREVIATIONS
