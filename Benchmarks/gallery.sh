#!/bin/sh
# The gallery benchmark (part of `make bench`): `descent site build` from nothing, again with nothing
# changed, topic 10 (hyperparameter search) alone from nothing, and the shell stand-in it replaced (Benchmarks/gallery-stand-in.sh) on the same specs, in one run
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
# Topic 10 alone (the hyperparameter-search figures): a gallery of just that topic, from nothing.
topic10=$(sed -n '/slug: hyperparameters/,/figures:/p' Gallery/gallery.yaml | sed -n 's/.*figures: \[\(.*\)\]/\1/p')
mkdir -p "$work/topic10"
for name in $(echo "$topic10" | tr ',' ' '); do
  mkdir -p "$(dirname "$work/topic10/$name")"
  cp "Gallery/$name.yaml" "$work/topic10/$name.yaml"
done
printf 'title: Topic 10\nintro: The hyperparameter figures alone.\ntopics:\n  - slug: hyperparameters\n    title: Tuning hyperparameters\n    intro: Search.\n    figures: [%s]\n' "$topic10" > "$work/topic10/gallery.yaml"
timed $runs "$work/topic10-clean" 'rm -rf "$work/topic10/site"' "$descent" site build "$work/topic10" --out "$work/topic10/site"
topic10_figures=$(ls "$work/topic10/site/.state" | wc -l)
topic10_clean=$(median < "$work/topic10-clean")

figures=$(ls "$work/site/.state" | wc -l)
clean=$(median < "$work/clean"); again=$(median < "$work/again"); old=$(median < "$work/old")
awk -v c="$clean" -v a="$again" -v o="$old" -v n="$figures" -v r="$runs" 'BEGIN {
  printf "gallery  descent site build, clean: median %.1f s (%d figures, %d runs; target ≤ 60 s)\n", c, n, r
  printf "gallery  descent site build, nothing changed: median %.2f s (5 runs; target ≤ 1 s)\n", a
  printf "gallery  shell stand-in (light PNG 1x+2x, SVG, PDF, APNG, one page): median %.1f s; site builder ÷ stand-in %.2f\n", o, c / o
}'
awk -v t="$topic10_clean" -v n="$topic10_figures" -v r="$runs" 'BEGIN {
  printf "gallery  topic 10 (hyperparameter search) alone, clean: median %.1f s (%d figures, %d runs; target ≤ 30 s)\n", t, n, r
}'
