from __future__ import annotations

import datetime as dt
import gzip
import json
from pathlib import Path

from counterpoint.stages.ingest import IngestOptions, ingest

ARTICLE = "Flood waters rose in the valley on Monday.\nThe mayor ordered an evacuation of two districts.\n"


def write(path: Path, data: str | bytes) -> Path:
    if isinstance(data, str):
        path.write_text(data, "utf-8")
    else:
        path.write_bytes(data)
    return path


def test_plain_text_takes_outlet_and_date_from_the_file_name(tmp_path: Path) -> None:
    path = write(tmp_path / "valley-times-2025-03-02.txt", ARTICLE)
    result = ingest([path])
    [article] = result.articles
    assert result.rejected == []
    assert (article.outlet, article.published, article.source) == ("valley-times", dt.date(2025, 3, 2), str(path))
    assert article.text == ARTICLE


def test_options_fill_missing_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "story.txt", ARTICLE)
    [article] = ingest([path], IngestOptions(outlet="Valley Times", published=dt.date(2025, 1, 5))).articles
    assert (article.outlet, article.published) == ("Valley Times", dt.date(2025, 1, 5))


def test_html_gives_main_text_title_date_and_site(tmp_path: Path) -> None:
    html = (
        '<html><head><title>Flood | Valley Times</title><meta property="og:site_name" content="Valley Times">'
        '<meta property="article:published_time" content="2025-03-02T08:00:00Z"></head><body>'
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav><article><h1>Flood hits valley</h1>"
        "<p>Flood waters rose in the valley on Monday, forcing hundreds of families from their homes.</p>"
        "<p>The mayor ordered an evacuation of two districts and opened three shelters in schools.</p>"
        "</article><footer>Contact us</footer></body></html>"
    )
    [article] = ingest([write(tmp_path / "page.html", html)]).articles
    assert article.outlet == "Valley Times"
    assert article.published == dt.date(2025, 3, 2)
    assert "evacuation of two districts" in article.text
    assert "Contact us" not in article.text
    assert article.extracted  # the page around the main text is gone: cleaning will not look for it


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "text": ARTICLE,
                "outlet": "Valley Times",
                "title": "Flood",
                "published": "2025-03-02",
                "url": "https://valley.example/flood",
            }
        ),
        "{not json",
        json.dumps({"outlet": "No Text"}),
        json.dumps({"text": ARTICLE.replace("Monday", "Sunday"), "outlet": "Hill Post"}),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines))
    result = ingest([path])
    assert [a.outlet for a in result.articles] == ["Valley Times", "Hill Post"]
    assert result.articles[0].source == "https://valley.example/flood"
    assert result.articles[0].title == "Flood"
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[f"{path}:2"].startswith("invalid JSON")
    assert "no 'text' or 'html'" in reasons[f"{path}:3"]


def test_gzip_and_directories(tmp_path: Path) -> None:
    folder = tmp_path / "story"
    folder.mkdir()
    with gzip.open(folder / "hill-post.txt.gz", "wt", encoding="utf-8") as handle:
        handle.write(ARTICLE)
    write(folder / "valley.txt", ARTICLE.replace("Monday", "Sunday"))
    write(folder / ".hidden.txt", "ignored")
    result = ingest([folder])
    assert sorted(a.outlet for a in result.articles) == ["hill-post", "valley"]
    assert result.rejected == []


def test_bad_inputs_are_rejected_with_reasons_and_the_batch_goes_on(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", ARTICLE)
    empty = write(tmp_path / "empty.txt", "")
    blank = write(tmp_path / "blank.txt", "  \n\n ")
    binary = write(tmp_path / "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = write(tmp_path / "latin.txt", "Caf\xe9 owners protested.".encode("latin-1"))
    big = write(tmp_path / "big.txt", "word " * 300)
    broken_gz = write(tmp_path / "broken.txt.gz", b"\x1f\x8b\x08not really gzip")
    missing = tmp_path / "missing.txt"
    result = ingest([good, empty, blank, binary, latin, big, broken_gz, missing], IngestOptions(max_bytes=1000))
    assert [a.source for a in result.articles] == [str(good), str(latin)]
    assert result.articles[1].text == "Caf\u00e9 owners protested."  # Windows-1252 / Latin-1 is read as such
    reasons = {r.source: r.reason for r in result.rejected}
    assert reasons[str(empty)].startswith("empty")
    assert reasons[str(blank)].startswith("empty")
    assert reasons[str(binary)].startswith("binary file")
    assert reasons[str(big)].startswith("too large")
    assert reasons[str(broken_gz)].startswith("not a valid gzip file")
    assert reasons[str(missing)] == "no such file or directory"


def test_html_without_article_text_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "nav.html", "<html><body><nav><a href='/'>Home</a></nav></body></html>")
    result = ingest([path])
    assert result.articles == []
    assert "no article text" in result.rejected[0].reason


def test_same_article_twice_is_read_once(tmp_path: Path) -> None:
    a = write(tmp_path / "a.txt", ARTICLE)
    result = ingest([a, a], IngestOptions(outlet="Valley Times"))
    assert len(result.articles) == 1
    assert "same outlet and text" in result.rejected[0].reason


def test_ids_are_deterministic(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", ARTICLE)
    assert ingest([path]).articles[0].article_id == ingest([path]).articles[0].article_id


def test_a_jsonl_file_of_any_size_is_streamed_and_limits_apply_to_each_record(tmp_path: Path) -> None:
    records = [{"text": f"Report number {n} on the storm that closed the port.", "outlet": f"O{n}"} for n in range(50)]
    records[7]["text"] = "x " * 400  # one record over the limit
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", "utf-8")
    assert path.stat().st_size > 600  # the whole file is over the limit, each other record under it
    result = ingest([path], IngestOptions(max_bytes=600))
    assert len(result.articles) == 49
    [rejection] = result.rejected
    assert rejection.source.endswith("big.jsonl:8") and "record too large" in rejection.reason


def test_a_broken_gzip_stream_keeps_the_records_before_the_break(tmp_path: Path) -> None:
    lines = "\n".join(
        json.dumps({"text": f"Line {n} of a long feed about the election.", "outlet": f"O{n}"}) for n in range(200)
    )
    whole = gzip.compress(lines.encode("utf-8"))
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(whole[: len(whole) // 2])  # truncated in transfer
    result = ingest([path])
    assert 0 < len(result.articles) < 200
    assert any("not a valid gzip stream" in r.reason for r in result.rejected)
