"""The web app: ``counterpoint serve``, server-rendered pages over the store, each with a JSON twin.

>>> from counterpoint.web import create_app, serve
>>> serve("news.db")  # doctest: +SKIP
"""

from __future__ import annotations

from .app import create_app, serve

__all__ = ["create_app", "serve"]
