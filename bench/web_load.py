"""A bounded load test of the web app over the loopback address: N concurrent clients on the story list,
the story page, its JSON twin and an article page.

    python bench/web_load.py                          # 8 clients x 200 requests, the harbour-fire story
    python bench/web_load.py --clients 16 --requests 100

The harbour-fire example is ingested into a temporary store and served by the real server, `counterpoint
serve` (uvicorn, one process, as shipped), in a child process on 127.0.0.1 and a free port. The story is
viewed once first (its comparison: spaCy and MiniLM, timed apart), so the load measures serving, not the
models. Then each client (a thread with its own keep-alive httpx connection) sends its requests round
the four pages in turn. Every request has a 30 s timeout; any status but 200 counts as an error. Prints,
for each page: requests, errors, p50, p99 and max latency, and requests per second over the whole run.
The clients share this process (and the machine's cores) with nothing but each other; the server has its
own process.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbour-fire"
HARBOUR = "sb826861b67fb"
REQUEST_TIMEOUT = 30.0


def skip(reason: str) -> None:
    print(f"web load test skipped: {reason}")
    sys.exit(0)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def wait_until_up(httpx: Any, base: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit(f"the server stopped (exit {server.returncode}):\n{log.read_text('utf-8', 'replace')[-2000:]}")
        try:
            if httpx.get(base + "/stories.json", timeout=2).status_code == 200:
                return
        except Exception:
            pass
        time.sleep(0.2)
    sys.exit(f"the server did not answer within 60 s:\n{log.read_text('utf-8', 'replace')[-2000:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--requests", type=int, default=200, help="requests per client (default 200)")
    args = parser.parse_args()
    if args.clients < 1 or args.requests < 1:
        parser.error("--clients and --requests must be at least 1")

    try:
        import httpx

        from counterpoint.pipeline import ingest_corpus
        from counterpoint.store import open_store
    except ImportError as missing:
        skip(f"{missing.name} is not installed (make test installs the dev dependencies)")
    command = shutil.which("counterpoint", path=str(Path(sys.executable).parent)) or shutil.which("counterpoint")
    if command is None:
        skip("the counterpoint command is not installed (pip install -e .)")
    if not EXAMPLES.is_dir():
        skip(f"no example corpus at {EXAMPLES}")

    with tempfile.TemporaryDirectory(prefix="counterpoint-load-") as folder:
        db, log = Path(folder) / "news.db", Path(folder) / "server.log"
        store = open_store(db)
        ingest_corpus([EXAMPLES], store)
        store.close()
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with log.open("wb") as out:
            server = subprocess.Popen(
                [command, "serve", "--db", str(db), "--port", str(port)],
                stdout=out,
                stderr=subprocess.STDOUT,
                env={k: v for k, v in os.environ.items() if k != "COUNTERPOINT_TOKEN"},  # views compare
            )
            try:
                wait_until_up(httpx, base, server, log)
                run(httpx, base, args.clients, args.requests)
            finally:
                server.terminate()
                try:
                    server.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()


def run(httpx: Any, base: str, clients: int, requests: int) -> None:
    client = httpx.Client(base_url=base, timeout=300)
    with client:
        started = time.perf_counter()
        first = client.get(f"/stories/{HARBOUR}")
        if first.status_code != 200:
            sys.exit(f"the story page answered HTTP {first.status_code}")
        print(f"first view of the story (its comparison, models loaded): {time.perf_counter() - started:.1f} s")
        article = client.get(f"/stories/{HARBOUR}.json").json()["articles"][0]["id"]
    pages = [
        ("story list", "/"),
        ("story page", f"/stories/{HARBOUR}"),
        ("story twin", f"/stories/{HARBOUR}.json"),
        ("article page", f"/articles/{article}"),
    ]
    latencies: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    lock = threading.Lock()
    go = threading.Event()

    def worker(number: int) -> None:
        mine: list[tuple[str, float, bool]] = []
        with httpx.Client(base_url=base, timeout=REQUEST_TIMEOUT) as session:
            go.wait()
            for i in range(requests):
                name, url = pages[(number + i) % len(pages)]
                begun = time.perf_counter()
                try:
                    ok = session.get(url).status_code == 200
                except Exception:
                    ok = False
                mine.append((name, (time.perf_counter() - begun) * 1000, ok))
        with lock:
            for name, ms, ok in mine:
                latencies[name].append(ms)
                errors[name] += not ok

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    time.sleep(0.5)  # every client connected and waiting
    started = time.perf_counter()
    go.set()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started

    total = sum(len(values) for values in latencies.values())
    print(f"\n{clients} clients x {requests} requests over 127.0.0.1, {total} in {elapsed:.1f} s\n")
    print(
        f"| {'page':<13} | {'requests':>8} | {'errors':>6} | {'p50 ms':>7} | {'p99 ms':>7} | {'max ms':>7} | "
        f"{'req/s':>6} |"
    )
    print(f"|{'-' * 15}|{'-' * 10}|{'-' * 8}|{'-' * 9}|{'-' * 9}|{'-' * 9}|{'-' * 8}|")
    every: list[float] = []
    for name, _ in pages:
        values = latencies[name]
        every += values
        print(
            f"| {name:<13} | {len(values):>8} | {errors[name]:>6} | {statistics.median(values):>7.1f} | "
            f"{percentile(values, 0.99):>7.1f} | {max(values):>7.1f} | {len(values) / elapsed:>6.1f} |"
        )
    print(
        f"| {'all':<13} | {len(every):>8} | {sum(errors.values()):>6} | {statistics.median(every):>7.1f} | "
        f"{percentile(every, 0.99):>7.1f} | {max(every):>7.1f} | {len(every) / elapsed:>6.1f} |"
    )


if __name__ == "__main__":
    main()
