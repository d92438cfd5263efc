"""The shipped logistic models (line, link and bias): standardised features, weights and an intercept, kept
as JSON in ``counterpoint/data`` and fitted by scripts in ``bench/``. Their shared arithmetic lives here."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any

import numpy as np
from numpy.typing import NDArray


def probability(
    x: NDArray[Any],
    mean: NDArray[np.float64],
    scale: NDArray[np.float64],
    weights: NDArray[np.float64],
    intercept: float,
) -> NDArray[np.float64]:
    """The model's probability for each row of ``x`` (raw features)."""
    standard = np.nan_to_num((x.astype(np.float64) - mean) / scale, nan=0.0, posinf=0.0, neginf=0.0)
    # some BLAS builds warn spuriously inside matmul; the clip keeps exp finite
    with np.errstate(all="ignore"):
        logit = np.clip(standard @ weights + intercept, -50.0, 50.0)
    return np.asarray(1.0 / (1.0 + np.exp(-logit)), dtype=np.float64)


def parameters(data: dict[str, Any]) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64], float]:
    """(mean, scale, weights, intercept) of a model's JSON."""
    return (
        np.asarray(data["mean"], dtype=np.float64),
        np.asarray(data["scale"], dtype=np.float64),
        np.asarray(data["weights"], dtype=np.float64),
        float(data["intercept"]),
    )


def fitted(scaler: Any, model: Any) -> dict[str, Any]:
    """The JSON parameters of a fitted scikit-learn ``StandardScaler`` and ``LogisticRegression``."""
    return {
        "mean": [round(float(v), 6) for v in scaler.mean_],
        "scale": [round(float(v), 6) for v in scaler.scale_],
        "weights": [round(float(v), 6) for v in model.coef_[0]],
        "intercept": round(float(model.intercept_[0]), 6),
    }


def load(name: str) -> dict[str, Any]:
    """A shipped model's JSON (``counterpoint/data/<name>``)."""
    data: dict[str, Any] = json.loads(resources.files("counterpoint").joinpath(f"data/{name}").read_text("utf-8"))
    return data
