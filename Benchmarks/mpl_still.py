"""matplotlib peer of Descent's still benchmark (`make bench`).

Draws the last frame (step 300) of the standard animation the ordinary way a course author would: seven
optimizers on Rosenbrock from (-1.5, 2.5), view x in [-2, 2], y in [-1, 3], filled log-spaced contours
with a LogNorm, contour lines at the same levels, each path's last 60 steps as a trail with a dot at its
head, a ring at the start, a star at the minimum, a legend and the step counter as the title; saved as a
1280x720 PNG (figsize 12.8 x 7.2 in at 100 dpi).

What is timed matches what Descent's still timing includes: simulating the seven runs, building the
figure, drawing it and encoding the PNG into memory (no file write). The median of REPEATS runs in one
process after one warm-up is printed as one line.

usage: python mpl_still.py [--quick] [--repeats N] [--png PATH]
"""
import argparse
import io
import math
import time

import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from matplotlib.colors import LogNorm

STEPS, TRAIL, START = 300, 60, (-1.5, 2.5)
VIEW_X, VIEW_Y = (-2.0, 2.0), (-1.0, 3.0)
LEVELS = 20          # as `contours: 20` in Benchmarks/standard-animation.yaml
GRID = 301           # Descent samples the surface on a 301 x 301 grid too


def rosenbrock(x, y):
    return (1 - x) ** 2 + 100 * (y - x * x) ** 2


def gradient(x, y):
    return -2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)


# The update rules of torch.optim with PyTorch's defaults, written out for one 2-D parameter.
def sgd(lr, momentum=0.0, nesterov=False):
    buf = None
    def step(t, p, g):
        nonlocal buf
        if momentum:
            buf = list(g) if buf is None else [momentum * b + gi for b, gi in zip(buf, g)]
            g = [gi + momentum * b for gi, b in zip(g, buf)] if nesterov else buf
        return [pi - lr * gi for pi, gi in zip(p, g)]
    return step


def adagrad(lr, eps=1e-10):
    acc = [0.0, 0.0]
    def step(t, p, g):
        for i in range(2):
            acc[i] += g[i] * g[i]
        return [p[i] - lr * g[i] / (math.sqrt(acc[i]) + eps) for i in range(2)]
    return step


def rmsprop(lr, alpha=0.99, eps=1e-8):
    sq = [0.0, 0.0]
    def step(t, p, g):
        for i in range(2):
            sq[i] = alpha * sq[i] + (1 - alpha) * g[i] * g[i]
        return [p[i] - lr * g[i] / (math.sqrt(sq[i]) + eps) for i in range(2)]
    return step


def adam(lr, betas=(0.9, 0.999), eps=1e-8, decoupled_weight_decay=0.0):
    m, v = [0.0, 0.0], [0.0, 0.0]
    b1, b2 = betas
    def step(t, p, g):
        if decoupled_weight_decay:
            p = [pi * (1 - lr * decoupled_weight_decay) for pi in p]
        out = []
        for i in range(2):
            m[i] = b1 * m[i] + (1 - b1) * g[i]
            v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
            step_size = lr / (1 - b1 ** t)
            denom = math.sqrt(v[i]) / math.sqrt(1 - b2 ** t) + eps
            out.append(p[i] - step_size * m[i] / denom)
        return out
    return step


RUNS = [
    ("SGD", lambda: sgd(2e-4)),
    ("Momentum", lambda: sgd(2e-4, momentum=0.9)),
    ("Nesterov", lambda: sgd(2e-4, momentum=0.9, nesterov=True)),
    ("Adagrad", lambda: adagrad(0.1)),
    ("RMSprop", lambda: rmsprop(0.01)),
    ("Adam", lambda: adam(0.05)),
    ("AdamW", lambda: adam(0.05, decoupled_weight_decay=0.01)),
]


def simulate(make_step):
    step = make_step()
    p = list(START)
    points = [p]
    for t in range(1, STEPS + 1):
        p = step(t, p, gradient(*p))
        points.append(p)
    return np.array(points)


def draw_still():
    """Simulates the runs and draws the still; returns the PNG's bytes."""
    paths = [(name, simulate(make)) for name, make in RUNS]

    x = np.linspace(*VIEW_X, GRID)
    y = np.linspace(*VIEW_Y, GRID)
    X, Y = np.meshgrid(x, y)
    Z = rosenbrock(X, Y)
    # Log-spaced levels from a millionth of the range to the top, shifted so that the minimum (0) has a log.
    floor = (Z.max() - Z.min()) * 1e-6
    Z = Z - Z.min() + floor
    bounds = np.logspace(np.log10(floor), np.log10(Z.max()), LEVELS + 2)
    levels = bounds[1:-1]

    fig, ax = plt.subplots(figsize=(12.8, 7.2), dpi=100)
    ax.contourf(X, Y, Z, levels=bounds, norm=LogNorm(vmin=floor, vmax=Z.max()), cmap="viridis", alpha=0.85)
    ax.contour(X, Y, Z, levels=levels, colors="white", linewidths=0.6, alpha=0.5)
    for name, points in paths:
        trail = points[-(TRAIL + 1):]
        line, = ax.plot(trail[:, 0], trail[:, 1], lw=2, label=name)
        ax.plot(points[-1, 0], points[-1, 1], "o", ms=7, color=line.get_color(), markeredgecolor="white")
    ax.plot(*START, "o", ms=9, markerfacecolor="white", markeredgecolor="black", label="start")
    ax.plot(1, 1, "*", ms=15, color="#FFD23F", markeredgecolor="#1A1A1A", label="minimum")
    ax.set_xlim(*VIEW_X)
    ax.set_ylim(*VIEW_Y)
    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.set_title(f"Rosenbrock — step {STEPS}")
    ax.legend(loc="upper right")
    fig.tight_layout()

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    parser.add_argument("--repeats", type=int, help="timed runs after the warm-up (default 7, 3 with --quick)")
    parser.add_argument("--png", help="also write one still to this file (outside the timing)")
    args = parser.parse_args()
    repeats = args.repeats or (3 if args.quick else 7)

    png = draw_still()  # warm-up: imports, font cache, mathtext parser
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        png = draw_still()
        times.append(time.perf_counter() - start)
    if args.png:
        with open(args.png, "wb") as file:
            file.write(png)

    sim_times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _, make in RUNS:
            simulate(make)
        sim_times.append(time.perf_counter() - start)

    runs = ", ".join(f"{t * 1000:.1f}" for t in sorted(times))
    print(f"still  matplotlib {matplotlib.__version__}, 1280×720 PNG "
          f"(simulate {len(RUNS)} runs + draw + savefig PNG, in memory): "
          f"median {np.median(times) * 1000:.1f} ms (runs: {runs} ms; {len(png)} bytes; "
          f"simulation alone {np.median(sim_times) * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
