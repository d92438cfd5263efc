"""New inputs: RSS/Atom feeds, WARC files, URL lists and URLs fetched under the guards of counterpoint.fetch.

Every fixture is written here (invented articles about an invented town); the only server is a loopback
one started in a thread, and the resolver is replaced where a test needs a host name: no test reaches the
internet.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from counterpoint.errors import ConfigError, InputError
from counterpoint.fetch import USER_AGENT, Fetcher, address_problem, check_url
from counterpoint.stages.ingest import IngestOptions, ingest

PARAGRAPHS = [
    "The harbour of Orno reopened on Monday after the storm that closed it for three days, the port authority said.",
    "Ships queued outside the breakwater through the night while pilots checked the channel for debris and wrecks.",
    "Fishermen who had waited ashore said the delay cost them a week of catches at the height of the season.",
    "The mayor promised that repairs to the eastern quay would begin before the end of the month.",
]


def page_html(title: str, paragraphs: list[str], *, site: str | None = None, published: str | None = None) -> str:
    head = f"<title>{title}</title>"
    if site:
        head += f'<meta property="og:site_name" content="{site}">'
    if published:
        head += f'<meta property="article:published_time" content="{published}">'
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<html><head>{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>Contact the newsroom</footer></body></html>"
    )


ARTICLE_PAGE = page_html("Orno harbour reopens", PARAGRAPHS, site="Orno Gazette", published="2025-03-10T08:00:00Z")
LONG_SUMMARY = (
    "Volunteers in Orno cleared sand and broken boards from the seafront promenade on Sunday, and the council "
    "said the cafes along it could open again within days once electricians had checked the cables."
)

RSS = f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Orno Gazette</title>
  <link>https://gazette.example/</link>
  <description>News from Orno</description>
  <item>
    <title>Orno harbour reopens</title>
    <link>https://gazette.example/harbour</link>
    <pubDate>Mon, 10 Mar 2025 08:00:00 GMT</pubDate>
    <description>The harbour reopened.</description>
    <content:encoded><![CDATA[{"".join(f"<p>{p}</p>" for p in PARAGRAPHS)}]]></content:encoded>
  </item>
  <item>
    <title>Promenade cleared</title>
    <link>https://gazette.example/promenade</link>
    <pubDate>Sun, 09 Mar 2025 18:30:00 GMT</pubDate>
    <description>&lt;p&gt;{LONG_SUMMARY}&lt;/p&gt;</description>
  </item>
  <item>
    <title>Ferry times</title>
    <link>https://gazette.example/ferry</link>
    <description>Ferries run again from Tuesday.</description>
  </item>
</channel>
</rss>
"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Hill Post</title>
  <id>urn:uuid:hill-post</id>
  <updated>2025-03-11T12:00:00Z</updated>
  <entry>
    <title>Storm damage counted</title>
    <link href="https://hill.example/storm"/>
    <id>urn:uuid:storm</id>
    <published>2025-03-11T09:00:00Z</published>
    <updated>2025-03-11T10:00:00Z</updated>
    <content type="html">{"".join(f"&lt;p&gt;{p}&lt;/p&gt;" for p in reversed(PARAGRAPHS))}</content>
  </entry>
  <entry>
    <title>Council meets</title>
    <link href="https://hill.example/council"/>
    <id>urn:uuid:council</id>
    <updated>2025-03-12T07:00:00Z</updated>
    <content type="text">{LONG_SUMMARY} The council meets on Thursday to agree the repairs.</content>
  </entry>
  <entry>
    <title>Weather</title>
    <link href="https://hill.example/weather"/>
    <id>urn:uuid:weather</id>
    <updated>2025-03-12T07:00:00Z</updated>
    <summary>Calm seas expected.</summary>
  </entry>
</feed>
"""


# ---------------------------------------------------------------- feeds


def test_rss_entries_become_articles_and_a_teaser_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gazette.rss"
    path.write_text(RSS, "utf-8")
    result = ingest([path])
    full, summary = result.articles
    assert (full.outlet, full.title, full.url, full.source) == (
        "Orno Gazette",
        "Orno harbour reopens",
        "https://gazette.example/harbour",
        "https://gazette.example/harbour",
    )
    assert full.published == dt.date(2025, 3, 10)
    assert "pilots checked the channel" in full.text and "<p>" not in full.text
    assert full.extracted  # content:encoded went through the HTML extractor
    assert summary.text == LONG_SUMMARY and not summary.extracted  # a short fragment: its plain text
    assert summary.published == dt.date(2025, 3, 9)
    [rejection] = result.rejected
    assert rejection.source == f"{path}:3"
    assert "entry 'Ferry times'" in rejection.reason and "too short" in rejection.reason
    assert "https://gazette.example/ferry" in rejection.reason  # the user is told how to read the page


def test_atom_entries_sniffed_without_a_suffix(tmp_path: Path) -> None:
    path = tmp_path / "hill-post-feed"
    path.write_text(ATOM, "utf-8")
    result = ingest([path])
    storm, council = result.articles
    assert storm.outlet == council.outlet == "Hill Post"
    assert storm.published == dt.date(2025, 3, 11)  # published, not updated
    assert council.published == dt.date(2025, 3, 12)  # no published date: updated
    assert council.text.startswith("Volunteers in Orno") and council.url == "https://hill.example/council"
    [rejection] = result.rejected
    assert rejection.source == f"{path}:3" and "only a summary too short" in rejection.reason


def test_xml_that_is_not_a_feed_and_broken_feeds_are_rejected(tmp_path: Path) -> None:
    sitemap = tmp_path / "sitemap.xml"
    sitemap.write_text('<?xml version="1.0"?><urlset><url><loc>https://x.example/</loc></url></urlset>', "utf-8")
    empty = tmp_path / "empty.rss"
    empty.write_text('<rss version="2.0"><channel><title>Quiet</title></channel></rss>', "utf-8")
    garbage = tmp_path / "garbage.atom"
    garbage.write_bytes(b"\x00\x01 not xml at all")
    result = ingest([sitemap, empty, garbage])
    assert result.articles == []
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[str(sitemap)].startswith("not an RSS or Atom feed")
    assert reasons[str(empty)] == "empty: the feed has no entries"
    assert reasons[str(garbage)].startswith("binary file")


# ---------------------------------------------------------------- WARC


Record = tuple[str, str, bytes, StatusAndHeaders, str]
CAPTURED = "2025-03-20T10:00:00Z"


def response(uri: str, body: bytes, kind: str = "text/html", status: str = "200 OK", date: str = CAPTURED) -> Record:
    headers = StatusAndHeaders(status, [("Content-Type", kind)], protocol="HTTP/1.1")
    return ("response", uri, body, headers, date)


def write_warc(path: Path, records: list[Record]) -> list[int]:
    """Write (type, uri, payload, http headers, WARC-Date) records; return the offset of each."""
    offsets = []
    with path.open("wb") as handle:
        writer = WARCWriter(handle, gzip=path.suffix == ".gz")
        for kind, uri, payload, headers, date in records:
            offsets.append(handle.tell())
            record = writer.create_warc_record(
                uri, kind, payload=io.BytesIO(payload), http_headers=headers, warc_headers_dict={"WARC-Date": date}
            )
            writer.write_record(record)
    return offsets


def dated_page(n: int) -> bytes:
    return page_html(f"Report {n}", [f"Report {n}: {p}" for p in PARAGRAPHS], published=f"2025-03-1{n}").encode()


UNDATED = page_html("Quay repairs", [p.replace("Orno", "Orno town") for p in PARAGRAPHS]).encode()


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_html_responses_become_articles_other_records_are_skipped(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    request = StatusAndHeaders("GET /harbour HTTP/1.1", [("Host", "gazette.example")], is_http_request=True)
    offsets = write_warc(
        path,
        [
            ("request", "https://gazette.example/harbour", b"", request, CAPTURED),
            response("https://gazette.example/harbour", dated_page(1)),
            response("https://gazette.example/logo.png", b"\x89PNG\r\n", "image/png"),
            response("https://www.quay.example/repairs", UNDATED, "text/html; charset=utf-8", date="2025-03-21T06:00Z"),
            response("https://gazette.example/gone", b"<html>Gone</html>", status="404 Not Found"),
        ],
    )
    result = ingest([path])
    assert result.rejected == []
    dated, undated = result.articles
    assert (dated.source, dated.url) == ("https://gazette.example/harbour", "https://gazette.example/harbour")
    assert dated.published == dt.date(2025, 3, 11)  # the page's own date, not the capture date
    assert undated.published == dt.date(2025, 3, 21)  # the page has none: the WARC-Date
    assert undated.outlet == "quay.example"  # no site name in the page: the host
    assert "eastern quay" in undated.text and "Contact the newsroom" not in undated.text
    assert offsets[1] > 0  # the request record came first and was skipped


def test_warc_limits_apply_to_each_record(tmp_path: Path) -> None:
    path = tmp_path / "big.warc.gz"
    huge = page_html("Long", PARAGRAPHS * 200).encode()
    offsets = write_warc(
        path,
        [response("https://gazette.example/long", huge), response("https://gazette.example/1", dated_page(1))],
    )
    assert len(dated_page(1)) < 5000 < len(huge)
    result = ingest([path], IngestOptions(max_bytes=5000))
    assert [a.url for a in result.articles] == ["https://gazette.example/1"]
    [rejection] = result.rejected
    assert rejection.source == f"{path}@{offsets[0]}"
    assert "https://gazette.example/long" in rejection.reason and "record too large" in rejection.reason


@pytest.mark.parametrize("name", ["cut.warc.gz", "cut.warc"])
def test_a_truncated_warc_keeps_the_records_before_the_break(tmp_path: Path, name: str) -> None:
    whole = tmp_path / f"whole-{name}"
    offsets = write_warc(
        whole,
        [response(f"https://gazette.example/{n}", dated_page(n)) for n in range(1, 4)],
    )
    data = whole.read_bytes()
    path = tmp_path / name
    path.write_bytes(data[: offsets[2] + (len(data) - offsets[2]) // 2])  # the third record cut in half
    result = ingest([path])
    assert [a.url for a in result.articles] == ["https://gazette.example/1", "https://gazette.example/2"]
    [rejection] = result.rejected
    assert rejection.source == str(path)
    assert f"stopped reading at byte {offsets[2]:,}" in rejection.reason
    assert "records before were kept" in rejection.reason


def test_a_file_that_only_says_warc_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_bytes(b"WARC/1.0\r\nthis is not a record\r\n")
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    result = ingest([path, empty])
    assert result.articles == []
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[str(path)]
    assert reasons[str(empty)].startswith("empty")


# ---------------------------------------------------------------- the address guard


@pytest.mark.parametrize(
    ("address", "problem"),
    [
        ("10.1.2.3", "a private-network address"),
        ("172.16.0.1", "a private-network address"),
        ("192.168.1.20", "a private-network address"),
        ("169.254.169.254", "a link-local address"),
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("fc00::1", "a private-network address"),
        ("fe80::1%eth0", "a link-local address"),
        ("0.0.0.0", "an unspecified address"),
        ("::", "an unspecified address"),
        ("224.0.0.251", "a multicast address"),
        ("240.0.0.1", "a private-network address"),
        ("100.64.0.1", "not a public internet address"),
        ("::ffff:127.0.0.1", "a loopback address (127.0.0.1)"),
        ("2002:a00:1::", "a private-network address (10.0.0.1)"),
        ("8.8.8.8", None),
        ("2606:4700:4700::1111", None),
    ],
)
def test_address_guard(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


@pytest.mark.parametrize(
    ("url", "phrase"),
    [
        ("http://user:pass@news.example/", "user name or password"),
        ("https://user@news.example/", "user name or password"),
        ("ftp://news.example/story", "only http and https URLs are fetched, not ftp:"),
        ("file:///etc/passwd", "only http and https"),
        ("http://10.0.0.1/admin", "refused: 10.0.0.1 is a private-network address; pass --allow-private"),
        ("http://[::1]:8080/", "refused: ::1 is a loopback address"),
        ("http://169.254.169.254/latest/meta-data/", "a link-local address"),
        ("http://[::ffff:192.168.0.1]/", "a private-network address (192.168.0.1)"),
    ],
)
def test_check_url_refuses(url: str, phrase: str) -> None:
    with pytest.raises(InputError) as caught:
        check_url(url)
    assert phrase in caught.value.reason and caught.value.source == url


def test_check_url_allows_public_and_allowed_private() -> None:
    assert check_url("https://news.example/a?b=1").host == "news.example"
    assert check_url("http://10.0.0.1/", allow_private=True).host == "10.0.0.1"
    with pytest.raises(ConfigError):
        Fetcher(timeout=0)
    with pytest.raises(ConfigError):
        IngestOptions(fetch_timeout=-1)


@pytest.fixture
def resolver(monkeypatch: pytest.MonkeyPatch) -> dict[str, list[str]]:
    """Names the test resolves itself (to any address); every other name goes to the real resolver."""
    names: dict[str, list[str]] = {}
    real = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if host in names:
            family = {False: socket.AF_INET, True: socket.AF_INET6}
            return [(family[":" in a], socket.SOCK_STREAM, 6, "", (a, port)) for a in names[host]]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return names


def test_a_password_in_a_url_is_not_repeated_in_the_rejection() -> None:
    [rejection] = ingest(["http://reader:s3cret@news.example/story"]).rejected
    assert rejection.source == "http://reader:***@news.example/story"
    assert "s3cret" not in rejection.reason and "user name or password" in rejection.reason


def test_a_name_that_resolves_inside_is_refused_before_connecting(resolver: dict[str, list[str]]) -> None:
    resolver["intranet.example"] = ["10.0.0.5"]
    resolver["mixed.example"] = ["93.184.215.14", "127.0.0.1"]  # every address is checked, not the first
    result = ingest(["http://intranet.example/wiki", "https://mixed.example/story"])
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons["http://intranet.example/wiki"] == (
        "refused: intranet.example resolves to 10.0.0.5, a private-network address; pass --allow-private to fetch it"
    )
    assert "mixed.example resolves to 127.0.0.1, a loopback address" in reasons["https://mixed.example/story"]


# ---------------------------------------------------------------- fetching from a loopback server


ROBOTS = "User-agent: *\nDisallow: /private/\n"


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # keep the test output clean
        pass

    def do_GET(self) -> None:
        self.server.seen.append((self.path, self.headers.get("User-Agent", "")))
        path = self.path
        if path.startswith("/hop/"):
            left = int(path.rsplit("/", 1)[1])  # redirects still to go
            self._send(302, b"", "text/html", location=f"/hop/{left - 1}" if left > 1 else "/article")
        elif path in ("/article", "/private/article"):
            self._send(200, ARTICLE_PAGE.encode(), "text/html; charset=utf-8")
        elif path == "/notes":
            self._send(200, "\n".join(PARAGRAPHS).encode("utf-16"), "text/plain; charset=utf-16")
        elif path == "/feed":
            self._send(200, RSS.encode(), "application/rss+xml")
        elif path == "/robots.txt":
            self._send(200, ROBOTS.encode(), "text/plain")
        elif path == "/logo.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 100, "image/png")
        elif path == "/to-ftp":
            self._send(301, b"", "text/html", location="ftp://files.example/story.txt")
        elif path == "/big":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()  # no Content-Length: the size is known only by reading
            try:
                for _ in range(100):
                    self.wfile.write(b"<p>" + b"filler words " * 300 + b"</p>")
            except OSError:
                pass  # the client hung up at its limit
        elif path == "/gzipped":
            self._send(200, gzip.compress(ARTICLE_PAGE.encode()), "text/html", encoding="gzip")
        elif path == "/bomb":  # 3 MB of nothing in 3 KB
            self._send(200, gzip.compress(b" " * 3_000_000), "text/html", encoding="gzip")
        elif path == "/slow":
            self.server.release.wait(10)
            self._send(200, ARTICLE_PAGE.encode(), "text/html")
        else:
            self._send(404, b"<html>not here</html>", "text/html")

    def _send(
        self, status: int, body: bytes, content_type: str, location: str | None = None, encoding: str | None = None
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(len(body)))
        if location:
            self.send_header("Location", location)
        self.end_headers()
        self.wfile.write(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    seen: list[tuple[str, str]]
    release: threading.Event


@pytest.fixture
def server() -> Iterator[_Server]:
    httpd = _Server(("127.0.0.1", 0), _Handler)
    httpd.seen = []
    httpd.release = threading.Event()
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield httpd
    finally:
        httpd.release.set()
        httpd.shutdown()
        httpd.server_close()


def base(httpd: _Server) -> str:
    return f"http://127.0.0.1:{httpd.server_address[1]}"


PRIVATE = IngestOptions(allow_private=True, fetch_timeout=5)


def test_the_loopback_server_is_refused_by_default(server: _Server) -> None:
    url = f"{base(server)}/article"
    result = ingest([url])
    assert result.articles == []
    assert result.rejected[0].source == url
    assert result.rejected[0].reason == "refused: 127.0.0.1 is a loopback address; pass --allow-private to fetch it"
    assert server.seen == []  # nothing was sent


def test_a_page_is_fetched_with_allow_private(server: _Server) -> None:
    url = f"{base(server)}/article"
    [article] = ingest([url], PRIVATE).articles
    assert (article.source, article.url, article.outlet) == (url, url, "Orno Gazette")
    assert article.published == dt.date(2025, 3, 10)
    assert "pilots checked the channel" in article.text and "Contact the newsroom" not in article.text
    assert server.seen[0][1] == USER_AGENT and USER_AGENT.startswith("Counterpoint/")


def test_a_name_is_connected_to_at_the_address_that_was_checked(
    server: _Server, resolver: dict[str, list[str]]
) -> None:
    resolver["gazette.example"] = ["127.0.0.1"]
    url = f"http://gazette.example:{server.server_address[1]}/article"
    assert "gazette.example resolves to 127.0.0.1" in ingest([url]).rejected[0].reason
    [article] = ingest([url], PRIVATE).articles  # the only way there is through the resolver's answer
    assert article.url == url


def test_redirects_are_followed_up_to_five(server: _Server) -> None:
    five, six = f"{base(server)}/hop/5", f"{base(server)}/hop/6"
    result = ingest([five, six], PRIVATE)
    [article] = result.articles
    assert article.source == five and article.url == f"{base(server)}/article"
    [rejection] = result.rejected
    assert rejection.source == six and rejection.reason.startswith("too many redirects (more than 5)")


def test_a_redirect_is_checked_like_the_first_request(server: _Server) -> None:
    [rejection] = ingest([f"{base(server)}/to-ftp"], PRIVATE).rejected
    assert "only http and https URLs are fetched, not ftp:" in rejection.reason
    assert "reached by redirect" in rejection.reason


def test_size_time_type_and_status_failures_are_rejections(server: _Server) -> None:
    options = IngestOptions(allow_private=True, fetch_timeout=1.0, max_bytes=100_000)
    urls = {name: f"{base(server)}/{name}" for name in ("big", "bomb", "slow", "logo.png", "missing", "gzipped")}
    result = ingest(list(urls.values()), options)
    assert [a.source for a in result.articles] == [urls["gzipped"]]  # a compressed page is read
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[urls["big"]] == "too large (over 100,000 bytes); raise --max-bytes"
    assert reasons[urls["bomb"]] == "too large (over 100,000 bytes); raise --max-bytes"  # counted once inflated
    assert reasons[urls["slow"]].startswith("timed out after 1 s")
    assert reasons[urls["logo.png"]] == "not a web page, text or feed: the server says it is image/png; not downloaded"
    assert reasons[urls["missing"]] == "the server answered HTTP 404 Not Found"


def test_robots_txt_is_honoured_when_asked(server: _Server) -> None:
    private, public = f"{base(server)}/private/article", f"{base(server)}/article"
    polite = IngestOptions(allow_private=True, respect_robots=True, fetch_timeout=5, outlet="x")
    result = ingest([private, public], polite)
    assert [a.source for a in result.articles] == [public]
    assert result.rejected[0].reason.endswith("/robots.txt disallows /private/article for crawlers")
    assert [path for path, _ in server.seen].count("/robots.txt") == 1  # read once per site
    assert [a.source for a in ingest([private], PRIVATE).articles] == [private]  # off by default


def test_a_url_list_fetches_pages_text_and_feeds(server: _Server, tmp_path: Path) -> None:
    listing = tmp_path / "today.urls"
    listing.write_text(
        f"# pages for the harbour story\n{base(server)}/article\n\n{base(server)}/notes\n"
        f"gazette.example/no-scheme\n{base(server)}/feed\n{base(server)}/missing\n",
        "utf-8",
    )
    result = ingest([listing], PRIVATE)
    by_source = {a.source: a for a in result.articles}
    assert f"{base(server)}/article" in by_source
    notes = by_source[f"{base(server)}/notes"]
    assert notes.text.startswith("The harbour of Orno") and notes.outlet == "127.0.0.1"  # UTF-16 by its charset
    assert {"https://gazette.example/harbour", "https://gazette.example/promenade"} <= set(by_source)
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[f"{listing}:5"] == "not an http or https URL: gazette.example/no-scheme"
    assert reasons[f"{base(server)}/feed:3"].startswith("entry 'Ferry times'")
    assert reasons[f"{base(server)}/missing"] == "the server answered HTTP 404 Not Found"
    empty = tmp_path / "empty.urls"
    empty.write_text("# nothing yet\n", "utf-8")
    assert ingest([empty]).rejected[0].reason.startswith("empty: no URLs")


def test_gzip_url_list_is_read(server: _Server, tmp_path: Path) -> None:
    listing = tmp_path / "list.urls.gz"
    listing.write_bytes(gzip.compress(f"{base(server)}/article\n".encode()))
    assert len(ingest([listing], PRIVATE).articles) == 1
