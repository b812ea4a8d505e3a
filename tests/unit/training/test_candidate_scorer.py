"""The candidate scorer's fit: a logistic regression on hand-built candidates, deterministic."""

import numpy
import pytest

from attribview.training.candidate_scorer import fit_logistic, fit_scorer, out_of_fold


def _data(n: int = 400) -> tuple[numpy.ndarray, numpy.ndarray]:
    """A feature that tells right from wrong, one on another scale that is noise, and a constant."""
    rng = numpy.random.default_rng(7)
    telling = rng.normal(size=n)
    x = numpy.column_stack((telling, 100 * rng.normal(size=n), numpy.ones(n)))
    y = (telling + 0.5 * rng.normal(size=n) > 0).astype("float64")
    return x, y


def test_the_regression_weighs_the_telling_feature_and_not_the_noise() -> None:
    x, y = _data()
    bias, telling, noise, constant = fit_logistic(x, y)
    assert telling > 1.0 and abs(noise * 100) < 0.3 and constant == 0.0
    assert fit_logistic(x, y) == (bias, telling, noise, constant)  # no seed, same weights


def test_the_weights_apply_to_the_raw_features() -> None:
    x, y = _data()
    weights = fit_logistic(x, y)
    p = 1 / (1 + numpy.exp(-(weights[0] + x @ numpy.asarray(weights[1:]))))
    assert ((p > 0.5) == (y > 0.5)).mean() > 0.8


def test_the_penalty_shrinks_the_weights() -> None:
    x, y = _data()
    assert abs(fit_logistic(x, y, l2=1000.0)[1]) < abs(fit_logistic(x, y, l2=0.1)[1])


def test_out_of_fold_predictions_never_see_their_own_article() -> None:
    # every article's verdicts contradict the others': fitted on the others, its own look wrong
    x = numpy.asarray([[1.0], [1.0], [1.0], [1.0], [1.0], [1.0]])
    y = numpy.asarray([1.0, 1.0, 0.0, 0.0, 0.0, 0.0])
    groups = numpy.asarray([0, 0, 1, 1, 2, 2])
    predicted = out_of_fold(x, y, groups, folds=3)
    assert predicted[0] < 0.1 and predicted[2] > 0.2


def test_one_regression_per_engine() -> None:
    x, y = _data(200)
    rows = [(i % 7, "rules" if i % 2 else "learned", x[i], bool(y[i])) for i in range(len(y))]
    scorer, predicted = fit_scorer(rows)
    assert set(scorer.weights) == {"rules", "learned"} and len(predicted) == len(rows)
    bias, *weights = scorer.weights["rules"]
    z = bias + x[1] @ numpy.asarray(weights)
    assert scorer.score("rules", x[1]) == pytest.approx(1 / (1 + numpy.exp(-z)))
