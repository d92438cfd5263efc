"""The terminal summary of a comparison (rich)."""

from __future__ import annotations

import textwrap
from collections import Counter

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from ..model import Comparison
from ..text import evidence_label


def print_summary(comparison: Comparison, console: Console | None = None) -> None:
    """Print one row per article (what was kept and removed) and every rejected input."""
    console = console or Console()
    table = Table(title="Articles", show_lines=False)
    table.add_column("outlet", no_wrap=True, max_width=28, overflow="ellipsis")
    table.add_column("published", no_wrap=True, min_width=10)
    table.add_column("kept", justify="right", no_wrap=True)
    table.add_column("removed (reason)", overflow="fold", min_width=20)
    for article in comparison.articles:
        removed = Counter(r.reason for r in article.removed)
        table.add_row(
            Text(article.outlet),
            article.published.isoformat() if article.published else "-",
            str(len(article.sentences)),
            ", ".join(f"{reason} {n}" if n > 1 else reason for reason, n in sorted(removed.items())) or "-",
        )
    console.print(table)
    _print_claims(comparison, console)
    _print_digest(comparison, console)
    sections = {
        "entities": len(comparison.entities),
        "quotes": len(comparison.quotes),
        "quantities": len(comparison.quantities),
        "framing notes": len(comparison.framing),
        "digest sentences": len(comparison.digest),
    }
    found = ", ".join(f"{n} {name}" for name, n in sections.items() if n)
    if found:
        console.print(f"Found: {found}.")
    for rejection in comparison.rejected:
        console.print(f"[red]rejected[/red] {escape(rejection.source)}: {escape(rejection.reason)}", highlight=False)


# The terminal counts, for each outlet, the claims it leaves out that at least this share of outlets carry.
WIDELY_CARRIED_SHARE = 0.5
# The terminal shows this many claims in its coverage matrix, most widely carried first.
TERMINAL_MATRIX_CLAIMS = 15
# The coverage table's borders, padding and its "n" column take this many characters; the claim's column
# keeps at least TERMINAL_MIN_CLAIM_CHARS.
TERMINAL_TABLE_FRAME = 14
TERMINAL_MIN_CLAIM_CHARS = 16
# A claim's label in the coverage matrix runs over at most this many lines: on a narrow column (40 outlets in 80
# characters leave it 26) one line cuts claims that open alike ("A woman has spent $20,000 ...") to the same words.
TERMINAL_CLAIM_LINES = 2
# A conflict's evidence is cut to this many characters in the terminal (the JSON and HTML keep it whole).
TERMINAL_EVIDENCE_CHARS = 110


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TERMINAL_EVIDENCE_CHARS else text[: TERMINAL_EVIDENCE_CHARS - 1].rstrip() + "…"


def _print_claims(comparison: Comparison, console: Console) -> None:
    if not comparison.claims:
        return
    status = Counter(c.status for c in comparison.claims)
    console.print(
        f"Claims: {status.get('shared', 0)} shared, {status.get('conflicting', 0)} conflicting, "
        f"{status.get('unique', 0)} unique to one outlet.",
        highlight=False,
    )
    shared = [c for c in comparison.claims if c.status != "unique"]
    outlets = sorted({a.outlet for a in comparison.articles})
    texts = {a.article_id: a.text for a in comparison.articles}
    if shared:
        table = Table(title="Coverage (● carries, ◆ disputes, ○ copy, · leaves out)", show_lines=False)
        # the matrix keeps one character per outlet: the claim's column gives way on a narrow terminal
        room = console.width - len(outlets) - TERMINAL_TABLE_FRAME
        width = max(TERMINAL_MIN_CLAIM_CHARS, min(48, room))
        table.add_column("claim", overflow="ellipsis", no_wrap=True, width=width)
        table.add_column("n", justify="right", min_width=2, no_wrap=True)
        # one character per outlet, in the order of the legend below: 40 outlets still fit a terminal
        table.add_column("".join(str(n % 10) for n in range(1, len(outlets) + 1)), no_wrap=True, min_width=len(outlets))
        for claim in shared[:TERMINAL_MATRIX_CLAIMS]:
            label = evidence_label([texts[u.article_id][u.start : u.end] for u in claim.units])
            marks = [
                "·"
                if outlet not in claim.outlets
                else "◆"
                if claim.status == "conflicting"
                else "○"
                if outlet in claim.copies
                else "●"
                for outlet in outlets
            ]
            table.add_row(Text(_wrapped(label, width)), str(claim.independent_outlets()), "".join(marks))
        console.print(table)
        legend = "  ".join(f"{n}={o}" for n, o in enumerate(outlets, start=1))
        console.print("  " + legend, highlight=False, markup=False)
    outlet_of = {a.article_id: a.outlet for a in comparison.articles}
    for claim in comparison.claims:
        if claim.status == "conflicting":
            sides: dict[str, list[str]] = {}
            for outlet, value in claim.values.items():
                sides.setdefault(value, []).append(outlet)
            told = " | ".join(f"{value}: {', '.join(sorted(o))}" for value, o in sides.items())
            console.print(f"  [red]conflict[/red] ({escape(claim.kind or '')}) {escape(told)}", highlight=False)
            # each side in its own words: "affirms" and "denies" mean nothing without what is affirmed
            evidence = {outlet_of[u.article_id]: texts[u.article_id][u.start : u.end] for u in claim.units}
            for value, side in sides.items():
                said = next((evidence[o] for o in sorted(side) if o in evidence), "")
                if said:
                    shown = _shorten(said)
                    quoted = shown if shown[:1] in '"\u201c\u2018' else f"\u201c{shown}\u201d"  # no doubled marks
                    console.print(f"    {value}: {quoted}", highlight=False, markup=False, emoji=False)
        elif claim.kind and claim.note:
            console.print(f"  [yellow]{escape(claim.kind)}[/yellow] {escape(claim.note)}", highlight=False)
    # what most outlets carry and one leaves out says something; at 40 outlets every outlet leaves out most
    # of the claims a few others share (the JSON report lists them all)
    widely = {
        c.claim_id
        for c in comparison.claims
        if c.status != "unique" and c.independent_outlets() >= max(2, WIDELY_CARRIED_SHARE * len(outlets))
    }
    missing = {outlet: n for outlet, ids in comparison.omissions.items() if (n := sum(i in widely for i in ids))}
    if missing:
        console.print(
            f"Leaves out claims most outlets carry ({len(widely)}): "
            + ", ".join(f"{o} {n}" for o, n in sorted(missing.items())),
            highlight=False,
            markup=False,
        )


def _print_digest(comparison: Comparison, console: Console) -> None:
    if not comparison.digest:
        return
    console.print("Digest:", highlight=False)
    for number, sentence in enumerate(comparison.digest, start=1):
        flag = "" if sentence.status == "shared" else f" [{sentence.status}]"
        console.print(
            f"  {number}. {sentence.text} ({', '.join(sentence.outlets)}){flag}", highlight=False, markup=False
        )
    notes = Counter(note.article_id for note in comparison.framing)
    if notes:
        outlet_of = {a.article_id: a.outlet for a in comparison.articles}
        counts = ", ".join(f"{outlet_of[a]} {n}" for a, n in sorted(notes.items(), key=lambda x: outlet_of[x[0]]))
        console.print(f"Framing notes: {counts}", highlight=False, markup=False)


def _wrapped(label: str, width: int) -> str:
    """``label`` over at most TERMINAL_CLAIM_LINES lines of ``width``, the last ending in "…" when cut."""
    lines = textwrap.wrap(label, width) or [""]
    if len(lines) > TERMINAL_CLAIM_LINES:
        lines = lines[:TERMINAL_CLAIM_LINES]
        lines[-1] = lines[-1][: width - 1].rstrip() + "\u2026"
    return "\n".join(lines)
