from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from counterpoint.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main
from counterpoint.report.json_report import load_schema

from .conftest import EXAMPLES
from .test_report import assert_self_contained


def test_compare_the_example_story(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_json, out_html = tmp_path / "r.json", tmp_path / "r.html"
    assert main(["compare", str(EXAMPLES), "--json", str(out_json), "--html", str(out_html)]) == EXIT_OK
    report = json.loads(out_json.read_text("utf-8"))
    jsonschema.validate(report, load_schema())
    outlets = sorted(a["outlet"] for a in report["articles"])
    assert outlets == ["Marovia State Broadcasting", "The Coastal Herald", "daily-forum", "meridian-wire"]
    html = out_html.read_text("utf-8")
    assert "<!DOCTYPE html>" in html and " with all-MiniLM-L6-v2 (" in html  # the story page, as served
    assert_self_contained(html)
    for section in ("digest", "timeline", "coverage", "differences", "claims", "articles"):
        assert f'<section id="{section}"' in html
    assert html.count('<article class="full" id="article-') == len(report["articles"]) == 4
    printed = capsys.readouterr().out
    assert "Articles" in printed and "Wrote" in printed


def test_rejected_inputs_are_named_and_change_the_exit_status(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("")
    code = main(["compare", str(EXAMPLES / "meridian-wire-2025-03-12.txt"), str(tmp_path / "empty.txt"), "-q"])
    assert code == EXIT_REJECTED
    err = capsys.readouterr().err
    assert f"rejected {tmp_path / 'empty.txt'}: empty" in err


def test_nothing_readable_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(tmp_path / "nope.txt")]) == EXIT_USAGE
    assert "nothing to compare" in capsys.readouterr().err


def test_bad_date_option_names_the_format(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["compare", "x.txt", "--published", "May 1"])
    assert "use YYYY-MM-DD" in capsys.readouterr().err


def test_evaluate_reports_scores_and_floors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    gold = {
        "format": "counterpoint-gold/1",
        "articles": {
            "wire": {
                "file": "meridian-wire-2025-03-12.txt",
                "outlet": "meridian-wire",
                "noise": ["READ MORE: Marovia's port workers threaten strike"],
                "duplicates": [],
                "subheads": ["Questions over safety"],
                "dateline": "PORT VESNA, March 12 (MPA)",
            },
        },
    }
    gold_path = tmp_path / "gold.json"
    gold_path.write_text(json.dumps(gold))
    report_path = tmp_path / "r.json"
    main(["compare", str(EXAMPLES / "meridian-wire-2025-03-12.txt"), "--json", str(report_path), "-q"])
    floors = tmp_path / "floors.json"
    floors.write_text(json.dumps({"cleaning.noise_removed": 1.0, "cleaning.roles": 1.0}))
    assert main(["evaluate", str(report_path), str(gold_path), "--floors", str(floors)]) == EXIT_OK
    floors.write_text(json.dumps({"alignment.facts_found": 1.0}))
    gold["shared_facts"] = [{"id": "x", "support": {"wire": ["killed at least 14 people"]}}]
    gold_path.write_text(json.dumps(gold))
    assert main(["evaluate", str(report_path), str(gold_path), "--floors", str(floors)]) == 3
    assert "below the floor: alignment.facts_found" in capsys.readouterr().err


def test_evaluate_rejects_a_file_that_is_not_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "g.json").write_text("{}")
    (tmp_path / "r.json").write_text("{}")
    assert main(["evaluate", str(tmp_path / "r.json"), str(tmp_path / "g.json")]) == EXIT_USAGE
    assert "counterpoint-gold/1" in capsys.readouterr().err


def test_clean_only_stops_after_segmentation(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert main(["compare", str(EXAMPLES), "--clean-only", "--json", str(out), "-q"]) == EXIT_OK
    report = json.loads(out.read_text("utf-8"))
    assert report["articles"] and report["claims"] == [] and report["entities"] == []
    assert set(report["generated_by"]["stages"]) == {"ingest", "clean", "segment", "dates"}


def test_precision_option_reaches_the_report(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    argv = ["compare", str(EXAMPLES / "meridian-wire-2025-03-12.txt"), "--precision", "float32", "--json", str(out)]
    assert main([*argv, "-q"]) == EXIT_OK
    assert json.loads(out.read_text("utf-8"))["generated_by"]["embedder"] == "all-MiniLM-L6-v2 (float32)"


def test_an_output_that_cannot_be_written_is_refused_before_any_work(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_work(*args: object, **kwargs: object) -> None:
        raise AssertionError("compared although the report could not be written")

    monkeypatch.setattr("counterpoint.cli.compare", no_work)
    missing = tmp_path / "no-such-folder" / "r.json"
    assert main(["compare", str(EXAMPLES), "--json", str(missing)]) == EXIT_USAGE
    assert f"cannot write {missing}: the folder" in capsys.readouterr().err
    assert main(["compare", str(EXAMPLES), "--html", str(tmp_path)]) == EXIT_USAGE
    assert "is a directory" in capsys.readouterr().err


def test_verbose_is_accepted_after_the_command(tmp_path: Path) -> None:
    assert main(["compare", str(EXAMPLES), "--clean-only", "-q", "-v"]) == EXIT_OK
    assert main(["-v", "compare", str(EXAMPLES), "--clean-only", "-q"]) == EXIT_OK


def test_serve_passes_its_options_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import counterpoint.web.app
    from counterpoint.store import open_store

    open_store(tmp_path / "news.db").close()
    calls: list[tuple[object, ...]] = []
    monkeypatch.setattr(counterpoint.web.app, "serve", lambda *args, **options: calls.append((args, options)))
    monkeypatch.setenv("COUNTERPOINT_TOKEN", "a-token-of-enough-length")
    assert main(["serve", "--db", str(tmp_path / "news.db"), "--port", "8124", "--allow-private"]) == EXIT_OK
    assert calls == [
        ((str(tmp_path / "news.db"), "127.0.0.1", 8124), {"token": "a-token-of-enough-length", "allow_private": True})
    ]
