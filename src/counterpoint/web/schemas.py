"""The web API's JSON shapes (pydantic, at the edge): the story list and the article twin.

The story twin is the JSON report itself (``counterpoint-report/2``, docs/report-format.md); its JSON
Schema goes into the OpenAPI document as ``Report``.
"""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from ..report.json_report import load_schema


class StoryItem(BaseModel):
    """A story as listed."""

    id: str
    title: str | None
    size: int = Field(description="articles, wire copies included")
    originals: int = Field(description="articles that are not wire copies")
    outlets: list[str]
    first_published: dt.date | None
    last_published: dt.date | None = Field(description="the last update: the newest article's day")
    url: str = Field(description="the story page")


class StoryList(BaseModel):
    """One page of the story list, with the filters that made it."""

    model_config = ConfigDict(populate_by_name=True)

    stories: list[StoryItem]
    total: int = Field(description="stories that pass the filters, on every page")
    page: int
    pages: int
    per_page: int
    q: str = Field(description="a substring of the title, any case")
    outlet: str
    date_from: dt.date | None = Field(alias="from", description="stories with an article on or after this day")
    date_to: dt.date | None = Field(alias="to", description="stories with an article on or before this day")
    outlets: list[str] = Field(description="every outlet of the store, for the outlet filter")


class ArticleTwin(BaseModel):
    """An article: as the JSON report shows it (``article``), and what the comparison of its story found in it
    (empty lists while the story has not been compared)."""

    article: dict[str, Any] = Field(description="the report's articles[] shape: text, sentences, removed")
    story: str
    copy_of: str | None = Field(description="the id of the article this one copies (a wire copy), if any")
    compared: bool
    entities: list[dict[str, Any]]
    quotes: list[dict[str, Any]]
    quantities: list[dict[str, Any]]
    framing: list[dict[str, Any]]
    claims: list[dict[str, Any]] = Field(description="id, label (its text), status and kind of the claims it carries")


def report_schemas() -> dict[str, Any]:
    """The report's JSON Schema as OpenAPI components: ``Report`` and the ``ReportArticle`` it refers to."""
    schema = copy.deepcopy(load_schema())
    definitions = schema.pop("$defs", {})
    for key in ("$schema", "$id"):
        schema.pop(key, None)

    def relink(node: Any) -> Any:
        if isinstance(node, dict):
            return {
                key: (
                    "#/components/schemas/Report" + value.removeprefix("#/$defs/").title()
                    if key == "$ref" and isinstance(value, str) and value.startswith("#/$defs/")
                    else relink(value)
                )
                for key, value in node.items()
            }
        if isinstance(node, list):
            return [relink(item) for item in node]
        return node

    components = {"Report" + name.title(): relink(body) for name, body in definitions.items()}
    components["Report"] = relink(schema)
    return components


class CompareForm(BaseModel):
    """What the compare page takes (its twin): whether this server takes articles, and the limits."""

    writes: bool = Field(description="false when the server was started without an access token: no POST")
    private_urls: bool = Field(description="whether URLs may reach private, loopback and link-local addresses")
    separator: str = Field(description="a line holding only this separates pasted articles")
    header_lines: list[str] = Field(description="header lines a pasted article may start with")
    max_request_bytes: int
    max_files: int
    max_urls: int
    max_items: int = Field(description="articles and rejections read from one request")
    max_fetch_bytes: int = Field(description="all pages fetched for one request")
    max_url_bytes: int = Field(description="one page fetched")


class AddedArticle(BaseModel):
    id: str
    source: str
    outlet: str
    title: str | None
    published: dt.date | None
    story: str | None
    url: str = Field(description="the article page")


class AddedStory(BaseModel):
    id: str
    title: str | None
    size: int = Field(description="articles of the story in the store, this request's included")
    outlets: list[str]
    articles: list[str] = Field(description="ids of this request's articles in the story")
    compared: bool = Field(description="compared by this request; otherwise its page compares it or offers to")
    url: str = Field(description="the story page")


class Rejected(BaseModel):
    source: str
    reason: str


class CompareResult(BaseModel):
    """What a POST to the compare page added: the stories (ids first), the articles, the inputs rejected."""

    stories: list[AddedStory]
    articles: list[AddedArticle]
    rejected: list[Rejected]
    read: int = Field(description="articles read from the inputs")
    stored: int = Field(description="articles new to the store (the others were there already)")
    copies: int = Field(description="new articles that are wire copies of a stored article")
