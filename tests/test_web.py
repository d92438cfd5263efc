"""The web app, in process: every page and its JSON twin, a crawl of every link with a hostile article in the
store (no live markup anywhere), security headers, 404s, the token and CSRF guard, the compare page (paste,
upload, URLs from a loopback server, limits, hostile input), the timeline, the story page and
``compare --html`` agreeing, and the colour contrast.

The harbour-fire story is compared for real once (spaCy and MiniLM: ~20 s); the hostile story's comparison
and those of the compare page's stories are built by hand, with hostile text in every field a page shows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gzip
import http.server
import json
import re
import threading
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import urldefrag

import jsonschema
import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from counterpoint.model import (
    Claim,
    ClaimUnit,
    Comparison,
    DigestSentence,
    Entity,
    FramingNote,
    Mention,
    OutletProfile,
    Quantity,
    Quote,
    QuotedSource,
    Rejection,
    Wording,
)
from counterpoint.pipeline import compare_story, ingest_corpus
from counterpoint.report.html_report import render_html
from counterpoint.report.json_report import load_schema
from counterpoint.store import SQLStore, StorySummary, open_store
from counterpoint.web import create_app, inputs
from counterpoint.web.app import CONTENT_SECURITY_POLICY
from counterpoint.web.cache import ComparisonCache
from counterpoint.web.guard import CSRF_COOKIE
from counterpoint.web.views import claim_label, matches, representative_title

from .conftest import EXAMPLES
from .test_report import assert_self_contained

HARBOUR = "sb826861b67fb"
EVIL = "<script>alert('x')</script>"
TOKEN = "a-test-token-of-enough-length"
HOSTILE_RECORD = {
    "outlet": "<script>alert('outlet')</script>Evil <b onmouseover=alert(6)>Times</b>",
    "title": "<img src=x onerror=alert('title')> Bakers <iframe src=javascript:alert(7)> fill Tarvik",
    "url": "javascript:alert('url')",
    "published": "2025-03-13",
    "text": "\n".join(
        [
            "<script>alert('body')</script> The Lumen bakery festival opened in Tarvik on Saturday with "
            '<img src=x onerror="alert(1)"> record crowds of bakers.',
            'Organisers said 3,000 visitors came <a href="javascript:alert(2)">to the square</a> before noon.',
            '<iframe src="javascript:alert(3)"></iframe> Mayor Ana Ruiz said the festival would return next year.',
            "READ MORE: <a href=javascript:alert(4)>the best loaves of the year</a>",
            'The baker Jon Vell said "<svg onload=alert(5)>" was the name of his new rye bread.',
        ]
    ),
}


def recording(calls: list[str]) -> Callable[[SQLStore, str], Comparison]:
    """A comparer that records the stories it is asked for and answers with the hostile comparison."""

    def comparer(store: SQLStore, story_id: str) -> Comparison:
        calls.append(story_id)
        return hostile_comparison(store, story_id)

    return comparer


def hostile_comparison(store: SQLStore, story_id: str) -> Comparison:
    """A comparison of the hostile story made by hand: hostile text in every field the pages show."""
    articles = [article for article, _ in store.story_articles(story_id)]
    article = articles[0]
    aid, outlet = article.article_id, article.outlet
    first, second = article.body()[:2]
    units = [ClaimUnit(aid, first.sentence_id, first.start + 31, first.end)]
    return Comparison(
        articles=articles,
        rejected=[Rejection(EVIL + ".txt", "<img src=x onerror=alert(8)>")],
        stages={"hand": "1"},
        embedder=EVIL,
        claims=[
            Claim("k1", "conflicting", [first.sentence_id], [outlet], "number", {outlet: EVIL}, [], EVIL, units),
            Claim("c2", "unique", [second.sentence_id], [outlet], units=[ClaimUnit(aid, *_span(second))]),
        ],
        entities=[Entity("e1", EVIL, "PERSON", [Mention(aid, second.sentence_id, second.start, second.end, EVIL)])],
        quotes=[Quote("q1", aid, first.sentence_id, first.start, first.end, EVIL, "<svg onload=alert(9)>")],
        quantities=[Quantity(aid, second.sentence_id, second.start, second.end, EVIL, 3000.0, EVIL, EVIL, EVIL)],
        framing=[FramingNote(aid, first.sentence_id, first.start, first.start + 8, EVIL, EVIL, EVIL)],
        digest=[DigestSentence(EVIL, [first.sentence_id], "disputed", [outlet])],
        wording=[Wording(EVIL, [(outlet, EVIL, first.sentence_id)])],
        profiles=[OutletProfile(outlet, [QuotedSource(EVIL, EVIL, 2)], {EVIL: 1}, [])],
    )


def _span(sentence: Any) -> tuple[str, int, int]:
    return sentence.sentence_id, sentence.start, sentence.end


class Site:
    def __init__(self, client: TestClient, store: SQLStore, hostile_story: str, hostile_article: str) -> None:
        self.client, self.store = client, store
        self.hostile_story, self.hostile_article = hostile_story, hostile_article
        self.compared: dict[str, Comparison] = {}  # what the comparer returned, by story


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", "utf-8")
    store = open_store(folder / "news.db")
    ingest_corpus([EXAMPLES, folder / "hostile.jsonl"], store)
    store.close()
    return folder / "news.db"


@pytest.fixture(scope="module")
def site(store_path: Path) -> Iterator[Site]:
    compared: dict[str, Comparison] = {}

    def comparer(store: SQLStore, story_id: str) -> Comparison:
        made = compare_story(store, story_id) if story_id == HARBOUR else hostile_comparison(store, story_id)
        compared[story_id] = made
        return made

    store = open_store(store_path)
    hostile = next(s for s in store.stories() if s.story_id != HARBOUR)
    article = store.story_articles(hostile.story_id)[0][0]
    with TestClient(create_app(store_path, comparer=comparer)) as client:
        assert client.get(f"/stories/{HARBOUR}").status_code == 200  # compares it, once for the module
        found = Site(client, store, hostile.story_id, article.article_id)
        found.compared = compared
        yield found
    store.close()


JSON = {"Accept": "application/json"}


# --- pages and twins -------------------------------------------------------------------------------------


def test_story_list_and_its_twin(site: Site) -> None:
    page = site.client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<h1>Stories</h1>" in page.text
    assert "Families wait for news after Port Vesna depot blast" in page.text
    assert "4 articles" in page.text and "last update" in page.text and "meridian-wire" in page.text
    twin = site.client.get("/stories.json").json()
    assert site.client.get("/", headers=JSON).json() == twin
    assert twin["total"] == 2 and {s["id"] for s in twin["stories"]} == {HARBOUR, site.hostile_story}
    harbour = next(s for s in twin["stories"] if s["id"] == HARBOUR)
    assert harbour["size"] == harbour["originals"] == 4 and harbour["last_published"] == "2025-03-12"
    assert harbour["url"] == f"/stories/{HARBOUR}" and len(harbour["outlets"]) == 4


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ("q=port+vesna", {HARBOUR}),
        ("q=TARVIK", {"hostile"}),
        ("outlet=meridian-wire", {HARBOUR}),
        ("from=2025-03-13", {"hostile"}),
        ("to=2025-03-12", {HARBOUR}),
        ("from=2025-03-01&to=2025-03-31&q=", {HARBOUR, "hostile"}),
        ("from=&to=&outlet=", {HARBOUR, "hostile"}),  # an empty form field filters nothing
        ("q=no+such+story", set()),
    ],
)
def test_story_list_filters(site: Site, query: str, found: set[str]) -> None:
    stories = site.client.get(f"/stories.json?{query}").json()["stories"]
    assert {"hostile" if s["id"] == site.hostile_story else s["id"] for s in stories} == found
    assert site.client.get(f"/?{query}").status_code == 200


def test_story_list_pages(site: Site) -> None:
    first = site.client.get("/stories.json?per_page=1").json()
    assert (first["total"], first["pages"], len(first["stories"])) == (2, 2, 1)
    second = site.client.get("/stories.json?per_page=1&page=2").json()
    assert {first["stories"][0]["id"], second["stories"][0]["id"]} == {HARBOUR, site.hostile_story}
    page = site.client.get("/?per_page=1&q=")
    assert 'href="/?per_page=1&amp;page=2"' in page.text and "Page 1 of 2" in page.text


def test_story_list_refuses_a_bad_date_with_a_helpful_message(site: Site) -> None:
    response = site.client.get("/?from=12/03/2025")
    assert response.status_code == 400 and "use YYYY-MM-DD" in response.text and "<h1>" in response.text
    assert site.client.get("/stories.json?page=0").status_code == 400


def test_story_page_and_its_twin_show_the_same_claims(site: Site) -> None:
    page = site.client.get(f"/stories/{HARBOUR}")
    assert page.status_code == 200
    twin = site.client.get(f"/stories/{HARBOUR}.json").json()
    assert site.client.get(f"/stories/{HARBOUR}", headers=JSON).json() == twin
    jsonschema.validate(twin, load_schema())
    for section in (
        "digest",
        "timeline",
        "outlets",
        "coverage",
        "differences",
        "framing",
        "quoted",
        "claims",
        "articles",
    ):
        assert f'<section id="{section}"' in page.text
    sections = set(re.findall(r'<section class="claim" id="claim-([^"]+)"', page.text))
    assert sections == {claim["id"] for claim in twin["claims"]} and sections
    for claim in twin["claims"]:
        assert f'<h3 id="claim-{claim["id"]}-h">{escape(claim_label(claim))}</h3>' in page.text
    for line in twin["digest"]:
        assert str(escape(line["text"])) in page.text
    # the revised toll, side by side with each outlet's value
    differences = page.text.split('<section id="differences"')[1].split("</section>\n\n")[0]
    assert "revised figure" in differences and "<mark>" in differences
    assert "12; according to Dario Kessel" in differences and "14; according to Port Authority" in differences
    # who is quoted, framing by outlet, coverage states in words
    assert "Dario Kessel" in page.text.split('<section id="quoted"')[1]
    assert "<q>regime</q> (contested label); plainer: <q>government</q>" in page.text
    assert "Leaves out (" in page.text and "Carries (4)" in page.text


def test_article_page_shows_removed_lines_with_reasons_and_roles(site: Site) -> None:
    for article, _ in site.store.story_articles(HARBOUR):
        page = site.client.get(f"/articles/{article.article_id}")
        assert page.status_code == 200
        twin = site.client.get(f"/articles/{article.article_id}.json").json()
        assert site.client.get(f"/articles/{article.article_id}", headers=JSON).json() == twin
        assert twin["story"] == HARBOUR and twin["compared"] and twin["claims"]
        assert page.text.count('<p class="removed">') == len(article.removed) > 0
        for removal in article.removed:
            assert f"Removed: {removal.reason}" in page.text
            assert f"<del>{escape(removal.text)}</del>" in page.text
        for sentence in article.sentences:
            assert f'id="{sentence.sentence_id}"' in page.text
    daily = site.client.get("/articles/a263576406100").text
    assert '<span class="role">title</span>' in daily and '<span class="role">dek</span>' in daily
    assert "Removed: masthead (the outlet&#39;s name or a section label)" in daily
    assert "Petra Halm" in daily.split('<section id="found"')[1]  # entities and quotes, once compared


def test_unknown_ids_get_a_helpful_404(site: Site) -> None:
    for url, words in (
        ("/stories/s000000000000", "There is no story &#39;s000000000000&#39; in this store"),
        ("/articles/a000000000000", "There is no article &#39;a000000000000&#39; in this store"),
        ("/no/such/page", "There is no page at /no/such/page"),
    ):
        response = site.client.get(url)
        assert response.status_code == 404, url
        assert words in response.text and '<a href="/">See every story</a>' in response.text
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert site.client.get("/stories/s000000000000.json").json()["detail"].startswith("There is no story")
    assert site.client.get("/articles/a000000000000", headers=JSON).status_code == 404


def test_openapi_describes_the_twins(site: Site) -> None:
    schema = site.client.get("/openapi.json").json()
    assert {"/stories.json", "/stories/{story_id}.json", "/articles/{article_id}.json", "/compare.json"} <= set(
        schema["paths"]
    )
    assert {"Report", "ReportArticle", "StoryList", "ArticleTwin", "CompareForm", "CompareResult"} <= set(
        schema["components"]["schemas"]
    )
    assert "multipart" in schema["paths"]["/compare"]["post"]["description"].lower()
    assert "$defs" not in json.dumps(schema)


# --- hostile text and headers ----------------------------------------------------------------------------


class _Markup(HTMLParser):
    """The live markup of a page: its tags, attributes and the targets of its links."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.append((name, value or ""))
            if name == "id":
                self.ids.add(value or "")


def _check_markup(url: str, text: str) -> _Markup:
    markup = _Markup()
    markup.feed(text)
    assert not {"script", "iframe", "frame", "object", "embed", "svg", "img", "base"} & set(markup.tags), url
    for name, value in markup.attributes:
        assert not name.startswith("on") and name not in ("style", "srcdoc"), (url, name)
        assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (url, name, value)
    assert markup.tags.count("h1") == 1, url
    for landmark in ("header", "nav", "main", "footer"):
        assert landmark in markup.tags, (url, landmark)
    return markup


def test_every_page_is_free_of_live_markup_and_every_link_resolves(site: Site) -> None:
    """Crawl from / (and pages that echo hostile input): each HTML page has no script, frame, event
    handler or script URL, one h1 and the landmarks; each JSON twin is served as JSON; every link and
    in-page anchor resolves; every response carries the security headers."""
    hostile_page = site.client.get(f"/stories/{site.hostile_story}").text
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in hostile_page  # it is there, escaped
    assert "&lt;img src=x onerror=alert(&#39;title&#39;)&gt;" in hostile_page
    seen: dict[str, _Markup | None] = {}
    anchors: list[tuple[str, str, str]] = []
    queue = ["/", "/?q=%3Cscript%3E", f"/stories/{EVIL}", f"/?from={EVIL}", f"/articles/{site.hostile_article}"]
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        response = site.client.get(url)
        for header, value in (
            ("content-security-policy", CONTENT_SECURITY_POLICY),
            ("x-content-type-options", "nosniff"),
            ("referrer-policy", "same-origin"),
        ):
            assert response.headers[header] == value, url
        kind = response.headers["content-type"]
        seen[url] = None
        if not kind.startswith("text/html"):
            assert kind.startswith(("application/json", "text/css")), url
            continue
        assert response.status_code in (200, 400, 404), url
        markup = seen[url] = _check_markup(url, response.text)
        for name, value in markup.attributes:
            if name in ("href", "action", "src"):
                assert value.startswith(("/", "#", "http://", "https://")), (url, value)
                if value.startswith(("/", "#")):
                    target, fragment = urldefrag(value if value.startswith("/") else url.split("#")[0] + value)
                    queue.append(target)
                    if fragment:
                        anchors.append((url, target, fragment))
    assert f"/stories/{site.hostile_story}" in seen and f"/articles/{site.hostile_article}.json" in seen
    assert len(seen) > 20
    for page, target, fragment in anchors:
        found = seen[target]
        assert found is not None and fragment in found.ids, (page, target, fragment)


def test_a_hostile_url_never_becomes_a_link(site: Site) -> None:
    page = site.client.get(f"/articles/{site.hostile_article}").text
    assert "the original page" not in page and "javascript:alert(&#39;url&#39;)" in page
    real = site.client.get("/articles/a2121f792cd6b").text
    assert '<a href="https://msb.example/news/port-explosion-response" rel="noopener noreferrer nofollow">' in real


def test_static_files_and_twins_carry_the_headers(site: Site) -> None:
    for url in ("/static/style.css", "/stories.json", f"/stories/{HARBOUR}.json", "/openapi.json"):
        response = site.client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        assert response.headers["x-frame-options"] == "DENY"
    assert "frame-ancestors 'none'" in CONTENT_SECURITY_POLICY and "script-src 'none'" in CONTENT_SECURITY_POLICY


def test_a_story_of_many_outlets_folds_what_each_outlet_says(tmp_path: Path) -> None:
    """From nine outlets on, per-outlet details and long evidence lists are folded (a phone shows the story in
    a few screens); everything is still in the page."""
    lines = "The harbour of Orno reopened on Monday after the storm, officials said.\nShips queued for a day."
    records = [{"outlet": f"Outlet {n:02d}", "published": "2025-03-12", "text": f"{lines}\n{n}."} for n in range(12)]
    (tmp_path / "many.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), "utf-8")
    store = open_store(tmp_path / "news.db")
    ingest_corpus([tmp_path / "many.jsonl"], store)
    story = store.stories()[0]
    assert len(story.outlets) == 12

    def comparer(store: SQLStore, story_id: str) -> Comparison:
        articles = [article for article, _ in store.story_articles(story_id)]
        units = [ClaimUnit(a.article_id, *_span(a.body()[0])) for a in articles]
        claim = Claim("c1", "shared", [u.sentence_id for u in units], sorted({a.outlet for a in articles}), units=units)
        digest = [DigestSentence("The harbour reopened.", [u.sentence_id for u in units], "shared", claim.outlets)]
        return Comparison(articles=articles, claims=[claim], digest=digest)

    with TestClient(create_app(tmp_path / "news.db", comparer=comparer)) as client:
        page = client.get(f"/stories/{story.story_id}").text
    _check_markup("many", page)
    assert "<summary>Which outlets</summary>" in page and "<summary>Evidence in 12 outlets</summary>" in page
    assert "4 more sources</summary>" in page and page.count('<li class="chip carries">') == 12
    store.close()


# --- writes: the token and CSRF --------------------------------------------------------------------------


def test_with_a_token_only_an_authorised_form_or_bearer_starts_a_comparison(store_path: Path) -> None:
    calls: list[str] = []
    comparer = recording(calls)
    store = open_store(store_path)
    story = next(s.story_id for s in store.stories() if s.story_id != HARBOUR)
    store.close()
    with TestClient(create_app(store_path, token=TOKEN, comparer=comparer)) as client:
        pending = client.get(f"/stories/{story}")
        assert pending.status_code == 409 and 'type="password"' in pending.text and not calls
        assert client.get(f"/stories/{story}.json").status_code == 409
        csrf = re.search(r'name="csrf" value="([^"]+)"', pending.text)
        assert csrf is not None
        action = f"/stories/{story}/compare"
        form = {"csrf": csrf.group(1), "token": TOKEN}
        assert client.post(action, data={"token": TOKEN}).status_code == 403  # no CSRF token
        assert client.post(action, data={**form, "csrf": "forged"}).status_code == 403
        other_site = client.post(action, data=form, headers={"Origin": "https://evil.example"})
        assert other_site.status_code == 403
        assert client.post(action, data={**form, "token": "wrong-token-of-enough-length"}).status_code == 401
        assert client.post(action, data={"x": "y" * 5000}).status_code == 413
        assert not calls
        done = client.post(action, data=form, follow_redirects=False)
        assert done.status_code == 303 and done.headers["location"] == f"/stories/{story}" and calls == [story]
        assert client.get(f"/stories/{story}").status_code == 200
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        assert client.post(f"/stories/{HARBOUR}/compare", headers={"Authorization": "Bearer nope"}).status_code == 401
        assert client.post("/stories/s000000000000/compare", headers=bearer).status_code == 404


def test_without_a_token_there_are_no_writes(site: Site) -> None:
    response = site.client.post(f"/stories/{HARBOUR}/compare", headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 403 and "without an access token" in response.text


def test_a_short_token_or_a_missing_store_is_refused(tmp_path: Path, store_path: Path) -> None:
    from counterpoint.errors import ConfigError

    with pytest.raises(ConfigError, match="16 or more"):
        create_app(store_path, token="short")
    with pytest.raises(ConfigError, match="counterpoint ingest FILES --db"):
        create_app(tmp_path / "missing.db")


def test_serve_runs_uvicorn_on_loopback_with_a_host_check(store_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    from counterpoint.web import serve

    ran: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: ran.update(app=app, **options))
    serve(store_path, port=8123)
    assert ran["host"] == "127.0.0.1" and ran["port"] == 8123
    with TestClient(ran["app"], base_url="http://evil.example") as client:
        refused = client.get("/")  # DNS rebinding: a foreign Host header is refused
        assert refused.status_code == 400 and refused.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    with TestClient(ran["app"], base_url="http://127.0.0.1:8123") as client:
        assert client.get("/").status_code == 200


# --- the timeline, and compare --html: one rendering -----------------------------------------------------


def _section_text(page: str, name: str) -> str:
    """The words of a top-level section of a story page, without its markup (links differ between the server
    and the file: /articles/ID#SENTENCE against #SENTENCE)."""
    body = page.split(f'<section id="{name}"', 1)[1].split('\n<section id="', 1)[0]
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", body)).strip()


def test_the_story_page_has_a_timeline_of_what_the_articles_date(site: Site) -> None:
    page = site.client.get(f"/stories/{HARBOUR}").text
    twin = site.client.get(f"/stories/{HARBOUR}.json").json()
    timeline = _section_text(page, "timeline")
    days = [entry["date"] for entry in twin["timeline"]]
    assert days == sorted(days) and "2025-03-11" in days  # the blast, "on Tuesday night", published Wednesday
    assert '<time datetime="2025-03-11">Tuesday 11 March 2025</time>' in page
    assert "expected" in timeline and "published" in timeline
    for entry in twin["timeline"]:
        assert entry["kind"] in ("event", "statement", "expected", "published")
        for source in entry["sources"]:
            if source["sentence"] is not None:  # the date is in the text, and the text resolves to that day
                article = next(a for a in twin["articles"] if a["id"] == source["article"])
                sentence = next(s for s in article["sentences"] if s["id"] == source["sentence"])
                assert article["text"][source["start"] : source["end"]] == source["text"]
                assert {"text": source["text"], "date": entry["date"]}.items() <= next(
                    d for d in sentence["dates"] if d["start"] == source["start"]
                ).items()
                assert f"(<q>{escape(source['text'])}</q>)" in page


def test_compare_html_shows_what_the_story_page_shows(site: Site) -> None:
    """The file of ``counterpoint compare --html`` and the server's story page come from one template: the same
    digest, timeline, coverage, differences, framing, sources and claims, word for word."""
    page = site.client.get(f"/stories/{HARBOUR}").text
    title = next(s.title for s in site.store.stories() if s.story_id == HARBOUR)
    copies = {a.article_id: c for a, c in site.store.story_articles(HARBOUR)}
    file = render_html(site.compared[HARBOUR], story_id=HARBOUR, title=title, copies=copies)
    markup = assert_self_contained(file)
    for name in ("digest", "timeline", "outlets", "coverage", "differences", "framing", "quoted", "claims"):
        assert _section_text(file, name) == _section_text(page, name), name
    claims = re.findall(r'<section class="claim" id="(claim-[^"]+)"', page)
    assert claims and claims == re.findall(r'<section class="claim" id="(claim-[^"]+)"', file)
    for article, _ in site.store.story_articles(HARBOUR):  # the articles are in the file, not on the server
        assert f"article-{article.article_id}" in markup.ids and article.sentences[0].sentence_id in markup.ids
    # the hostile story: escaped in the file as on the page
    hostile = render_html(site.compared[site.hostile_story])
    assert_self_contained(hostile)
    assert "<script>" not in hostile and "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in hostile


# --- the compare page: add articles ----------------------------------------------------------------------


def quick_comparer(store: SQLStore, story_id: str) -> Comparison:
    """A comparison made by hand (no model): one claim, every article's first body sentence."""
    articles = [article for article, _ in store.story_articles(story_id)]
    units = [ClaimUnit(a.article_id, *_span(a.body()[0])) for a in articles if a.body()]
    outlets = sorted({a.outlet for a in articles})
    claim = Claim("c1", "shared", [u.sentence_id for u in units], outlets, units=units)
    digest = [DigestSentence("The Orno bridge closed.", [u.sentence_id for u in units], "shared", outlets)]
    return Comparison(articles=articles, claims=[claim], digest=digest)


class Writer:
    """An app with a token over an empty store, and the stories its comparer was asked for."""

    def __init__(self, folder: Path, allow_private: bool = False) -> None:
        self.path = folder / "news.db"
        open_store(self.path).close()
        self.calls: list[str] = []

        def comparer(store: SQLStore, story_id: str) -> Comparison:
            self.calls.append(story_id)
            return quick_comparer(store, story_id)

        self.client = TestClient(create_app(self.path, token=TOKEN, comparer=comparer, allow_private=allow_private))

    def form(self) -> dict[str, str]:
        """The compare form's hidden fields and the token, as a browser would send them (sets the cookie)."""
        page = self.client.get("/compare")
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert page.status_code == 200 and csrf is not None
        return {"csrf": csrf.group(1), "token": TOKEN}

    def stories(self) -> list[StorySummary]:
        store = open_store(self.path)
        try:
            return store.stories()
        finally:
            store.close()


@pytest.fixture
def writer(tmp_path: Path) -> Iterator[Writer]:
    made = Writer(tmp_path)
    with made.client:
        yield made


BEARER = {"Authorization": f"Bearer {TOKEN}", "Accept": "application/json"}
PASTED = """Outlet: North Post
Published: 2025-06-04
Title: Orno bridge shut after flood

The Orno bridge closed on Monday after the flood, officials said.
Traffic was sent through the old town for the day.
---
Outlet: South Daily
Published: 2025-06-04

The bridge at Orno closed on Monday because of the flood.
Engineers will inspect the piers on Friday, the mayor said.
"""


def test_the_compare_page_and_its_twin(writer: Writer, site: Site) -> None:
    page = writer.client.get("/compare")
    markup = _check_markup("/compare", page.text)
    for field in ("text", "files", "urls", "token"):
        assert f'<label for="{field}">' in page.text and field in markup.ids
    assert 'enctype="multipart/form-data"' in page.text and CSRF_COOKIE in page.headers["set-cookie"]
    twin = writer.client.get("/compare.json").json()
    assert writer.client.get("/compare", headers=JSON).json() == twin
    assert twin["writes"] and not twin["private_urls"] and twin["separator"] == "---"
    assert twin["max_files"] == inputs.MAX_FILES and twin["max_request_bytes"] == inputs.MAX_REQUEST_BYTES
    # a server without a token takes no articles: it says how to start one that does
    closed = site.client.get("/compare")
    assert closed.status_code == 200 and "<form" not in closed.text and "COUNTERPOINT_TOKEN" in closed.text
    assert site.client.get("/compare.json").json()["writes"] is False
    refused = site.client.post("/compare", data={"text": "Some text."}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert refused.status_code == 403 and "without an access token" in refused.text


def test_pasted_articles_become_a_compared_story_with_its_timeline(writer: Writer) -> None:
    done = writer.client.post("/compare", data={**writer.form(), "text": PASTED}, follow_redirects=False)
    assert done.status_code == 303, done.text
    (story,) = writer.stories()
    assert done.headers["location"] == f"/stories/{story.story_id}" and writer.calls == [story.story_id]
    assert sorted(story.outlets) == ["North Post", "South Daily"] and story.title == "Orno bridge shut after flood"
    page = writer.client.get(done.headers["location"])
    assert page.status_code == 200  # compared by the POST: the token was given there
    _check_markup("story", page.text)
    assert '<time datetime="2025-06-02">Monday 2 June 2025</time>' in page.text
    twin = writer.client.get(f"/stories/{story.story_id}.json").json()
    assert [(e["date"], e["kind"], len(e["sources"])) for e in twin["timeline"]] == [
        ("2025-06-02", "event", 2),  # "on Monday", in both outlets' evidence
        ("2025-06-04", "published", 2),
    ]
    assert {a["source"] for a in twin["articles"]} == {"pasted text 1", "pasted text 2"}
    assert {a["published"] for a in twin["articles"]} == {"2025-06-04"}
    # the same articles again: stored once, the story unchanged, and the twin says so
    again = writer.client.post("/compare.json", data={"text": PASTED}, headers=BEARER).json()
    assert (again["read"], again["stored"], [s["id"] for s in again["stories"]]) == (2, 0, [story.story_id])


def test_uploaded_files_are_read_by_the_ingest_readers(writer: Writer) -> None:
    records = [
        {"outlet": "West Wire", "published": "2025-06-03", "text": "The Orno bridge closed on Monday after the flood."},
        {"outlet": "Hill Times", "title": "Flood closes Orno bridge", "text": "Orno's bridge shut on Monday."},
    ]
    jsonl = gzip.compress("".join(json.dumps(r) + "\n" for r in records).encode())
    page = (
        "<html><head><title>Bridge closed</title></head><body><article><h1>Bridge closed</h1>"
        "<p>The Orno bridge closed on Monday after the flood waters rose over the road, the police said.</p>"
        "<p>Drivers were told to use the ring road until the engineers finish.</p></article></body></html>"
    )
    files = [
        ("files", ("east-news-2025-06-03.txt", b"Orno's bridge shut on Monday after the flood.\n", "text/plain")),
        ("files", ("records.jsonl.gz", jsonl, "application/gzip")),
        ("files", ("river-gazette.html", page.encode(), "text/html")),
        ("files", ("links.urls", b"https://example.org/\n", "text/plain")),  # URLs go in the URL box
        ("files", ("empty.txt", b"", "text/plain")),
    ]
    answer = writer.client.post("/compare", files=files, headers=BEARER)
    assert answer.status_code == 200, answer.text
    result = answer.json()
    sources = {a["source"]: a for a in result["articles"]}
    assert set(sources) == {
        "upload:east-news-2025-06-03.txt",
        "upload:records.jsonl.gz:1",
        "upload:records.jsonl.gz:2",
        "upload:river-gazette.html",
    }
    assert sources["upload:east-news-2025-06-03.txt"]["outlet"] == "east-news"  # from the file name
    assert sources["upload:east-news-2025-06-03.txt"]["published"] == "2025-06-03"
    assert sources["upload:records.jsonl.gz:2"]["title"] == "Flood closes Orno bridge"
    reasons = {r["source"]: r["reason"] for r in result["rejected"]}
    assert reasons.keys() == {"upload:links.urls", "upload:empty.txt"}
    assert reasons["upload:links.urls"].startswith("a list of URLs: paste its lines into the URLs box")
    assert reasons["upload:empty.txt"] == "empty: the file has 0 bytes"
    assert [s["id"] for s in result["stories"]] == list(dict.fromkeys(a["story"] for a in result["articles"]))
    assert all(s["compared"] for s in result["stories"][:3]) and result["read"] == 4
    # with rejections, a browser sees what was added and what was not, instead of being sent on
    again = writer.client.post("/compare", data=writer.form(), files=files[3:] + files[:1])
    assert again.status_code == 200 and "<h1>Articles added</h1>" in again.text
    assert "upload:links.urls" in again.text and "already there" in again.text


class _Pages(http.server.BaseHTTPRequestHandler):
    """A web server on the loopback address with two invented pages (no internet in tests)."""

    pages = {
        "/bridge.html": (
            "text/html; charset=utf-8",
            "<html><head><title>Orno bridge closed</title><meta property='og:site_name' content='Harbour Ledger'>"
            "</head><body><article><h1>Orno bridge closed</h1><p>The Orno bridge closed on Monday after the flood "
            "waters rose over the road, the city said.</p><p>Engineers will inspect the piers before it reopens to "
            "traffic, the mayor said.</p></article></body></html>",
        ),
        "/brief.txt": ("text/plain", "The Orno bridge closed on Monday after the flood.\nShips waited downstream."),
    }

    def do_GET(self) -> None:  # noqa: N802 (the name http.server calls)
        kind, body = self.pages.get(self.path, ("text/plain", ""))
        data = body.encode()
        self.send_response(200 if self.path in self.pages else 404)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: Any) -> None:
        pass


@contextlib.contextmanager
def loopback_pages() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_urls_are_fetched_by_the_guarded_fetcher(tmp_path: Path) -> None:
    with loopback_pages() as base:
        urls = "\n".join([f"{base}/bridge.html", f"{base}/brief.txt", f"{base}/missing.html", "ftp://example.org/a"])
        (tmp_path / "allowed").mkdir()
        allowed = Writer(tmp_path / "allowed", allow_private=True)
        with allowed.client:
            result = allowed.client.post("/compare", data={"urls": urls}, headers=BEARER).json()
        assert {a["source"] for a in result["articles"]} == {f"{base}/bridge.html", f"{base}/brief.txt"}
        assert {a["outlet"] for a in result["articles"]} == {"Harbour Ledger", "127.0.0.1"}
        reasons = {r["source"]: r["reason"] for r in result["rejected"]}
        assert "HTTP 404" in reasons[f"{base}/missing.html"] and reasons["ftp://example.org/a"].startswith(
            "not an http"
        )
        # started without --allow-private, the server refuses the loopback address, and says how to allow it
        (tmp_path / "guarded").mkdir()
        guarded = Writer(tmp_path / "guarded")
        with guarded.client:
            refused = guarded.client.post("/compare", data={"urls": f"{base}/bridge.html"}, headers=BEARER)
        assert refused.status_code == 400 and refused.json()["articles"] == [] and guarded.stories() == []
        reason = refused.json()["rejected"][0]["reason"]
        assert "a loopback address" in reason and "counterpoint serve --allow-private" in reason


def test_too_large_or_too_many_inputs_are_refused_saying_what_to_do(
    writer: Writer, monkeypatch: pytest.MonkeyPatch
) -> None:
    declared = writer.client.post(
        "/compare.json", headers={**BEARER, "Content-Length": str(inputs.MAX_REQUEST_BYTES + 1)}, content=b"x"
    )
    assert declared.status_code == 413 and "counterpoint ingest" in declared.json()["detail"]
    monkeypatch.setattr(inputs, "MAX_REQUEST_BYTES", 2000)
    big = [("files", ("big.txt", b"The bridge closed. " * 200, "text/plain"))]
    sent = writer.client.post("/compare", data=writer.form(), files=big)
    assert sent.status_code == 413 and "at most 2,000 bytes" in sent.text and "<h1>Too large</h1>" in sent.text
    monkeypatch.undo()
    files = [
        ("files", (f"f{n}.txt", b"The bridge closed on Monday.", "text/plain")) for n in range(inputs.MAX_FILES + 1)
    ]
    many = writer.client.post("/compare", data={**writer.form(), "text": "Kept <b>text</b>"}, files=files)
    assert many.status_code == 400 and f"at most {inputs.MAX_FILES} at a time" in many.text
    assert "Kept &lt;b&gt;text&lt;/b&gt;</textarea>" in many.text  # the form comes back with what was typed
    urls = "\n".join(f"https://example.org/{n}" for n in range(inputs.MAX_URLS + 1))
    too_many = writer.client.post("/compare.json", data={"urls": urls}, headers=BEARER)
    assert too_many.status_code == 400 and ".urls file" in too_many.json()["detail"]
    assert writer.client.post("/compare.json", data={"text": "  "}, headers=BEARER).status_code == 400
    assert writer.stories() == [] and writer.calls == []


def test_adding_articles_needs_the_token_and_the_form_csrf(writer: Writer) -> None:
    form = {**writer.form(), "text": PASTED}
    assert writer.client.post("/compare", data={**form, "csrf": ""}).status_code == 403
    assert writer.client.post("/compare", data={**form, "csrf": "forged"}).status_code == 403
    other_site = writer.client.post("/compare", data=form, headers={"Origin": "https://evil.example"})
    assert other_site.status_code == 403
    wrong = writer.client.post("/compare", data={**form, "token": "wrong-token-of-enough-length"})
    assert wrong.status_code == 401 and "<h1>Token needed</h1>" in wrong.text
    assert (
        writer.client.post("/compare", data={"text": PASTED}, headers={"Authorization": "Bearer no"}).status_code == 401
    )
    unsupported = writer.client.post("/compare.json", content=b"{}", headers={**BEARER, "Content-Type": "text/json"})
    assert unsupported.status_code == 415
    assert writer.stories() == [] and writer.calls == []


def test_hostile_input_on_the_compare_page_stays_text(writer: Writer) -> None:
    text = "\n".join(
        [
            "Outlet: <script>alert('outlet')</script>Evil <b onmouseover=alert(1)>Times</b>",
            "Title: <img src=x onerror=alert(2)> Orno",
            "URL: javascript:alert(3)",
            "Published: 2025-06-04",
            "<script>alert(4)</script> The Orno bridge closed on Monday <a href=javascript:alert(5)>here</a>.",
        ]
    )
    files = [("files", ("<svg onload=alert(6)>.bin", b"\x00\x01\x02", "application/octet-stream"))]
    answer = writer.client.post("/compare", data={**writer.form(), "text": text}, files=files)
    assert answer.status_code == 200  # one input rejected: the page says so instead of redirecting
    _check_markup("result", answer.text)
    assert "upload:&lt;svg onload=alert(6)&gt;.bin" in answer.text and "binary file" in answer.text
    (story,) = writer.stories()
    for url in (f"/stories/{story.story_id}", *re.findall(r'href="(/articles/[^"#]+)"', answer.text)):
        page = writer.client.get(url)
        assert page.status_code == 200, url
        _check_markup(url, page.text)
        assert "<script>" not in page.text and "javascript:alert(3)" not in re.findall(r'href="([^"]*)"', page.text)
    story_page = writer.client.get(f"/stories/{story.story_id}").text
    assert "&lt;script&gt;alert(&#39;outlet&#39;)&lt;/script&gt;Evil" in story_page


def test_when_nothing_can_be_read_the_form_says_why_for_each_input(writer: Writer) -> None:
    text = "Published: 3 June\nThe bridge closed on Monday.\n---\nOutlet: Only headers\n"
    files = [("files", ("empty.txt", b"", "text/plain"))]
    answer = writer.client.post("/compare", data={**writer.form(), "text": text}, files=files)
    assert answer.status_code == 400
    _check_markup("nothing read", answer.text)
    assert "Nothing was added" in answer.text and 'role="alert"' in answer.text
    for source, reason in (
        ("pasted text 1", "Published: &#39;3 June&#39; is not a date; write YYYY-MM-DD"),
        ("pasted text 2", "empty: no text after the header lines"),
        ("upload:empty.txt", "empty: the file has 0 bytes"),
    ):
        assert f'<span class="source">{source}</span>: {reason}' in answer.text
    assert "The bridge closed on Monday." in answer.text.split("<textarea")[1]  # the text, kept to correct
    twin = writer.client.post("/compare.json", data={"text": text}, headers=BEARER)
    assert twin.status_code == 400 and len(twin.json()["rejected"]) == 2 and "detail" in twin.json()


# --- units -----------------------------------------------------------------------------------------------


def test_the_cache_keeps_a_comparison_per_set_of_articles(store_path: Path) -> None:
    calls: list[str] = []
    comparer = recording(calls)
    store = open_store(store_path)
    story = next(s.story_id for s in store.stories() if s.story_id != HARBOUR)
    ids = frozenset(a.article_id for a, _ in store.story_articles(story))
    cache = ComparisonCache(comparer, capacity=1)
    assert cache.get(story, ids) is None
    first = cache.compare(store, story, ids)
    assert cache.compare(store, story, ids) is first and cache.get(story, ids) is first and calls == [story]
    assert cache.get(story, ids | {"a-new-article"}) is None  # an article joined: compared again on view
    store.close()
    with pytest.raises(ValueError, match="at least one"):
        ComparisonCache(comparer, capacity=0)


def test_a_story_is_named_by_the_title_most_of_its_outlets_share() -> None:
    titles = [
        "Watch: the video everyone is talking about",
        "Storm floods the harbour of Orno",
        "Orno harbour flooded after storm",
        "Storm leaves Orno harbour under water",
    ]
    assert representative_title(titles) in titles[1:]
    assert representative_title(["Only one"]) == "Only one" and representative_title([]) is None


def test_claims_are_named_by_the_span_that_says_most_of_what_the_others_say_cut_to_a_line() -> None:
    claim: dict[str, Any] = {"id": "c1", "note": "", "units": [{"text": "A longer span of text."}, {"text": "Short."}]}
    assert claim_label(claim) == "Short."
    # the shortest span is the vaguest: the name is the one that shares most words with the others for its length
    claim["units"] = [
        {"text": "She died on Friday."},
        {"text": "Rivers died at Mount Sinai hospital a week later."},
        {"text": "Rivers died at the hospital a week later, her family said."},
        {"text": "the comedian died in hospital a week later"},
    ]
    assert claim_label(claim) == "the comedian died in hospital a week later"
    claim["units"] = [{"text": "word " * 40}]
    assert len(claim_label(claim)) == 110 and claim_label(claim).endswith("...")
    # a span cut inside a quotation shows one mark alone: the shortest span with its marks in pairs names it
    claim["units"] = [{"text": 'prayers" are with the family'}, {"text": 'Earnest said: "Our prayers are with them."'}]
    assert claim_label(claim) == 'Earnest said: "Our prayers are with them."'


def test_date_filters_keep_stories_that_overlap_the_range() -> None:
    story = StorySummary("s1", "Port fire", 2, 2, dt.date(2025, 3, 10), dt.date(2025, 3, 14), ["A"])
    assert matches(story, "FIRE", "A", dt.date(2025, 3, 12), dt.date(2025, 3, 12))
    assert not matches(story, "", "", dt.date(2025, 3, 15), None)
    assert not matches(story, "", "", None, dt.date(2025, 3, 9))
    assert not matches(story, "", "B", None, None)
    assert not matches(StorySummary("s2", None, 1), "", "", dt.date(2025, 1, 1), None)


# --- contrast --------------------------------------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two #rrggbb colours."""
    light, dark = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_colour_pair_meets_wcag_aa() -> None:
    css = resources.files("counterpoint.web").joinpath("static/style.css").read_text("utf-8")
    colours = dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))
    pairs = {name[:-3] for name in colours if name.endswith("-fg")}
    assert len(pairs) >= 12 and all(f"{name}-bg" in colours for name in pairs)
    for name in pairs:
        assert contrast(colours[f"{name}-fg"], colours[f"{name}-bg"]) >= 4.5, name
    assert contrast(colours["rule"], "#ffffff") >= 3  # borders of controls and boxes
    # no inline style on the server's pages (its CSP forbids it); the file of compare --html inlines the stylesheet
    assert re.search(r"\sstyle=|<style", "".join(_templates(but="report_base.html"))) is None


def _templates(but: str) -> Iterator[str]:
    folder = resources.files("counterpoint.web").joinpath("templates")
    for entry in folder.iterdir():
        if entry.name.endswith(".html") and entry.name != but:
            yield entry.read_text("utf-8")


def test_cli_serve_needs_an_existing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from counterpoint.cli import EXIT_USAGE, main

    assert main(["serve", "--db", str(tmp_path / "none.db")]) == EXIT_USAGE
    assert "create one with: counterpoint ingest" in capsys.readouterr().err
