"""The command line: a thin layer over the library that parses, calls, and maps errors to exit codes.

Exit codes: 0 all inputs read; 1 the report was written but some inputs were rejected (each named on
stderr); 2 usage error or nothing to compare; 3 an evaluation fell below a floor.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.status import Status
from rich.table import Table
from rich.text import Text

from .embed import EMBEDDING_PRECISIONS
from .errors import ConfigError, CounterpointError
from .executors import EXECUTORS, open_executor
from .pipeline import CompareOptions, compare, compare_story, ingest_corpus
from .report.html_report import write_html
from .report.json_report import write_json
from .report.terminal import print_summary
from .stages.ingest import MAX_INPUT_BYTES, IngestOptions
from .store import SQLStore, open_store
from .version import __version__

# The store used when none is named: a file in the working folder, no server.
DEFAULT_DB = Path("counterpoint.db")
DB_HELP = f"the store: an SQLite file (default {DEFAULT_DB}) or postgresql://user@host/database"

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_BELOW_FLOOR = 3


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{value}' is not a date; use YYYY-MM-DD, e.g. 2024-05-01") from None


def _add_fetch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs reach private, loopback and link-local addresses (refused by default)",
    )
    parser.add_argument(
        "--respect-robots", action="store_true", help="skip URLs that the site's robots.txt disallows (off by default)"
    )
    parser.add_argument(
        "--fetch-timeout",
        type=float,
        metavar="SECONDS",
        default=None,
        help="time allowed for one URL, redirects and body included (default: 20)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counterpoint", description="Read one news story through many outlets.")
    parser.add_argument("--version", action="version", version=f"counterpoint {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    commands = parser.add_subparsers(dest="command", required=True)

    comp = commands.add_parser(
        "compare",
        help="compare articles on one story",
        description="Compare articles (text, HTML, JSONL, RSS/Atom feeds, WARC files, URL lists and URLs, directories, "
        ".gz) on one story. "
        "Example: counterpoint compare examples/harbour-fire --html report.html --json report.json",
    )
    comp.add_argument("inputs", nargs="*", metavar="FILE", help="files or directories to read")
    comp.add_argument("--story", metavar="ID", help="compare a story of the store instead (see: counterpoint stories)")
    comp.add_argument("--db", default=str(DEFAULT_DB), metavar="URL", help=DB_HELP)
    comp.add_argument("--json", type=Path, metavar="OUT", help="write the JSON report here")
    comp.add_argument(
        "--html",
        type=Path,
        metavar="OUT",
        help="write the story page as counterpoint serve shows it, every article included, in one self-contained file",
    )
    comp.add_argument("--outlet", help="outlet name for inputs that do not say (default: the file name)")
    comp.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date for inputs that do not say"
    )
    comp.add_argument("--max-bytes", type=int, default=MAX_INPUT_BYTES, help="reject inputs larger than this")
    _add_fetch_options(comp)
    for option, what in (("--gazetteer", "gazetteer"), ("--framing", "framing lexicon")):
        comp.add_argument(
            option,
            type=Path,
            action="append",
            default=[],
            metavar="FILE",
            help=f"extra {what} (JSON, same format as the bundled one); may be repeated",
        )
    comp.add_argument(
        "--clean-only",
        action="store_true",
        help="stop after cleaning and sentence splitting (no language models; fast)",
    )
    comp.add_argument(
        "--precision",
        choices=EMBEDDING_PRECISIONS,
        default="auto",
        help="sentence embedding arithmetic: auto (bfloat16 where the CPU does it in hardware: faster), "
        "float32 (identical figures on every machine), bfloat16",
    )
    comp.add_argument("-q", "--quiet", action="store_true", help="print no summary and no progress")
    for command in (comp,):
        command.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="as above")

    ing = commands.add_parser(
        "ingest",
        help="read articles into the store, find wire copies and group them into stories",
        description="Read articles (text, HTML, JSONL, RSS/Atom feeds, WARC files, URL lists and URLs, directories, "
        ".gz) into the store: cleaned, checked for "
        "wire copies and grouped into stories. Idempotent: an article already stored is skipped. "
        "Example: counterpoint ingest examples/harbour-fire --db news.db",
    )
    ing.add_argument("inputs", nargs="+", metavar="FILE", help="files or directories to read")
    ing.add_argument("--db", default=str(DEFAULT_DB), metavar="URL", help=DB_HELP)
    ing.add_argument("--outlet", help="outlet name for inputs that do not say (default: the file name)")
    ing.add_argument(
        "--published", type=_date, metavar="YYYY-MM-DD", help="publication date for inputs that do not say"
    )
    ing.add_argument(
        "--max-bytes", type=int, default=MAX_INPUT_BYTES, help="reject inputs (or records) larger than this"
    )
    _add_fetch_options(ing)
    ing.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="serial",
        help="where the per-article phase runs: this process (default), a pool of local processes, or Dask",
    )
    ing.add_argument("--workers", type=int, metavar="N", help="processes for --executor process or a local Dask")
    ing.add_argument(
        "--scheduler", metavar="ADDRESS", help="Dask scheduler, e.g. tcp://10.0.0.5:8786 (default: a local cluster)"
    )
    ing.add_argument("-q", "--quiet", action="store_true", help="print no summary and no progress")
    ing.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="as above")

    sto = commands.add_parser(
        "stories",
        help="list the stories of the store",
        description="List the stories of the store, largest first. Example: counterpoint stories --db news.db --json",
    )
    sto.add_argument("--db", default=str(DEFAULT_DB), metavar="URL", help=DB_HELP)
    sto.add_argument(
        "--json", action="store_true", help="print JSON: each story's id, size, outlets, dates and sources"
    )
    sto.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="as above")

    srv = commands.add_parser(
        "serve",
        help="serve the store's stories as web pages, each with a JSON twin",
        description="Serve the store: a searchable story list, story pages (digest, coverage, differences, framing, "
        "sources, claims with evidence) and cleaned articles, each with a JSON twin. A story is compared when its "
        "page is first viewed; with COUNTERPOINT_TOKEN set, comparing takes that token, and the compare page "
        "adds articles (pasted, uploaded or fetched). Example: counterpoint serve --db news.db",
    )
    srv.add_argument("--db", default=str(DEFAULT_DB), metavar="URL", help=DB_HELP)
    srv.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    srv.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    srv.add_argument(
        "--allow-private",
        action="store_true",
        help="let URLs given on the compare page reach private, loopback and link-local addresses (refused by default)",
    )
    srv.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="as above")

    ev = commands.add_parser(
        "evaluate",
        help="score a JSON report against a gold file",
        description="Score a report against a counterpoint-gold/1 file. "
        "Example: counterpoint evaluate report.json ../shared/gold/seeds.gold.json",
    )
    ev.add_argument("report", type=Path)
    ev.add_argument("gold", type=Path)
    ev.add_argument(
        "--floors",
        type=Path,
        help="JSON of minimum scores (flat, or one table per story); exit 3 if any score is below its floor",
    )
    ev.add_argument("--story", help="which table of a per-story floors file to use (default: the gold file's name)")
    ev.add_argument("--json", type=Path, metavar="OUT", help="write the scores as JSON here")
    ev.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="as above")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.ERROR, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        if args.command == "compare":
            return _compare(args)
        if args.command == "ingest":
            return _ingest(args)
        if args.command == "stories":
            return _stories(args)
        if args.command == "serve":
            return _serve(args)
        return _evaluate(args)
    except CounterpointError as exc:
        _error(str(exc))
        return EXIT_USAGE


def _error(message: str) -> None:
    """One unwrapped line on stderr, so scripts can grep it."""
    print(f"counterpoint: {message}", file=sys.stderr)


def _check_writable(path: Path | None) -> None:
    """Refuse, before any work, an output the run could not write at the end."""
    if path is None:
        return
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise ConfigError(f"{path} is a directory; give a file name for the report")
    if not folder.is_dir():
        raise ConfigError(f"cannot write {path}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise ConfigError(f"cannot write {path}: permission denied")


def _ingest_options(args: argparse.Namespace) -> IngestOptions:
    return IngestOptions(
        outlet=args.outlet,
        published=args.published,
        max_bytes=args.max_bytes,
        allow_private=args.allow_private,
        respect_robots=args.respect_robots,
        fetch_timeout=args.fetch_timeout,
    )


def _status(args: argparse.Namespace) -> Status | None:
    """A progress line on stderr, when it is a terminal and the user did not ask for quiet."""
    if args.quiet or not sys.stderr.isatty():
        return None
    status = Console(stderr=True).status("reading")
    status.start()
    return status


def _compare(args: argparse.Namespace) -> int:
    _check_writable(args.json)
    _check_writable(args.html)
    status = _status(args)
    options = CompareOptions(
        _ingest_options(args),
        gazetteers=args.gazetteer,
        framing_lexicons=args.framing,
        annotate=not args.clean_only,
        embedding_precision=args.precision,
        progress=status.update if status else None,
    )
    if bool(args.story) == bool(args.inputs):
        raise ConfigError("give either files to compare or --story ID (from: counterpoint stories)")
    story: dict[str, Any] = {}  # a stored story's id, title and wire copies, for the HTML view
    try:
        if args.story:
            store = _existing_store(args.db)
            comparison = compare_story(store, args.story, options)
            title = next((s.title for s in store.stories() if s.story_id == args.story), None)
            copies = {article.article_id: copy_of for article, copy_of in store.story_articles(args.story)}
            story = {"story_id": args.story, "title": title, "copies": copies}
            store.close()
        else:
            comparison = compare(args.inputs, options)
    finally:
        if status:
            status.stop()
    for rejection in comparison.rejected:
        _error(f"rejected {rejection.source}: {rejection.reason}")
    if not comparison.articles:
        _error("no article could be read; nothing to compare")
        return EXIT_USAGE
    if args.json:
        write_json(comparison, args.json)
    if args.html:
        write_html(comparison, args.html, **story)
    if not args.quiet:
        console = Console()
        print_summary(comparison, console)
        written = [str(p) for p in (args.json, args.html) if p]
        if written:
            console.print(f"Wrote {', '.join(written)}", highlight=False)
    return EXIT_REJECTED if comparison.rejected else EXIT_OK


def _existing_store(url: str) -> SQLStore:
    path = url.removeprefix("sqlite:///")
    if "://" not in path and not Path(path).is_file():
        raise ConfigError(f"no store at {path}; create one with: counterpoint ingest FILES --db {path}")
    return open_store(url)


def _ingest(args: argparse.Namespace) -> int:
    if args.scheduler and args.executor != "dask":
        raise ConfigError("--scheduler is for --executor dask")
    if args.workers is not None and args.workers < 1:
        raise ConfigError("--workers must be 1 or more")
    store = open_store(args.db)
    status = _status(args)
    options = CompareOptions(
        _ingest_options(args),
        progress=status.update if status else None,
    )
    try:
        with open_executor(args.executor, args.workers, args.scheduler) as executor:
            stats = ingest_corpus(args.inputs, store, options, executor)
    finally:
        if status:
            status.stop()
        store.close()
    for rejection in stats.rejections:
        _error(f"rejected {rejection.source}: {rejection.reason}")
    if not args.quiet:
        Console().print(
            f"{store.name}: read {stats.read:,} articles, stored {stats.stored:,} "
            f"({stats.already_stored:,} already there, {stats.copies:,} wire copies); "
            f"{stats.stories_started - stats.stories_merged:,} new stories, {stats.stories_joined:,} joined one; "
            f"{stats.rejected:,} rejected",
            highlight=False,
            markup=False,
        )
        timing = ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in stats.seconds.items())
        Console(stderr=True).print(f"time: {timing}", highlight=False, markup=False)
    return EXIT_REJECTED if stats.rejected else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from .web import serve

    token = os.environ.get("COUNTERPOINT_TOKEN") or None
    _existing_store(args.db).close()
    if args.host not in ("127.0.0.1", "localhost", "::1") and token is None:
        _error(
            f"warning: serving on {args.host} without COUNTERPOINT_TOKEN: anyone who reaches it can start comparisons"
        )
    serve(args.db, args.host, args.port, token=token, allow_private=args.allow_private)
    return EXIT_OK


def _stories(args: argparse.Namespace) -> int:
    store = _existing_store(args.db)
    stories = store.stories()
    if args.json:
        payload = [
            {
                "id": s.story_id,
                "title": s.title,
                "size": s.size,
                "outlets": s.outlets,
                "first_published": s.first_published.isoformat() if s.first_published else None,
                "last_published": s.last_published.isoformat() if s.last_published else None,
                "sources": [a.source for a, _ in store.story_articles(s.story_id)],
            }
            for s in stories
        ]
        print(json.dumps(payload, ensure_ascii=False, indent=1))
        return EXIT_OK
    table = Table(title=f"{len(stories)} stories in {args.db}")
    for column in ("id", "articles", "outlets", "dates", "title"):
        table.add_column(column, overflow="fold")
    for story in stories:
        dates = " - ".join(
            d.isoformat() for d in dict.fromkeys(filter(None, (story.first_published, story.last_published)))
        )
        table.add_row(
            story.story_id, str(story.size), Text(_outlet_list(story.outlets)), dates or "-", Text(story.title or "")
        )
    Console().print(table)
    return EXIT_OK


# A story's row names this many of its outlets; the rest are counted (all of them: stories --json).
LISTED_OUTLETS = 3


def _outlet_list(outlets: list[str]) -> str:
    """ "4: Herald, Tribune, Wire (+1)": one line per story however many outlets carry it."""
    shown = ", ".join(outlets[:LISTED_OUTLETS])
    rest = len(outlets) - LISTED_OUTLETS
    return f"{len(outlets)}: {shown}" + (f" (+{rest})" if rest > 0 else "")


def _floors(path: Path, story: str) -> dict[str, float]:
    data = json.loads(path.read_text("utf-8"))
    if data and all(isinstance(v, dict) for v in data.values()):
        if story not in data:
            raise ConfigError(f"{path} has no floors for story '{story}'; use --story with one of {sorted(data)}")
        table: dict[str, float] = data[story]
        return table
    flat: dict[str, float] = data
    return flat


def _evaluate(args: argparse.Namespace) -> int:
    from .evaluate import evaluate_files

    scores = evaluate_files(args.report, args.gold)
    floors = _floors(args.floors, args.story or args.gold.name.split(".")[0]) if args.floors else {}
    table = Table(title=f"{args.report} against {args.gold}")
    for column in ("score", "found", "value", "floor"):
        table.add_column(column)
    below = []
    for name, score in scores.items():
        floor = floors.get(name)
        if floor is not None and score.score < floor:
            below.append(name)
        table.add_row(
            name, f"{score.found}/{score.total}", f"{score.score:.3f}", "" if floor is None else f"{floor:.3f}"
        )
    Console().print(table)
    if args.json:
        data = {k: {"found": v.found, "total": v.total, "score": v.score} for k, v in scores.items()}
        args.json.write_text(json.dumps(data, indent=2) + "\n", "utf-8")
    if below:
        _error(f"below the floor: {', '.join(below)}")
        return EXIT_BELOW_FLOOR
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
