"""A guarded HTTP fetcher for the pages and feeds a user names by URL.

A URL in a list can point anywhere, so every request is capped and checked:

- **where**: only ``http`` and ``https``, no credentials in the URL; the host is resolved once per
  connection and *every* address it resolves to must be public (not private, loopback, link-local,
  multicast, reserved or unspecified) unless ``allow_private`` is set. The connection is then made to the
  address that was checked, not to the name again, so a DNS answer that changes between the check and the
  connection (DNS rebinding) cannot reach an inner address. Redirects are followed by hand, at most
  ``MAX_REDIRECTS``, each hop checked like the first.
- **how long and how much**: one time budget per URL (connection, redirects, robots.txt and body); the
  body is streamed, inflated here (gzip, deflate) and abandoned past ``max_bytes``.
- **what**: HTML, XHTML, plain text and RSS/Atom/XML feeds; any other content type is refused before its
  body is read.
- **manners**: a User-Agent naming Counterpoint and its version; robots.txt (RFC 9309) when asked.

Limits: name resolution is not inside the time budget (the system resolver's own timeouts apply); the
budget is checked between network reads, so one read may wait as long as the time left when its request
was sent (a URL takes at most about twice the budget); no proxy is used, even if the environment names
one, since a proxy would connect to addresses the guard never sees.

Every failure raises :class:`~counterpoint.errors.InputError` with the URL and a reason a user can act on;
the ingester turns it into a rejection.

>>> with Fetcher(timeout=10) as fetcher:  # doctest: +SKIP
...     page = fetcher.fetch("https://news.example/story")
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from types import TracebackType
from typing import Any

import httpcore
import httpx

from .errors import ConfigError, InputError

__all__ = [
    "FEED_TYPES",
    "FETCH_TIMEOUT",
    "HTML_TYPES",
    "MAX_REDIRECTS",
    "TEXT_TYPES",
    "USER_AGENT",
    "Fetcher",
    "Page",
    "address_problem",
    "check_url",
]

# One URL may take this long in all (connection, redirects, robots.txt, body). News pages arrive in well
# under 5 s on an ordinary connection; 20 s leaves room for a slow server without letting a stalled one
# hold a list of hundreds for long.
FETCH_TIMEOUT = 20.0
# Redirects followed per URL. News sites use one to three (http -> https -> www -> canonical path); a
# longer chain is a loop or a tracker.
MAX_REDIRECTS = 5
# RFC 9309 asks crawlers to read at least the first 500 KiB of a robots.txt.
ROBOTS_MAX_BYTES = 512_000
ROBOTS_AGENT = "Counterpoint"

HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
TEXT_TYPES = frozenset({"text/plain"})
FEED_TYPES = frozenset(
    {"application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/xml", "text/xml"}
)
ACCEPTED_TYPES = HTML_TYPES | TEXT_TYPES | FEED_TYPES
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8"
)


def _user_agent() -> str:
    try:
        version = metadata.version("counterpoint")
        urls = metadata.metadata("counterpoint").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        version, urls = "0", []
    home = urls[0].split(",", 1)[-1].strip() if urls else ""
    contact = f"+{home}" if home else "news comparison; no project URL set"
    return f"Counterpoint/{version} ({contact})"


USER_AGENT = _user_agent()


@dataclass(frozen=True, slots=True)
class Page:
    """A fetched resource: the URL as asked for, where it was finally served from, and its body."""

    url: str
    final_url: str
    media_type: str  # lower case, without parameters; "" when the server sent no Content-Type
    charset: str | None
    body: bytes


class _Blocked(Exception):
    """Internal: the network layer refused or could not resolve a host (message for the user)."""


def address_problem(address: str) -> str | None:
    """Why ``address`` (an IP address) must not be fetched from by default, or ``None`` if it is public.

    >>> address_problem("127.0.0.1")
    'a loopback address'
    >>> address_problem("93.184.215.14") is None
    True
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        # an IPv6 form that carries an IPv4 address reaches that address: judge the IPv4 one
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None:
            problem = address_problem(str(embedded))
            return f"{problem} ({embedded})" if problem else None
    if ip.is_unspecified:
        return "an unspecified address"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        return "a link-local address"
    if ip.is_multicast:
        return "a multicast address"
    if ip.is_private:
        return "a private-network address"
    if ip.is_reserved:
        return "a reserved address"
    if not ip.is_global:  # e.g. 100.64.0.0/10, shared by carrier-grade NAT
        return "not a public internet address"
    return None


_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


def _refusal(host: str, address: str, problem: str) -> str:
    where = f"{host} is {problem}" if host == address else f"{host} resolves to {address}, {problem}"
    return f"refused: {where}; pass --allow-private to fetch it"


def check_url(url: str, allow_private: bool = False) -> httpx.URL:
    """``url`` parsed, if it may be fetched: http(s), no credentials, and (unless ``allow_private``) not an
    IP literal of an inner network. Raises :class:`InputError` saying why not. Host names are checked when
    they are resolved, at connection time."""
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, TypeError, ValueError) as exc:
        raise InputError(url, f"not a valid URL ({exc})") from None
    if parsed.scheme not in ("http", "https"):
        scheme = parsed.scheme or "(none)"
        raise InputError(url, f"refused: only http and https URLs are fetched, not {scheme}:")
    if parsed.userinfo:
        raise InputError(url, "refused: the URL holds a user name or password; credentials are never sent, remove them")
    if not parsed.host:
        raise InputError(url, "not a valid URL: it names no host")
    if not allow_private:
        try:
            problem = address_problem(parsed.host)
        except ValueError:  # a name, not an address: checked when resolved
            problem = None
        if problem:
            raise InputError(url, _refusal(parsed.host, parsed.host, problem))
    return parsed


class _GuardedBackend(httpcore.NetworkBackend):
    """Resolves a host once, checks every address, and connects to a checked address (not to the name)."""

    def __init__(self, allow_private: bool) -> None:
        self._allow_private = allow_private
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise _Blocked(f"could not find the host {host} ({getattr(exc, 'strerror', None) or exc})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self._allow_private:
            for address in addresses:
                problem = address_problem(address)
                if problem:
                    raise _Blocked(_refusal(host, address, problem))
        error: Exception = _Blocked(f"could not find the host {host} (no addresses)")
        for address in addresses:
            try:
                return self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise _Blocked("refused: Unix sockets are never used")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class _Stream(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _GuardedTransport(httpx.BaseTransport):
    """httpx over an httpcore pool whose connections go through :class:`_GuardedBackend`. No proxy is used:
    a proxy would connect on our behalf to addresses we never see."""

    def __init__(self, allow_private: bool) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(),  # certifi's roots, or SSL_CERT_FILE / SSL_CERT_DIR if set
            max_connections=10,
            max_keepalive_connections=10,
            keepalive_expiry=5.0,
            network_backend=_GuardedBackend(allow_private),
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        core_request = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        response = self._pool.handle_request(core_request)
        assert isinstance(response.stream, Iterable)
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Stream(response.stream),
            extensions=response.extensions,
        )

    def close(self) -> None:
        self._pool.close()


class Fetcher:
    """Fetches URLs one at a time under the guards above; reuses connections. Use as a context manager."""

    def __init__(
        self,
        *,
        timeout: float = FETCH_TIMEOUT,
        max_bytes: int = 20_000_000,
        allow_private: bool = False,
        respect_robots: bool = False,
        max_redirects: int = MAX_REDIRECTS,
        user_agent: str = USER_AGENT,
    ) -> None:
        if not timeout > 0:
            raise ConfigError(f"fetch timeout must be a positive number of seconds, got {timeout!r}")
        if max_bytes < 1:
            raise ConfigError(f"max_bytes must be at least 1, got {max_bytes!r}")
        if max_redirects < 0:
            raise ConfigError(f"max_redirects must be 0 or more, got {max_redirects!r}")
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.allow_private = allow_private
        self.respect_robots = respect_robots
        self.max_redirects = max_redirects
        self._client = httpx.Client(
            transport=_GuardedTransport(allow_private),
            # only the encodings _read_body inflates itself
            headers={"User-Agent": user_agent, "Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"},
            follow_redirects=False,
            trust_env=False,  # no proxy from the environment, no .netrc credentials
        )
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, traceback: TracebackType | None
    ) -> None:
        self.close()

    def close(self) -> None:
        self._client.close()

    def fetch(self, url: str) -> Page:
        """The page at ``url`` (after redirects), or :class:`InputError` naming the URL and the reason."""
        deadline = time.monotonic() + self.timeout
        status, page = self._get(url, deadline, self.max_bytes, robots=self.respect_robots, accept=ACCEPTED_TYPES)
        assert status < 300
        return page

    def _get(
        self, url: str, deadline: float, max_bytes: int, *, robots: bool, accept: frozenset[str] | None
    ) -> tuple[int, Page]:
        """Follow redirects from ``url``; with ``accept`` None (robots.txt), any final status is returned."""
        current = url
        for hop in range(self.max_redirects + 1):
            try:
                target = check_url(current, self.allow_private)
            except InputError as exc:
                raise InputError(url, _via(exc.reason, current, hop)) from None
            if robots:
                self._check_robots(url, target, deadline)
            response = self._send(url, target, deadline)
            try:
                if response.next_request is not None:  # a redirect with a Location httpx could resolve
                    current = str(response.next_request.url)
                    continue
                if response.status_code >= 300 and accept is not None:
                    phrase = response.reason_phrase or "error"
                    raise InputError(
                        url, _via(f"the server answered HTTP {response.status_code} {phrase}", current, hop)
                    )
                media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
                if accept is not None and media_type and media_type not in accept:
                    raise InputError(
                        url, f"not a web page, text or feed: the server says it is {media_type}; not downloaded"
                    )
                body = self._read_body(url, response, deadline, max_bytes)
                page = Page(url, str(response.url), media_type, response.charset_encoding, body)
                return response.status_code, page
            finally:
                response.close()
        raise InputError(url, f"too many redirects (more than {self.max_redirects}); the last pointed to {current}")

    def _send(self, url: str, target: httpx.URL, deadline: float) -> httpx.Response:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise InputError(url, f"timed out after {self.timeout:g} s")
        request = self._client.build_request("GET", target, timeout=httpx.Timeout(remaining))
        try:
            return self._client.send(request, stream=True)
        except _Blocked as exc:
            raise InputError(url, str(exc)) from None
        except (httpcore.TimeoutException, httpx.TimeoutException):
            raise InputError(url, f"timed out after {self.timeout:g} s") from None
        except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
            raise InputError(url, f"could not connect to {target.host} ({exc or 'connection failed'})") from None
        except httpx.RemoteProtocolError as exc:  # raised by httpx itself, e.g. for a Location it cannot follow
            raise InputError(url, f"the server's answer cannot be followed ({exc})") from None
        except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol, httpx.HTTPError) as exc:
            raise InputError(url, f"the connection failed ({type(exc).__name__}: {exc})") from None
        except OSError as exc:
            raise InputError(url, f"the connection failed ({exc.strerror or exc})") from None

    def _read_body(self, url: str, response: httpx.Response, deadline: float, max_bytes: int) -> bytes:
        """The body, decompressed here rather than by httpx so that the size limit bounds memory too: httpx
        would inflate a whole network read (64 KiB of gzip can hold 60 MB) before the count is checked."""
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > max_bytes:
            raise InputError(url, f"too large ({int(declared):,} bytes, limit {max_bytes:,}); raise --max-bytes")
        decompressor = _decompressor(url, response.headers.get("content-encoding", ""))
        chunks: list[bytes] = []
        size = 0
        try:
            for data in response.iter_raw():
                while data:
                    if decompressor is None:
                        piece, data = data, b""
                    else:  # at most one byte past the limit is inflated
                        piece = decompressor.decompress(data, max_bytes + 1 - size)
                        data = decompressor.unconsumed_tail
                    size += len(piece)
                    if size > max_bytes:
                        raise InputError(url, f"too large (over {max_bytes:,} bytes); raise --max-bytes")
                    chunks.append(piece)
                if time.monotonic() > deadline:
                    raise InputError(url, f"timed out after {self.timeout:g} s (the page was still arriving)")
        except zlib.error as exc:
            raise InputError(url, f"the compressed page is damaged ({exc})") from None
        except (httpcore.TimeoutException, httpx.TimeoutException):
            raise InputError(url, f"timed out after {self.timeout:g} s (the page was still arriving)") from None
        except (httpcore.NetworkError, httpcore.ProtocolError, httpx.HTTPError, OSError) as exc:
            raise InputError(url, f"the connection broke while reading ({type(exc).__name__}: {exc})") from None
        return b"".join(chunks)

    def _check_robots(self, url: str, target: httpx.URL, deadline: float) -> None:
        origin = f"{target.scheme}://{target.netloc.decode('ascii')}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(url, origin, deadline)
        parser = self._robots[origin]
        if parser is not None and not parser.can_fetch(ROBOTS_AGENT, str(target)):
            raise InputError(url, f"not fetched: {origin}/robots.txt disallows {target.path} for crawlers")

    def _load_robots(self, url: str, origin: str, deadline: float) -> urllib.robotparser.RobotFileParser | None:
        """The parsed robots.txt of ``origin``; ``None`` when it has none (any 4xx answer: all allowed)."""
        robots_url = f"{origin}/robots.txt"
        try:
            status, page = self._get(robots_url, deadline, ROBOTS_MAX_BYTES, robots=False, accept=None)
        except InputError as exc:
            if "too large" in exc.reason:
                raise InputError(url, f"{robots_url} is too large to read; not fetched") from None
            raise InputError(url, f"{robots_url} could not be read ({exc.reason}); not fetched") from None
        if 400 <= status < 500:
            return None
        if status >= 500:  # RFC 9309: an unreachable robots.txt means "disallow everything"
            raise InputError(url, f"{robots_url} answered HTTP {status}; not fetched while it is unreachable")
        parser = urllib.robotparser.RobotFileParser(robots_url)
        parser.parse(page.body.decode("utf-8", errors="replace").splitlines())
        return parser


def _decompressor(url: str, content_encoding: str) -> Any:
    """A zlib decompressor for the response's Content-Encoding (gzip or deflate, the two asked for), or
    ``None`` for an uncompressed body."""
    codings = [c.strip().lower() for c in content_encoding.split(",") if c.strip().lower() not in ("", "identity")]
    if not codings:
        return None
    if len(codings) == 1 and codings[0] in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if len(codings) == 1 and codings[0] == "deflate":
        return zlib.decompressobj(32 + zlib.MAX_WBITS)  # zlib-wrapped, as RFC 9110 says (also takes gzip)
    raise InputError(url, f"the server compressed the page as '{content_encoding}', which is not read")


def _via(reason: str, current: str, hop: int) -> str:
    return f"{reason} (at {current}, reached by redirect)" if hop else reason
