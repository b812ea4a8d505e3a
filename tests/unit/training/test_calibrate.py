"""Calibration: isotonic curves never fall, the shipped one included, and the calibration error counts
as the scorer does."""

import itertools
import json
import random

import pytest

from attribview.nlp.blend import CALIBRATION_FILE, Calibration, Curve
from attribview.nlp.learned import weights_dir
from attribview.training.calibrate import best_thresholds, isotonic
from attribview.training.scoring import expected_calibration_error


def _rising(curve: Curve) -> bool:
    points = [curve(x / 100) for x in range(-20, 220)]
    return all(a <= b for a, b in itertools.pairwise(points))


def test_isotonic_regression_is_monotone_and_pools_violators() -> None:
    curve = isotonic([0.1, 0.2, 0.3, 0.4], [False, True, False, True])
    assert curve.y == (0.0, 0.5, 1.0)  # the violating pair (True at 0.2, False at 0.3) is pooled
    assert curve(0.25) == 0.5 and curve(0.05) == 0.0 and curve(0.9) == 1.0


def test_isotonic_regression_of_noisy_verdicts_never_falls() -> None:
    rng = random.Random(3)
    scores = [rng.random() for _ in range(500)]
    right = [rng.random() < s for s in scores]
    curve = isotonic(scores, right)
    assert _rising(curve)
    assert all(0.0 <= y <= 1.0 for y in curve.y)


def test_the_shipped_calibration_never_falls() -> None:
    with (weights_dir() / CALIBRATION_FILE).open(encoding="utf-8") as handle:
        calibration = Calibration.from_json(json.load(handle))
    assert set(calibration.curves) == {"rules", "learned", "added"}
    assert all(_rising(curve) for curve in calibration.curves.values())
    assert 0.0 <= calibration.drop_below <= 1.0


def test_expected_calibration_error() -> None:
    # 0.8 right 4 times in 5: calibrated; 0.3 right 0 times in 5: off by 0.3 for half the quotes
    confidences = [0.8] * 5 + [0.3] * 5
    right = [True] * 4 + [False] + [False] * 5
    assert expected_calibration_error(confidences, right) == pytest.approx(0.15)
    assert expected_calibration_error([1.0], [True]) == 0.0


def test_thresholds_drop_what_costs_f1_and_add_what_gains() -> None:
    rules = [(0.9, True)] * 8 + [(0.1, False)] * 4
    added = [(0.9, True)] * 2 + [(0.2, False)] * 2
    drop, add = best_thresholds(rules, added, n_gold=12)
    assert 0.1 < drop <= 0.9 and 0.2 < add <= 0.9
