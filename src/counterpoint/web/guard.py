"""What guards the web app: the security headers of every response, the access token, and the CSRF token of
its forms.

A write (comparing a story, adding articles from the compare page) takes the access token, either as
``Authorization: Bearer TOKEN`` from a script or typed into a form. A form must also come from a page of
this site: same origin (when the browser says) and a CSRF token matching the ``SameSite=Strict`` cookie
the page set (double submit).
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import parse_qs

from fastapi import HTTPException, Request
from fastapi.responses import Response
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

# Every response. No script at all (the pages need none); styles only from our own stylesheet.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'none'; style-src 'self'; img-src 'self'; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    # Links out to outlets do not tell them what was being read. Not "no-referrer": under it a browser sends
    # "Origin: null" with every form POST, even to this site, and the origin check could not tell ours.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Cross-Origin-Opener-Policy": "same-origin",
}

# A write's form holds a token and a CSRF token: a few hundred bytes. Anything larger is refused unread.
MAX_FORM_BYTES = 4096
# An access token shorter than this could be guessed; secrets.token_urlsafe() gives 43 characters.
MIN_TOKEN_CHARS = 16
CSRF_COOKIE = "counterpoint_csrf"


class SecurityHeaders:
    """Adds :data:`SECURITY_HEADERS` to every response, static files and errors included."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(message)

        await self.app(scope, receive, send_with_headers)


def no_writes() -> HTTPException:
    return HTTPException(
        403,
        "This server takes no writes: it was started without an access token (COUNTERPOINT_TOKEN), and "
        "compares a story when its page is viewed.",
    )


def bearer(request: Request) -> str | None:
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    return credentials.strip() if scheme.lower() == "bearer" and credentials.strip() else None


def check_token(given: str, token: str) -> None:
    if not hmac.compare_digest(given.encode(), token.encode()):
        raise HTTPException(401, "The access token is missing or wrong.", {"WWW-Authenticate": "Bearer"})


def check_origin(request: Request) -> None:
    """A form sent from another site is refused (browsers name the page's origin on a POST)."""
    origin = request.headers.get("origin")
    if origin is not None and origin != f"{request.url.scheme}://{request.url.netloc}":
        raise HTTPException(403, "This form was sent from another site.")


def check_csrf(request: Request, form: dict[str, str]) -> None:
    """The form must come from a page of this site: same origin, and the CSRF token of the cookie we set."""
    check_origin(request)
    cookie, field = request.cookies.get(CSRF_COOKIE, ""), form.get("csrf", "")
    if not cookie or not hmac.compare_digest(cookie.encode(), field.encode()):
        raise HTTPException(403, "The form has expired or did not come from this site: reload the page and try again.")


def csrf_token(request: Request) -> str:
    """The CSRF token for a form on this page: the browser's, or a new one (set it with :func:`set_csrf`)."""
    return request.cookies.get(CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_csrf(request: Request, response: Response, csrf: str) -> None:
    response.set_cookie(CSRF_COOKIE, csrf, httponly=True, samesite="strict", secure=request.url.scheme == "https")


async def read_form(request: Request) -> dict[str, str]:
    """A small URL-encoded form (refused unread beyond MAX_FORM_BYTES)."""
    if int(request.headers.get("content-length") or 0) > MAX_FORM_BYTES:
        raise HTTPException(413, f"A form here is under {MAX_FORM_BYTES} bytes.")
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise HTTPException(413, f"A form here is under {MAX_FORM_BYTES} bytes.")
    if body and not request.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
        raise HTTPException(415, "Send the form as application/x-www-form-urlencoded.")
    return {key: values[0] for key, values in parse_qs(body.decode("utf-8", "replace")).items()}
