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

: > "$work/clean"
i=0
while [ $i -lt $runs ]; do
  rm -rf "$work/site"
  start=$(now); "$descent" site build Gallery --out "$work/site" > /dev/null; end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }' >> "$work/clean"
  i=$((i + 1))
done
: > "$work/again"
i=0
while [ $i -lt 5 ]; do
  start=$(now); "$descent" site build Gallery --out "$work/site" > /dev/null; end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }' >> "$work/again"
  i=$((i + 1))
done
: > "$work/old"
i=0
while [ $i -lt $runs ]; do
  rm -rf "$work/old-site"
  start=$(now); sh Benchmarks/gallery-stand-in.sh "$descent" "$work/old-site" > /dev/null; end=$(now)
  awk -v s="$start" -v e="$end" 'BEGIN { print e - s }' >> "$work/old"
  i=$((i + 1))
done
figures=$(ls "$work/site/.state" | wc -l)
clean=$(median < "$work/clean"); again=$(median < "$work/again"); old=$(median < "$work/old")
awk -v c="$clean" -v a="$again" -v o="$old" -v n="$figures" -v r="$runs" 'BEGIN {
  printf "gallery  descent site build, clean: median %.1f s (%d figures, %d runs; target ≤ 60 s)\n", c, n, r
  printf "gallery  descent site build, nothing changed: median %.2f s (5 runs; target ≤ 1 s)\n", a
  printf "gallery  shell stand-in (light PNG 1x+2x, SVG, PDF, APNG, one page): median %.1f s; site builder ÷ stand-in %.2f\n", o, c / o
}'
