"""The self-contained HTML view of ``counterpoint compare --html OUT``: the web app's story page, rendered
from the JSON report by the same templates (:mod:`counterpoint.web.render`), so the file and the server
show one story the same way. Every article's cleaned text and findings follow the story; links are
anchors in the file; the stylesheet is inlined; the page loads nothing and runs no script. All article
text is escaped.

>>> write_html(comparison, "report.html")  # doctest: +SKIP
"""

from __future__ import annotations

from pathlib import Path

from ..model import Comparison
from ..web.render import story_file
from .json_report import report_dict


def render_html(
    comparison: Comparison,
    *,
    story_id: str = "",
    title: str | None = None,
    copies: dict[str, str | None] | None = None,
) -> str:
    """The whole page as a string. ``story_id`` and ``title`` name a stored story (default: none, and the
    first article's title); ``copies`` maps an article id to the id of the article it copies."""
    return story_file(report_dict(comparison), story_id=story_id, title=title, copies=copies)


def write_html(
    comparison: Comparison,
    path: str | Path,
    *,
    story_id: str = "",
    title: str | None = None,
    copies: dict[str, str | None] | None = None,
) -> None:
    Path(path).write_text(render_html(comparison, story_id=story_id, title=title, copies=copies), "utf-8")
