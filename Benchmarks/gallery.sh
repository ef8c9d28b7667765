#!/bin/sh
# The gallery benchmark (part of `make bench`): `descent site build` from nothing, again with nothing
# changed, and the shell stand-in it replaced (Benchmarks/gallery-stand-in.sh) on the same specs, in one run
# on this machine; medians.
#
#   sh Benchmarks/gallery.sh DESCENT_BINARY [--quick]
#
# The site builder does more than the stand-in did: dark images at 1x and 2x, every figure's data as CSV and
# JSON, every value of a sweep, and the pages. The stand-in draws light PNGs at 1x and 2x, SVG, PDF and the
# APNGs into one page.
set -eu
cd "$(dirname "$0")/.."
descent=$1
runs=3
[ "${2:-}" = "--quick" ] && runs=1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

now() { date +%s.%N; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# timed N FILE SETUP COMMAND...: runs SETUP (untimed) then COMMAND, N times, appending each wall time to FILE.
timed() {
  n=$1; file=$2; setup=$3; shift 3
  : > "$file"
  i=0
  while [ $i -lt "$n" ]; do
    eval "$setup"
    start=$(now); "$@" > /dev/null; end=$(now)
    awk -v s="$start" -v e="$end" 'BEGIN { print e - s }' >> "$file"
    i=$((i + 1))
  done
}

timed $runs "$work/clean" 'rm -rf "$work/site"' "$descent" site build Gallery --out "$work/site"
timed 5 "$work/again" ':' "$descent" site build Gallery --out "$work/site"
timed $runs "$work/old" 'rm -rf "$work/old-site"' sh Benchmarks/gallery-stand-in.sh "$descent" "$work/old-site"
figures=$(ls "$work/site/.state" | wc -l)
clean=$(median < "$work/clean"); again=$(median < "$work/again"); old=$(median < "$work/old")
awk -v c="$clean" -v a="$again" -v o="$old" -v n="$figures" -v r="$runs" 'BEGIN {
  printf "gallery  descent site build, clean: median %.1f s (%d figures, %d runs; target ≤ 60 s)\n", c, n, r
  printf "gallery  descent site build, nothing changed: median %.2f s (5 runs; target ≤ 1 s)\n", a
  printf "gallery  shell stand-in (light PNG 1x+2x, SVG, PDF, APNG, one page): median %.1f s; site builder ÷ stand-in %.2f\n", o, c / o
}'
