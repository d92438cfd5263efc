from __future__ import annotations

import json

import jsonschema
from rich.console import Console

from counterpoint.model import Claim, ClaimUnit, Comparison, Rejection
from counterpoint.report.html_report import render_html
from counterpoint.report.json_report import SCHEMA_VERSION, load_schema, report_dict
from counterpoint.report.terminal import print_summary

from .conftest import make_article

HOSTILE = 'Officials said <script>alert("x")</script> & more.\nREAD MORE: <b>bold</b> teaser'


def test_json_report_follows_the_schema_and_has_unique_sentence_ids() -> None:
    articles = [make_article(HOSTILE, outlet="A"), make_article("Different text here.\nSecond line.", outlet="B")]
    comparison = Comparison(articles=articles, rejected=[Rejection("x.bin", "binary file")])
    report = json.loads(json.dumps(report_dict(comparison)))
    jsonschema.validate(report, load_schema())
    assert report["schema"] == SCHEMA_VERSION
    ids = [s["id"] for a in report["articles"] for s in a["sentences"]]
    assert len(ids) == len(set(ids)) > 0
    for key in ("claims", "entities", "quantities", "quotes", "framing", "digest"):
        assert report[key] == []
    assert report["rejected"] == [{"source": "x.bin", "reason": "binary file"}]
    first = report["articles"][0]
    assert first["removed"][0]["reason"] == "teaser"
    for sentence in first["sentences"]:
        assert first["text"][sentence["start"] : sentence["end"]] == sentence["text"]


def test_html_escapes_article_text() -> None:
    page = render_html(Comparison(articles=[make_article(HOSTILE)], rejected=[Rejection("<x>.txt", "empty")]))
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page
    assert "&lt;x&gt;.txt" in page
    assert 'src="http' not in page and 'href="http' not in page


def _story() -> Comparison:
    texts = [
        "The bridge at Orno closed on Monday. The army said 40 km west of Orno was flooded.",
        "The bridge at Orno closed on Monday. The army said 40 km south of Orno was flooded.",
        "Orno's bridge shut on Monday after the flood.",
    ]
    articles = [make_article(t, outlet=f"Outlet <{i}>") for i, t in enumerate(texts)]
    units = [ClaimUnit(a.article_id, a.body()[0].sentence_id, a.body()[0].start, a.body()[0].end) for a in articles]
    shared = Claim("c1", "shared", [u.sentence_id for u in units], [a.outlet for a in articles], units=units)
    shared.copies = {"Outlet <1>": "Outlet <0>"}
    sides = [ClaimUnit(a.article_id, a.body()[1].sentence_id, a.body()[1].start, a.body()[1].end) for a in articles[:2]]
    conflict = Claim(
        "k1", "conflicting", [u.sentence_id for u in sides], ["Outlet <0>", "Outlet <1>"], kind="place", units=sides
    )
    conflict.values = {"Outlet <0>": "west", "Outlet <1>": "<south>"}
    return Comparison(articles=articles, claims=[shared, conflict])


def test_html_shows_coverage_and_conflicts_side_by_side() -> None:
    page = render_html(_story())
    assert "Coverage: 2 claims by 3 outlets" in page
    assert page.count('class="cov-dispute"') == 2 and page.count('class="cov-out"') == 1
    assert 'class="cov-copy"' in page  # the verbatim copy is shown as one
    assert '<div class="value">west</div>' in page and "&lt;south&gt;" in page and "<south>" not in page
    assert "Outlet &lt;2&gt;" in page and "Outlet <2>" not in page


def test_terminal_summary_draws_the_coverage_matrix() -> None:
    console = Console(record=True, width=120)
    print_summary(_story(), console)
    out = console.export_text()
    assert "Coverage" in out and "●○●" in out  # carries, copy, carries
    assert "conflict (place) west: Outlet <0> | <south>: Outlet <1>" in out


def test_terminal_summary_never_reads_article_text_as_markup() -> None:
    story = _story()
    for article in story.articles:
        article.outlet = f"[/b]{article.outlet}[red]"
    story.claims[1].values = {"[/b]Outlet <0>[red]": "[/i]west", "[/b]Outlet <1>[red]": "south"}
    story.rejected = [Rejection("[/x].txt", "empty [/b]")]
    console = Console(record=True, width=160)
    print_summary(story, console)
    out = console.export_text()
    assert "[/b]Outlet <0>[red]" in out and "[/i]west" in out and "[/x].txt" in out
