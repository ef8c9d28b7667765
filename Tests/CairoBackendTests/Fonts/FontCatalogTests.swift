@testable import CairoBackend
import Plotting
import Testing

/// A font family that is not installed is an error with a clear message, never a silent substitute.
@Suite struct FontCatalogTests {}

extension FontCatalogTests {
    @Test func installedFamiliesPassWhateverTheirCase() throws {
        try FontCatalog.shared.requireInstalled("DejaVu Sans")
        try FontCatalog.shared.requireInstalled("dejavu sans")
        try FontCatalog.shared.requireInstalled("DejaVu Sans Mono")
    }

    @Test func missingFamilyIsAnError() {
        #expect {
            try FontCatalog.shared.requireInstalled("Descent Missing Font")
        } throws: { error in
            let error = error as? MissingFontError
            return error?.family == "Descent Missing Font" && error?.matched.isEmpty == false
        }
    }

    @Test func genericAliasesAreRefused() {
        // "sans-serif" means different fonts on different machines.
        #expect(throws: MissingFontError.self) { try FontCatalog.shared.requireInstalled("sans-serif") }
    }

    @Test func messageNamesTheSubstituteAndThePackage() {
        let error = MissingFontError(family: "DejaVu Sans", matched: "Liberation Sans")
        #expect(error.description == "font 'DejaVu Sans' is not installed (fontconfig matched 'Liberation Sans'); install fonts-dejavu-core")
    }

    @Test func renderingWithAMissingFontFails() {
        for format in FigureFormat.allCases {
            #expect {
                _ = try FigureRenderer.render(SampleFigure.request(format)) { canvas in
                    canvas.drawText("x", at: Point(10, 10), font: Font(family: "Descent Missing Font", size: 12), color: .black)
                }
            } throws: { error in
                "\(error)".hasPrefix("font 'Descent Missing Font' is not installed (fontconfig matched '")
            }
        }
    }

    @Test func measuringWithAMissingFontFailsTheRender() {
        #expect(throws: MissingFontError.self) {
            _ = try FigureRenderer.render(SampleFigure.request(.png)) { canvas in
                _ = canvas.measure("x", font: Font(family: "Descent Missing Font", size: 12))
            }
        }
    }

    @Test func catalogIsSafeFromManyThreads() async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for k in 0..<16 {
                group.addTask {
                    try FontCatalog.shared.requireInstalled(k.isMultiple(of: 2) ? "DejaVu Sans" : "DejaVu Serif")
                    #expect(throws: MissingFontError.self) { try FontCatalog.shared.requireInstalled("Missing \(k % 3)") }
                }
            }
            try await group.waitForAll()
        }
    }
}
