"""A generated corpus of hostile inputs: each gets a clear rejection or a correct result, the batch completes,
every rejection is listed, and no traceback is printed."""

from __future__ import annotations

import codecs
import gzip
import json
from pathlib import Path

import pytest

from counterpoint.cli import EXIT_REJECTED, main
from counterpoint.stages.ingest import IngestOptions, ingest

STORY = "The harbour of Orno reopened on Monday after the storm.\nShips queued outside the breakwater for a day."
HTML_STORY = (
    "<html><head><title>Orno</title></head><body><article><h1>Orno reopens</h1>"
    + "".join(
        f"<p>The harbour of Orno reopened on Monday after the storm, paragraph {n} of the report.</p>" for n in range(6)
    )
    + "</article></body></html>"
)


def hostile_corpus(root: Path) -> dict[str, str]:
    """Write the corpus; return file name -> what must happen ("article" or a phrase of the rejection)."""
    expected: dict[str, str] = {}

    def put(name: str, data: bytes | str, outcome: str) -> None:
        (root / name).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        expected[name] = outcome

    put("01-empty.txt", b"", "empty")
    put("02-whitespace.txt", " \n\t \r\n ", "empty")
    put("03-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")
    put("04-truncated.txt.gz", gzip.compress(STORY.encode())[:20], "gzip")
    put("05-bomb.txt.gz", gzip.compress(b"\0" * 30_000_000), "too large once decompressed")
    put("06-utf16.txt", codecs.BOM_UTF16_LE + STORY.encode("utf-16-le"), "article")
    put(
        "07-cp1252.txt",
        ("Caf\u00e9 owners in Orno said the harbour reopened \u2013 at last.").encode("cp1252"),
        "article",
    )
    put("08-mixed.txt", "Orno \u2013 ".encode() + "caf\u00e9 reopened.".encode("cp1252"), "article")
    put("09-bom.txt", codecs.BOM_UTF8 + STORY.encode(), "article")
    put("10-nul.txt", STORY + "\n" + "x" * 9000 + "\x00 more text after a NUL.", "article")
    put("11-long-line.txt", "word " * 1_000_000, "article")  # one 5 MB line
    put(
        "12-malformed.html",
        "<html><body><p>Orno harbour reopened on Monday after the storm<div><p>unclosed " * 20,
        "article",
    )
    put(
        "13-nested.html", "<div>" * 5000 + "Orno harbour reopened on Monday after the storm. " * 5 + "</div>" * 5000, ""
    )
    put(
        "14-injection.html",
        HTML_STORY.replace("<h1>", '<script>alert(1)</script><img src=x onerror="alert(2)"><h1>'),
        "article",
    )
    put("15-cjk.txt", "奥尔诺港在暴风雨过后于周一重新开放。\n船只在防波堤外排队等候了一天。", "article")
    put("16-rtl.txt", "أعيد فتح ميناء أورنو يوم الاثنين بعد العاصفة.\nנמל אורנו נפתח מחדש ביום שני.", "article")
    put("17-emoji.txt", "Orno harbour reopened 🎉🚢 on Monday after the storm ⛈️.\nShips queued 🛳️🛳️.", "article")
    records = [
        json.dumps({"text": STORY, "outlet": "Wire A"}),
        "[1, 2, 3]",
        json.dumps({"outlet": "no text"}),
        json.dumps({"text": 42}),
        json.dumps({"text": STORY, "outlet": "Wire A"}),  # duplicate
        "{not json",
        "[" * 100_000 + "]" * 100_000,  # nested too deeply for any parser
        json.dumps({"text": STORY, "outlet": ["a", "list"]}),
        json.dumps({"text": "   "}),
    ]
    put("18-records.jsonl", "\n".join(records) + "\n", "article")
    put("19-html-named-txt.txt", HTML_STORY, "article")
    put("20-text-named-html.html", STORY, "no article text")
    put("21-text-named-jsonl.jsonl", STORY, "invalid JSON")
    put("22-not-gzip.gz", STORY, "not a valid gzip file")
    put(
        "23-only-navigation.html",
        "<html><body><nav><a href='/'>Home</a> <a href='/a'>About</a></nav></body></html>",
        "no article text",
    )
    put("24-punctuation.txt", "!!! ??? ... --- ***", "article")
    put("25-control-chars.txt", "Orno\x01 harbour\x07 reopened\x1b[31m on Monday.\x0b\x0c", "article")
    put("26-one-long-word.txt", "a" * 100_000, "article")
    put("27-crlf.txt", STORY.replace("\n", "\r\n"), "article")
    put("28-zero-width.txt", "Orno\u200b harbour\u200d reopened\ufeff on Monday.", "article")
    put("29-utf16-html.html", codecs.BOM_UTF16_LE + HTML_STORY.encode("utf-16-le"), "article")
    put("30-truncated.jsonl.gz", gzip.compress(("\n".join(records[:1] * 50)).encode())[:-30], "gzip")
    put("31-bad-bom.txt", codecs.BOM_UTF16_LE + b"\x00\xd8", "byte-order mark")
    put("32-brackets-[b].txt", "[/b] Orno [red]harbour[/red] reopened on Monday.", "article")
    put(
        "34-three-million.txt",
        "\n".join(f"Line {n}: the harbour of Orno reopened after the storm." for n in range(55_000)),
        "article",
    )
    (root / "33-empty-folder").mkdir()
    expected["33-empty-folder"] = "directory holds no files"
    return expected


def test_every_hostile_input_is_read_or_rejected_with_a_reason(tmp_path: Path) -> None:
    expected = hostile_corpus(tmp_path)
    assert len(expected) >= 30
    result = ingest(sorted(str(tmp_path / name) for name in expected), IngestOptions())
    read = {Path(a.source.split(":")[0]).name for a in result.articles}
    reasons: dict[str, list[str]] = {}
    for rejection in result.rejected:
        reasons.setdefault(Path(rejection.source.split(":")[0]).name, []).append(rejection.reason)
    for name, outcome in expected.items():
        if outcome == "article":
            assert name in read, f"{name} should be read: {reasons.get(name)}"
        elif outcome:
            assert any(outcome in reason for reason in reasons.get(name, [])), f"{name}: {reasons.get(name)}"
        else:
            assert name in read or reasons.get(name), f"{name}: neither read nor rejected"
    assert all(reason for group in reasons.values() for reason in group)
    jsonl = reasons["18-records.jsonl"]
    assert len(jsonl) == 8 and any("same outlet and text" in r for r in jsonl)
    assert any("nested too deeply" in r for r in jsonl)
    by_name = {Path(a.source).name: a for a in result.articles}
    assert "Café" in by_name["07-cp1252.txt"].text and "–" in by_name["07-cp1252.txt"].text
    assert "\x00" not in by_name["10-nul.txt"].text
    assert "alert" not in by_name["14-injection.html"].text


def test_the_cli_completes_a_hostile_batch_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile_corpus(tmp_path)
    out = tmp_path / "report.json"
    assert main(["compare", str(tmp_path), "--clean-only", "--json", str(out)]) == EXIT_REJECTED
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err + captured.out
    report = json.loads(out.read_text("utf-8"))
    assert len(report["rejected"]) == captured.err.count("rejected ") > 10
    assert "32-brackets-[b]" in captured.out  # an outlet name with brackets is printed, not read as markup
