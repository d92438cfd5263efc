"""The evaluation gate for public benchmark figures that the per-story gate cannot hold: floors in
``tests/bench_floors.json`` that only rise, measured the way ``bench/`` measures them. Skips where the
benchmark's data (``../shared/bench``) is not beside the project."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import ROOT, SHARED

FLOORS = json.loads(Path(__file__).with_name("bench_floors.json").read_text("utf-8"))
sys.path.insert(0, str(ROOT / "bench"))


def test_babe_sentence_bias_macro_f1_stays_at_or_above_its_floor() -> None:
    """5-fold cross-validated macro-F1 of the shipped sentence bias recipe on BABE (bench/biasmodel.py)."""
    data_dir = SHARED / "bench" / "babe"
    if not (data_dir / "final_labels_SG2.csv").is_file():
        pytest.skip(f"no BABE data at {data_dir}")
    from threadpoolctl import threadpool_limits

    import biasmodel

    rows = biasmodel.load_rows(data_dir)
    with threadpool_limits(1):
        data = biasmodel.Data(rows, biasmodel.embed([r["text"] for r in rows], None))
        scores, _, _ = biasmodel.cross_validate(data, biasmodel.VARIANTS[biasmodel.SHIPPED])
    floor = FLOORS["babe"]["framing.sentence_bias_macro_f1"]
    assert float(np.mean(scores)) >= floor, f"BABE macro-F1 {np.mean(scores):.3f} < floor {floor}"
