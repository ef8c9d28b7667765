"""Bayesian optimization, Descent against scikit-optimize's gp_minimize (part of `make bench`).

Both minimize the objective of Benchmarks/search-bo.yaml (log(1 + Rosenbrock) on x in [-2, 2], y in [-1, 3];
minimum 0 at (1, 1)) with 50 trials for each seed: `descent search Benchmarks/search-bo.yaml --seed S` as a
subprocess, and gp_minimize(random_state=S) in this process. The formula is read from the YAML file, so the
two cannot drift apart, and every value Descent reports is recomputed here at its parameters as a check.

The settings match Descent's bo(initial=5) defaults as far as scikit-optimize allows:

- 5 random initial points (initial_point_generator="random"), then 45 chosen by expected improvement with
  xi = 0.01 (in the objective's units in both);
- the surrogate: scikit-optimize's GaussianProcessRegressor with ConstantKernel(1, (0.01, 1000)) *
  Matern(length_scale=[1, 1], bounds (0.01, 100), nu=2.5) on the unit square, normalize_y=True and a fixed
  noise of 1e-6 (a WhiteKernel that is not fitted; scikit-learn adds its own alpha = 1e-10 on top), the
  kernel fitted by the log marginal likelihood from 5 starts (the initial kernel and 4 random ones,
  n_restarts_optimizer=4), like Descent's restarts=5. This is the estimator gp_minimize builds for itself,
  except that its default fits the noise (noise="gaussian") and restarts twice;
- the acquisition: 10,000 random candidates, then a local refinement. Descent refines the best candidate by
  a pattern search; scikit-optimize's closest setting is acq_optimizer="lbfgs" (n_points=10000 candidates,
  then L-BFGS-B from the best n_restarts_optimizer=5 of them), which is also what its "auto" picks for a GP.
  acq_optimizer="sampling" would skip the refinement that Descent does.

Timing: Descent's wall clock includes starting the process, reading the spec and writing the JSON; the
start-up alone is measured on a one-trial random search of the same spec and printed as well.
gp_minimize's wall clock is the call alone (the interpreter and imports are already loaded). The seeds are
interleaved (Descent, then scikit-optimize, seed by seed), so that a busy machine slows both alike.

usage: python search_bo.py --descent PATH [--quick] [--seeds N]
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import warnings

import sklearn
import skopt
from skopt import gp_minimize
from skopt.learning import GaussianProcessRegressor
from skopt.learning.gaussian_process.kernels import ConstantKernel, Matern

HERE = os.path.dirname(os.path.abspath(__file__))
SPEC = os.path.join(HERE, "search-bo.yaml")
TRIALS, INITIAL, XI, NOISE, CANDIDATES = 50, 5, 0.01, 1e-6, 10_000
BOUNDS = [(-2.0, 2.0), (-1.0, 3.0)]


def objective_from_spec(path):
    """The spec's formula as a Python function of (x, y), and its text."""
    text = open(path).read()
    formula = re.search(r'expr:\s*"([^"]+)"', text).group(1)
    space = re.search(r"space:\s*\{x:\s*uniform\(([^)]*)\),\s*y:\s*uniform\(([^)]*)\)\}", text)
    ranges = [tuple(float(v) for v in space.group(k).split(",")) for k in (1, 2)]
    if ranges != BOUNDS:
        sys.exit(f"search_bo.py: the spec's space {ranges} is not the benchmark's {BOUNDS}")
    names = {"log": math.log, "exp": math.exp, "sqrt": math.sqrt, "sin": math.sin, "cos": math.cos, "abs": abs}
    code = compile(formula.replace("^", "**"), SPEC, "eval")
    return (lambda x, y: eval(code, {"__builtins__": {}}, dict(names, x=x, y=y))), formula


def run_descent(descent, spec, seed):
    """Wall seconds of one `descent search` process, and its trials."""
    start = time.perf_counter()
    done = subprocess.run([descent, "search", spec, "--seed", str(seed), "--format", "json"],
                          capture_output=True, text=True)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"search_bo.py: descent search failed:\n{done.stderr}")
    return wall, json.loads(done.stdout)["trials"]


def surrogate(seed):
    kernel = ConstantKernel(1.0, (0.01, 1000.0)) * Matern(length_scale=[1.0, 1.0], length_scale_bounds=[(0.01, 100.0)] * 2,
                                                        nu=2.5)
    return GaussianProcessRegressor(kernel=kernel, normalize_y=True, noise=NOISE, n_restarts_optimizer=4, random_state=seed)


def run_skopt(f, seed):
    """Wall seconds of one gp_minimize call, and its best value."""
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = gp_minimize(lambda p: f(p[0], p[1]), BOUNDS, base_estimator=surrogate(seed), n_calls=TRIALS,
                             n_initial_points=INITIAL, initial_point_generator="random", acq_func="EI", xi=XI,
                             acq_optimizer="lbfgs", n_points=CANDIDATES, n_restarts_optimizer=5, random_state=seed)
    return time.perf_counter() - start, float(result.fun)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--descent", required=True, help="the release `descent` binary")
    parser.add_argument("--quick", action="store_true", help="3 seeds instead of 10")
    parser.add_argument("--seeds", type=int, help="seeds 1..N (default 10, 3 with --quick)")
    args = parser.parse_args()
    seeds = range(1, (args.seeds or (3 if args.quick else 10)) + 1)
    f, formula = objective_from_spec(SPEC)

    # Start-up: the same spec, one random trial.
    with tempfile.TemporaryDirectory() as work:
        tiny = os.path.join(work, "one-trial.yaml")
        with open(tiny, "w") as file:
            file.write(open(SPEC).read().replace("sampler: bo(initial=5)", "sampler: random()").replace("trials: 50", "trials: 1"))
        startup = statistics.median(run_descent(args.descent, tiny, 1)[0] for _ in range(5))

    print(f"bo  objective {formula} on x in [-2, 2], y in [-1, 3] (minimum 0 at (1, 1)); {TRIALS} trials, "
          f"{INITIAL} random, then EI (xi = {XI}); scikit-optimize {skopt.__version__}, scikit-learn {sklearn.__version__}")
    print("bo  seed  Descent wall  skopt wall   ratio   best Descent      best skopt")
    rows = []
    for seed in seeds:
        d_wall, trials = run_descent(args.descent, SPEC, seed)
        if len(trials) != TRIALS:
            sys.exit(f"search_bo.py: descent ran {len(trials)} trials, not {TRIALS}")
        for trial in trials:
            mine = f(float(trial["params"]["x"]), float(trial["params"]["y"]))
            if not math.isclose(mine, trial["value"], rel_tol=1e-12, abs_tol=1e-15):
                sys.exit(f"search_bo.py: the objectives differ: Descent {trial['value']}, Python {mine} at {trial['params']}")
        d_best = trials[-1]["best_so_far"]
        s_wall, s_best = run_skopt(f, seed)
        rows.append((d_wall, s_wall, d_best, s_best))
        print(f"bo  {seed:4d}  {d_wall:10.3f} s  {s_wall:8.2f} s  {s_wall / d_wall:6.1f}×  {d_best:14.6g}  {s_best:14.6g}")
        sys.stdout.flush()

    d_wall, s_wall, d_best, s_best = (statistics.median(column) for column in zip(*rows))
    print(f"bo  median wall: Descent {d_wall:.3f} s (of which process start-up ≈ {startup:.3f} s; "
          f"{d_wall - startup:.3f} s without it), scikit-optimize {s_wall:.2f} s: "
          f"ratio {s_wall / d_wall:.1f}× (target ≥ 20)")
    verdict = "not worse" if d_best <= s_best else "WORSE"
    print(f"bo  median best value: Descent {d_best:.6g}, scikit-optimize {s_best:.6g} "
          f"({len(rows)} seeds; Descent {verdict}; the minimum is 0)")


if __name__ == "__main__":
    main()
