// The Cairo back end: draws figures through a `Canvas` backed by Cairo and writes PNG (through libpng),
// SVG and PDF files. It is the only module that imports the C libraries.
//
// Folders:
//   Cairo/   owning wrappers of cairo surfaces and contexts, and the typed `CairoError`
//   Canvas/  `CairoCanvas`, the `Canvas` implementation
//   Fonts/   the fontconfig check that a requested font family is installed
//   PNG/     `PNGEncoder`: premultiplied ARGB32 pixels to PNG bytes, usable on its own (animation frames)
//   SVG/     making cairo's SVG deterministic, and XML escaping
//   Output/  `FigureRenderer`, `RenderRequest` and the atomic file writer
