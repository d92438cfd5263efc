"""One rendering of a story: the web app's Jinja2 templates, for the server's pages and for the
self-contained HTML file that ``counterpoint compare --html OUT`` writes.

The two differ only in where links point and what frames the page. On the server an article is a page of
its own (``/articles/ID``) and the stylesheet a file; in the file every article follows the story (links
are anchors: ``#article-ID``, a sentence ``#SENTENCE-ID``), the stylesheet is inlined and a
Content-Security-Policy in the page allows that stylesheet alone (by its hash): no script, no request.

>>> html = story_file(report_dict(comparison))  # doctest: +SKIP
"""

from __future__ import annotations

import base64
import functools
import hashlib
from collections.abc import Callable
from importlib import metadata, resources
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .views import story_view, text_lines, twin_from_report


def version() -> str:
    """The installed Counterpoint's version (without importing the pipeline)."""
    try:
        return metadata.version("counterpoint")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


def web_url(url: str | None) -> str | None:
    """``url`` if it is a web address a link may point to (never ``javascript:``, ``data:`` and the like)."""
    return url if url and url.lower().startswith(("https://", "http://")) else None


def story_url(story_id: str) -> str:
    return f"/stories/{quote(story_id, safe='')}"


def article_url(article_id: str) -> str:
    return f"/articles/{quote(article_id, safe='')}"


def _sentence_url(article_id: str, sentence_id: str) -> str:
    return f"{article_url(article_id)}#{quote(sentence_id, safe='')}"


def _claim_url(story_id: str, claim_id: str) -> str:
    return f"{story_url(story_id)}#claim-{quote(claim_id, safe='')}"


# In the file, everything is on the one page.
_FILE_URLS: dict[str, Callable[..., str]] = {
    "story_url": lambda story_id: "#main",
    "article_url": lambda article_id: f"#article-{quote(article_id, safe='')}",
    "sentence_url": lambda article_id, sentence_id: f"#{quote(sentence_id, safe='')}",
    "claim_url": lambda story_id, claim_id: f"#claim-{quote(claim_id, safe='')}",
}


@functools.cache  # one per kind: templates are compiled once, and rendering from several threads is safe
def environment(*, standalone: bool = False) -> jinja2.Environment:
    """The templates with autoescape on (every template, whatever its name: all article text is hostile)
    and the link helpers of the server's pages, or, ``standalone``, of the self-contained file."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("counterpoint.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(
        version=version(),
        web_url=web_url,
        story_url=story_url,
        article_url=article_url,
        sentence_url=_sentence_url,
        claim_url=_claim_url,
        standalone=standalone,
        layout="report_base.html" if standalone else "base.html",
    )
    if standalone:
        env.globals.update(_FILE_URLS)
    return env


def stylesheet() -> str:
    """The pages' stylesheet (``static/style.css``)."""
    return resources.files("counterpoint.web").joinpath("static/style.css").read_text("utf-8")


def story_file(
    report: dict[str, Any],
    *,
    story_id: str = "",
    title: str | None = None,
    copies: dict[str, str | None] | None = None,
) -> str:
    """The story page of ``report`` (the JSON report) as one self-contained HTML document: the same template
    as the server's story page, every article's text and findings after it, the stylesheet inlined."""
    css = stylesheet()
    if "</" in css:  # it goes inside <style>: our own file, but a stray end tag would end the element
        raise ValueError("the stylesheet holds '</', which would end the inlined <style> element")
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = f"default-src 'none'; style-src 'sha256-{digest}'; img-src 'none'; base-uri 'none'; form-action 'none'"
    copies = copies or {}
    view = story_view(report, story_id, title, copies)
    known = {a["id"] for a in report["articles"]}
    pages = []
    for shape in report["articles"]:
        original = copies.get(shape["id"])
        twin = twin_from_report(shape, story_id, original if original in known else None, report)
        pages.append((twin, text_lines(shape)))
    template = environment(standalone=True).get_template("story.html")
    return template.render(
        title=view.title,
        story=view,
        pages=pages,
        json_url=None,
        css=Markup(css),  # the one text not escaped: the project's own stylesheet, checked above
        policy=policy,
    )
