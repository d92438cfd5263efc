from __future__ import annotations

import json

import jsonschema

from counterpoint.model import Comparison, Rejection
from counterpoint.report.html_report import render_html
from counterpoint.report.json_report import SCHEMA_VERSION, load_schema, report_dict

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
