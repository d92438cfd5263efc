"""The evaluation gate: the seed story's report scored against the hand-made gold, with floors that only rise.

Floors live in ``tests/eval_floors.json``. Raise a floor when a change improves a score; never lower one to
make this test pass. Skips when ``../shared`` (gold and seeds) is not beside the project.
"""

from __future__ import annotations

import json
from pathlib import Path

from counterpoint.evaluate import evaluate, load_gold
from counterpoint.pipeline import compare
from counterpoint.report.json_report import report_dict

FLOORS = Path(__file__).with_name("eval_floors.json")


def test_seed_scores_stay_at_or_above_their_floors(shared: Path) -> None:
    gold = load_gold(shared / "gold" / "seeds.gold.json")
    report = report_dict(compare([shared / "corpus" / "seeds"]))
    scores = evaluate(report, gold)
    floors: dict[str, float] = json.loads(FLOORS.read_text("utf-8"))
    below = {name: f"{scores[name]} < {floor}" for name, floor in floors.items() if scores[name].score < floor}
    assert not below, f"scores fell below their floors: {below}"


def test_floors_name_real_scores(shared: Path) -> None:
    gold = load_gold(shared / "gold" / "seeds.gold.json")
    scores = evaluate(report_dict(compare([shared / "corpus" / "seeds"])), gold)
    assert set(json.loads(FLOORS.read_text("utf-8"))) <= set(scores)
