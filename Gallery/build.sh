#!/bin/sh
# Renders the gallery into a site folder: for now every trace in Gallery/traces.tsv as JSON and CSV, and an
# index page listing them with the command that made each. Each file is written to a temporary name and
# renamed, so an interrupted build never leaves a half-written file under its final name.
#
# usage: Gallery/build.sh DESCENT_BINARY SITE_FOLDER
set -eu
descent=$1
site=$2
here=$(dirname "$0")
mkdir -p "$site/traces"

escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"; }

rows=""
count=0
tab=$(printf '\t')
while IFS="$tab" read -r name surface optimizer steps; do
  case "$name" in ''|'#'*) continue ;; esac
  for format in json csv; do
    out="$site/traces/$name.$format"
    "$descent" trace --surface "$surface" --optimizer "$optimizer" --steps "$steps" --format "$format" > "$out.tmp"
    mv "$out.tmp" "$out"
  done
  command=$(printf "descent trace --surface '%s' --optimizer '%s' --steps %s" "$surface" "$optimizer" "$steps" | escape)
  rows="$rows<tr><td>$(printf '%s' "$name" | escape)</td><td><code>$command</code></td><td><a href=\"traces/$name.json\">JSON</a> · <a href=\"traces/$name.csv\">CSV</a></td></tr>
"
  count=$((count + 1))
done < "$here/traces.tsv"

cat > "$site/index.html.tmp" <<HTML
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Descent gallery</title>
<style>body{font-family:"DejaVu Sans",sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse}td{padding:.3rem .6rem;border-bottom:1px solid #ddd}code{font-size:.85rem}</style>
</head>
<body>
<h1>Descent gallery</h1>
<p>Optimizer trajectories computed exactly as PyTorch computes them. Figures arrive with the renderer;
until then the gallery holds the numbers behind them.</p>
<table>
$rows</table>
</body>
</html>
HTML
mv "$site/index.html.tmp" "$site/index.html"
echo "gallery: $count traces in $site/"
