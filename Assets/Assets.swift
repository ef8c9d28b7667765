import Foundation

/// Files that ship with Descent and are read at run time (see Assets/README.md).
public enum DescentAssets {
    /// The text of the colormap table `name` (`viridis`, `magma`, ...), or `nil` when there is none.
    public static func colormapTable(named name: String) -> String? {
        guard let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "colormaps") else { return nil }
        return try? String(contentsOf: url, encoding: .utf8)
    }
}

extension DescentAssets {
    /// The bytes of the site asset `name` (`site.css`, `site.js`), copied into every built gallery.
    public static func siteAsset(named name: String) -> [UInt8]? {
        let file = name as NSString
        guard let url = Bundle.module.url(forResource: file.deletingPathExtension, withExtension: file.pathExtension, subdirectory: "site"),
              let data = try? Data(contentsOf: url) else { return nil }
        return Array(data)
    }
}
