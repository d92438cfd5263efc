"""A self-contained HTML view: the articles side by side, roles marked, removals shown with their reasons.

All article text is escaped; the page loads nothing from outside.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from .. import __version__
from ..model import Article, Claim, Comparison

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
mark.ent{background:none;border-bottom:2px solid #9ab;padding:0}mark.PERSON{border-color:#c77}
mark.ORG{border-color:#7a7}mark.GPE,mark.LOC,mark.FAC{border-color:#79c}
.num{background:#fff3c4;border-radius:2px}.quoted{background:#f3f0ff}
table{border-collapse:collapse;font-size:13px;width:100%}td,th{border-bottom:1px solid #eee;padding:3px 6px;
text-align:left;vertical-align:top}th{color:#555}details{margin:0 0 8px}summary{cursor:pointer;font-weight:600}
body.hide-removed .removed{display:none}
.s.c-shared{box-shadow:inset 3px 0 0 #5a5}.s.c-conflicting{box-shadow:inset 3px 0 0 #d44}
.claim{border-top:1px solid #eee;padding:6px 0}.claim .outlet{font-weight:600;color:#444}
.badge{display:inline-block;font-size:11px;border-radius:3px;padding:0 5px;margin-right:6px;color:#fff}
.b-shared{background:#5a5}.b-conflicting{background:#d44}.b-revision,.b-other-source,.b-number{background:#c90}
.note{color:#a60;font-size:13px}
mark.frame{background:#ffe0e0;border-radius:2px}.digest li{margin-bottom:6px}.cite{font-size:12px;color:#666}
.b-single-source{background:#888}.b-disputed{background:#d44}.b-revised{background:#c90}
.matrix{overflow-x:auto;max-width:100%}table.coverage{width:auto}table.coverage td{text-align:center;padding:2px 3px}
table.coverage th[scope=row]{font-weight:400;max-width:420px;min-width:220px}
th.vertical{height:120px;vertical-align:bottom;padding:2px}th.vertical span{writing-mode:vertical-rl;
transform:rotate(180deg);white-space:nowrap;max-height:118px;overflow:hidden;text-overflow:ellipsis}
.cov-in{color:#2a7a2a}.cov-dispute{color:#b22}.cov-copy{color:#2a7a2a}.cov-out{color:#bbb}.legend{font-size:13px}
.sides{display:flex;flex-wrap:wrap;gap:10px}.side{flex:1 1 260px;border:1px solid #eee;border-radius:4px;
padding:4px 8px}.side .value{font-weight:700}.conflict{margin-bottom:10px}mark.evidence{background:#e4f2e4}
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
        + (f"&middot; claims aligned with {escape(comparison.embedder)} " if comparison.embedder else "")
        + '&middot; <label><input type="checkbox" id="toggle" checked> show removed lines</label></p>',
        "</header>",
    ]
    if comparison.rejected:
        parts.append('<section class="rejected"><h2>Inputs not read</h2><ul>')
        parts.extend(f"<li><b>{escape(r.source)}</b>: {escape(r.reason)}</li>" for r in comparison.rejected)
        parts.append("</ul></section>")
    parts.append(_findings(comparison))
    parts.append('<div class="columns">')
    parts.extend(_article_column(article, comparison) for article in comparison.articles)
    parts.append("</div>")
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts)


def _page_title(comparison: Comparison) -> str:
    titles = [a.title for a in comparison.articles if a.title]
    return f"Counterpoint: {titles[0]}" if titles else "Counterpoint comparison"


def _outlet_of(comparison: Comparison) -> dict[str, str]:
    return {s.sentence_id: a.outlet for a in comparison.articles for s in a.sentences}


def _findings(comparison: Comparison) -> str:
    outlet_of = _outlet_of(comparison)
    article_outlet = {a.article_id: a.outlet for a in comparison.articles}
    parts = ['<section class="findings">']
    parts.extend(_digest_panel(comparison))
    parts.extend(_claims_panel(comparison))
    parts.extend(_framing_panel(comparison))
    if comparison.entities:
        rows = []
        for entity in comparison.entities:
            outlets = sorted({article_outlet[m.article_id] for m in entity.mentions})
            forms = sorted({m.text for m in entity.mentions})
            rows.append(
                f"<tr><td>{escape(entity.name)}</td><td>{escape(entity.type)}</td><td>{len(entity.mentions)}</td>"
                f"<td>{escape(', '.join(outlets))}</td><td>{escape(' / '.join(forms))}</td></tr>"
            )
        parts.append(
            f"<details><summary>Entities ({len(comparison.entities)})</summary><table><tr><th>entity</th>"
            "<th>type</th><th>mentions</th><th>outlets</th><th>written as</th></tr>"
            + "".join(rows)
            + "</table></details>"
        )
    if comparison.quotes:
        rows = []
        for quote in comparison.quotes:
            via = " via " + ", ".join(quote.via) if quote.via else ""
            kind = "quoted" if quote.direct else "reported"
            rows.append(
                f"<tr><td>{escape(outlet_of.get(quote.sentence_id, ''))}</td><td>{escape(quote.speaker + via)}</td>"
                f'<td>{kind}</td><td><a href="#{escape(quote.sentence_id)}">{escape(quote.text)}</a></td></tr>'
            )
        parts.append(
            f"<details><summary>Who is quoted ({len(comparison.quotes)})</summary><table><tr><th>outlet</th>"
            "<th>speaker</th><th></th><th>words</th></tr>" + "".join(rows) + "</table></details>"
        )
    if comparison.quantities:
        rows = []
        for quantity in comparison.quantities:
            rows.append(
                f"<tr><td>{escape(outlet_of.get(quantity.sentence_id, ''))}</td><td>{quantity.value:,.10g}</td>"
                f"<td>{escape(quantity.counts)}</td><td>{escape(quantity.authority or '')}</td>"
                f'<td>{escape(quantity.as_of or "")}</td><td><a href="#{escape(quantity.sentence_id)}">'
                f"{escape(quantity.text)}</a></td></tr>"
            )
        parts.append(
            f"<details><summary>Numbers ({len(comparison.quantities)})</summary><table><tr><th>outlet</th>"
            "<th>value</th><th>counts</th><th>according to</th><th>period</th><th>as written</th></tr>"
            + "".join(rows)
            + "</table></details>"
        )
    parts.append("</section>")
    return "\n".join(parts) if len(parts) > 2 else ""


def _digest_panel(comparison: Comparison) -> list[str]:
    if not comparison.digest:
        return []
    outlet_of = _outlet_of(comparison)
    out = ['<details open class="digest"><summary>Digest (every sentence cites its sources)</summary><ol>']
    for sentence in comparison.digest:
        badge = (
            ""
            if sentence.status == "shared"
            else f'<span class="badge b-{escape(sentence.status)}">{escape(sentence.status)}</span>'
        )
        cites = ", ".join(f'<a href="#{escape(sid)}">{escape(outlet_of.get(sid, sid))}</a>' for sid in sentence.sources)
        out.append(f'<li>{badge}{escape(sentence.text)} <span class="cite">[{cites}]</span></li>')
    out.append("</ol></details>")
    return out


def _framing_panel(comparison: Comparison) -> list[str]:
    out: list[str] = []
    outlet_of = _outlet_of(comparison)
    if comparison.wording:
        out.append("<details><summary>Different words for the same thing</summary><table>")
        out.append("<tr><th>referent</th><th>wording by outlet</th></tr>")
        for wording in comparison.wording:
            cells = "; ".join(
                f'<a href="#{escape(sid)}">{escape(outlet)}</a>: &ldquo;{escape(text)}&rdquo;'
                for outlet, text, sid in wording.variants
            )
            out.append(f"<tr><td>{escape(wording.referent)}</td><td>{cells}</td></tr>")
        out.append("</table></details>")
    if comparison.framing:
        out.append(f"<details><summary>Framing notes ({len(comparison.framing)})</summary><table>")
        out.append("<tr><th>outlet</th><th>kind</th><th>as written</th><th>plainer</th></tr>")
        for note in sorted(comparison.framing, key=lambda n: (outlet_of.get(n.sentence_id, ""), n.start)):
            out.append(
                f"<tr><td>{escape(outlet_of.get(note.sentence_id, ''))}</td><td>{escape(note.kind)}</td>"
                f'<td><a href="#{escape(note.sentence_id)}">{escape(note.text)}</a></td>'
                f"<td>{escape(note.alternative)}</td></tr>"
            )
        out.append("</table></details>")
    if comparison.profiles:
        out.append("<details><summary>Outlet profiles</summary><table>")
        out.append("<tr><th>outlet</th><th>quotes or cites</th><th>framing notes</th><th>leaves out</th></tr>")
        for profile in comparison.profiles:
            quoted = ", ".join(
                f"{q.speaker}{f' ({q.affiliation})' if q.affiliation else ''} &times;{q.count}" for q in profile.quoted
            )
            framing = ", ".join(f"{kind} {n}" for kind, n in profile.framing.items()) or "none"
            out.append(
                f"<tr><td>{escape(profile.outlet)}</td><td>{escape(quoted).replace('&amp;times;', '&times;')}</td>"
                f"<td>{escape(framing)}</td><td>{len(profile.omits)} shared claims</td></tr>"
            )
        out.append("</table></details>")
    return out


# The coverage matrix shows this many claims (most widely carried first); the rest are listed below it.
MATRIX_MAX_CLAIMS = 60


def _claim_label(claim: Claim, comparison: Comparison) -> str:
    """A short text for a claim: its shortest evidence span."""
    texts = {a.article_id: a.text for a in comparison.articles}
    spans = [texts[u.article_id][u.start : u.end] for u in claim.units]
    label = min(spans, key=len) if spans else claim.claim_id
    return label if len(label) <= 110 else label[:107] + "..."


def _claims_panel(comparison: Comparison) -> list[str]:
    shared = [c for c in comparison.claims if c.status != "unique"]
    if not shared:
        return []
    outlets = sorted({a.outlet for a in comparison.articles})
    out = [_coverage_matrix(shared, outlets, comparison)]
    conflicts = [c for c in shared if c.status == "conflicting"]
    if conflicts:
        out.append(f"<details open><summary>Where outlets disagree ({len(conflicts)})</summary>")
        out.extend(_conflict_table(c, comparison) for c in conflicts)
        out.append("</details>")
    texts = {a.article_id: a for a in comparison.articles}
    sentence_of = {s.sentence_id: s for a in comparison.articles for s in a.sentences}
    out.append(f"<details><summary>Every claim with its evidence ({len(shared)})</summary>")
    for claim in shared:
        badge = f'<span class="badge b-{escape(claim.status)}">{escape(claim.status)}</span>'
        if claim.kind and claim.kind != claim.status:
            badge += f'<span class="badge b-{escape(claim.kind)}">{escape(claim.kind)}</span>'
        cohesion = f" &middot; cohesion {claim.cohesion:.2f}" if claim.cohesion is not None else ""
        out.append(
            f'<div class="claim" id="{escape(claim.claim_id)}">{badge}{claim.independent_outlets()} '
            f"independent outlets{cohesion}"
        )
        if claim.note:
            out.append(f'<div class="note">{escape(claim.note)}</div>')
        out.append("<ul>")
        for unit in claim.units:
            article, sentence = texts[unit.article_id], sentence_of[unit.sentence_id]
            copy = f" (copy of {escape(claim.copies[article.outlet])})" if article.outlet in claim.copies else ""
            evidence = _marked(article, sentence.start, sentence.end, [(unit.start, unit.end, "evidence", "")])
            out.append(
                f'<li><span class="outlet">{escape(article.outlet)}</span>{copy}: '
                f'<a href="#{escape(unit.sentence_id)}">{evidence}</a></li>'
            )
        out.append("</ul></div>")
    out.append("</details>")
    missing = [(outlet, ids) for outlet, ids in sorted(comparison.omissions.items()) if ids]
    if missing:
        out.append("<details><summary>What each outlet leaves out</summary><ul>")
        for outlet, ids in missing:
            links = ", ".join(f'<a href="#{escape(i)}">{escape(i)}</a>' for i in ids)
            out.append(f"<li><b>{escape(outlet)}</b> does not carry {len(ids)} shared claims: {links}</li>")
        out.append("</ul></details>")
    return out


def _coverage_matrix(claims: list[Claim], outlets: list[str], comparison: Comparison) -> str:
    """Claims by outlets: which outlet carries each claim, disputes it, carries a copy, or leaves it out."""
    rows = []
    for claim in claims[:MATRIX_MAX_CLAIMS]:
        cells = []
        for outlet in outlets:
            if outlet not in claim.outlets:
                cells.append('<td class="cov-out" title="leaves out">&middot;</td>')
            elif claim.status == "conflicting":
                value = claim.values.get(outlet, "")
                cells.append(f'<td class="cov-dispute" title="{escape(outlet)}: {escape(value)}">&#9670;</td>')
            elif outlet in claim.copies:
                cells.append(f'<td class="cov-copy" title="copy of {escape(claim.copies[outlet])}">&#9675;</td>')
            else:
                cells.append(f'<td class="cov-in" title="{escape(outlet)} carries it">&#9679;</td>')
        label = escape(_claim_label(claim, comparison))
        rows.append(
            f'<tr><th scope="row"><a href="#{escape(claim.claim_id)}">{label}</a></th>'
            f"<td>{claim.independent_outlets()}</td>{''.join(cells)}</tr>"
        )
    header = "".join(
        f'<th scope="col" class="vertical" title="{escape(o)}"><span>{escape(o)}</span></th>' for o in outlets
    )
    more = len(claims) - MATRIX_MAX_CLAIMS
    tail = f"<p>{more} more claims are listed below.</p>" if more > 0 else ""
    return (
        f"<details open><summary>Coverage: {len(claims)} claims by {len(outlets)} outlets</summary>"
        '<p class="legend">&#9679; carries &middot; &#9670; disputes &middot; &#9675; carries a copy &middot; '
        "&middot; leaves out</p>"
        '<div class="matrix"><table class="coverage"><tr><th scope="col">claim</th><th scope="col">outlets</th>'
        f"{header}</tr>{''.join(rows)}</table></div>{tail}</details>"
    )


def _conflict_table(claim: Claim, comparison: Comparison) -> str:
    """One disagreement side by side: each value, the outlets that give it and their evidence."""
    texts = {a.article_id: a for a in comparison.articles}
    sides: dict[str, list[str]] = {}
    for unit in claim.units:
        article = texts[unit.article_id]
        value = claim.values.get(article.outlet, "")
        sides.setdefault(value, []).append(
            f"<li><b>{escape(article.outlet)}</b>: "
            f'<a href="#{escape(unit.sentence_id)}">{escape(article.text[unit.start : unit.end])}</a></li>'
        )
    cells = "".join(
        f'<div class="side"><div class="value">{escape(value) or "&nbsp;"}</div><ul>{"".join(items)}</ul></div>'
        for value, items in sides.items()
    )
    return (
        f'<div class="conflict" id="{escape(claim.claim_id)}-sides"><div class="note">{escape(claim.kind or "")}: '
        f'{escape(claim.note)}</div><div class="sides">{cells}</div></div>'
    )


def _marked(article: Article, start: int, end: int, marks: list[tuple[int, int, str, str]]) -> str:
    """Escaped ``article.text[start:end]`` with non-overlapping marks (start, end, css class, title)."""
    out, cursor = [], start
    for m_start, m_end, css, title in sorted(marks):
        if m_start < cursor or m_end > end:
            continue
        out.append(escape(article.text[cursor:m_start]))
        out.append(f'<mark class="{css}" title="{escape(title)}">{escape(article.text[m_start:m_end])}</mark>')
        cursor = m_end
    out.append(escape(article.text[cursor:end]))
    return "".join(out)


def _article_column(article: Article, comparison: Comparison) -> str:
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
    marks = [
        (m.start, m.end, f"ent {e.type}", e.name)
        for e in comparison.entities
        for m in e.mentions
        if m.article_id == article.article_id
    ]
    marks += [(q.start, q.end, "num", q.counts) for q in comparison.quantities if q.article_id == article.article_id]
    marks += [
        (n.start, n.end, "frame", f"{n.kind}: plainer '{n.alternative}'")
        for n in comparison.framing
        if n.article_id == article.article_id
    ]
    speakers: dict[str, list[str]] = {}
    for quote in comparison.quotes:
        if quote.article_id == article.article_id:
            speakers.setdefault(quote.sentence_id, []).append(quote.speaker)
    status: dict[str, str] = {}
    for claim in comparison.claims:
        for sentence_id in claim.sentence_ids:
            if claim.status != "unique" and status.get(sentence_id) != "conflicting":
                status[sentence_id] = claim.status
    for sentence in article.sentences:
        inside = [m for m in marks if sentence.start <= m[0] and m[1] <= sentence.end]
        text = _marked(article, sentence.start, sentence.end, inside)
        classes = " quoted" if sentence.sentence_id in speakers else ""
        if sentence.sentence_id in status:
            classes += f" c-{status[sentence.sentence_id]}"
        title = f"{sentence.sentence_id} ({sentence.role})"
        if sentence.sentence_id in speakers:
            title += " - speaker: " + ", ".join(speakers[sentence.sentence_id])
        by_line.setdefault(sentence.line, []).append(
            f'<span class="s {sentence.role}{classes}" id="{escape(sentence.sentence_id)}" '
            f'title="{escape(title)}">{text}</span>'
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
