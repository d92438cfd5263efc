"""The web app: server-rendered pages over the corpus store, each with a JSON twin.

    counterpoint serve --db news.db          # http://127.0.0.1:8000/

=====================================  ==========================================================
page                                   JSON twin (also: the page's URL with Accept: application/json)
=====================================  ==========================================================
``/`` the stories, searchable           ``/stories.json``
``/stories/{id}`` a compared story      ``/stories/{id}.json``: the JSON report (counterpoint-report/2)
``/articles/{id}`` a cleaned article    ``/articles/{id}.json``
``/compare`` add articles: paste,        ``/compare.json``: the limits; a POST answers the stories it added
upload, URLs (needs the token)
=====================================  ==========================================================

A story is compared (spaCy, sentence embeddings: 5-20 s) the first time its page is viewed and kept in
memory (:mod:`.cache`). With an access token, viewing never starts a comparison: it takes a POST to
``/stories/{id}/compare`` with the token (and, from the page's form, its CSRF token). The OpenAPI document
is at ``/openapi.json``. Every page is escaped Jinja2 with no script, under a strict Content-Security-Policy
(:mod:`.guard`); the story page's template also renders ``counterpoint compare --html`` (:mod:`.render`).
"""

from __future__ import annotations

import datetime as dt
import logging
import math
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from ..errors import ConfigError
from ..pipeline import CompareOptions
from ..store import SQLStore, open_store
from .cache import Compared, Comparer, ComparisonCache, model_comparer
from .guard import (
    CONTENT_SECURITY_POLICY,
    MIN_TOKEN_CHARS,
    SECURITY_HEADERS,
    SecurityHeaders,
    bearer,
    check_csrf,
    check_origin,
    check_token,
    csrf_token,
    no_writes,
    read_form,
    set_csrf,
)
from .inputs import (
    FETCH_SECONDS,
    MAX_REQUEST_BYTES,
    Submission,
    check_counts,
    form_limits,
    parse_submission,
    read_body,
    store_submission,
    stories_in_order,
)
from .render import article_url, environment, story_url, version
from .schemas import ArticleTwin, CompareForm, CompareResult, StoryItem, StoryList, report_schemas
from .views import article_twin, matches, story_view, text_lines

__all__ = ["CONTENT_SECURITY_POLICY", "SECURITY_HEADERS", "create_app", "serve"]

log = logging.getLogger(__name__)

# Stories per page of the list: a phone screen or two; a script may ask for up to MAX_PER_PAGE.
PER_PAGE = 25
MAX_PER_PAGE = 200
LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
# Stories a POST to the compare page compares before it answers (each takes 5-45 s): pasted articles on
# one event make one story; the page lists the others, each with its compare form.
COMPARE_AT_ONCE = 3


class _Stores:
    """One store connection per thread: pages are served from a pool of threads, and an SQLite connection
    belongs to the thread that opened it."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._local = threading.local()
        self._opened: list[SQLStore] = []
        self._lock = threading.Lock()

    def get(self) -> SQLStore:
        store: SQLStore | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url)
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for store in opened:
            with suppress(Exception):  # an SQLite connection refuses to be closed from another thread
                store.close()


def _check_store(url: str) -> None:
    path = url.removeprefix("sqlite:///")
    if "://" not in path and not Path(path).is_file():
        raise ConfigError(f"no store at {path}; create one with: counterpoint ingest FILES --db {path}")


def _wants_json(request: Request) -> bool:
    """Whether the client prefers JSON to HTML (``Accept: application/json``; a browser asks for HTML)."""
    accept = request.headers.get("accept", "").lower()
    json_at, html_at = accept.find("application/json"), accept.find("text/html")
    return json_at >= 0 and (html_at < 0 or json_at < html_at)


def _day(value: str, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(400, f"{name}: '{value}' is not a date; use YYYY-MM-DD, e.g. 2025-03-12") from None


class StoryQuery:
    """The story list's filters and page, from the query string."""

    def __init__(
        self,
        q: Annotated[str, Query(description="a substring of the title, any case")] = "",
        outlet: Annotated[str, Query(description="only stories this outlet covers")] = "",
        date_from: Annotated[str, Query(alias="from", description="YYYY-MM-DD: an article on or after it")] = "",
        date_to: Annotated[str, Query(alias="to", description="YYYY-MM-DD: an article on or before it")] = "",
        page: Annotated[int, Query(ge=1)] = 1,
        per_page: Annotated[int, Query(ge=1, le=MAX_PER_PAGE)] = PER_PAGE,
    ) -> None:
        self.q, self.outlet, self.page, self.per_page = q.strip(), outlet, page, per_page
        self.date_from, self.date_to = _day(date_from, "from"), _day(date_to, "to")

    def link(self, page: int) -> str:
        """The list's URL for ``page`` with the same filters."""
        params = {
            "q": self.q,
            "outlet": self.outlet,
            "from": self.date_from.isoformat() if self.date_from else "",
            "to": self.date_to.isoformat() if self.date_to else "",
            "per_page": str(self.per_page) if self.per_page != PER_PAGE else "",
            "page": str(page) if page > 1 else "",
        }
        encoded = urlencode({key: value for key, value in params.items() if value})
        return "/" + (f"?{encoded}" if encoded else "")


def create_app(
    store_url: str | Path,
    token: str | None = None,
    *,
    options: CompareOptions | None = None,
    comparer: Comparer | None = None,
    allowed_hosts: list[str] | None = None,
    allow_private: bool = False,
) -> FastAPI:
    """The app over the store at ``store_url``.

    ``token``: when given, a story is compared only on a POST that carries it (viewing shows the stored
    articles and a form); without it, viewing a story compares it. ``options`` are the comparison's;
    ``comparer`` replaces :func:`counterpoint.pipeline.compare_story` (tests); ``allowed_hosts`` are the
    Host headers answered (refuses DNS rebinding; :func:`serve` sets it on a loopback address);
    ``allow_private`` lets URLs given on the compare page reach private, loopback and link-local addresses.

    >>> app = create_app("news.db")  # doctest: +SKIP
    """
    url = str(store_url)
    _check_store(url)
    open_store(url).close()  # a wrong URL or a newer schema fails here, not on the first page
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise ConfigError(
            f"the access token has {len(token)} characters; use {MIN_TOKEN_CHARS} or more, e.g. from: "
            "python -c 'import secrets; print(secrets.token_urlsafe())'"
        )
    stores = _Stores(url)
    if comparer is None:
        comparer = model_comparer(options)

    cache = ComparisonCache(comparer)
    env = environment()  # autoescape on for every template, whatever its name: all article text is hostile
    writing = threading.Lock()  # one submission stored at a time: the corpus phase reads the store, then writes

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(
        title="Counterpoint",
        version=version(),
        summary="One news story through many outlets: stories, compared stories and cleaned articles.",
        docs_url=None,  # the interactive docs load scripts from a CDN, which the page policy forbids
        redoc_url=None,
        lifespan=lifespan,
    )
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so the host check's refusals carry them too
    app.mount("/static", StaticFiles(packages=[("counterpoint.web", "static")]), name="static")

    def html(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        context.setdefault("json_url", None)
        body = env.get_template(template).render(**context)
        return HTMLResponse(body, status_code=status, headers={"Vary": "Accept"})

    def negotiated(request: Request, data: Any, template: str, status: int = 200, **context: Any) -> Response:
        """The page, or its twin ``data`` (a dict, or a pydantic model) if the client asks for JSON."""
        if _wants_json(request):
            if hasattr(data, "model_dump"):
                data = data.model_dump(mode="json", by_alias=True)
            return JSONResponse(data, status_code=status, headers={"Vary": "Accept"})
        return html(template, status, **context)

    def error(request: Request, status: int, detail: str, headers: dict[str, str] | None = None) -> Response:
        if _wants_json(request) or request.url.path.endswith(".json"):
            return JSONResponse({"detail": detail}, status_code=status, headers=headers)
        titles = {
            400: "Bad request",
            401: "Token needed",
            403: "Not allowed",
            404: "Not found",
            409: "Not compared",
            413: "Too large",
            415: "Unsupported form",
        }
        response = html("error.html", status, title=titles.get(status, "Error"), code=status, detail=detail)
        response.headers.update(headers or {})
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = str(exc.detail)
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"There is no page at {request.url.path}."
        elif exc.status_code == 405:
            detail = f"{request.method} is not accepted at {request.url.path}."
        return error(request, exc.status_code, detail, dict(exc.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def bad_query(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in exc.errors())
        return error(request, 400, f"The address has a value this page cannot use ({problems}).")

    @app.exception_handler(Exception)
    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("%s %s failed", request.method, request.url.path)
        response = error(request, 500, "Something went wrong on the server; its log says what.")
        response.headers.update(SECURITY_HEADERS)  # this handler answers outside the middleware
        return response

    # --- the story list --------------------------------------------------------------------------------

    def story_list(query: StoryQuery) -> StoryList:
        stories = stores.get().stories()
        chosen = [s for s in stories if matches(s, query.q, query.outlet, query.date_from, query.date_to)]
        chosen.sort(key=lambda s: (s.last_published or dt.date.min, s.size), reverse=True)  # latest first
        pages = max(1, math.ceil(len(chosen) / query.per_page))
        shown = chosen[(query.page - 1) * query.per_page : query.page * query.per_page]
        return StoryList.model_validate(
            {
                "stories": [
                    StoryItem(
                        id=s.story_id,
                        title=s.title,
                        size=s.size,
                        originals=s.originals,
                        outlets=s.outlets,
                        first_published=s.first_published,
                        last_published=s.last_published,
                        url=story_url(s.story_id),
                    )
                    for s in shown
                ],
                "total": len(chosen),
                "page": query.page,
                "pages": pages,
                "per_page": query.per_page,
                "q": query.q,
                "outlet": query.outlet,
                "from": query.date_from,
                "to": query.date_to,
                "outlets": sorted({o for s in stories for o in s.outlets}),
            }
        )

    @app.get("/stories.json", tags=["stories"], summary="The story list")
    def stories_json(query: Annotated[StoryQuery, Depends()]) -> StoryList:
        return story_list(query)

    @app.get(
        "/",
        tags=["pages"],
        summary="The story list page (JSON with Accept: application/json)",
        response_class=HTMLResponse,
        responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/StoryList"}}}}},
    )
    def stories_page(request: Request, query: Annotated[StoryQuery, Depends()]) -> Response:
        listing = story_list(query)
        json_url = "/stories.json" + query.link(query.page)[1:]
        return negotiated(
            request, listing, "stories.html", title="Stories", listing=listing, query=query, json_url=json_url
        )

    # --- a story ---------------------------------------------------------------------------------------

    def story_rows(store: SQLStore, story_id: str) -> list[tuple[Any, str | None]]:
        try:
            return store.story_articles(story_id)
        except ConfigError:
            raise HTTPException(
                404, f"There is no story '{story_id}' in this store. The stories are listed at /."
            ) from None

    def compared_story(story_id: str, compare: bool) -> tuple[list[tuple[Any, str | None]], Compared | None]:
        store = stores.get()
        rows = story_rows(store, story_id)
        ids = frozenset(article.article_id for article, _ in rows)
        entry = cache.get(story_id, ids)
        if entry is None and compare:
            entry = cache.compare(store, story_id, ids)
        return rows, entry

    def not_compared(story_id: str) -> str:
        return (
            f"Story '{story_id}' has not been compared yet. Comparing it takes the access token: "
            f"POST {story_url(story_id)}/compare, or use the form on its page."
        )

    @app.get(
        "/stories/{story_id}.json",
        tags=["stories"],
        summary="A compared story: the JSON report",
        response_class=JSONResponse,
        responses={
            200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}},
            404: {"description": "no such story"},
            409: {"description": "not compared yet (a server with a token compares on POST only)"},
        },
    )
    def story_json(story_id: str) -> Response:
        _, entry = compared_story(story_id, compare=token is None)
        if entry is None:
            raise HTTPException(409, not_compared(story_id))
        return JSONResponse(entry.report)

    @app.get(
        "/stories/{story_id}",
        tags=["pages"],
        summary="A story page: digest, coverage, differences, framing, sources, claims (JSON: the report)",
        response_class=HTMLResponse,
        responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Report"}}}}},
    )
    def story_page(request: Request, story_id: str) -> Response:
        rows, entry = compared_story(story_id, compare=token is None)
        json_url = story_url(story_id) + ".json"
        title = next((s.title for s in stores.get().stories() if s.story_id == story_id), None)
        if entry is None:
            if _wants_json(request):
                raise HTTPException(409, not_compared(story_id))
            csrf = csrf_token(request)
            response = html(
                "story_pending.html",
                409,
                title=title or "Untitled story",
                story_id=story_id,
                rows=rows,
                csrf=csrf,
                json_url=json_url,
            )
            set_csrf(request, response, csrf)
            return response
        copies = {article.article_id: copy_of for article, copy_of in rows}
        view = story_view(entry.report, story_id, title, copies)
        return negotiated(request, entry.report, "story.html", title=view.title, story=view, json_url=json_url)

    @app.post(
        "/stories/{story_id}/compare",
        tags=["stories"],
        summary="Compare a story now (needs the access token; a form also needs its CSRF token)",
        status_code=303,
        responses={303: {"description": "compared: see the story page"}, 401: {}, 403: {}, 404: {}},
    )
    async def compare_now(request: Request, story_id: str) -> Response:
        if token is None:
            raise no_writes()
        given = bearer(request)
        if given is None:  # a browser's form: the token is typed in, and the form must be one we served
            form = await read_form(request)
            check_csrf(request, form)
            given = form.get("token", "")
        check_token(given, token)

        def run() -> None:
            compared_story(story_id, compare=True)

        await run_in_threadpool(run)
        return RedirectResponse(story_url(story_id), status_code=303)

    # --- an article ------------------------------------------------------------------------------------

    def article_data(article_id: str) -> ArticleTwin:
        store = stores.get()
        story_id = store.story_of(article_id)
        if story_id is None:
            raise HTTPException(404, f"There is no article '{article_id}' in this store. The stories are listed at /.")
        rows = story_rows(store, story_id)
        article, copy_of = next((a, c) for a, c in rows if a.article_id == article_id)
        entry = cache.get(story_id, frozenset(a.article_id for a, _ in rows))
        return ArticleTwin(**article_twin(article, story_id, copy_of, entry.report if entry else None))

    @app.get("/articles/{article_id}.json", tags=["articles"], summary="An article, cleaned, and what was found in it")
    def article_json(article_id: str) -> ArticleTwin:
        return article_data(article_id)

    @app.get(
        "/articles/{article_id}",
        tags=["pages"],
        summary="An article page: its cleaned text with removed lines and their reasons",
        response_class=HTMLResponse,
        responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArticleTwin"}}}}},
    )
    def article_page(request: Request, article_id: str) -> Response:
        twin = article_data(article_id)
        return negotiated(
            request,
            twin,
            "article.html",
            title=twin.article["title"] or "Untitled article",
            twin=twin,
            lines=text_lines(twin.article),
            json_url=article_url(article_id) + ".json",
        )

    # --- the compare page: add articles ---------------------------------------------------------------------

    limits = form_limits(writes=token is not None, allow_private=allow_private)

    def compare_form(
        request: Request, status: int = 200, submission: Submission | None = None, problem: str = "", **context: Any
    ) -> Response:
        csrf = csrf_token(request)
        submission = submission or Submission()
        response = html(
            "compare.html",
            status,
            title="Compare articles",
            limits=limits,
            fetch_seconds=FETCH_SECONDS,
            csrf=csrf,
            text=submission.text,
            urls="\n".join(submission.urls),
            problem=problem,
            json_url="/compare.json",
            **{"result": None, **context},
        )
        set_csrf(request, response, csrf)
        return response

    @app.get("/compare.json", tags=["compare"], summary="What the compare page takes: its limits")
    def compare_limits() -> CompareForm:
        return limits

    @app.get(
        "/compare",
        tags=["pages"],
        summary="The compare page: paste articles, upload files or give URLs (JSON: its limits)",
        response_class=HTMLResponse,
        responses={200: {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/CompareForm"}}}}},
    )
    def compare_page(request: Request) -> Response:
        if _wants_json(request):
            return JSONResponse(limits.model_dump(mode="json"), headers={"Vary": "Accept"})
        return compare_form(request)

    def add(submission: Submission) -> CompareResult:
        store = stores.get()
        with writing:
            outcome = store_submission(store, submission, allow_private)
        compared = stories_in_order(outcome)[:COMPARE_AT_ONCE]
        for story_id in compared:
            compared_story(story_id, compare=True)
        return outcome.result(store.stories(), set(compared))

    @app.post(
        "/compare",
        tags=["compare"],
        summary="Add articles (pasted text, files, URLs) and compare their stories; needs the access token",
        status_code=200,
        response_model=CompareResult,
        responses={
            303: {"description": "one story, every input read: see its page (a browser's form)"},
            400: {"description": "too many files or URLs, or nothing could be read"},
            401: {},
            403: {},
            413: {"description": f"the request is over {MAX_REQUEST_BYTES:,} bytes"},
            415: {},
        },
    )
    @app.post("/compare.json", include_in_schema=False)
    async def compare_submit(request: Request) -> Response:
        """Multipart (or URL-encoded) fields: ``text`` (articles separated by a line ``---``), ``urls`` (one per
        line), ``files`` (any number of file parts), and ``token`` with ``csrf`` from the page's form, or an
        ``Authorization: Bearer TOKEN`` header from a script. Answers the stories the articles are in (JSON
        with ``Accept: application/json`` or at ``/compare.json``); a browser goes to the story page."""
        as_json = _wants_json(request) or request.url.path.endswith(".json")
        if token is None:
            raise no_writes()
        given = bearer(request)
        if given is not None:
            check_token(given, token)  # before a byte of the body is read
        else:
            check_origin(request)
        body = await read_body(request)
        submission = await run_in_threadpool(parse_submission, request.headers.get("content-type", ""), body)
        if given is None:  # a browser's form: the token is typed in, and the form must be one we served
            check_csrf(request, submission.fields)
            check_token(submission.fields.get("token", ""), token)
        try:
            check_counts(submission)
        except HTTPException as exc:
            if as_json:
                raise
            return compare_form(request, exc.status_code, submission, str(exc.detail))
        result = await run_in_threadpool(add, submission)
        status = 200 if result.articles else 400
        if as_json:
            data = result.model_dump(mode="json")
            if not result.articles:
                data["detail"] = "No article could be read; rejected[] says why for each input."
            return JSONResponse(data, status_code=status)
        if not result.articles:
            problem = "Nothing was added: no input could be read. Each one and why is listed below."
            return compare_form(request, 400, submission, problem, result=result)
        if len(result.stories) == 1 and not result.rejected:
            return RedirectResponse(result.stories[0].url, status_code=303)
        return html("compare_result.html", title="Articles added", result=result, compare_at_once=COMPARE_AT_ONCE)

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = get_openapi(title=app.title, version=app.version, summary=app.summary, routes=app.routes)
            schema.setdefault("components", {}).setdefault("schemas", {}).update(report_schemas())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
    app.state.cache = cache
    return app


def serve(
    store_url: str | Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    token: str | None = None,
    allow_private: bool = False,
) -> None:
    """Serve the store's pages with uvicorn until interrupted.

    On 127.0.0.1 or localhost only those host names are answered (a page elsewhere cannot reach the
    server through DNS rebinding). On any other address without a token, anyone who reaches it can start
    comparisons: a warning is logged. ``allow_private`` lets URLs given on the compare page reach private,
    loopback and link-local addresses.

    >>> serve("news.db", port=8000)  # doctest: +SKIP
    """
    import uvicorn

    if host not in LOOPBACK_HOSTS and token is None:
        log.warning("serving on %s without an access token: anyone who reaches it can start comparisons", host)
    hosts = ["127.0.0.1", "localhost"] if host in ("127.0.0.1", "localhost") else None
    app = create_app(store_url, token, allowed_hosts=hosts, allow_private=allow_private)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
