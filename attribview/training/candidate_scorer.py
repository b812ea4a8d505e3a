"""Fit the learned scorer of the combination's candidates (see ``nlp.candidate_features``).

A logistic regression per engine, L2-regularised, by Newton's method from zero weights: the same
candidates always give the same weights, with no seed to keep. The isotonic curve over its output is
fitted on out-of-fold predictions (each article's candidates scored by a regression fitted without
that article), so that the curve learns how sure the scorer is on candidates it has not seen, not on
those it was fitted to.
"""

from collections.abc import Sequence

import numpy

from attribview.nlp.candidate_features import Scorer

#: The L2 penalty on the standardised weights (the bias is not penalised).
L2 = 1.0
#: The folds of articles for the out-of-fold predictions.
FOLDS = 5
#: Newton's steps at most, and the step under which the fit has converged.
STEPS, TOLERANCE = 50, 1e-8

#: One candidate in the fit: (article number, engine, features, right).
Row = tuple[int, str, numpy.ndarray, bool]


def _sigmoid(z: numpy.ndarray) -> numpy.ndarray:
    result: numpy.ndarray = 1.0 / (1.0 + numpy.exp(-numpy.clip(z, -50.0, 50.0)))
    return result


def fit_logistic(x: numpy.ndarray, y: numpy.ndarray, l2: float = L2) -> tuple[float, ...]:
    """The bias and weights of a logistic regression of ``y`` (0/1) on the rows of ``x``, for the raw
    features: fitted on standardised ones (so that one penalty suits every feature), then unfolded."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    design = numpy.hstack((numpy.ones((len(x), 1)), (x - mean) / scale))
    penalty = numpy.full(design.shape[1], l2)
    penalty[0] = 0.0
    w = numpy.zeros(design.shape[1])
    for _ in range(STEPS):
        p = _sigmoid(design @ w)
        gradient = design.T @ (p - y) + penalty * w
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + numpy.diag(penalty + 1e-9)
        step = numpy.linalg.solve(hessian, gradient)
        w -= step
        if float(numpy.abs(step).max()) < TOLERANCE:
            break
    weights = w[1:] / scale
    return (float(w[0] - weights @ mean), *map(float, weights))


def _predict(weights: Sequence[float], x: numpy.ndarray) -> numpy.ndarray:
    return _sigmoid(weights[0] + x @ numpy.asarray(weights[1:]))


def out_of_fold(x: numpy.ndarray, y: numpy.ndarray, groups: numpy.ndarray,
                folds: int = FOLDS) -> numpy.ndarray:
    """Each row's prediction by a regression fitted on the other folds' groups (articles, by number)."""
    predictions = numpy.zeros(len(x))
    fold = groups % folds
    for k in range(folds):
        held = fold == k
        if held.any() and (~held).any():
            predictions[held] = _predict(fit_logistic(x[~held], y[~held]), x[held])
    return predictions


def fit_scorer(rows: Sequence[Row]) -> tuple[Scorer, list[float]]:
    """The scorer fitted on all ``rows`` (a regression per engine) and each row's out-of-fold output,
    which the isotonic curves are fitted on."""
    weights: dict[str, tuple[float, ...]] = {}
    predictions = [0.0] * len(rows)
    for engine in sorted({row[1] for row in rows}):
        members = [i for i, row in enumerate(rows) if row[1] == engine]
        x = numpy.vstack([rows[i][2] for i in members])
        y = numpy.asarray([rows[i][3] for i in members], dtype="float64")
        weights[engine] = fit_logistic(x, y)
        predicted = out_of_fold(x, y, numpy.asarray([rows[i][0] for i in members]))
        for i, p in zip(members, predicted.tolist(), strict=True):
            predictions[i] = p
    return Scorer(weights), predictions
