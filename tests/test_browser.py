"""The web app in a real browser: Chromium (Debian's, headless) driven by Playwright against the real server
(uvicorn on 127.0.0.1) over a store with the harbour-fire story and a hostile invented article.

The flows: search and filter the story list, open the story (digest, timeline, coverage, where outlets
differ), click from a claim to its evidence and on to the sentence in its article, see an article's removed
lines with their reasons; upload files on the compare page (a second server, with an access token, over an
empty store) and land on their compared story; open the file of ``compare --html`` from disk, styled by its
inlined stylesheet under its own Content-Security-Policy; at 390 px no page scrolls sideways; nothing in
the hostile article ever runs (no dialog, no ``window.__pwned``) and the Content-Security-Policy blocks
inline script.

Skipped when playwright or /usr/bin/chromium is missing, unless COUNTERPOINT_REQUIRE_BROWSER=1 (then they
fail). Screenshots of every page (desktop and 390 px) go to $COUNTERPOINT_ARTIFACTS, else to a temporary
folder removed at the end. Chromium's profile, config and cache live in a temporary folder too. The first
view of the story compares it (spaCy, MiniLM: ~20 s), done once before the browser starts.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from counterpoint.store import open_store
from counterpoint.web.app import CONTENT_SECURITY_POLICY
from counterpoint.web.render import story_file

from .browser_server import HARBOUR, build_store, running_server

CHROMIUM = Path("/usr/bin/chromium")
REQUIRED = os.environ.get("COUNTERPOINT_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
HARBOUR_TITLE = "Families wait for news after Port Vesna depot blast"
TIMEOUT_MS = 20_000
# Submitting the compare page reads, stores and compares (spaCy, MiniLM: 5-20 s, more if the models load).
COMPARE_TIMEOUT_MS = 240_000
TOKEN = "a-browser-test-token-of-enough-length"
# Invented articles for the compare page: one event, three outlets, two file formats.
UPLOADS = {
    "north-post-2025-06-04.txt": "Orno bridge shut after flood\nThe Orno bridge closed on Monday after the flood "
    "waters rose over the road, the city said.\nEngineers will inspect the piers on Friday, the mayor said.\n",
    "south-daily-2025-06-04.txt": "Flood closes the bridge at Orno\nThe bridge at Orno closed on Monday because of "
    "the flood, officials said.\nTraffic was sent through the old town.\n",
    "wire.jsonl": '{"outlet": "River Wire", "published": "2025-06-04", "title": "Orno bridge closed", "text": '
    '"The Orno bridge closed on Monday after the flood, the city said. Ships waited downstream."}\n',
}


def _missing() -> str | None:
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[dev]')"
    if not CHROMIUM.is_file():
        return f"no Chromium at {CHROMIUM} (`make chromium` installs Debian's chromium package)"
    return None


MISSING = _missing()
pytestmark = pytest.mark.skipif(
    MISSING is not None and not REQUIRED, reason=f"browser tests: {MISSING} (COUNTERPOINT_REQUIRE_BROWSER=1 fails)"
)


@dataclass
class Site:
    base: str
    hostile_story: str
    hostile_article: str
    harbour_article: str  # one with removed lines


@dataclass
class Watch:
    """What a page did that it should not: dialogs, script errors, console messages."""

    dialogs: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)


@pytest.fixture(scope="module")
def site() -> Iterator[Site]:
    if MISSING is not None:
        pytest.fail(f"COUNTERPOINT_REQUIRE_BROWSER=1 but {MISSING}")
    with tempfile.TemporaryDirectory(prefix="counterpoint-browser-") as folder:
        store_path = build_store(Path(folder))
        with running_server(store_path) as base, httpx.Client(base_url=base, timeout=180) as client:
            # the first view compares each story: done here, once, so the browser never waits on the models
            assert client.get(f"/stories/{HARBOUR}").status_code == 200
            listing = client.get("/stories.json", params={"q": "Tarvik"}).json()
            hostile_story = listing["stories"][0]["id"]
            assert client.get(f"/stories/{hostile_story}").status_code == 200
            hostile = client.get(f"/stories/{hostile_story}.json").json()["articles"][0]["id"]
            harbour = client.get(f"/stories/{HARBOUR}.json").json()["articles"]
            with_removed = next(
                a["id"] for a in harbour if client.get(f"/articles/{a['id']}.json").json()["article"]["removed"]
            )
            yield Site(base, hostile_story, hostile, with_removed)


@pytest.fixture(scope="module")
def artifacts() -> Iterator[Path]:
    wanted = os.environ.get("COUNTERPOINT_ARTIFACTS")
    if wanted:
        Path(wanted).mkdir(parents=True, exist_ok=True)
        yield Path(wanted)
        return
    with tempfile.TemporaryDirectory(prefix="counterpoint-shots-") as folder:
        yield Path(folder)


@pytest.fixture(scope="module")
def browser(site: Site) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="counterpoint-chromium-") as home:
        # Chromium writes ~/.config/chromium, ~/.cache and ~/.pki: all of it goes to the temporary folder
        env = {**os.environ, "HOME": home, "XDG_CONFIG_HOME": f"{home}/config", "XDG_CACHE_HOME": f"{home}/cache"}
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(
                executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS, env=env
            )
            yield chromium
            chromium.close()


Opener = Callable[[dict[str, int]], tuple[Any, Watch]]


@pytest.fixture
def open_page(browser: Any) -> Iterator[Opener]:
    """Opens a page at a viewport in a fresh context; after the test, asserts no dialog and no script error."""
    contexts: list[Any] = []
    watches: list[Watch] = []

    def opener(viewport: dict[str, int]) -> tuple[Any, Watch]:
        context = browser.new_context(viewport=viewport)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        page = context.new_page()
        watch = Watch()
        watches.append(watch)

        def on_dialog(dialog: Any) -> None:
            watch.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.on("pageerror", lambda error: watch.errors.append(str(error)))
        page.on("console", lambda message: watch.console.append(f"{message.type}: {message.text}"))
        return page, watch

    yield opener
    for context in contexts:
        context.close()
    for watch in watches:
        assert watch.dialogs == [], watch.dialogs
        assert watch.errors == [], watch.errors


def shot(page: Any, artifacts: Path, name: str) -> None:
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def visit(page: Any, url: str) -> None:
    response = page.goto(url)
    assert response is not None and response.status == 200, url
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY


def assert_inert(page: Any) -> None:
    """Nothing of the hostile payloads is live: no script ran, no element that could run one exists."""
    assert page.evaluate("typeof window.__pwned") == "undefined"
    live = page.evaluate(
        """() => ({
            elements: document.querySelectorAll('script, iframe, object, embed, svg, img, base').length,
            handlers: [...document.querySelectorAll('*')].filter(
                e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
            links: [...document.querySelectorAll('a[href]')].filter(
                a => !/^(https?:|\\/|#)/.test(a.getAttribute('href'))).length,
        })"""
    )
    assert live == {"elements": 0, "handlers": 0, "links": 0}


# --- the flows -------------------------------------------------------------------------------------------


def test_story_list_search_and_outlet_filter(site: Site, open_page: Opener, artifacts: Path) -> None:
    page, _ = open_page(DESKTOP)
    visit(page, site.base + "/")
    assert page.get_by_role("heading", level=1).inner_text() == "Stories"
    assert page.locator("ol.stories > li").count() == 2
    shot(page, artifacts, "list-desktop")

    page.get_by_label("Title contains").fill("vesna")
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url("**/?q=vesna**")
    titles = page.locator("ol.stories h2").all_inner_texts()
    assert titles == [HARBOUR_TITLE]

    page.get_by_role("link", name="Clear the filters").click()
    page.get_by_label("Outlet").select_option("meridian-wire")
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url("**outlet=meridian-wire**")
    assert page.locator("ol.stories h2").all_inner_texts() == [HARBOUR_TITLE]
    assert page.get_by_label("Outlet").input_value() == "meridian-wire"
    shot(page, artifacts, "list-filtered-desktop")

    page.get_by_label("Title contains").fill("no such story")
    page.get_by_label("Outlet").select_option("")
    page.get_by_role("button", name="Show stories").click()
    page.wait_for_url("**q=no+such+story**")
    assert page.locator("ol.stories").count() == 0 and "No story matches" in page.inner_text("main")


def test_story_page_sections_and_a_claim_to_its_evidence(site: Site, open_page: Opener, artifacts: Path) -> None:
    page, _ = open_page(DESKTOP)
    visit(page, site.base + "/")
    page.get_by_role("link", name=HARBOUR_TITLE).click()
    page.wait_for_url(f"**/stories/{HARBOUR}")
    for section in ("digest", "timeline", "outlets", "coverage", "differences", "claims", "articles"):
        assert page.locator(f"section#{section}").is_visible(), section
    assert page.locator("#timeline time[datetime='2025-03-11']").inner_text() == "Tuesday 11 March 2025"
    assert page.locator("#digest li").count() > 0
    assert page.locator("#coverage ol.coverage > li").count() > 0
    differences = page.locator("section#differences")
    assert "revised figure" in differences.inner_text() and differences.locator("mark").count() > 0
    shot(page, artifacts, "story-desktop")

    # coverage -> the claim (same page) -> its evidence in context (the article, at the sentence)
    claim_link = page.locator("#coverage .claim-label a").first
    label = claim_link.inner_text()
    anchor = claim_link.get_attribute("href")
    assert anchor and anchor.startswith("#claim-")
    claim_link.click()
    page.wait_for_url(f"**/stories/{HARBOUR}{anchor}")
    claim = page.locator(f"section{anchor}")
    assert claim.is_visible() and claim.locator("h3").inner_text() == label
    assert claim.locator("ul.evidence > li").count() > 0 and claim.locator("ul.evidence mark").count() > 0
    assert claim.evaluate("e => e.matches(':target')")

    context = claim.locator("a.context").first
    href = context.get_attribute("href")
    assert href and href.startswith("/articles/") and "#" in href
    context.click()
    page.wait_for_url(f"**{href}")
    sentence_id = href.split("#", 1)[1]
    target = page.locator(f"[id='{sentence_id}']")
    assert target.is_visible() and target.evaluate("e => e.matches(':target')")
    assert target.bounding_box()["y"] < DESKTOP["height"]  # scrolled to it
    shot(page, artifacts, "evidence-in-article-desktop")


def test_article_page_shows_removed_lines_with_reasons(site: Site, open_page: Opener, artifacts: Path) -> None:
    page, _ = open_page(DESKTOP)
    visit(page, f"{site.base}/stories/{HARBOUR}")
    link = page.locator("section#articles a[href^='/articles/']").first
    link.click()
    page.wait_for_url("**/articles/*")
    assert page.locator("h1").count() == 1

    visit(page, f"{site.base}/articles/{site.harbour_article}")
    removed = page.locator("p.removed")
    assert removed.count() > 0
    for line in removed.all():
        assert line.is_visible()
        assert line.locator(".reason").inner_text().startswith("Removed: ")
        assert line.locator("del").inner_text().strip()
        assert line.locator("del").evaluate("e => getComputedStyle(e).textDecorationLine") == "line-through"
    shot(page, artifacts, "article-desktop")


def test_no_page_scrolls_sideways_at_390_px(site: Site, open_page: Opener, artifacts: Path) -> None:
    page, _ = open_page(PHONE)
    pages = {
        "list": "/",
        "compare": "/compare",
        "story": f"/stories/{HARBOUR}",
        "article": f"/articles/{site.harbour_article}",
        "hostile-story": f"/stories/{site.hostile_story}",
        "hostile-article": f"/articles/{site.hostile_article}",
    }
    for name, url in pages.items():
        visit(page, site.base + url)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth]")
        assert max(widths) <= PHONE["width"] + 1, (name, widths)
        shot(page, artifacts, f"{name}-390px")


def test_the_hostile_article_runs_nothing(site: Site, open_page: Opener, artifacts: Path) -> None:
    page, watch = open_page(DESKTOP)
    visit(page, site.base + "/?q=Tarvik")
    assert page.locator("ol.stories > li").count() == 1
    assert "<img src=x onerror=" in page.locator("ol.stories h2").inner_text()  # shown as text
    assert_inert(page)
    shot(page, artifacts, "hostile-list-desktop")

    page.locator("ol.stories h2 a").click()
    page.wait_for_url(f"**/stories/{site.hostile_story}")
    assert_inert(page)
    for link in page.locator("main a").all():  # hover over everything that might carry a handler
        if link.is_visible():
            link.hover()
    assert_inert(page)
    shot(page, artifacts, "hostile-story-desktop")

    visit(page, f"{site.base}/articles/{site.hostile_article}")
    assert "<script>" in page.inner_text("main") and "javascript:" in page.inner_text("main")
    assert_inert(page)
    shot(page, artifacts, "hostile-article-desktop")
    assert watch.dialogs == [] and watch.errors == []


def test_the_content_security_policy_blocks_inline_script(site: Site, open_page: Opener) -> None:
    page, watch = open_page(DESKTOP)
    visit(page, f"{site.base}/articles/{site.hostile_article}")
    # a script element injected into the page, as a stored payload would be if escaping ever failed
    page.evaluate(
        """() => {
            const s = document.createElement('script');
            s.textContent = 'window.__pwned = 1; alert("inline")';
            document.body.appendChild(s);
            const i = document.createElement('img');
            i.setAttribute('src', 'x');
            i.setAttribute('onerror', 'window.__pwned = 2');
            document.body.appendChild(i);
        }"""
    )
    page.wait_for_timeout(300)
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert watch.dialogs == []
    violations = [m for m in watch.console if "Content Security Policy" in m]
    assert violations, watch.console
    watch.console.clear()


@pytest.fixture(scope="module")
def writable(site: Site) -> Iterator[str]:
    """A second server, with an access token, over an empty store (after ``site``: the models are loaded)."""
    with tempfile.TemporaryDirectory(prefix="counterpoint-writable-") as folder:
        path = Path(folder) / "news.db"
        open_store(path).close()
        with running_server(path, token=TOKEN) as base:
            yield base


def test_the_compare_page_uploads_files_and_shows_their_story(
    writable: str, open_page: Opener, artifacts: Path, tmp_path: Path
) -> None:
    files = []
    for name, text in UPLOADS.items():
        (tmp_path / name).write_text(text, "utf-8")
        files.append(str(tmp_path / name))
    page, _ = open_page(DESKTOP)
    visit(page, writable + "/")
    page.get_by_role("link", name="Compare articles").click()
    page.wait_for_url("**/compare")
    assert page.get_by_role("heading", level=1).inner_text() == "Compare articles"
    page.get_by_label("Files").set_input_files(files)
    page.get_by_label("Access token").fill(TOKEN)
    shot(page, artifacts, "compare-desktop")
    page.get_by_role("button", name="Compare").click(timeout=COMPARE_TIMEOUT_MS)  # waits for the answer
    page.wait_for_url("**/stories/*", timeout=COMPARE_TIMEOUT_MS)
    assert page.get_by_role("heading", level=1).inner_text() == "Orno bridge shut after flood"
    assert "3 articles from 3 outlets" in page.locator("main p.meta").first.inner_text()
    monday = page.locator("#timeline time[datetime='2025-06-02']")
    assert monday.inner_text() == "Monday 2 June 2025"
    assert page.locator("#timeline li").filter(has_text="expected").count() > 0  # the inspection on Friday
    assert page.locator("#digest li").count() > 0
    shot(page, artifacts, "compare-story-desktop")


def test_the_compare_html_file_is_styled_offline_and_runs_nothing(
    site: Site, open_page: Opener, artifacts: Path, tmp_path: Path
) -> None:
    report = httpx.get(f"{site.base}/stories/{HARBOUR}.json", timeout=60).json()
    path = tmp_path / "report.html"
    path.write_text(story_file(report, story_id=HARBOUR), "utf-8")
    page, watch = open_page(PHONE)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    response = page.goto(path.as_uri())
    assert response is not None and response.ok
    header = page.evaluate("getComputedStyle(document.querySelector('header.site')).backgroundColor")
    assert header == "rgb(31, 42, 68)"  # the inlined stylesheet applies: its hash is the one the policy allows
    assert [m for m in watch.console if "Content Security Policy" in m] == []
    assert requests == [path.as_uri()]  # the page itself, nothing else
    widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth]")
    assert max(widths) <= PHONE["width"] + 1, widths
    context = page.locator("#claims a.context").first
    href = context.get_attribute("href")
    assert href and href.startswith("#")
    context.click()
    assert page.locator(f"[id='{href[1:]}']").evaluate("e => e.matches(':target')")
    assert_inert(page)
    shot(page, artifacts, "report-file-390px")
