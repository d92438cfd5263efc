"""Page furniture: the patterns and line shapes that name a line as something other than the article's text.

:func:`furniture_reason` gives the reason a line is furniture (a teaser, a byline, a credit, a share prompt, an
embedded post, hashtags, template code, a running time ...) or None; :mod:`counterpoint.stages.clean` applies it
to every line and keeps what it removes with that reason. The patterns hold across news sites, not sentences of
particular articles.
"""

from __future__ import annotations

import re

from ..model import RemovalReason

# Furniture lines (credits, prompts) are short; a long line that merely starts like one is body text.
FURNITURE_MAX_WORDS = 30

# A row of hashtags: at least this share of its words are tags.
HASHTAG_SHARE = 0.5

# A prompt to the reader ("Watch the video below, via CNN:") is short; longer lines are prose.
READER_PROMPT_MAX_WORDS = 20

# A video teaser is a short title with its running time.
VIDEO_MAX_WORDS = 15

# A credit line ("Name/Pool/AGENCY via AGENCY", "(Source: BTA)") is at most this long.
CREDIT_MAX_WORDS = 10
SOURCE_MAX_WORDS = 7

# A newsletter pitch ("Sign up for our daily briefing") is at most this long; a longer line naming a newsletter is
# prose about one.
NEWSLETTER_MAX_WORDS = 20

# A byline ("By Jane Doe and John Roe, Staff Writers") or a timestamp line ("Updated: 14:32 GMT, 3 March 2026") is
# at most this long.
BYLINE_MAX_WORDS = 12

# An order to the reader with no end mark ("VIEW GALLERY", "Watch live") is at most this long.
BARE_PROMPT_MAX_WORDS = 3

# The labels of a list of links to other stories ("Most read", "Related stories") ...
_LINK_LIST_LABEL = (
    r"(?:read\s+more|read\s+also|also\s+read|read\s+next|see\s+also|also\s+see|more\s+on\s+this(?:\s+story)?"
    r"|related(?:\s+(?:stories|articles|news|coverage|content|reading|links?|topics?))?|recommended(?:\s+\w+)?"
    r"|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be\s+interested\s+in)|don'?t\s+miss|must\s+read"
    r"|trending(?:\s+now)?|top\s+stories|latest(?:\s+news)?|editor'?s\s+picks?|further\s+reading"
    r"|more\s+from\s+[\w ]{1,30}|popular(?:\s+now)?|most\s+(?:read|popular|viewed|shared))"
)
# ... and the labels of any pointer to another story ("Watch:", "Continue reading"), after which the article's
# own text may stand
_TEASER_LABEL = (
    rf"(?:{_LINK_LIST_LABEL}|continue\s+reading|click\s+here|up\s+next|watch(?:\s+(?:now|video|live))?"
    r"|listen(?:\s+now)?|in\s+pictures|in\s+photos|also\s+on\s+\w+)"
)

_BULLET = r"(?:[\u25ba\u25b6\u2022\u00bb>*\-\u2013\u2014|]\s*)?"

_TEASER_WITH_MARK = re.compile(rf"^{_BULLET}{_TEASER_LABEL}\s*(?:[:|\u00bb>\-\u2013\u2014]+|\.{{3}})\s*\S", re.I)

_TEASER_ALONE = re.compile(rf"^{_BULLET}{_TEASER_LABEL}\s*[:|\u00bb>\-\u2013\u2014.]*$", re.I)

# "Read also Israeli PM vows ..." with no mark: only the unambiguous labels, and only on an unpunctuated line.
_TEASER_NO_MARK = re.compile(r"^(?:read\s+(?:more|also)|also\s+read|see\s+also)\s+\S", re.I)


class _Gated:
    """A pattern searched only in lines that hold one of ``needs`` (lower-cased), a string every match of it
    holds: Python's re tries a pattern at every position of a line, and most lines hold none of them."""

    def __init__(self, pattern: str, needs: tuple[str, ...], flags: int = 0) -> None:
        self.pattern = re.compile(pattern, flags)
        self.needs = needs

    def search(self, line: str, lower: str) -> re.Match[str] | None:
        # re.I folds some non-ASCII letters ("\u017f" is "s") that str.lower() keeps: such lines are searched
        if lower.isascii() and not any(need in lower for need in self.needs):
            return None
        return self.pattern.search(line)


_AGENCIES = (
    r"(?:AP|AFP|Reuters|Xinhua|Anadolu(?:\s+Agency)?|AA|EPA|EPA-EFE|Getty\s+Images|Bloomberg|dpa|DPA|ANSA"
    r"|IRNA|TASS|RIA\s+Novosti|WAFA|Kyodo|Yonhap|PTI|IANS|UPI|Shutterstock|Sputnik|CNN|BBC|Al\s+Jazeera"
    r"|Associated\s+Press|Agence\s+France-Presse)"
)

_BYLINE = re.compile(
    r"^(?i:by|written\s+by|words\s+by|story\s+by|reported\s+by)\s+[A-Z\u00c0-\u017f][\w.'\u2019-]*"
    r"(?:\s+[A-Z\u00c0-\u017f][\w.'\u2019-]*){0,4}(?:\s*(?:,|and|&|\||/|-|\u2014|\u2013)\s*.*)?$"
)

_CREDIT_LINE = re.compile(
    rf"^\(?\s*(?:{_AGENCIES}\s+)?(?:additional\s+)?(?:reporting|writing|editing|compiled|translated|research)\s+by\b.*$"
    # who else wrote it: "Contributing: Jane Doe", "Associated Press writer Jane Doe contributed to this report."
    r"|^(?:contributing|contributors?)\s*:.*$|^[^.!?]{2,80}\s+contributed\s+(?:to\s+)?(?:this\s+)?(?:report|story|article)"
    r"(?:ing)?\.?$"
    # an agency's sign-off, or its source and editor line: "-ends-", "Source: Xinhua| 2025-03-14|Editor: Liu Ming"
    r"|^[\s\-\u2013\u2014]*ends?[\s\-\u2013\u2014]*$|^sources?\s*:.*\|\s*editor\s*:.*$",
    re.I,
)

_AGENCY_SIGNOFF = re.compile(rf"^[\(\[\-\u2013\u2014\s]*{_AGENCIES}[\)\]\s.]*$")

_PHOTO_CREDIT = re.compile(
    r"^[\(\[]?\s*(?:file\s+)?(?:photo(?:graph)?s?|image|picture|pic|credit|photo\s+credit|illustration|video)"
    r"(?:\s+by)?\s*[:/\u00a9]"
    # a picture's source or caption as some sites label them ("Image source, Getty Images", "Media caption, ..."),
    # "File photo" alone, an agency and its photographer ("Xinhua/Li Ming")
    r"|^(?:image|media|video)\s+(?:source|caption)\s*,|^[\(\[]?\s*file\s+(?:photo|picture|image)\s*[\)\]]?\.?$"
    rf"|^{_AGENCIES}\s*/\s*(?-i:[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){{0,3}})$",
    re.I,
)

_CAPTION_CREDIT = _Gated(
    rf"(?:[\(\[]\s*(?:photo|image|picture|credit|file)\s*:[^)\]]*[\)\]]|\b[A-Z]{{2,}}/[A-Z][\w'-]+(?:\s+[A-Z][\w'-]+)*"
    rf"|[\(\[][^()\[\]]{{0,60}}/\s*{_AGENCIES}[\)\]]|\(\s*{_AGENCIES}\s*photo[^)]*\))\s*\.?$",
    needs=("(", "[", "/"),
)

# A photo credit chain: names joined by slashes, an agency or a pool among them ("Dragov/Pool/REUTERS via
# GETTY IMAGES", "AFP/Getty Images"), with no sentence around it.
_CREDIT_CHAIN = _Gated(
    r"^[\w.'\u2019-]+(?:\s[\w.'\u2019-]+)?(?:\s*/\s*[\w.'\u2019-]+(?:\s[\w.'\u2019-]+)?)+"
    r"(?:\s+via\s+[\w.' -]{2,30})?\s*$",
    needs=("/",),
)

# two of its parts are a pool or an agency (one is not enough: "AP/NORC poll", "Reuters/Ipsos poll")
_CREDIT_PART = re.compile(rf"(?:pool|{_AGENCIES})", re.I)

CREDIT_MIN_AGENCIES = 2


def _credit_chain(line: str, lower: str) -> bool:
    if not _CREDIT_CHAIN.search(line, lower):
        return False
    via = re.search(r"\s+via\s+", line)
    parts = [part.strip() for part in re.split(r"/|\s+via\s+", line)]
    found = sum(bool(_CREDIT_PART.fullmatch(part)) for part in parts)
    # "Name/Pool/OUTLET via PHOTO-AGENCY": a pool or an agency in the chain, and a distributor after "via"
    chain = line[: via.start()] if via else ""
    named_in_chain = any(_CREDIT_PART.fullmatch(part.strip()) for part in chain.split("/")) if chain else False
    return found + named_in_chain >= CREDIT_MIN_AGENCIES


# A line that only names where something came from: "(Source: BTA)", "Source: Ministry of Health".
_SOURCE_LINE = re.compile(
    r"^(?:[\(\[]\s*sources?\s*:\s*[^.!?:()\[\]]{1,60}[\)\]]\.?|sources?\s*:\s*[^.!?:]{1,60})$", re.I
)

_SHARE = re.compile(
    r"^(?:share(?:\s+(?:this|on|via|the|article|story|post)\b.*|\s*:.*)?|tweet(?:\s+this)?|e-?mail(?:\s+this)?"
    r"|print(?:\s+this(?:\s+\w+)?)?|copy(?:\s+the)?\s+link|link\s+copied|follow\s+(?:us|\w+)\s+on\b.*"
    r"|like\s+us\s+on\b.*|click\s+to\s+(?:share|tweet|email|print)\b.*|facebook|twitter|x|linkedin|whatsapp"
    r"|telegram|reddit|pinterest|join\s+(?:us|our\s+\w+(?:\s+\w+)?)\s+on\b.*"
    r"|(?:get|download)\s+the\s+\w+\s+app\b.*)\s*[.!]?$",
    re.I,
)

_NEWSLETTER = _Gated(
    r"^(?:sign\s+up|subscribe)\b|\bnewsletters?\b.*\b(?:sign\s+up|subscribe|inbox|free|here)\b"
    r"|^(?:get|receive|want)\b.*\bnewsletters?\b|\b(?:in|to|into)\s+your\s+inbox\b",
    needs=("sign", "subscribe", "newsletter", "inbox"),
    flags=re.I,
)

_ADVERT = re.compile(
    r"^(?:(?:advertisement|advert|ad)\s*[-:|\u2013\u2014]\s*(?=story|article|scroll|continue))?"
    r"(?:advertisement|advertising|sponsored(?:\s+content)?|ad|paid\s+content|promoted"
    r"|story\s+continues(?:\s+(?:below|after)(?:\s+(?:this\s+|the\s+)?ad(?:vert(?:isement)?)?)?)?"
    r"|(?:scroll|continue)\s+(?:down\s+)?(?:to|reading)(?:\s+continue)?(?:\s+(?:reading|with\s+content))?(?:\s+below)?"
    r"|article\s+continues\s+(?:below|after)(?:\s+(?:this\s+|the\s+)?ad(?:vert(?:isement)?)?)?)\s*[.:]?$",
    re.I,
)

# A picture gallery's counter or a count of readers' comments, alone on a line: "Image 1 of 12", "3/12",
# "Comments (12)", "View all 24 comments".
_COUNTER = re.compile(
    r"^(?:(?:image|photo|picture|slide|gallery)s?\s+)?\d{1,3}\s*(?:of|/)\s*\d{1,3}$"
    r"|^(?:(?:view|show|read|load|see|hide)\s+(?:all\s+)?)?(?:\d+\s+)?comments?(?:\s*\(\d+\))?$",
    re.I,
)

# A row of menu items or breadcrumbs: short items joined by one separator ("Home > World > Europe", "Terms of
# Use | Privacy Policy"), no sentence's end.
_MENU_SEPARATOR = re.compile(r"\s+([|>\u00bb\u2022\u00b7])\s+")
MENU_ITEM_MAX_WORDS = 3
MENU_MAX_WORDS = 15
# A list of the page's tags or sections ("Tags: floods, weather", "Filed under: World news"), a reading time
# ("5 min read", "Listen to this article"), a page control ("Skip to main content", "Back to top").
_PAGE_LABEL = re.compile(
    r"^(?:(?:tags|topics|categories|filed\s+under|more\s+about|keywords)\s*:.*"
    r"|\d{1,3}\s*(?:-\s*)?min(?:ute)?s?\s+read|reading\s+time\s*:.*|listen\s+to\s+(?:this|the)\s+(?:article|story)\b.*"
    r"|skip\s+to\s+(?:main\s+)?(?:content|navigation)|back\s+to\s+top|show\s+(?:more|less)|loading\s*(?:\.\.\.|\u2026)?"
    r"|(?:next|previous)\s+(?:article|story|post)"
    # a page's running label ("BREAKING", "Live updates"), a note that the page changed
    r"|breaking(?:\s+news)?|live(?:\s+(?:updates|blog|coverage))?|developing(?:\s+story)?"
    r"|this\s+(?:story|article|post)\s+(?:has\s+been|was|is\s+being)\s+updated\b.*)\s*$",
    re.I,
)

# Where a syndicated article first ran: "This article was originally published on ...", "A version of this
# story first appeared in ..."
_REPUBLISHED = re.compile(
    r"^(?:a\s+version\s+of\s+)?(?:this|the)\s+(?:article|story|post|piece|report|column)\s+(?:was\s+|is\s+)?"
    r"(?:originally|first)\s+(?:published|appeared|ran|posted)\b",
    re.I,
)

# A credit glued to the end of a paragraph ("... next week. (Video: Meridian)", "(Photo: Jane Doe/AFP)"):
# the paragraph is the article's, the credit is not.
_TRAILING_CREDIT = _Gated(
    r"\s*[\(\[]\s*(?:(?:file\s+)?photo(?:graph)?|image|picture|video|credit|source)s?\s*:\s*[^()\[\]]{1,60}[\)\]]"
    r"\s*\.?\s*$",
    needs=(":",),
    flags=re.I,
)
# ... after at least this many words of the paragraph (a shorter line is a caption, removed whole)
TRAILING_CREDIT_MIN_WORDS = 4

_COPYRIGHT = _Gated(
    r"^(?:\u00a9|\(c\)|copyright\b)|\ball\s+rights\s+reserved\b",
    needs=("\u00a9", "(c)", "copyright", "reserved"),
    flags=re.I,
)

_MONTH = (
    r"(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)

_TIMESTAMP = re.compile(
    r"^(?:(?:first\s+)?published|updated|last\s+updated|posted|last\s+modified)(?:\s+(?:on|at))?\s*[:\-]?\s*.{0,50}"
    r"(?:\d|today|yesterday|ago)[^.]{0,40}$"
    rf"|^(?:\w+day,?\s+)?(?:\d{{1,2}}\s+{_MONTH}|{_MONTH}\s+\d{{1,2}}),?\s+\d{{4}}(?:[,\s|-]+\d{{1,2}}[:.]\d{{2}}.*)?$"
    r"|^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}.*)?$",
    re.I,
)


def _words(text: str) -> int:
    return len(text.split())


def furniture_reason(line: str) -> RemovalReason | None:
    """Why ``line`` is page furniture rather than article text, or ``None`` if it is article text."""
    words = _words(line)
    lower = line.lower()
    structural = _structural_reason(line, lower, words)
    if structural:
        return structural
    if _TEASER_WITH_MARK.match(line) or _TEASER_ALONE.match(line):
        return "teaser"
    if _TEASER_NO_MARK.match(line) and words <= FURNITURE_MAX_WORDS and line[-1] not in '.!?"\u201d':
        return "teaser"
    if words > FURNITURE_MAX_WORDS:
        return None
    if _ADVERT.match(line):
        return "advertisement"
    if _SHARE.match(line):
        return "share-prompt"
    if _NEWSLETTER.search(line, lower) and words <= NEWSLETTER_MAX_WORDS and not _QUOTE_RE.search(line):
        return "newsletter"
    if _COPYRIGHT.search(line, lower):
        return "copyright"
    if _COUNTER.match(line) or _PAGE_LABEL.match(line) or _menu_row(line, words):
        return "boilerplate"
    if _REPUBLISHED.match(line):
        return "byline"  # where the article first ran: a sign-off, as "(Source: BTA)" is
    if _CREDIT_LINE.match(line) or _AGENCY_SIGNOFF.match(line) or (_BYLINE.match(line) and words <= BYLINE_MAX_WORDS):
        return "byline"
    if _PHOTO_CREDIT.match(line) or (_CAPTION_CREDIT.search(line, lower) and words <= FURNITURE_MAX_WORDS):
        return "photo-credit"
    if words <= CREDIT_MAX_WORDS and _credit_chain(line, lower):
        return "photo-credit"
    if words <= SOURCE_MAX_WORDS and _SOURCE_LINE.match(line):
        return "byline"  # a sign-off naming the source, as "(AFP)" is
    if words <= BYLINE_MAX_WORDS and _TIMESTAMP.match(line):
        return "timestamp"
    if words <= READER_PROMPT_MAX_WORDS and _READER_VERB.match(line):
        if _READER_LABEL.match(line):
            return "teaser"  # "READ: Who is ...", "See video: ...": another story's title after a label
        if _READER_POINTER.search(line) or (words <= BARE_PROMPT_MAX_WORDS and line[-1] not in '.!?"\u201d'):
            return "prompt"  # "Watch the video below, via CNN:", "Follow Jane Doe on Twitter", "VIEW GALLERY"
    return None


_QUOTE_RE = re.compile('["\u201c\u201d]')

# A line that tells the reader to do something on the page (read, watch, follow, click ...) and points to
# where: "below", "here", a gallery, a network, a handle, a link, or a colon before what it shows. A news
# sentence in the outlet's own voice does not open with an imperative.
_READER_VERB = re.compile(
    rf"^{_BULLET}(?:read|watch|see|view|click|tap|follow|check\s+out|listen(?:\s+to)?|subscribe|sign\s+up"
    r"|like\s+us|join\s+us|download)\b(?![-\u2019'])(?!\s+you\b)",
    re.I,
)

_READER_LABEL = re.compile(rf"^{_BULLET}(?:read|watch|see|view|click|listen)(?:\s+[\w\u2019']+){{0,2}}\s*:\s*\S", re.I)

# (searched only in lines that open with such a verb, so no gate: its words are too common to skip a line)
_READER_POINTER = re.compile(
    r"\b(?:below|above|here|gallery|slideshow|related|for\s+more|the\s+(?:latest|whole|original)"
    r"|on\s+(?:twitter|facebook|instagram|google\+?|youtube|tiktok)\b|via\s"
    r"|full\s+(?:story|report|article|interview|post|blog|video|text|image)|live\s+(?:blog|updates|coverage))"
    r"|@\w|https?://|\.com\b|:\s*$",
    re.I,
)

# An embedded social post: its status link, picture link or sign-off ("— Name (@handle) May 1, 2024").
_EMBEDDED_POST = _Gated(
    r"pic\.twitter\.com/|(?:twitter|x)\.com/\w+/status/\d|instagram\.com/p/|"
    rf"[\u2014\u2013-]\s*[^()]{{1,60}}\(@\w{{1,30}}\)\s*{_MONTH}\s+\d{{1,2}},\s*\d{{4}}\s*$",
    needs=("/", "(@"),
)

_HASHTAG = re.compile(r"(?:^|\s)#\w+")

_EMBED_LABEL = re.compile(r"^#[A-Z]{3,}\s*[|:]")  # "#WATCH | ...": an agency's embedded video

# Template code a page leaked: mustache, Jinja or ERB tags, or a line of script.
_TEMPLATE = _Gated(
    r"\{\{[#^/]?\s*[\w.]*\s*\}\}|\{%.*%\}|<%.*%>|^\s*(?:var|let|const)\s+\w+\s*=|\}\)\s*;?\s*$",
    needs=("{", "<%", "=", "})"),
)

# A video teaser: a short title that ends with its running time ("Minister rejects plan 02:10").
_RUNNING_TIME = _Gated(r"\s\d{1,2}:\d{2}(?::\d{2})?\s*$", needs=(":",))

_EMAIL = _Gated(r"\b[\w.+-]+@[\w-]+\.[\w.]+\b", needs=("@",))

# Prompts addressed to the reader: a line that asks for news tips or clicks, with an address or a link.
_PROMPT = _Gated(
    r"\b(?:news\s*tips?|tip\s+us|contact\s+(?:us|the\s+author)|click\s+here|email\s+us)\b",
    needs=("tip", "contact", "click", "email"),
    flags=re.I,
)


def _structural_reason(line: str, lower: str, words: int) -> RemovalReason | None:
    """Furniture recognised by its form: links, handles, tags, code, running times, addresses, and lines
    without a letter or a digit (separators such as "* * *", rules, bullets): they state nothing."""
    if not any(character.isalnum() for character in line):
        return "boilerplate"
    if words <= FURNITURE_MAX_WORDS and (_EMBEDDED_POST.search(line, lower) or _EMBED_LABEL.match(line)):
        return "embedded-post"
    tags = len(_HASHTAG.findall(line)) if "#" in line else 0
    if tags >= 2 and tags >= HASHTAG_SHARE * words:
        return "hashtags"
    if _TEMPLATE.search(line, lower) and not _QUOTE_RE.search(line):
        return "template-code"
    if (
        words <= VIDEO_MAX_WORDS
        and _RUNNING_TIME.search(line, lower)
        and not re.search(r"\b(?:at|by|until|from)\s+\d", line)
    ):
        return "video"
    if (
        words <= FURNITURE_MAX_WORDS
        and _PROMPT.search(line, lower)
        and (_EMAIL.search(line, lower) or "http" in line or "here" in lower)
    ):
        return "prompt"
    return None


def trailing_credit(line: str) -> tuple[int, RemovalReason] | None:
    """Where a credit glued to the end of a paragraph starts in ``line`` (an offset) and its reason, or None."""
    match = _TRAILING_CREDIT.search(line, line.lower())
    if match is None or _words(line[: match.start()]) < TRAILING_CREDIT_MIN_WORDS:
        return None
    source = re.match(r"[\s(\[]*source", match.group(0), re.I)
    return match.start(), "byline" if source else "photo-credit"


_LIST_LABEL = re.compile(rf"^{_BULLET}{_LINK_LIST_LABEL}\s*[:|\u00bb>\-\u2013\u2014.]*$", re.I)
# An item of such a list: another story's headline, short and without a sentence's end ("1. Storm warning
# issued for coast").
LIST_ITEM_MAX_WORDS = 20
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s")
# What ends a sentence (so no headline, menu item or label)
_SENTENCE_END = '.!?"\u201d'


def lists_links(line: str) -> bool:
    """Whether ``line`` is a link list's label alone ("Most read", "Related stories")."""
    return bool(_LIST_LABEL.match(line))


def listed_link(line: str) -> bool:
    """Whether ``line`` reads as an item of a link list: a headline, numbered or not."""
    return _words(line) <= LIST_ITEM_MAX_WORDS and (line[-1] not in _SENTENCE_END or numbered(line))


def numbered(line: str) -> bool:
    """Whether ``line`` opens with an item number ("1. ", "2) ")."""
    return bool(_NUMBERED.match(line))


def _menu_row(line: str, words: int) -> bool:
    """Whether ``line`` is a row of menu items or breadcrumbs joined by one separator."""
    if words > MENU_MAX_WORDS or line[-1] in _SENTENCE_END or not _MENU_SEPARATOR.search(line):
        return False
    if line[0] in "|>" or line[-1] in "|>":
        return False  # a table's row ("| Men | 33 | 42 |"), as extractors write tables
    separators = {match.group(1) for match in _MENU_SEPARATOR.finditer(line)}
    items = _MENU_SEPARATOR.split(line)[::2]
    return len(separators) == 1 and all(
        0 < _words(item) <= MENU_ITEM_MAX_WORDS and not any(c.isdigit() for c in item) for item in items
    )
