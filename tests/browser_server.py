"""The real server for the browser tests: uvicorn in a thread, on 127.0.0.1 and a free port, over a store
holding the harbour-fire story and one hostile invented article (its own story)."""

from __future__ import annotations

import contextlib
import json
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import uvicorn

from counterpoint.pipeline import ingest_corpus
from counterpoint.store import open_store
from counterpoint.web import create_app

from .conftest import EXAMPLES

HARBOUR = "sb826861b67fb"
# Every payload would set window.__pwned (or open a dialog) if it ever ran in the page.
PWN = "window.__pwned=1"
HOSTILE_RECORD = {
    "outlet": f"<script>{PWN}</script>Evil <b onmouseover={PWN}>Times</b><iframe src=javascript:alert(1)>",
    "title": f"<img src=x onerror='{PWN};alert(2)'> Bakers <iframe src=javascript:{PWN}> fill Tarvik"
    f"<script>{PWN}</script>",
    "url": f"javascript:{PWN}",
    "published": "2025-03-13",
    "text": "\n".join(
        [
            f"<script>{PWN};alert('body')</script> The Lumen bakery festival opened in Tarvik on Saturday with "
            f'<img src=x onerror="{PWN};alert(3)"> record crowds of bakers.',
            f'Organisers said 3,000 visitors came <a href="javascript:{PWN}">to the square</a> before noon.',
            f'<iframe src="javascript:{PWN}"></iframe> Mayor Ana Ruiz said the festival would return next year.',
            f"READ MORE: <a href=javascript:alert(4)>the best loaves of the year</a><body onload={PWN}>",
            f'The baker Jon Vell said "<svg onload={PWN}>" was the name of his new rye bread.',
        ]
    ),
}


def build_store(folder: Path) -> Path:
    """A SQLite store in ``folder``: the harbour-fire example and the hostile article."""
    (folder / "hostile.jsonl").write_text(json.dumps(HOSTILE_RECORD) + "\n", "utf-8")
    path = folder / "news.db"
    store = open_store(path)
    try:
        ingest_corpus([EXAMPLES, folder / "hostile.jsonl"], store)
    finally:
        store.close()
    return path


@contextlib.contextmanager
def running_server(store_path: Path, token: str | None = None) -> Iterator[str]:
    """Serve the store (as ``counterpoint serve`` does: loopback host check; no token unless given) and yield
    its base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    app = create_app(store_path, token, allowed_hosts=["127.0.0.1", "localhost"])
    config = uvicorn.Config(app, log_level="warning", server_header=False, access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 20
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the web server did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        sock.close()
