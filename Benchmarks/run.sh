#!/bin/sh
# `make bench`: Descent's benchmarks and their matplotlib peers, measured in one run on this machine,
# reported as medians, then the ratios.
#
#   sh Benchmarks/run.sh [--quick]
#
# Builds DescentBench and `descent` in release (in .build, or in $BENCH_SCRATCH_PATH when set) and runs
# DescentBench: simulation, training, the still, and the standard animation as PNG frames (with the zlib
# ratio, the APNG fraction and the peak memory of a 1000-frame 1920×1080 run). Then it makes sure a virtual
# environment with matplotlib and numpy exists in Benchmarks/.venv (pip install when missing), runs
# Benchmarks/mpl_still.py and Benchmarks/mpl_animation.py (and the shared reference peer
# ../shared/bench/mpl_animation.py when that folder exists) and prints the ratios (matplotlib ÷ Descent).
# Without matplotlib it says why and still reports Descent's numbers. Last, Bayesian optimization: `descent
# search` against scikit-optimize's gp_minimize on Benchmarks/search-bo.yaml (Benchmarks/search_bo.py, 10
# seeds, 3 with --quick; scikit-optimize and scikit-learn installed into the same environment when missing).
set -eu

cd "$(dirname "$0")/.."
SWIFT=${SWIFT:-swift}
PYTHON=${PYTHON:-python3}
VENV=${BENCH_VENV:-Benchmarks/.venv}
QUICK=""
for argument in "$@"; do
  case "$argument" in
    --quick) QUICK=--quick ;;
    *) echo "usage: sh Benchmarks/run.sh [--quick]" >&2; exit 2 ;;
  esac
done

scratch=""
[ -n "${BENCH_SCRATCH_PATH:-}" ] && scratch="--scratch-path $BENCH_SCRATCH_PATH"
# shellcheck disable=SC2086
$SWIFT build -c release $scratch --product DescentBench
# shellcheck disable=SC2086
$SWIFT build -c release $scratch --product descent
# shellcheck disable=SC2086
bin=$($SWIFT build -c release $scratch --product DescentBench --show-bin-path)

log=$(mktemp)
frames=$(mktemp -d)
trap 'rm -rf "$log" "$frames"' EXIT INT TERM
"$bin/DescentBench" $QUICK --descent "$bin/descent" | tee "$log"
descent_ms=$(sed -n 's/^still  .*: median \([0-9.]*\) ms.*/\1/p' "$log" | head -n 1)
descent_s=$(sed -n 's/^animation  wall: median \([0-9.]*\) s.*/\1/p' "$log" | head -n 1)
if [ -z "$descent_ms" ] || [ -z "$descent_s" ]; then
  echo "bench: DescentBench printed no still or animation timing" >&2
  exit 1
fi
echo ""
sh Benchmarks/gallery.sh "$bin/descent" $QUICK

# The matplotlib peer, in its own virtual environment.
have_matplotlib() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import matplotlib, numpy' >/dev/null 2>&1; }
if ! have_matplotlib; then
  echo ""
  echo "Setting up $VENV (matplotlib, numpy) for the matplotlib peer…"
  if { [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"; } &&
     "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check matplotlib numpy; then :; fi
fi
echo ""
if ! have_matplotlib; then
  echo "matplotlib peer skipped: could not set up $VENV with matplotlib and numpy"
  echo "  (needs $PYTHON with the venv module, e.g. Debian's python3-venv, and pip access to PyPI)."
  echo "still (1280×720 PNG): Descent $descent_ms ms, matplotlib not measured"
  echo "animation (300 PNG frames): Descent $descent_s s, matplotlib not measured"
else
  "$VENV/bin/python" Benchmarks/mpl_still.py $QUICK | tee "$log"
  mpl_ms=$(sed -n 's/^still  .*: median \([0-9.]*\) ms.*/\1/p' "$log" | head -n 1)
  if [ -z "$mpl_ms" ]; then
    echo "bench: mpl_still.py printed no still timing" >&2
    exit 1
  fi

  echo ""
  awk -v d="$descent_ms" -v m="$mpl_ms" 'BEGIN {
    printf "still (1280×720 PNG): Descent %.1f ms, matplotlib %.1f ms, ratio %.1f× (matplotlib ÷ Descent, medians)\n", d, m, m / d
  }'

  # The animation: 300 PNG frames, written the ordinary matplotlib way (ours, and the shared reference peer).
  anim_frames=300
  [ -n "$QUICK" ] && anim_frames=100
  "$VENV/bin/python" Benchmarks/mpl_animation.py "$frames/ours" --frames "$anim_frames" | tee "$log"
  mpl_s=$(sed -n 's/^animation  matplotlib: .*seconds=\([0-9.]*\) cpu.*/\1/p' "$log" | head -n 1)
  reference=../shared/bench/mpl_animation.py
  ref_s=""
  if [ -f "$reference" ]; then
    "$VENV/bin/python" "$reference" "$frames/reference" "$anim_frames" | tee "$log"
    ref_s=$(sed -n 's/^frames=.* seconds=\([0-9.]*\).*/\1/p' "$log" | head -n 1)
  fi
  awk -v d="$descent_s" -v m="$mpl_s" -v r="$ref_s" -v n="$anim_frames" 'BEGIN {
    # Descent always writes 300 frames; a quick matplotlib run of fewer frames is scaled to 300.
    scale = 300 / n
    printf "animation (300 PNG frames, 1280×720): Descent %.2f s, matplotlib (Benchmarks/mpl_animation.py) %.1f s, ratio %.1f× (target ≥ 20)\n", d, m * scale, m * scale / d
    if (r != "") printf "animation: the shared reference peer takes %.1f s, ratio %.1f×\n", r * scale, r * scale / d
  }'
fi

# Bayesian optimization: the release `descent search` against scikit-optimize's gp_minimize (50 trials on a
# 2-D formula, seeds 1–10), in the same virtual environment.
have_skopt() { [ -x "$VENV/bin/python" ] && "$VENV/bin/python" -c 'import skopt, sklearn, numpy' >/dev/null 2>&1; }
if ! have_skopt; then
  echo ""
  echo "Setting up $VENV (scikit-optimize, scikit-learn, numpy) for the Bayesian-optimization peer…"
  if { [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"; } &&
     "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check scikit-optimize scikit-learn numpy; then :; fi
fi
echo ""
if have_skopt; then
  "$VENV/bin/python" Benchmarks/search_bo.py --descent "$bin/descent" $QUICK
else
  echo "scikit-optimize peer skipped: could not set up $VENV with scikit-optimize, scikit-learn and numpy"
  echo "  (needs $PYTHON with the venv module, e.g. Debian's python3-venv, and pip access to PyPI; pip's"
  echo "  message, if any, is above)."
fi
