#!/bin/sh
# `make bench`: Descent's benchmarks and the matplotlib peer of the still, measured in one run on this
# machine, reported as medians, then the ratio.
#
#   sh Benchmarks/run.sh [--quick]
#
# Builds DescentBench in release (in .build, or in $BENCH_SCRATCH_PATH when set), runs it, makes sure a
# virtual environment with matplotlib and numpy exists in Benchmarks/.venv (pip install when missing), runs
# Benchmarks/mpl_still.py and prints both medians and their ratio (matplotlib ÷ Descent). Without
# matplotlib it says why and still reports Descent's numbers.
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
bin=$($SWIFT build -c release $scratch --product DescentBench --show-bin-path)

log=$(mktemp)
trap 'rm -f "$log"' EXIT INT TERM
"$bin/DescentBench" $QUICK | tee "$log"
descent_ms=$(sed -n 's/^still  .*: median \([0-9.]*\) ms.*/\1/p' "$log" | head -n 1)
if [ -z "$descent_ms" ]; then
  echo "bench: DescentBench printed no still timing" >&2
  exit 1
fi

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
  exit 0
fi
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
