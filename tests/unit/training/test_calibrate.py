"""Calibration: isotonic curves never fall, the shipped one included, and the calibration error counts
as the scorer does."""

import itertools
import json
import random

import numpy
import pytest

from attribview.core.types import Quote
from attribview.nlp.attribution import Attribution
from attribview.nlp.blend import (
    CALIBRATION_FILE,
    SCORED,
    STATEMENTS,
    Calibration,
    Curve,
    agreement,
    counted,
    origin,
)
from attribview.nlp.learned import weights_dir
from attribview.textio import prepare_text
from attribview.training.calibrate import best_threshold, chosen_right, featured, isotonic, scorer_curves
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
    engines = {origin(engine, how) for engine in ("rules", "learned") for how in ("agree", "near", "alone")}
    statements = {counted(origin("rules", how), STATEMENTS) for how in ("agree", "near", "alone")}
    weighed = {"rules", "learned", counted("rules", STATEMENTS)}
    scored = {origin(w, SCORED) for w in weighed}
    assert set(calibration.curves) == {"learned", *engines, *statements, *scored}
    assert calibration.scorer is not None and set(calibration.scorer.weights) == weighed
    assert all(_rising(curve) for curve in calibration.curves.values())
    assert calibration.threshold is not None and 0.0 <= calibration.threshold <= 1.0


def test_expected_calibration_error() -> None:
    # 0.8 right 4 times in 5: calibrated; 0.3 right 0 times in 5: off by 0.3 for half the quotes
    confidences = [0.8] * 5 + [0.3] * 5
    right = [True] * 4 + [False] + [False] * 5
    assert expected_calibration_error(confidences, right) == pytest.approx(0.15)
    assert expected_calibration_error([1.0], [True]) == 0.0


def test_agreement_is_the_scorer_s_half_overlap() -> None:
    assert agreement((0, 10), [(2, 10)]) == "agree"  # 8 of 10 characters
    assert agreement((0, 10), [(8, 30)]) == "near"
    assert agreement((0, 10), [(10, 20)]) == "alone"


def test_the_choice_takes_the_surest_and_no_rival_overlapping_it() -> None:
    candidates = [(0.9, 0, 10, True, "rules"), (0.8, 2, 12, False, "learned"), (0.7, 3, 9, True, "rules"),
                  (0.6, 20, 30, True, "learned"), (0.2, 40, 50, True, "rules")]
    # the learned rival of the first is left out, the nested rule candidate kept, the unsure one too
    assert chosen_right(candidates, 0.5) == (3, 3)


def test_the_threshold_leaves_out_what_costs_f1() -> None:
    sure = [(0.9, 10 * i, 10 * i + 5, True, "rules") for i in range(8)]
    unsure = [(0.1, 100 + 10 * i, 105 + 10 * i, False, "learned") for i in range(4)]
    assert 0.1 < best_threshold([sure + unsure], n_gold=8) <= 0.9


def test_of_thresholds_the_split_cannot_tell_apart_the_lowest_is_chosen() -> None:
    # 500 right and sure; one more right at 0.32 and one wrong at 0.27: leaving out the wrong one (any
    # threshold in (0.27, 0.32]) gains the split less than the tolerance, so the lowest threshold wins
    sure = [(0.9, 10 * i, 10 * i + 5, True, "rules") for i in range(500)]
    edge = [(0.32, 6000, 6005, True, "rules"), (0.27, 6010, 6015, False, "rules")]
    unsure = [(0.05, 7000 + 10 * i, 7005 + 10 * i, False, "learned") for i in range(40)]
    assert best_threshold([sure + edge + unsure], n_gold=510) == 0.1
    # a wrong candidate that costs more than the tolerance is still left out
    costly = [(0.27, 8000 + 10 * i, 8005 + 10 * i, False, "rules") for i in range(30)]
    assert best_threshold([sure + edge + costly + unsure], n_gold=510) == 0.3


def test_each_quote_finds_the_features_of_its_candidate() -> None:
    # the text has one CRLF fewer than the original: quotes point into the original
    text = prepare_text("The clerk said the gate was shut.\r\nShe said it was late.\r\n")
    first = Attribution(text.text.index("the gate"), text.text.index(" was shut") + 9, "indirect")
    second = Attribution(text.text.index("it was"), text.text.index("late") + 4, "indirect")
    record = [(first, "rules", numpy.zeros(2)), (second, "rules", numpy.ones(2)),
              (second, "learned", numpy.full(2, 2.0))]
    later = text.to_original(second.start, second.end)
    quotes = [Quote(*later, "", None, None, "indirect", 0.5, flags=("learned",)),
              Quote(*later, "", None, None, "indirect", 0.5), Quote(0, 3, "", None, None, "indirect", 0.5)]
    found = featured(text, record, quotes)
    assert [None if f is None else f.tolist() for f in found] == [[2.0, 2.0], [1.0, 1.0], None]


def test_the_scorer_s_curves_are_one_per_engine_and_counting() -> None:
    rows = [(i % 5, engine, numpy.asarray([float(i % 3)]), i % 3 == 2)
            for i in range(60) for engine in ("rules", counted("rules", STATEMENTS))]
    scorer, curves, confidences = scorer_curves(rows)
    assert set(curves) == {"rules-scored", "statements:rules-scored"} and set(scorer.weights) == {
        "rules", "statements:rules"}
    assert all(_rising(curve) for curve in curves.values())
    assert [round(c, 2) for c, row in zip(confidences, rows, strict=True) if row[3]] == [1.0] * 40
