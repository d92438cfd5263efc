"""Dates: date expressions in each sentence, resolved against the article's publication date.

An article that comes without a publication date (a page saved as text) takes the one its page states: the
first full date on a line the cleaner took out as a timestamp ("Published: March 3, 2025"; a "published"
or "posted" line before an "updated" one), else on its dateline or byline (:func:`date_on_page`).

Relative expressions ("on Wednesday", "earlier on Tuesday", "yesterday", "three days ago", "last Friday") resolve to the
most recent such day on or before publication; "next Monday", or a weekday after "will"/"would" in the
same sentence, to the following one. Absolute dates are
normalised; a day and month without a year take the most recent such date no later than
:data:`FUTURE_TOLERANCE_DAYS` after publication ("since Oct 7" in May 2024 is 7 October 2023).
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Article, DateMention
from ..text import SMALL_NUMBERS

NAME = "dates"
VERSION = "3"  # 2: an article without a publication date takes the one its page states; 3: "N days ago",
# "the day before yesterday"

# News mostly reports the past; a bare "March 14" more than a week after publication is last year's.
FUTURE_TOLERANCE_DAYS = 7

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_MONTH2 = _MONTH.replace("?P<month>", "?P<month2>")
# "Three days ago": a count of days (a count of weeks or months is a span, not a day: left to the conflicts
# stage's durations).
_COUNT_WORDS = "|".join(sorted((w for w in SMALL_NUMBERS if w != "zero"), key=len, reverse=True))
_PATTERN = re.compile(
    r"\b(?:"
    r"(?P<mod>last|next|this|earlier\s+on|earlier|later\s+on|late\s+on|early\s+on|on)?\s*"
    r"(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?"
    rf"(?:,?\s+(?:{_MONTH2}\s+(?P<day2>\d{{1,2}})|(?P<day3>\d{{1,2}})\s+(?P<month3>[a-z]+)\.?)(?:,?\s+(?P<year2>\d{{4}}))?)?"
    r"|(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|this\s+morning"
    r"|this\s+afternoon|this\s+evening)"
    rf"|(?P<ago>an?|\d{{1,2}}|{_COUNT_WORDS})\s+days?\s+ago"
    rf"|{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
    r"|(?P<dday>\d{1,2})(?:st|nd|rd|th)?\s+(?P<dmonth>[a-z]+)\.?(?:,?\s+(?P<dyear>\d{4}))?"
    r"|(?P<iso>\d{4}-\d{2}-\d{2})"
    r")\b",
    re.I,
)
_RELATIVE_DAYS = {
    "the day before yesterday": -2,
    "yesterday": -1,
    "today": 0,
    "tonight": 0,
    "last night": -1,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
}


_FUTURE = re.compile(
    r"\b(?:will|would|shall|is\s+due|are\s+due|is\s+expected|are\s+expected|plans?\s+to|planned|scheduled|"
    r"set\s+to|next)\b|'ll\b",
    re.I,
)


# Every date expression holds a digit or one of these (weekdays and "yesterday"/"today" end in "day"): a
# sentence without any is skipped, as the full pattern is slow to try at every word.
_ANCHOR = re.compile(r"\d|day|night|morning|afternoon|evening", re.I)


# Lines that state when the page was first put out, before those that state when it last changed.
_FIRST_OUT = re.compile(r"\b(?:published|posted|first)\b", re.I)


def date_on_page(article: Article) -> dt.date | None:
    """The publication date the page itself states, for an article that came without one."""
    lines = [r.text for r in article.removed if r.reason == "timestamp"]
    lines.sort(key=lambda line: not _FIRST_OUT.search(line))
    lines += [article.sentence_text(s) for s in article.sentences if s.role in ("dateline", "byline")]
    lines += [r.text for r in article.removed if r.reason == "byline"]
    for line in lines:
        for match in _PATTERN.finditer(line):
            mention = _mention(match, 0, None, False)
            if mention is not None and mention.date is not None and not mention.relative:
                return mention.date
    return None


def resolve_dates(article: Article) -> None:
    """Fill ``sentence.dates`` of every sentence of ``article``; an article without a publication date takes
    the one its page states (:func:`date_on_page`)."""
    if article.published is None:
        article.published = date_on_page(article)
    for sentence in article.sentences:
        text = article.sentence_text(sentence)
        if not _ANCHOR.search(text):
            sentence.dates = []
            continue
        sentence.dates = [
            mention
            for match in _PATTERN.finditer(text)
            if (
                mention := _mention(
                    match, sentence.start, article.published, bool(_FUTURE.search(text[: match.start()]))
                )
            )
            is not None
        ]


def _mention(match: re.Match[str], offset: int, published: dt.date | None, future: bool) -> DateMention | None:
    groups = match.groupdict()
    text = match.group().strip()
    start = offset + match.start() + (len(match.group()) - len(match.group().lstrip()))
    end = start + len(text)
    if groups["weekday"]:
        explicit = _explicit(
            groups.get("month2") or groups.get("month3"),
            groups.get("day2") or groups.get("day3"),
            groups.get("year2"),
            published,
        )
        if explicit is not None or groups.get("month2") or groups.get("month3"):
            return DateMention(start, end, text, explicit, False)
        modifier = groups["mod"]
        if future and (modifier or "on").lower() == "on":
            modifier = "next-or-same"
        return DateMention(start, end, text, _weekday(groups["weekday"], modifier, published), True)
    if groups["rel"]:
        key = re.sub(r"\s+", " ", groups["rel"].lower())
        date = published + dt.timedelta(days=_RELATIVE_DAYS[key]) if published else None
        return DateMention(start, end, text, date, True)
    if groups["ago"]:
        count = groups["ago"].lower()
        days = 1 if count in ("a", "an") else int(count) if count.isdigit() else SMALL_NUMBERS[count]
        return DateMention(start, end, text, published - dt.timedelta(days=days) if published else None, True)
    if groups["iso"]:
        try:
            return DateMention(start, end, text, dt.date.fromisoformat(groups["iso"]), False)
        except ValueError:
            return None
    if groups["month"]:
        date = _explicit(groups["month"], groups["day"], groups["year"], published)
        return DateMention(start, end, text, date, False) if date or groups["year"] is None else None
    if groups["dmonth"] and groups["dmonth"].lower() in MONTHS:
        date = _explicit(groups["dmonth"], groups["dday"], groups["dyear"], published)
        return DateMention(start, end, text, date, False) if date else None
    return None


def _explicit(month: str | None, day: str | None, year: str | None, published: dt.date | None) -> dt.date | None:
    if not month or not day or month.lower().rstrip(".") not in MONTHS:
        return None
    number = MONTHS[month.lower().rstrip(".")]
    try:
        if year:
            return dt.date(int(year), number, int(day))
        if published is None:
            return None
        candidate = dt.date(published.year, number, int(day))
    except ValueError:
        return None
    if candidate > published + dt.timedelta(days=FUTURE_TOLERANCE_DAYS):
        try:
            candidate = candidate.replace(year=candidate.year - 1)
        except ValueError:
            return None
    return candidate


def _weekday(name: str, modifier: str | None, published: dt.date | None) -> dt.date | None:
    if published is None:
        return None
    target = WEEKDAYS.index(name.lower())
    mod = re.sub(r"\s+", " ", (modifier or "").lower())
    if mod in ("next", "next-or-same"):
        ahead = (target - published.weekday()) % 7
        if mod == "next" and ahead == 0:
            ahead = 7
        return published + dt.timedelta(days=ahead)
    back = (published.weekday() - target) % 7
    if mod == "last" and back == 0:
        back = 7
    return published - dt.timedelta(days=back)
