"""A self-contained HTML view: the articles side by side, roles marked, removals shown with their reasons.

All article text is escaped; the page loads nothing from outside.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .. import __version__
from ..model import Article, Comparison

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:12px 20px;background:#223;color:#fff}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#ccd}
.columns{display:grid;grid-auto-flow:column;grid-auto-columns:minmax(320px,1fr);gap:14px;padding:14px;overflow-x:auto}
.article{background:#fff;border:1px solid #ddd;border-radius:6px;padding:12px 16px}
.article h2{font-size:17px;margin:0 0 4px}.meta{color:#666;font-size:13px;margin-bottom:10px;word-break:break-all}
p{margin:0 0 10px}.s{border-radius:3px}
.title{font-weight:700;font-size:17px}.dek{font-style:italic;color:#444}.subhead{font-weight:700;margin-top:14px}
.dateline{font-variant:small-caps;color:#555}
.removed{color:#999;text-decoration:line-through;font-size:13px}
.reason{display:inline-block;text-decoration:none;font-size:11px;background:#eee;color:#555;border-radius:3px;
padding:0 5px;margin-right:6px}
.rejected{margin:14px;padding:10px 16px;background:#fff4f4;border:1px solid #e6b3b3;border-radius:6px}
section.findings{margin:14px;padding:10px 16px;background:#fff;border:1px solid #ddd;border-radius:6px}
label{font-size:13px;color:#ccd}
body.hide-removed .removed{display:none}
"""

_SCRIPT = """
document.getElementById('toggle').addEventListener('change',function(e){
document.body.classList.toggle('hide-removed',!e.target.checked);});
"""


def render_html(comparison: Comparison) -> str:
    """The whole page as a string."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(_page_title(comparison))}</title>",
        f"<style>{_CSS}</style></head><body>",
        "<header>",
        f"<h1>{escape(_page_title(comparison))}</h1>",
        f"<p>{len(comparison.articles)} articles from {len({a.outlet for a in comparison.articles})} outlets"
        f" &middot; Counterpoint {escape(__version__)} "
        '&middot; <label><input type="checkbox" id="toggle" checked> show removed lines</label></p>',
        "</header>",
    ]
    if comparison.rejected:
        parts.append('<section class="rejected"><h2>Inputs not read</h2><ul>')
        parts.extend(f"<li><b>{escape(r.source)}</b>: {escape(r.reason)}</li>" for r in comparison.rejected)
        parts.append("</ul></section>")
    parts.append('<div class="columns">')
    parts.extend(_article_column(article) for article in comparison.articles)
    parts.append("</div>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts)


def _page_title(comparison: Comparison) -> str:
    titles = [a.title for a in comparison.articles if a.title]
    return f"Counterpoint: {titles[0]}" if titles else "Counterpoint comparison"


def _article_column(article: Article) -> str:
    meta = " &middot; ".join(
        escape(x) for x in (article.published.isoformat() if article.published else "date unknown", article.source)
    )
    out = [
        f'<article class="article" id="{escape(article.article_id)}">',
        f"<h2>{escape(article.outlet)}</h2>",
        f'<div class="meta">{meta}</div>',
    ]
    items: list[tuple[int, int, str]] = []  # (line, start, html)
    by_line: dict[int, list[str]] = {}
    starts: dict[int, int] = {}
    for sentence in article.sentences:
        text = escape(article.sentence_text(sentence))
        by_line.setdefault(sentence.line, []).append(
            f'<span class="s {sentence.role}" id="{escape(sentence.sentence_id)}" '
            f'title="{escape(sentence.sentence_id)} ({sentence.role})">{text}</span>'
        )
        starts.setdefault(sentence.line, sentence.start)
    for line, spans in by_line.items():
        items.append((line, starts[line], "<p>" + " ".join(spans) + "</p>"))
    for removal in article.removed:
        detail = f" ({escape(removal.detail)})" if removal.detail else ""
        items.append(
            (
                removal.line,
                removal.start,
                f'<p class="removed"><span class="reason">{escape(removal.reason)}{detail}</span>'
                f"{escape(removal.text)}</p>",
            )
        )
    out.extend(html for _, _, html in sorted(items))
    out.append("</article>")
    return "\n".join(out)


def write_html(comparison: Comparison, path: str | Path) -> None:
    Path(path).write_text(render_html(comparison), "utf-8")
