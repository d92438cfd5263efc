from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import re
from html.parser import HTMLParser

import jsonschema
from rich.console import Console

from counterpoint.model import Article, Claim, ClaimUnit, Comparison, Rejection
from counterpoint.report.html_report import render_html
from counterpoint.report.json_report import SCHEMA_VERSION, load_schema, report_dict
from counterpoint.report.terminal import print_summary
from counterpoint.report.timeline import build_timeline

from .conftest import make_article

HOSTILE = 'Officials said <script>alert("x")</script> & more.\nREAD MORE: <b>bold</b> teaser'
HOSTILE_PAGE = "\n".join(
    [
        '<img src=x onerror="alert(1)"> Orno <script>alert(2)</script> harbour reopened on Monday.',
        'Officials said <a href="javascript:alert(3)">the quay</a> was safe <svg onload=alert(4)>.',
        "READ MORE: <iframe src=javascript:alert(5)></iframe>",
    ]
)


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


class Markup(HTMLParser):
    """The live markup of a page: tags, attributes, ids, and the text of its style elements."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str, str]] = []  # tag, name, value
        self.ids: set[str] = set()
        self.styles: list[str] = []
        self._in_style = False
        self.policy = ""  # the Content-Security-Policy of a <meta http-equiv>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        if tag == "meta" and ("http-equiv", "Content-Security-Policy") in attrs:
            self.policy = dict(attrs).get("content") or ""
        for name, value in attrs:
            self.attributes.append((tag, name, value or ""))
            if name == "id":
                self.ids.add(value or "")

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def assert_self_contained(page: str) -> Markup:
    """A page that works offline and runs nothing: no script, frame, object, image or external stylesheet; no
    event handler, inline style attribute or script URL; every link an anchor of the page (which exists) or
    a web page out; one inlined stylesheet, the only one the page's Content-Security-Policy allows."""
    markup = Markup()
    markup.feed(page)
    live = {"script", "iframe", "frame", "object", "embed", "svg", "img", "base", "link", "form", "input"}
    assert not live & set(markup.tags), live & set(markup.tags)
    for tag, name, value in markup.attributes:
        assert not name.startswith("on") and name not in ("style", "src", "srcdoc", "action"), (tag, name)
        assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (tag, name, value)
        if name == "href":
            assert value.startswith(("#", "https://", "http://")), value
            if value.startswith("#"):
                assert value[1:] in markup.ids, value
    assert markup.tags.count("style") == 1 and markup.tags.count("h1") == 1
    policy = markup.policy
    assert policy.startswith("default-src 'none'; ")
    css = "".join(markup.styles)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    assert f"style-src 'sha256-{digest}';" in policy and "--text-fg" in css
    return markup


def test_html_escapes_article_text() -> None:
    article = make_article(HOSTILE_PAGE, outlet="<script>alert(6)</script>Evil <b onmouseover=alert(7)>Times</b>")
    article.url = "javascript:alert(8)"
    article.title = "<img src=x onerror=alert(9)> title"
    first = article.body()[0]
    claim = Claim(
        "c1", "unique", [first.sentence_id], [article.outlet], units=[ClaimUnit(article.article_id, *_span(article, 0))]
    )
    page = render_html(
        Comparison(articles=[article], claims=[claim], rejected=[Rejection("<x onload=alert(10)>.txt", "<b>empty</b>")])
    )
    assert_self_contained(page)
    assert "<script>alert" not in page and "<b onmouseover" not in page
    assert "&lt;script&gt;alert(2)&lt;/script&gt;" in page and "&lt;svg onload=alert(4)&gt;" in page
    assert "&lt;x onload=alert(10)&gt;.txt" in page and "&lt;b&gt;empty&lt;/b&gt;" in page
    assert "the original page" not in page  # a javascript: URL never becomes a link


def _span(article: Article, index: int) -> tuple[str, int, int]:
    sentence = article.body()[index]
    return sentence.sentence_id, sentence.start, sentence.end


def _story() -> Comparison:
    texts = [
        "The bridge at Orno closed on Monday. The army said 40 km west of Orno was flooded.",
        'The bridge at Orno closed on Monday. "The army said 40 km south of Orno was flooded," a witness said.',
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


def test_html_shows_coverage_conflicts_and_every_article_in_one_file() -> None:
    story = _story()
    page = render_html(story)
    markup = assert_self_contained(page)
    coverage = page.split('<section id="coverage"')[1].split("</section>")[0]
    assert "Carries (2)" in coverage and "Carries a copy (1)" in coverage and "Disputes (2)" in coverage
    assert "Leaves out (1)" in coverage and 'Outlet &lt;1&gt; <span class="of">(of Outlet &lt;0&gt;)</span>' in coverage
    differences = page.split('<section id="differences"')[1].split("</section>\n</div>")[0]
    assert '<p class="value">west</p>' in differences and '<p class="value">&lt;south&gt;</p>' in differences
    assert "<south>" not in page and "Outlet <2>" not in page
    for article in story.articles:  # each article's text follows the story, its sentences anchors
        assert f"article-{article.article_id}" in markup.ids
        assert {s.sentence_id for s in article.sentences} <= markup.ids


def test_the_timeline_holds_only_what_the_text_dates() -> None:
    published = dt.date(2025, 6, 4)  # a Wednesday
    texts = [
        "The Orno bridge closed on Monday after the flood. The mayor said on Tuesday that it would reopen on Friday.",
        "Orno's bridge shut on Monday because of the flood. Repairs began.",
        "The bridge at Orno closed after the flood, on Sunday. Engineers inspected it on Tuesday and on Wednesday.",
    ]
    articles = [make_article(t, outlet=f"Outlet {i}", published=published) for i, t in enumerate(texts)]
    articles.append(make_article("Orno's bridge closed on Monday.", outlet="Undated", published=None))

    def unit(article: Article, index: int) -> ClaimUnit:
        return ClaimUnit(article.article_id, *_span(article, index))

    closed = [unit(a, 0) for a in articles]
    claims = [
        Claim("closed", "shared", [u.sentence_id for u in closed], [a.outlet for a in articles], units=closed),
        Claim("said", "unique", [closed[0].sentence_id], ["Outlet 0"], units=[unit(articles[0], 1)]),
        Claim("repairs", "unique", [], ["Outlet 1"], units=[unit(articles[1], 1)]),
        Claim("inspected", "unique", [], ["Outlet 2"], units=[unit(articles[2], 1)]),
    ]
    entries = build_timeline(Comparison(articles=articles, claims=claims))
    found = [(e.date.isoformat(), e.kind, e.claim_id, sorted(s.outlet for s in e.sources)) for e in entries]
    assert found == [
        ("2025-06-01", "event", "closed", ["Outlet 2"]),  # outlets that date it differently: on each day
        ("2025-06-02", "event", "closed", ["Outlet 0", "Outlet 1"]),  # "Undated" cannot resolve "Monday"
        ("2025-06-03", "event", "inspected", ["Outlet 2"]),  # a span naming two days is on both
        ("2025-06-04", "event", "inspected", ["Outlet 2"]),
        ("2025-06-04", "published", None, ["Outlet 0", "Outlet 1", "Outlet 2"]),
        ("2025-06-06", "expected", "said", ["Outlet 0"]),  # "said on Tuesday" dates the statement only
    ]
    monday = entries[1]
    assert monday.text == "The Orno bridge closed on Monday after the flood." and monday.sources[0].relative
    assert [s.text for s in monday.sources] == ["on Monday", "on Monday"]
    only_said = Claim("s", "unique", [], ["Outlet 0"], units=[ClaimUnit(articles[0].article_id, *_said(articles[0]))])
    said = build_timeline(Comparison(articles=articles[:1], claims=[only_said]))
    assert [(e.date.isoformat(), e.kind) for e in said] == [("2025-06-03", "statement"), ("2025-06-04", "published")]
    report = report_dict(Comparison(articles=articles, claims=claims))
    jsonschema.validate(report, load_schema())
    assert report["timeline"][0]["sources"][0]["text"] == "on Sunday"


def _said(article: Article) -> tuple[str, int, int]:
    """The span of the second sentence up to its second date: "The mayor said on Tuesday"."""
    sentence = article.body()[1]
    return sentence.sentence_id, sentence.start, sentence.start + len("The mayor said on Tuesday")


def test_terminal_summary_draws_the_coverage_matrix() -> None:
    from counterpoint.stages.align import omissions

    story = _story()
    story.omissions = omissions(story)
    console = Console(record=True, width=120)
    print_summary(story, console)
    out = console.export_text()
    # the conflict is carried by two of three outlets (most of them): the third leaves it out
    assert "Leaves out claims most outlets carry (2): Outlet <2> 1" in out
    assert "Coverage" in out and "●○●" in out  # carries, copy, carries
    assert "conflict (place) west: Outlet <0> | <south>: Outlet <1>" in out
    # each side in its own words, so that a reader sees what is disputed
    assert "west: “The army said 40 km west of Orno was flooded.”" in out
    assert '<south>: "The army said 40 km south of Orno was flooded," a witness said.' in out  # no doubled marks


def test_the_coverage_matrix_of_40_outlets_fits_an_80_column_terminal() -> None:
    articles = [
        make_article("The harbour of Orno closed on Monday after the storm.", outlet=f"Outlet {i:02d}")
        for i in range(40)
    ]
    units = [ClaimUnit(a.article_id, *_span(a, 0)) for a in articles[::2]]
    claim = Claim("c1", "shared", [u.sentence_id for u in units], [a.outlet for a in articles[::2]], units=units)
    console = Console(record=True, width=80)
    print_summary(Comparison(articles=articles, claims=[claim]), console)
    rows = [line for line in console.export_text().splitlines() if "●·●" in line]
    assert rows and all(len(line) <= 80 for line in rows)
    assert "│ 20 │ " + "●·" * 20 + " │" in rows[0]  # every outlet's mark, and the count beside them


def test_claims_that_open_alike_stay_apart_in_a_narrow_coverage_matrix() -> None:
    # 40 outlets leave an 80-column terminal 26 characters for a claim: its label runs over two lines
    articles = [
        make_article(
            f"The harbour of Orno closed on Monday after the {'storm' if i % 2 else 'flood'}.", outlet=f"O {i:02d}"
        )
        for i in range(40)
    ]
    claims = []
    for parity in (0, 1):
        units = [ClaimUnit(a.article_id, *_span(a, 0)) for a in articles[parity::2]]
        outlets = [a.outlet for a in articles[parity::2]]
        claims.append(Claim(f"c{parity}", "shared", [u.sentence_id for u in units], outlets, units=units))
    console = Console(record=True, width=80)
    print_summary(Comparison(articles=articles, claims=claims), console)
    out = console.export_text()
    assert "after the flood." in out and "after the storm." in out
    assert all(len(line) <= 80 for line in out.splitlines() if "│" in line)


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
