"""The web app: ``counterpoint serve``, server-rendered pages over the store, each with a JSON twin.

>>> from counterpoint.web import create_app, serve
>>> serve("news.db")  # doctest: +SKIP

Importing the package loads no web framework: ``counterpoint compare --html`` renders the story page's
templates (:mod:`.render`) without FastAPI; :func:`create_app` and :func:`serve` load it when first named.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .app import create_app, serve

__all__ = ["create_app", "serve"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import app

        return getattr(app, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
