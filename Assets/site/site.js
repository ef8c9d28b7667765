// Descent gallery: sweeps become sliders, the tag filter follows ?tag=, animations wait for a click when the
// reader asked for reduced motion. Without this script every variant and figure is shown.
"use strict";
document.documentElement.classList.add("js");

// Sweeps: one image swapped in place (same size, so nothing below moves) as the slider moves.
for (const sweep of document.querySelectorAll("[data-sweep]")) {
  const variants = Array.from(sweep.querySelectorAll(".sweep-variant")).map((figure) => {
    const img = figure.querySelector("img");
    const dark = figure.querySelector("source[media*='dark']");
    return { src: img.getAttribute("src"), srcset: img.getAttribute("srcset"), alt: img.getAttribute("alt"),
             dark: dark ? dark.getAttribute("srcset") : null, value: figure.querySelector("figcaption").textContent,
             title: figure.dataset.title, description: figure.dataset.description };
  });
  const one = sweep.querySelector(".sweep-one");
  const img = one.querySelector("img");
  const dark = one.querySelector("source[media*='dark']");
  const slider = one.querySelector("input[type=range]");
  const output = one.querySelector("output");
  // The caption and the long description follow the image (they belong to the figure around the sweep).
  const block = sweep.closest("figure");
  const caption = block ? block.querySelector(":scope > figcaption") : null;
  const description = img.getAttribute("aria-describedby") ? document.getElementById(img.getAttribute("aria-describedby")) : null;
  one.hidden = false;
  const show = () => {
    const variant = variants[Number(slider.value)];
    img.src = variant.src;
    img.srcset = variant.srcset;
    img.alt = variant.alt;
    if (dark && variant.dark) dark.srcset = variant.dark;
    output.textContent = variant.value.split(" = ").pop();
    slider.setAttribute("aria-valuetext", variant.value);
    if (caption && variant.title) (caption.querySelector("a") || caption).textContent = variant.title;
    if (description && variant.description) description.textContent = variant.description;
  };
  slider.addEventListener("input", show);
}

// The tag filter of the all-figures page: ?tag=NAME shows the figures with that tag.
const list = document.getElementById("all-figures");
if (list) {
  const tag = new URLSearchParams(location.search).get("tag") || "";
  let shown = 0;
  for (const card of list.querySelectorAll(".card")) {
    const visible = tag === "" || card.dataset.tags.split(" ").includes(tag);
    card.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const link of document.querySelectorAll(".tag-filter .tag")) {
    link.setAttribute("aria-current", link.dataset.tag === tag ? "true" : "false");
  }
  const status = document.querySelector(".filter-status");
  if (status && tag !== "") status.textContent = `${shown} figure${shown === 1 ? "" : "s"} tagged ${tag}.`;
}

// Animations: readers who prefer reduced motion see the last frame and a button that plays it.
if (window.matchMedia("(prefers-reduced-motion: reduce)").matches) {
  for (const animation of document.querySelectorAll(".animation")) {
    const button = animation.querySelector(".play");
    const source = animation.querySelector("source[media*='reduced-motion']");
    const img = animation.querySelector("img");
    if (!button || !source) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      img.removeAttribute("srcset");
      img.src = source.getAttribute("srcset");
      button.hidden = true;
    });
  }
}
