#!/usr/bin/env python3
"""Writes Tests/SimulationTests/Fixtures/gp-fit.json: Gaussian-process kernels fitted by scikit-learn.

How to run it (from the repository root; the Swift tests read the committed JSON and never need Python):

    python3 -m venv /tmp/gp-venv
    /tmp/gp-venv/bin/pip install scikit-learn numpy
    /tmp/gp-venv/bin/python Tools/reference/gp_fit_reference.py

Each case is a small deterministic data set on the unit cube (1-D or 2-D, the points from low-discrepancy
formulas, the values from closed-form functions, some with a deterministic wiggle that looks like noise). On
it scikit-learn's GaussianProcessRegressor is fitted the way Descent's Bayesian optimization fits its
surrogate:

    kernel = ConstantKernel(1.0, (0.01, 1000)) * Matern(length_scale=[1.0] * d, (0.01, 100), nu)
             (or * RBF(...) with the same bounds)
    alpha = 1e-6, normalize_y=True, n_restarts_optimizer=5, random_state=0

normalize_y standardizes the targets with their mean and np.std (the population standard deviation), and
log_marginal_likelihood_value_ is the log marginal likelihood of those standardized targets, the same
quantity as Descent's GaussianProcess.logMarginalLikelihood. The JSON keeps the points, the raw targets,
the fitted signal variance and length scales, and that log marginal likelihood. As a check that the two
quantities are the same, the script also evaluates the likelihood itself (numpy, from the formula) at the
fitted hyperparameters and stops if it disagrees with scikit-learn's.
"""

import json
import math
import os
import sys

import numpy as np
import sklearn
from sklearn.gaussian_process import GaussianProcessRegressor
from sklearn.gaussian_process.kernels import RBF, ConstantKernel, Matern

NOISE = 1e-6
GOLDEN = (math.sqrt(5) - 1) / 2
# The plastic number's reciprocals give a 2-D sequence of well-spread points (R2 sequence).
PLASTIC = 1.324717957244746
R2 = (1 / PLASTIC, 1 / PLASTIC**2)


def points_1d(count, offset):
    """count points of the golden-ratio sequence in [0, 1), starting `offset` terms in."""
    return [[(offset + k * GOLDEN) % 1.0] for k in range(1, count + 1)]


def points_2d(count, offset):
    """count points of the R2 sequence in [0, 1)²."""
    return [[(offset + k * R2[0]) % 1.0, (offset + k * R2[1]) % 1.0] for k in range(1, count + 1)]


def wiggle(k):
    """A deterministic stand-in for noise: a fast, irregular sine of the index, in [-1, 1]."""
    return math.sin(12.9898 * k + 78.233 * k * k)


def datasets():
    """(name, points, targets) for each data set."""
    out = []

    x = points_1d(6, 0.1)
    out.append(("1-D smooth, 6 points", x, [math.sin(6 * p[0]) + 0.5 * p[0] for p in x]))

    x = points_1d(12, 0.3)
    out.append(("1-D noisy-looking, 12 points", x,
                [(p[0] - 0.4) ** 2 + 0.05 * wiggle(k) for k, p in enumerate(x)]))

    x = points_1d(9, 0.7)
    out.append(("1-D step-like, 9 points", x, [math.tanh(20 * (p[0] - 0.5)) for p in x]))

    x = points_2d(10, 0.2)
    out.append(("2-D bowl, 10 points", x, [(p[0] - 0.3) ** 2 + 2 * (p[1] - 0.6) ** 2 for p in x]))

    x = points_2d(16, 0.5)
    # Rosenbrock on [-2, 2] × [-1, 3], as log(1 + f), mapped from the unit square.
    def rosenbrock(p):
        u, v = -2 + 4 * p[0], -1 + 4 * p[1]
        return math.log(1 + (1 - u) ** 2 + 100 * (v - u * u) ** 2)
    out.append(("2-D log-Rosenbrock, 16 points", x, [rosenbrock(p) for p in x]))

    x = points_2d(20, 0.05)
    out.append(("2-D bumps with wiggle, 20 points", x,
                [math.exp(-8 * ((p[0] - 0.7) ** 2 + (p[1] - 0.2) ** 2))
                 - 0.8 * math.exp(-10 * ((p[0] - 0.2) ** 2 + (p[1] - 0.8) ** 2))
                 + 0.03 * wiggle(k) for k, p in enumerate(x)]))
    return out


def correlation(family, d):
    """The correlation of a scaled distance d, as in Descent's GaussianProcessKernel."""
    if family == "rbf":
        return np.exp(-0.5 * d * d)
    nu = {"matern0.5": 0.5, "matern1.5": 1.5, "matern2.5": 2.5}[family]
    if nu == 0.5:
        return np.exp(-d)
    if nu == 1.5:
        t = math.sqrt(3) * d
        return (1 + t) * np.exp(-t)
    t = math.sqrt(5) * d
    return (1 + t + t * t / 3) * np.exp(-t)


def likelihood_by_formula(family, signal_variance, length_scales, x, y):
    """The log marginal likelihood of the standardized targets, written out from its formula."""
    x = np.asarray(x, dtype=float) / np.asarray(length_scales, dtype=float)
    y = np.asarray(y, dtype=float)
    scale = np.std(y) or 1.0
    z = (y - y.mean()) / scale
    d = np.sqrt(((x[:, None, :] - x[None, :, :]) ** 2).sum(axis=2))
    k = signal_variance * correlation(family, d) + NOISE * np.eye(len(y))
    factor = np.linalg.cholesky(k)
    weights = np.linalg.solve(factor.T, np.linalg.solve(factor, z))
    return -0.5 * z @ weights - np.log(np.diag(factor)).sum() - len(y) / 2 * math.log(2 * math.pi)


def fit(family, x, y):
    d = len(x[0])
    amplitude = ConstantKernel(1.0, (0.01, 1000.0))
    if family == "rbf":
        shape = RBF(length_scale=[1.0] * d, length_scale_bounds=(0.01, 100.0))
    else:
        nu = float(family.removeprefix("matern"))
        shape = Matern(length_scale=[1.0] * d, length_scale_bounds=(0.01, 100.0), nu=nu)
    model = GaussianProcessRegressor(kernel=amplitude * shape, alpha=NOISE, normalize_y=True,
                                     n_restarts_optimizer=5, random_state=0)
    model.fit(np.asarray(x), np.asarray(y))
    signal_variance = float(model.kernel_.k1.constant_value)
    length_scales = [float(v) for v in np.atleast_1d(model.kernel_.k2.length_scale)]
    lml = float(model.log_marginal_likelihood_value_)
    check = likelihood_by_formula(family, signal_variance, length_scales, x, y)
    if abs(check - lml) > 1e-9 * max(1.0, abs(lml)):
        sys.exit(f"the formula gives {check}, scikit-learn {lml}: not the same quantity")
    return signal_variance, length_scales, lml


def main():
    cases = []
    sets = datasets()
    plan = [(name, x, y, "matern2.5") for name, x, y in sets]
    # Other kernels on some of the same data.
    plan.append((sets[1][0], sets[1][1], sets[1][2], "matern1.5"))
    plan.append((sets[4][0], sets[4][1], sets[4][2], "matern1.5"))
    plan.append((sets[0][0], sets[0][1], sets[0][2], "rbf"))
    plan.append((sets[3][0], sets[3][1], sets[3][2], "rbf"))
    for name, x, y, family in plan:
        signal_variance, length_scales, lml = fit(family, x, y)
        cases.append({
            "name": name, "kernel": family, "noise": NOISE, "x": x, "y": y,
            "signal_variance": signal_variance, "length_scale": length_scales,
            "log_marginal_likelihood": lml,
        })
        print(f"{family:9s} {name:34s} σ² = {signal_variance:.6g}, ℓ = {[round(v, 6) for v in length_scales]}, "
              f"log marginal likelihood {lml:.10f}")
    about = (f"Kernels fitted by scikit-learn {sklearn.__version__} (numpy {np.__version__}): "
             "GaussianProcessRegressor(ConstantKernel(1, (0.01, 1000)) * Matern(nu) or RBF, length scales in "
             "(0.01, 100), alpha=1e-6, normalize_y=True, n_restarts_optimizer=5, random_state=0); "
             "log_marginal_likelihood is log_marginal_likelihood_value_ (standardized targets). "
             "Written by Tools/reference/gp_fit_reference.py.")
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    path = os.path.join(root, "Tests", "SimulationTests", "Fixtures", "gp-fit.json")
    with open(path, "w") as f:
        json.dump({"about": about, "cases": cases}, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(path, root)}")


if __name__ == "__main__":
    main()
