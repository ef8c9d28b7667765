import Foundation

/// Files that ship with Descent and are read at run time (see Assets/README.md).
public enum DescentAssets {
    /// The text of the colormap table `name` (`viridis`, `magma`, ...), or `nil` when there is none.
    public static func colormapTable(named name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "colormaps") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}
