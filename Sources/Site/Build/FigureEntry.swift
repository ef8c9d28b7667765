/// What the site keeps of a built figure, in `.state/SLUG.json` beside its files: enough to write every
/// page that shows it without simulating it again, and the key that says whether it is up to date.
struct FigureEntry: Codable, Sendable, Equatable {
    /// One image of the figure: the only one, or one value of its sweep.
    struct Variant: Codable, Sendable, Equatable {
        /// The swept value (nil without a sweep).
        var value: String?
        /// Paths relative to the site: light and dark PNG at 1x and 2x.
        var png: String
        var png2x: String
        var dark: String
        var dark2x: String
        /// Short alt text, caption and long description of this image.
        var alt: String
        var title: String
        var description: String
    }

    /// The figure's name in the manifest (`animations/race`) and its file name (`animations-race`).
    var name: String
    var slug: String
    /// The key of everything that decided the files (see ``ContentKey``).
    var key: String
    /// The figure's title as plain text, its short alt text and its long description.
    var title: String
    var alt: String
    var description: String
    /// The image size in CSS pixels (layout units at 1x).
    var width: Int
    var height: Int
    /// For an animation: the APNG, whose last frame is the PNG.
    var animation: String?
    /// The swept parameter's label, when the figure has a sweep.
    var sweepLabel: String?
    var variants: [Variant]
    /// The numbers the figure measured, by name (``FigureSpec/facts(_:)``), for the takeaways.
    var facts: [String: String]
    /// Downloads, relative to the site, by format (`svg`, `pdf`, `csv`, `json`, `yaml`, `apng`).
    var downloads: [String: String]
    /// Every file written for the figure, relative to the site.
    var files: [String]
}
