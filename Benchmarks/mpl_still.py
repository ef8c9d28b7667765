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
import time

import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

from mpl_common import OPTIMIZERS as RUNS, START, draw_surface, trajectory

STEPS, TRAIL = 300, 60


def draw_still():
    """Simulates the runs and draws the still; returns the PNG's bytes."""
    paths = [(name, trajectory(make, STEPS)) for name, make in RUNS]

    fig, ax = plt.subplots(figsize=(12.8, 7.2), dpi=100)
    draw_surface(ax)
    for name, points in paths:
        trail = points[-(TRAIL + 1):]
        line, = ax.plot(trail[:, 0], trail[:, 1], lw=2, label=name)
        ax.plot(points[-1, 0], points[-1, 1], "o", ms=7, color=line.get_color(), markeredgecolor="white")
    ax.plot(*START, "o", ms=9, markerfacecolor="white", markeredgecolor="black", label="start")
    ax.plot(1, 1, "*", ms=15, color="#FFD23F", markeredgecolor="#1A1A1A", label="minimum")
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
            trajectory(make, STEPS)
        sim_times.append(time.perf_counter() - start)

    runs = ", ".join(f"{t * 1000:.1f}" for t in sorted(times))
    print(f"still  matplotlib {matplotlib.__version__}, 1280×720 PNG "
          f"(simulate {len(RUNS)} runs + draw + savefig PNG, in memory): "
          f"median {np.median(times) * 1000:.1f} ms (runs: {runs} ms; {len(png)} bytes; "
          f"simulation alone {np.median(sim_times) * 1000:.2f} ms)")


if __name__ == "__main__":
    main()
