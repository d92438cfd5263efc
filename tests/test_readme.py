"""README leads with the two set-up commands, and CI runs the README's test command."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from counterpoint.cli import main

from .conftest import ROOT


def test_readme_leads_with_demo_and_test_commands() -> None:
    readme = (ROOT / "README.md").read_text("utf-8")
    first_block = re.search(r"```sh\n(.*?)```", readme, re.S)
    assert first_block is not None
    commands = [line.split("#")[0].strip() for line in first_block.group(1).splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]
    ci = (ROOT / ".ci" / "run").read_text("utf-8")
    assert "make test" in ci


def test_makefile_defines_both_commands() -> None:
    makefile = (ROOT / "Makefile").read_text("utf-8")
    assert re.search(r"^demo:", makefile, re.M) and re.search(r"^test:", makefile, re.M)


def readme_commands() -> list[list[str]]:
    readme = (ROOT / "README.md").read_text("utf-8")
    return [
        shlex.split(line, comments=True)[1:]
        for line in readme.splitlines()
        if line.startswith(".venv/bin/counterpoint ")
    ]


def test_every_readme_command_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("examples", "tests"):
        (tmp_path / name).symlink_to(ROOT / name)
    monkeypatch.chdir(tmp_path)
    commands = readme_commands()
    assert len(commands) >= 3
    for args in commands:
        assert main(args) == 0, args
    assert (tmp_path / "report.html").is_file() and (tmp_path / "report.json").is_file()
