"""matplotlib peer of Descent's standard animation (DESIGN.md, "Performance targets").

Seven optimizers race on Rosenbrock from (-1.5, 2.5), one step per frame: SGD(lr=2e-4), SGD with
momentum 0.9, Nesterov, Adagrad(lr=0.1), RMSprop(lr=0.01), Adam(lr=0.05) and AdamW(lr=0.05,
weight_decay=0.01), with PyTorch's update rules and defaults. Each 1280x720 frame shows the view
x in [-2, 2], y in [-1, 3] with filled log-spaced contours and contour lines, a star at the minimum, a
ring at the start, each optimizer's last 60 steps as a trail with a dot at its head, a legend and the
step counter as the title. Frame k (1..N) shows the state after step k.

It is written the way a course author would write it: the figure and its static background (contours,
markers, legend) are built once; each frame only moves the trails and heads with `set_data`, changes the
title and calls `savefig` with its default settings (the figure's 100 dpi, so 12.8 x 7.2 inches give
1280x720 pixels), one numbered PNG per frame.

Timed: simulating the runs, building the figure and writing every frame (not Python's start-up or the
imports). Printed as one line; CPU is this process's time (`time.process_time`, all threads).

usage: python Benchmarks/mpl_animation.py OUTDIR [--frames N]
"""
import argparse
import os
import time

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

from mpl_common import OPTIMIZERS, START, draw_surface, trajectory

TRAIL = 60           # steps of trail behind each head


def animate(outdir, frames):
    paths = [(name, trajectory(make, frames)) for name, make in OPTIMIZERS]

    # The static background, drawn once.
    fig, ax = plt.subplots(figsize=(12.8, 7.2), dpi=100)
    draw_surface(ax)

    # The moving parts: one trail and one head per optimizer, empty until the first frame. They are made
    # before the start and minimum markers so that they take the first seven colours of the cycle.
    movers = []
    for name, points in paths:
        trail, = ax.plot([], [], lw=2, label=name)
        head, = ax.plot([], [], "o", ms=7, color=trail.get_color(), markeredgecolor="white")
        movers.append((trail, head, points))
    ax.plot(*START, "o", ms=9, markerfacecolor="white", markeredgecolor="black", label="start")
    ax.plot(1, 1, "*", ms=15, color="#FFD23F", markeredgecolor="#1A1A1A", label="minimum")

    ax.set_xlabel("$x$")
    ax.set_ylabel("$y$")
    ax.legend(loc="upper right")
    title = ax.set_title(" ")
    fig.tight_layout()

    digits = max(4, len(str(frames)))
    for step in range(1, frames + 1):
        for trail, head, points in movers:
            recent = points[max(0, step - TRAIL):step + 1]
            trail.set_data(recent[:, 0], recent[:, 1])
            head.set_data([points[step, 0]], [points[step, 1]])
        title.set_text(f"Rosenbrock — step {step}")
        fig.savefig(os.path.join(outdir, f"frame-{step:0{digits}d}.png"))
    plt.close(fig)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", help="folder for the PNG frames (created if missing)")
    parser.add_argument("--frames", type=int, default=300, help="frames to write, one step each (default 300)")
    args = parser.parse_args()
    if args.frames < 1:
        parser.error("--frames must be at least 1")
    os.makedirs(args.outdir, exist_ok=True)

    wall, cpu = time.perf_counter(), time.process_time()
    animate(args.outdir, args.frames)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    print(f"animation  matplotlib: frames={args.frames} seconds={wall:.3f} cpu_seconds={cpu:.3f}")


if __name__ == "__main__":
    main()
