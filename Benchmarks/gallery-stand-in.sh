#!/bin/sh
# Renders every figure spec in Gallery/ (PNG at 1x and 2x, SVG, PDF) and every animated spec in
# Gallery/animations/ (an APNG, and its last frame as a still) into a site folder with an index page.
# `descent render` writes each file under a temporary name and renames it, and the index is written the
# same way, so an interrupted build never leaves a half-written file under its final name.
#
# This was `make gallery` before `descent site build` replaced it; `make bench` keeps it to time the site
# builder against it on the same specs.
#
# usage: Benchmarks/gallery-stand-in.sh DESCENT_BINARY SITE_FOLDER   (GALLERY=folder to use another gallery)
set -eu
descent=$1
site=$2
here=${GALLERY:-$(dirname "$0")/../Gallery}
mkdir -p "$site/figures" "$site/figures@2x"
# Every spec but the site builder's manifest, which the stand-in never knew.
specs=$(ls "$here"/*.yaml | grep -v '/gallery\.yaml$')

"$descent" render $specs --out "$site/figures" --format png,svg,pdf > /dev/null
"$descent" render $specs --out "$site/figures@2x" --format png --scale 2 > /dev/null
mkdir -p "$site/animations"
"$descent" render "$here"/animations/*.yaml --out "$site/animations" --format png > /dev/null
for spec in "$here"/animations/*.yaml; do
  "$descent" animate "$spec" --out "$site/animations/$(basename "$spec" .yaml)" --frames apng > /dev/null
done

# HTML-escapes standard input: the one place text enters the page.
escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g' -e 's/"/\&quot;/g' -e "s/'/\&#39;/g"; }

items=""
count=0
for spec in $specs; do
  name=$(basename "$spec" .yaml)
  # The alt text is the generated description; the caption its first sentence (the title, in plain Unicode).
  alt=$(cat "$site/figures/$name.alt.txt" 2>/dev/null | escape)
  title=$(printf '%s' "$alt" | sed -e 's/\. .*$//' -e 's/\.$//')
  [ -n "$title" ] || title=$(printf '%s' "$name" | escape)
  file=$(printf '%s' "$name" | escape)
  items="$items<figure><a href=\"figures@2x/$file.png\"><img src=\"figures/$file.png\" srcset=\"figures@2x/$file.png 2x\" alt=\"$alt\" loading=\"lazy\"></a>
<figcaption>$title · <a href=\"figures/$file.svg\">SVG</a> · <a href=\"figures/$file.pdf\">PDF</a></figcaption></figure>
"
  count=$((count + 1))
done

animations=""
for spec in "$here"/animations/*.yaml; do
  name=$(basename "$spec" .yaml)
  alt=$(cat "$site/animations/$name.alt.txt" 2>/dev/null | escape)
  title=$(printf '%s' "$alt" | sed -e 's/\. .*$//' -e 's/\.$//')
  [ -n "$title" ] || title=$(printf '%s' "$name" | escape)
  file=$(printf '%s' "$name" | escape)
  animations="$animations<figure><img src=\"animations/$file/animation.apng\" alt=\"$alt\" loading=\"lazy\">
<figcaption>$title · <a href=\"animations/$file/animation.apng\">APNG</a> · <a href=\"animations/$file.png\">last frame</a></figcaption></figure>
"
  count=$((count + 1))
done

cat > "$site/index.html.tmp" <<HTML
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Descent gallery</title>
<style>body{font-family:"DejaVu Sans",sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
figure{margin:0 0 2.5rem}img{width:100%;height:auto;border:1px solid #ddd}figcaption{margin-top:.4rem;color:#444}</style>
</head>
<body>
<h1>Descent gallery</h1>
<p>Figures for teaching optimization, each made by <code>descent render</code> from a spec in <code>Gallery/</code>.</p>
<h2>Animations</h2>
<p>Made by <code>descent animate</code> from the specs in <code>Gallery/animations/</code> (animated PNG; add
<code>--frames png,mp4,webm,gif</code> for numbered frames and videos).</p>
$animations<h2>Figures</h2>
$items</body>
</html>
HTML
mv "$site/index.html.tmp" "$site/index.html"
echo "gallery: $count figures and animations in $site/"
