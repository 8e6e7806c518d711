"""Decisions learned from the annotated pages: small logistic models over named features.

Where a decision can be learned (does this headline open an article? is this
clause a proposal?), the stage that makes it describes each case as a handful of
named features — the rules of the stage, a cue word, a speaker in scope, a
position — and a logistic model weighs them.  The weights are trained by one
command from the annotated pages (``python scripts/train.py``, which needs the
annotation and scikit-learn) and shipped in ``briefing/data/models.json``: a
small, reviewable file, a weight per feature name, so a user's machine needs
neither.  Scoring a case is a sum over its features: microseconds.

A stage may be given other weights (the leave-one-outlet-out measurement trains
them without the outlet it scores); without any, the shipped ones are used.
"""

from __future__ import annotations

import functools
import json
import math
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

Features = Mapping[str, float]


@dataclass(frozen=True)
class Model:
    """A logistic model: ``p = 1 / (1 + exp(-(bias + Σ weight·value)))``."""

    name: str
    bias: float
    weights: Mapping[str, float]
    threshold: float = 0.5

    def probability(self, features: Features) -> float:
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def decide(self, features: Features) -> bool:
        return self.probability(features) >= self.threshold

    def as_json(self) -> dict[str, object]:
        return {
            "bias": round(self.bias, 4),
            "threshold": round(self.threshold, 4),
            "weights": {k: round(v, 4) for k, v in sorted(self.weights.items()) if round(v, 4) != 0.0},
        }

    @classmethod
    def from_json(cls, name: str, data: Mapping[str, object]) -> Model:
        weights = data.get("weights") or {}
        assert isinstance(weights, dict)
        return cls(
            name,
            float(data.get("bias", 0.0)),  # type: ignore[arg-type]
            {str(k): float(v) for k, v in weights.items()},
            float(data.get("threshold", 0.5)),  # type: ignore[arg-type]
        )


MODELS_FILE = "models.json"
# Other weights, for a measurement that trains without the pages it scores.
MODELS_ENV = "BRIEFING_MODELS"


@functools.cache
def _shipped() -> dict[str, Model]:
    other = os.environ.get(MODELS_ENV)
    path = Path(other) if other else resources.files("briefing.data").joinpath(MODELS_FILE)
    if not path.is_file():
        return {}
    data = json.loads(path.read_text("utf-8"))
    return {name: Model.from_json(name, spec) for name, spec in data.get("models", {}).items()}


def model(name: str) -> Model | None:
    """The shipped model of a decision, or None when none is shipped."""
    return _shipped().get(name)


def bucket(name: str, value: float, bounds: tuple[float, ...]) -> str:
    """A numeric feature as the name of its interval: ``len<=14``, ``len>40``."""
    for bound in bounds:
        if value <= bound:
            return f"{name}<={bound:g}"
    return f"{name}>{bounds[-1]:g}"
