"""Clean: tell the article's own lines from the page furniture around them, and keep a record of both.

The cleaner works line by line on ``Article.text`` and never rewrites it. Each non-blank line becomes either
a :class:`Block` with a role (title, dek, dateline, subhead, body) for the segmenter, or a
:class:`~counterpoint.model.Removal` with its reason. The rules are patterns and layout signals that hold
across news sites (teaser labels, credit lines, short unpunctuated subheads, repeated paragraphs), not
sentences of particular articles.

Order matters and is fixed: boilerplate patterns, then within-article duplicates, then (in a whole page saved
as text) the line model's page text, then the title and dek at the top, subheads, and the dateline that opens
the first body paragraph.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace

from ..model import Article, Removal, Role
from ..text import content_words, stem
from .dates import MONTHS
from .furniture import _AGENCIES, _MONTH, _words, furniture_reason, listed_link, lists_links, numbered, trailing_credit

NAME = "clean"
VERSION = "13"  # 2: credit chains, source lines and agency slugs; 3: lines with no letter or digit;
# 4: a note on the writer among the last lines (author-bio); a masthead is named like a label, every word capitalised;
# a credit chain with a pool and a distributor after "via" is a credit whatever the agencies; 5: readers' comments;
# 6: a page's headline is found by the words it shares with the lead; 7: an order to the reader that says where
# ("Watch the video below", "Follow Jane Doe on Twitter") is a prompt; 8: no line stays removed as the copy of a
# line the line model removed (a page's data that repeats the whole article on one line); 9: an agency alone
# before a dash is a dateline ("(CNN) \u2014The ...")
# 10: the headlines listed under a link list's label are teasers; a credit glued to a paragraph's end is removed
# from it; gallery and comment counters, "advertisement - story continues below", where an article first ran;
# 11: short lines that three independent texts read together print are the site's furniture; 12: Chinese and
# Japanese lines are read as words of two characters with their particles as function words, and end at "\u3002";
# 13: contributors, agency sign-offs and source lines, picture labels, running labels, update notes

# --- thresholds (calibrated on the team's example articles and the extraction benchmarks' news pages) ---
# A title is a first line of at most this many words without a final full stop; headlines in the AEB
# benchmark's gold are 4-20 words.
TITLE_MAX_WORDS = 25
# Some sources end headlines with a full stop ("Five dead, dozens injured in quake."). Such a first line is
# still the title when it is one short sentence standing alone above a paragraph at least this many times
# longer and written in headline grammar, which drops articles and auxiliaries ("Quake strikes Aceh",
# not "A quake has struck Aceh"): short leads of FNC-1 bodies keep them. ECB+ news texts open this way.
TITLE_WITH_STOP_MAX_WORDS = 20
TITLE_PARAGRAPH_RATIO = 2
_NOT_HEADLINE_WORDS = frozenset(
    "a an the is are was were be been has have had do does did doesn't don't didn't will would can could should "
    "i we you it this".split()
)
# The line model (stages/lines.py) removes a line when it gives it less than this probability of being
# article body, in texts of at least BOILERPLATE_MIN_LINES lines: a whole page dumped runs to ~100 (L3S-GN1: 106 on
# average), an article to 5-30, whose short lines (one-line quotes, credits) are the outlet's own.
# Chosen on L3S-GN1 page dumps (bench/cleaning_text.py; decision 0012) as the highest threshold that keeps at least
# 98% of the article (the cleaning issue's target): 0.15 keeps 0.982 and removes 0.78 of the rest; 0.3 kept 0.969.
BOILERPLATE_MAX_P = 0.15
BOILERPLATE_MIN_LINES = 30
# ... and in which fewer than this share of lines are prose (12+ words and a sentence's end): page dumps of
# L3S-GN1 have 13% (95th percentile 35%), while an extractor's main text saved as text, long enough to pass the
# line count, has 34-62% (median of L3S-GN1's trafilatura and readability renders): its short paragraphs
# (one-line quotes, list items) are the article's, and the model, missing the page around them, took them
# for furniture.
PAGE_MAX_PROSE_SHARE = 0.4
# Main text extracted from HTML is left alone: the page around it is gone, and the model then takes short
# paragraphs for furniture (AEB, trafilatura's text then cleaned: 0.960 F1 untouched, 0.942 thinned).
# A masthead or section label ("The Daily Forum", "World News") is a very short unpunctuated line standing
# right above the title.
MASTHEAD_MAX_WORDS = 4
# ... and only above a title and at least one more line.
MASTHEAD_MIN_LINES = 3
# A dek (standfirst) is one short line right under the title; leads are longer (median ~30 words) and
# carry a day ("on Wednesday"), so a longer or dated line is taken for the lead instead.
DEK_MAX_WORDS = 35
# A subhead is a short line with no closing punctuation between body paragraphs; section heads on news
# sites are 2-12 words.
SUBHEAD_MAX_WORDS = 14
SUBHEAD_MAX_CHARS = 110
# A line repeated inside another is a duplicate only if it is long enough not to be a coincidence: short
# repeats ("He said.") are legitimate.
DUPLICATE_MIN_WORDS = 6
# A note on the writer stands among the last lines of an article and is short.
BIO_SEARCH_LINES = 3
BIO_MAX_WORDS = 60
_AUTHOR_BIO = re.compile(
    r"^((?:[A-Z][\w'\u2019.-]+\s){1,3})(?:is|was|has\s+been)\s+(?:a|an|the)\s+(?:[\w-]+\s+){0,4}"
    r"(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|producer|freelancer)s?\b"
    r"|^((?:[A-Z][\w'\u2019.-]+\s){1,3})(?:covers|writes\s+about|reports\s+on)\s[^.]{3,80}\s(?:for|at)\s+(?:the\s+)?[A-Z]"
)
# A short line (at most REPEAT_MAX_WORDS words, no sentence's end) that at least REPEAT_MIN_TEXTS independent texts
# read together print is a site's furniture ("Share", "Most Popular", "On the Net:"); texts sharing
# REPEAT_COPY_LINES lines of prose are copies of one text, not independent. On L3S-GN1 (tune; its 621 pages read as
# one batch) lines so marked are 0.02% of the body's characters (bench/cleaning_text.py --batch, decision 0023).
REPEAT_MIN_TEXTS = 3
REPEAT_MAX_WORDS = 20
REPEAT_COPY_LINES = 2
# A line of prose printed by more texts than this is a site's boilerplate paragraph, not a sign of copies.
REPEAT_MAX_COPIES = 50
_SENTENCE_END = ".!?\u2026\"'\u201d\u2019\u00bb\u3002\uff01\uff1f"
# Datelines open the first body paragraphs only.
DATELINE_SEARCH_LINES = 2
# A page saved as text: the line model removes its headline with the menus (short, unpunctuated, standing
# apart, as they are). The title is the heading-shaped line among the TITLE_SEARCH_LINES above the article's
# first body line that shares the most content words with its first TITLE_BODY_LINES body lines, at least
# TITLE_MIN_SHARED of them and TITLE_MIN_SHARE of its own: a headline is written from the lead, while section
# names, credits and other stories' headlines share a word or none. Chosen on L3S-GN1 page dumps (tune set,
# bench/cleaning_text.py, decision 0019).
TITLE_SEARCH_LINES = 20
TITLE_BODY_LINES = 5
TITLE_MIN_SHARED = 2
TITLE_MIN_SHARE = 0.5


@dataclass(frozen=True, slots=True)
class Block:
    """A kept line (or part of one) with its role; the segmenter splits body blocks into sentences."""

    start: int
    end: int
    line: int
    role: Role


@dataclass(frozen=True, slots=True)
class _Line:
    start: int
    end: int
    index: int
    text: str


# Datelines: "GAZA/JERUSALEM - ", "BEIJING, May 1 (Xinhua) -- ", "Washington (AP) \u2014 ".
_DATELINE_CAPS = re.compile(
    r"^(?P<dateline>[A-Z][A-Z'.\-]+(?:[ /][A-Z][A-Z'.\-]+)*(?:,\s*[A-Z][A-Za-z.']+(?:\s[A-Z][A-Za-z.']+)*)?"
    rf"(?:,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?(?:\s*\([^)]{{2,40}}\))?)\s*(?:-{{1,2}}|\u2013|\u2014|:)\s+(?=\S)"
)
_DATELINE_AGENCY = re.compile(
    r"^(?P<dateline>[A-Z][\w'.\-]+(?:[ /][A-Z][\w'.\-]+){0,3}"
    rf"(?:,\s*[A-Z][\w.']+(?:\s[A-Z][\w.']+)?)?(?:,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    rf"\s*\((?:{_AGENCIES}|[A-Z][\w.' ]{{1,30}})\))\s*(?:-{{1,2}}|\u2013|\u2014)\s+(?=\S)"
)
_DATELINE_DATE = re.compile(
    rf"^(?P<dateline>[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}},\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?)\s*"
    r"(?:-{1,2}|\u2013|\u2014)\s+(?=\S)"
)
# An agency slug: "MOSCOW, March 12. /TASS/.", "VARNA, March 12 /BTA/.", "NEW YORK, March 12, 2025 /PRNewswire/ --"
# (the agency's code set off by a space, in capitals unless a date comes before it: "Israel/Gaza/Lebanon front"
# is no slug)
_DATELINE_SLUG = re.compile(
    rf"^(?P<dateline>[A-Z][A-Za-z'.]*(?:[ -][A-Z][A-Za-z'.]*){{0,3}}"
    rf"(?:,\s*{_MONTH}\s+\d{{1,2}}(?:,\s*\d{{4}})?\.?\s/\s?[A-Z][A-Za-z-]{{1,20}}\s?/|\.?\s/\s?[A-Z][A-Z-]{{1,20}}\s?/)"
    r"(?:\s*\.)?)(?:\s+(?:(?:-{1,2}|\u2013|\u2014)\s+)?(?=\S)|\s*$)"
)
# An agency alone, without a place: "(CNN) \u2014The cardiac arrest ...", "(Reuters) - The company ..."
_DATELINE_BARE = re.compile(
    rf"^(?P<dateline>\((?:{_AGENCIES}|[A-Z][A-Za-z.&']*(?:\s[A-Z][A-Za-z.&']*){{0,3}})\))\s*(?:-{{1,2}}|\u2013|\u2014)\s*"
    r"(?=[A-Z\"\u201c\u2018'])"
)
_DATED_LEAD = re.compile(
    rf"\b(?:(?:on|last|this|next|earlier|late|early)\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday"
    rf"|today|tonight|on\s+{_MONTH}\s+\d{{1,2}})\b",
    re.I,
)
_CLOSING_PUNCT = ".!:;,\u2026\u3002\uff01\uff1f"
_DASHES = ("-", "\u2013", "\u2014")
_QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb"


def clean_article(article: Article, repeated: Mapping[str, int] | None = None) -> list[Block]:
    """Mark removals on ``article`` (``article.removed``) and return its kept blocks in reading order.
    ``repeated``: the lines the texts read with it print too (:func:`repeated_lines`), removed as furniture.

    Sets ``article.title`` from the title line when the input had no title metadata.
    """
    repeated = repeated or {}
    lines = _split_lines(article.text)
    removed: dict[int, Removal] = {}
    for line in lines:
        reason = furniture_reason(line.text)
        if reason:
            removed[line.index] = Removal(line.start, line.end, line.text, reason, line.index)
        elif (
            repeated
            and line is not lines[0]
            and _repeatable(line.text)
            and (texts := repeated.get(_normalise(line.text)))
        ):
            detail = f"printed by {texts} independent texts of the batch: the site's furniture"
            removed[line.index] = Removal(line.start, line.end, line.text, "boilerplate", line.index, detail=detail)
    _drop_link_lists(lines, removed)
    # A whole page saved as text: the line model reads every line of it, as it was trained to (not main text an
    # HTML extractor produced, where the page around the article is gone; not an article's own 5-30 lines).
    body_p = _body_probability(lines) if not article.extracted and _reads_as_page(lines) else None
    candidates = [line for line in lines if line.index not in removed]
    copies = _duplicates(candidates, body_p)
    for dropped, kept in copies:
        removed[dropped.index] = Removal(
            dropped.start,
            dropped.end,
            dropped.text,
            "duplicate",
            dropped.index,
            detail=f"copy of line {kept.index + 1}, which is kept",
        )
    kept_lines = [line for line in lines if line.index not in removed]
    if body_p is not None:
        # before the roles, so that the page's menus and link lists are not taken for subheads or a title
        kept_lines = _drop_boilerplate(kept_lines, body_p, removed)
        kept_lines = _copies_of_dropped(lines, copies, body_p, removed)
    kept_lines = _drop_comments(lines, kept_lines, removed)
    for line in _author_bios(kept_lines):
        removed[line.index] = Removal(line.start, line.end, line.text, "author-bio", line.index)
        kept_lines.remove(line)
    masthead = _masthead(kept_lines, article)
    if masthead:
        removed[masthead.index] = Removal(masthead.start, masthead.end, masthead.text, "masthead", masthead.index)
        kept_lines.remove(masthead)
    roles = _roles(kept_lines, article.title)
    if body_p is not None:
        kept_lines, roles = _page_title(lines, kept_lines, roles, removed)
    title = next((line for line, role in zip(kept_lines, roles, strict=True) if role == "title"), None)
    if title is not None and not article.title:
        article.title = title.text
    blocks: list[Block] = []
    first_body = [i for i, role in enumerate(roles) if role == "body"][:DATELINE_SEARCH_LINES]
    for position, (line, role) in enumerate(zip(kept_lines, roles, strict=True)):
        if position in first_body:
            match = match_dateline(line.text)
            if match:
                blocks.append(Block(line.start, line.start + match[0], line.index, "dateline"))
                blocks.append(Block(line.start + match[1], line.end, line.index, "body"))
                first_body = []
                continue
        blocks.append(Block(line.start, line.end, line.index, role))
    credits = _trailing_credits(blocks, article.text)
    blocks = [replace(b, end=credit.start) if (credit := credits.get(b.line)) else b for b in blocks]
    article.removed = sorted([*removed.values(), *credits.values()], key=lambda r: r.start)
    return blocks


def repeated_lines(articles: list[Article]) -> dict[str, int]:
    """The short lines without a sentence's end that at least REPEAT_MIN_TEXTS independent texts of
    ``articles`` print ("Share", "Most Popular", "On the Net:"), with how many print each: a site's
    furniture. Texts are independent unless they share REPEAT_COPY_LINES lines of prose (wire copies and
    updated versions of one story share their subheads too). A line that is some article's title, or that
    stands first in its text, is none."""
    from .lines import is_prose

    if len(articles) < REPEAT_MIN_TEXTS:
        return {}
    holders: dict[str, set[int]] = defaultdict(set)
    printed_by: dict[str, set[int]] = defaultdict(set)  # a line of prose -> the texts that print it
    titles = {_normalise(a.title) for a in articles if a.title}
    for position, article in enumerate(articles):
        lines = [line for line in (line.strip() for line in article.text.split("\n")) if line]
        for number, line in enumerate(lines):
            if _repeatable(line):
                if number:  # a first line is a headline, which outlets rewriting one wire story may share
                    holders[_normalise(line)].add(position)
            elif is_prose(line):
                printed_by[line].add(position)
    shared: Counter[tuple[int, int]] = Counter()
    for printers in printed_by.values():
        if 1 < len(printers) <= REPEAT_MAX_COPIES:
            shared.update(itertools.combinations(sorted(printers), 2))
    parent = list(range(len(articles)))

    def root(position: int) -> int:
        while parent[position] != position:
            parent[position] = parent[parent[position]]
            position = parent[position]
        return position

    for (first, second), count in shared.items():
        if count >= REPEAT_COPY_LINES:
            parent[root(second)] = root(first)
    repeated: dict[str, int] = {}
    for line, holding in holders.items():
        if len(holding) < REPEAT_MIN_TEXTS or line in titles:
            continue
        texts = len({root(position) for position in holding})
        if texts >= REPEAT_MIN_TEXTS:
            repeated[line] = texts
    return repeated


def _repeatable(line: str) -> bool:
    """A line that may be a site's furniture: short, with a letter, and no sentence's end."""
    return 0 < _words(line) <= REPEAT_MAX_WORDS and line[-1] not in _SENTENCE_END and any(c.isalpha() for c in line)


def _drop_link_lists(lines: list[_Line], removed: dict[int, Removal]) -> None:
    """The headlines listed under a link list's label ("Most read", "Related stories") are teasers: every
    short line after a label that no prose follows (the lists under an article), and numbered items anywhere
    after the article has begun. Unnumbered lines followed by prose may be the next article's headline
    and byline (a page's menus run into its headline), which the list must not swallow."""
    from .lines import is_prose

    labels = [position for position, line in enumerate(lines) if line.index in removed and lists_links(line.text)]
    if not labels:
        return
    prose = [position for position, line in enumerate(lines) if is_prose(line.text)]
    for position in labels:
        if not prose or position < prose[0]:
            continue
        numbered_only = prose[-1] > position
        for item in lines[position + 1 :]:
            if item.index in removed:
                continue
            if not listed_link(item.text) or (numbered_only and not numbered(item.text)):
                break
            detail = f"listed under line {lines[position].index + 1}"
            removed[item.index] = Removal(item.start, item.end, item.text, "teaser", item.index, detail=detail)


def _trailing_credits(blocks: list[Block], text: str) -> dict[int, Removal]:
    """Credits glued to the end of body paragraphs ("... next week. (Video: Meridian)"), by line."""
    credits = {}
    for block in blocks:
        if block.role != "body":
            continue
        found = trailing_credit(text[block.start : block.end])
        if found is not None:
            start = block.start + found[0]
            while text[start].isspace():
                start += 1
            credits[block.line] = Removal(start, block.end, text[start : block.end], found[1], block.line)
    return credits


def _author_bios(lines: list[_Line]) -> list[_Line]:
    """Notes on the writer among the last lines ("Jane Doe is a senior reporter at the Daily ...", "Jane Doe
    covers transport for the Daily."), whose subject the article has not named before: a story about a
    reporter names them earlier."""
    bios = []
    for position in range(max(0, len(lines) - BIO_SEARCH_LINES), len(lines)):
        line = lines[position]
        match = _AUTHOR_BIO.match(line.text)
        if match is None or _words(line.text) > BIO_MAX_WORDS:
            continue
        surname = (match.group(1) or match.group(2)).split()[-1]
        if not any(re.search(rf"\b{re.escape(surname)}\b", earlier.text) for earlier in lines[:position]):
            bios.append(line)
    return bios


def _reads_as_page(lines: list[_Line]) -> bool:
    """Whether a text is a whole page saved as text (long, mostly short lines), not an article's paragraphs."""
    from .lines import prose_share

    return len(lines) >= BOILERPLATE_MIN_LINES and prose_share([line.text for line in lines]) < PAGE_MAX_PROSE_SHARE


def _body_probability(lines: list[_Line]) -> dict[int, float]:
    """The line model's probability that each line (by its index in the text) is article body."""
    from .lines import load_line_model

    probability = load_line_model().body_probability([line.text for line in lines])
    return {line.index: float(p) for line, p in zip(lines, probability, strict=True)}


def _copies_of_dropped(
    lines: list[_Line], copies: list[tuple[_Line, _Line]], body_p: dict[int, float], removed: dict[int, Removal]
) -> list[_Line]:
    """The kept lines once no line stays removed as the copy of a line the line model removed: such a line is
    judged on its own (a page that also prints its whole article on one line of page data, which the model
    removes, keeps the article's paragraphs that the long line holds). Chains of copies are followed."""
    changed = True
    while changed:
        changed = False
        for dropped, kept in copies:
            own = removed.get(dropped.index)
            if own is None or own.reason != "duplicate":
                continue  # restored or judged already
            copy = removed.get(kept.index)
            if copy is None or copy.reason == "duplicate":
                continue  # kept, or itself a copy not judged yet
            changed = True
            if body_p[dropped.index] >= BOILERPLATE_MAX_P:
                del removed[dropped.index]
            else:
                _drop_boilerplate([dropped], body_p, removed)
    return [line for line in lines if line.index not in removed]


def _drop_boilerplate(lines: list[_Line], body_p: dict[int, float], removed: dict[int, Removal]) -> list[_Line]:
    """Remove lines the line model is sure are page text, not the article (menus, link lists, footers)."""
    kept: list[_Line] = []
    for line in lines:
        p = body_p[line.index]
        if p < BOILERPLATE_MAX_P:
            detail = f"page text, not the article (line model: {p:.2f} that it is article body)"
            removed[line.index] = Removal(line.start, line.end, line.text, "boilerplate", line.index, detail=detail)
        else:
            kept.append(line)
    return kept


# Readers' comments under a page's article: a chain of comment attributions ("Posted by nolasad on 01/13/08 at
# 12:02PM", "Comment by Dawn - January 7, 2008 @ 8:48 pm", "Arthur Rosen - Canada (12/17/2007 09:08)"), each
# within COMMENT_GAP lines of the next, with text between them: two near a comments heading ("COMMENTS (14)",
# "7 Comments", "Post a comment"), or COMMENT_MIN_CHAIN of which two say who ("Posted by", "Comment by"). Their
# text is prose, which the line model keeps: the chain finds it.
COMMENT_GAP = 8
COMMENT_MIN_CHAIN = 3  # attributions without a comments heading; two under one
COMMENT_HEADING_MAX_WORDS = 6
COMMENT_STAMP_MAX_WORDS = 12
_COMMENT_BY = re.compile(r"^\W*(?:posted|comment(?:ed)?|written|submitted)\s+by\b", re.I)
# a short line with a clock time and a date ("Dec 30, 2007 7:06 PM | Link to this", "(12/17/2007 09:08)")
_COMMENT_TIME = re.compile(r"\b\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?(?!\d)", re.I)
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_COMMENT_DATE = re.compile(
    rf"\b(?:{_MONTH_NAMES})\.?\s+\d{{1,2}}\b|\b\d{{1,2}}\s+(?:{_MONTH_NAMES})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b",
    re.I,
)
_COMMENT_SAYS = re.compile(r"\b(?:wrote|says):\s*$", re.I)
_COMMENT_HEADING = re.compile(r"\bcomments?\b", re.I)


def _is_comment_attribution(text: str) -> bool:
    if _COMMENT_BY.match(text):
        return True
    if _words(text) > COMMENT_STAMP_MAX_WORDS:
        return False
    return bool(_COMMENT_TIME.search(text) and _COMMENT_DATE.search(text)) or bool(_COMMENT_SAYS.search(text))


def _drop_comments(lines: list[_Line], kept: list[_Line], removed: dict[int, Removal]) -> list[_Line]:
    """Remove the readers' comments of a page (see COMMENT_GAP), reason ``comments``."""
    attributions = [k for k, line in enumerate(lines) if _is_comment_attribution(line.text)]
    headings = [
        k
        for k, line in enumerate(lines)
        if _words(line.text) <= COMMENT_HEADING_MAX_WORDS and _COMMENT_HEADING.search(line.text)
    ]
    spans: list[tuple[int, int]] = []
    chain: list[int] = []
    for k in [*attributions, len(lines) + COMMENT_GAP + 1]:
        if chain and k - chain[-1] > COMMENT_GAP:
            heading = [h for h in headings if abs(chain[0] - h) <= COMMENT_GAP]
            named = sum(bool(_COMMENT_BY.match(lines[at].text)) for at in chain)
            step = (chain[-1] - chain[0]) // max(1, len(chain) - 1)  # lines per comment
            # comments have text between their attributions (a "Posted" and an "Updated" line do not); a run of
            # bare timestamps without a comments heading is as likely a list of other stories
            if step >= 2 and ((heading and len(chain) >= 2) or (named >= 2 and len(chain) >= COMMENT_MIN_CHAIN)):
                first = min(heading[0], chain[0]) if heading else chain[0]
                spans.append((first, min(len(lines) - 1, chain[-1] + step - 1)))
            chain = []
        chain.append(k)
    if not spans:
        return kept
    inside = {lines[k].index for first, last in spans for k in range(first, last + 1)}
    for line in kept:
        if line.index in inside:
            removed[line.index] = Removal(
                line.start, line.end, line.text, "comments", line.index, detail="a reader's comment under the article"
            )
    return [line for line in kept if line.index not in inside]


def _split_lines(text: str) -> list[_Line]:
    lines: list[_Line] = []
    offset = 0
    for index, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if stripped:
            start = offset + (len(raw) - len(raw.lstrip()))
            lines.append(_Line(start, start + len(stripped), index, stripped))
        offset += len(raw) + 1
    return lines


_QUOTE_MARK = re.compile(f"[{_QUOTE_CHARS}]")
_SPACES = re.compile(r"\s+")


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _QUOTE_MARK.sub("'", text)
    text = _SPACES.sub(" ", text)
    return text.strip(" .!?,;:'\u2026-\u2013\u2014")


def _duplicates(lines: list[_Line], body_p: dict[int, float] | None = None) -> list[tuple[_Line, _Line]]:
    """Pairs (dropped, kept): a line whose text is repeated in, or contained in, another line.

    The fuller copy is kept where it stands; between equal copies, the first is kept, or in a whole page the
    one the line model deems likelier article body (a page that shows a paragraph twice, in a teaser or a
    hidden mobile copy and in the article, keeps the article's copy). Only lines that
    share a line's first words are compared with it (an index of word windows), so a page of thousands of
    lines is checked in near-linear time.
    """
    normalised = [(_normalise(line.text), line) for line in lines]
    windows: dict[str, list[int]] = {}
    for position, (norm, _) in enumerate(normalised):
        words = norm.split()
        for i in range(max(0, len(words) - DUPLICATE_MIN_WORDS + 1)):
            key = " ".join(words[i : i + DUPLICATE_MIN_WORDS])
            found = windows.setdefault(key, [])
            if not found or found[-1] != position:
                found.append(position)
    dropped: dict[int, _Line] = {}
    pairs: list[tuple[_Line, _Line]] = []
    for norm_a, a in normalised:
        words = norm_a.split()
        if len(words) < DUPLICATE_MIN_WORDS or a.index in dropped:
            continue
        for position in windows.get(" ".join(words[:DUPLICATE_MIN_WORDS]), []):
            norm_b, b = normalised[position]
            if b.index == a.index or b.index in dropped or norm_a not in norm_b:
                continue
            fuller_b = len(norm_b) > len(norm_a) or len(b.text) > len(a.text)
            if fuller_b or (len(b.text) == len(a.text) and _kept_first(b, a, body_p)):
                dropped[a.index] = b
                pairs.append((a, b))
                break
    return pairs


def _kept_first(b: _Line, a: _Line, body_p: dict[int, float] | None) -> bool:
    """Between two equal copies, whether ``b`` is the one to keep rather than ``a``."""
    if body_p is not None and body_p[b.index] != body_p[a.index]:
        return body_p[b.index] > body_p[a.index]
    return b.index < a.index


def _ends_open(text: str) -> bool:
    """True when a line does not end like a sentence (no full stop, colon or comma at its end)."""
    stripped = text.rstrip(_QUOTE_CHARS + ")]")
    return not stripped or stripped[-1] not in _CLOSING_PUNCT


def _is_heading(text: str, max_words: int) -> bool:
    return (
        _words(text) <= max_words
        and _ends_open(text)
        and (text[0].isupper() or text[0].isdigit() or text[0] in _QUOTE_CHARS)
    )


def _is_stopped_headline(first: _Line, following: _Line) -> bool:
    """A first line ending in a full stop that is a headline by its shape (see TITLE_WITH_STOP_MAX_WORDS)."""
    text = first.text.strip()
    words = _words(text)
    return (
        following.index > first.index + 1  # a blank line between
        and 0 < words <= TITLE_WITH_STOP_MAX_WORDS
        and _words(following.text) >= TITLE_PARAGRAPH_RATIO * words
        and (text[0].isupper() or text[0].isdigit())
        and not re.search(r"[.!?]\s+[A-Z]", text)  # one sentence
        and not _NOT_HEADLINE_WORDS & set(re.findall(r"[\w']+", text.lower().replace("\u2019", "'")))
        and not match_dateline(text)
    )


def _roles(lines: list[_Line], title: str | None) -> list[Role]:
    roles: list[Role] = ["body"] * len(lines)
    if not lines:
        return roles
    first = 0
    titled_elsewhere = bool(title) and _normalise(lines[0].text) != _normalise(title or "")
    if len(lines) > 1 and titled_elsewhere:
        # the page gave the title and the text does not repeat it: its first line can be the dek, not a title
        if _is_dek(lines[0].text, lines[1].text) and _ends_open(lines[0].text) is False:
            roles[0] = "dek"
            first = 1
    elif len(lines) > 1 and (
        (title and _normalise(lines[0].text) == _normalise(title))
        or (_is_heading(lines[0].text, TITLE_MAX_WORDS) and not match_dateline(lines[0].text))
        or _is_stopped_headline(lines[0], lines[1])
    ):
        roles[0] = "title"
        first = 1
        if len(lines) > 2 and _is_dek(lines[1].text, lines[2].text):
            roles[1] = "dek"
            first = 2
    for i in range(first + 1, len(lines) - 1):
        text = lines[i].text
        if (
            len(text) <= SUBHEAD_MAX_CHARS
            and _is_heading(text, SUBHEAD_MAX_WORDS)
            and roles[i + 1] == "body"
            and not _is_heading(lines[i + 1].text, SUBHEAD_MAX_WORDS)
        ):
            roles[i] = "subhead"
    return roles


def _page_title(
    lines: list[_Line], kept: list[_Line], roles: list[Role], removed: dict[int, Removal]
) -> tuple[list[_Line], list[Role]]:
    """A page's kept lines and roles with its headline found (see TITLE_SEARCH_LINES) and kept as the title; a
    kept line the roles took for the title above the body is then a dek or second headline."""
    body = [line for line, role in zip(kept, roles, strict=True) if role == "body"]
    if not body:
        return kept, roles
    position = next(k for k, line in enumerate(lines) if line.index == body[0].index)
    lead = {stem(w) for line in body[:TITLE_BODY_LINES] for w in content_words(line.text)}
    best, most = None, (0.0, 0)
    for line in reversed(lines[max(0, position - TITLE_SEARCH_LINES) : position]):
        removal = removed.get(line.index)
        if removal is not None and removal.reason != "boilerplate":
            continue  # a byline, a credit, a share prompt: furniture, whatever words it shares
        words = {stem(w) for w in content_words(line.text)}
        shared = len(words & lead)
        score = (shared / max(1, len(words)), shared)
        if (
            score > most
            and shared >= TITLE_MIN_SHARED
            and score[0] >= TITLE_MIN_SHARE
            and _is_heading(line.text, TITLE_MAX_WORDS)
            and not line.text.endswith(_DASHES)  # "RENO, Nev. --": a dateline on a line of its own
        ):
            best, most = line, score
    if best is None:  # a first line that shares nothing with the lead is no headline of it
        return kept, ["dek" if role == "title" else role for role in roles]
    removed.pop(best.index, None)
    pairs: list[tuple[_Line, Role]] = [
        (line, "dek" if role == "title" else role) for line, role in zip(kept, roles, strict=True) if line != best
    ]
    pairs.append((best, "title"))
    pairs.sort(key=lambda pair: pair[0].index)
    return [line for line, _ in pairs], [role for _, role in pairs]


def _masthead(lines: list[_Line], article: Article) -> _Line | None:
    """The outlet name or a section label above the title, if the text opens with one."""
    if len(lines) < MASTHEAD_MIN_LINES:
        return None
    first, second = lines[0], lines[1]
    if _normalise(first.text) in (_normalise(article.outlet), _normalise(article.outlet).replace("-", " ")):
        return first
    if article.title and _normalise(second.text) == _normalise(article.title):
        return first if _normalise(first.text) != _normalise(article.title) else None
    if (
        _words(first.text) <= MASTHEAD_MAX_WORDS
        and _is_heading(first.text, MASTHEAD_MAX_WORDS)
        and _named_like_a_label(first.text)
        and _is_heading(second.text, TITLE_MAX_WORDS)
        and _words(second.text) > _words(first.text)
        and not match_dateline(second.text)
    ):
        return first
    return None


def _named_like_a_label(text: str) -> bool:
    """Whether every word but the small joiners is capitalised ("The Valley Times", "WORLD NEWS"), as an outlet's
    name or a section label is; a headline in sentence case ("Minister rejects harbour plan") is not one."""
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text)
    return all(w[0].isupper() or w.lower() in _LABEL_JOINERS for w in words)


_LABEL_JOINERS = frozenset("of the and in on for a an at to by".split())


def _is_dek(text: str, following: str) -> bool:
    return (
        _words(text) <= DEK_MAX_WORDS
        and _words(following) > _words(text)
        and not match_dateline(text)
        and not _DATED_LEAD.search(text)
        and text.count(". ") <= 1
    )


def match_dateline(text: str) -> tuple[int, int] | None:
    """``(end of the dateline, start of the text after it)`` if ``text`` opens with a dateline."""
    for pattern in (_DATELINE_CAPS, _DATELINE_AGENCY, _DATELINE_DATE, _DATELINE_SLUG, _DATELINE_BARE):
        match = pattern.match(text)
        if match and _looks_like_place(match["dateline"]):
            return match.end("dateline"), match.end()
    return None


def _looks_like_place(dateline: str) -> bool:
    # "US - China talks" is not a dateline: a caps-only dateline needs a place of 3+ letters or a slash list.
    head = re.split(r"[,(]", dateline)[0].strip()
    return len(head) >= 3 or "/" in head or "(" in dateline
