import Foundation
@testable import SharemapData
import SharemapModel

/// Fixture registers: `Fixtures/minimal` is a small clean register; each `Fixtures/cases/NAME/` holds
/// the files that differ from it (a file `.remove-X` deletes X). A case is copied into a temporary
/// folder named `Data`, so messages read as they would for a user: `Data/agreements.csv:2: ...`.
enum FixtureRegister {
    static var fixtures: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// Materialises the minimal register with a case's files laid over it; returns the temp folder.
    static func materialise(case name: String?) throws -> URL {
        let manager = FileManager.default
        let root = manager.temporaryDirectory.appendingPathComponent("sharemap-fixture-\(UUID().uuidString)")
        let data = root.appendingPathComponent("Data")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        try manager.copyItem(at: fixtures.appendingPathComponent("minimal"), to: data)
        if let name {
            let overlay = fixtures.appendingPathComponent("cases").appendingPathComponent(name)
            let files = manager.enumerator(atPath: overlay.path)?.compactMap { $0 as? String } ?? []
            for file in files {
                var isDirectory: ObjCBool = false
                let source = overlay.appendingPathComponent(file)
                guard manager.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
                let name = (file as NSString).lastPathComponent
                if name.hasPrefix(".remove-") {
                    let removed = data.appendingPathComponent((file as NSString).deletingLastPathComponent)
                        .appendingPathComponent(String(name.dropFirst(".remove-".count)))
                    try? manager.removeItem(at: removed)
                    continue
                }
                let target = data.appendingPathComponent(file)
                try? manager.removeItem(at: target)
                try manager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try manager.copyItem(at: source, to: target)
            }
        }
        return root
    }

    /// Loads a case as `Data` and returns the outcome and its diagnostics as the user would read them.
    static func load(case name: String?, on day: Day = Day(iso: "2026-11-24")!) throws -> (RegisterLoadOutcome, [String]) {
        let root = try materialise(case: name)
        defer { try? FileManager.default.removeItem(at: root) }
        let outcome = RegisterLoader(today: day).load(directory: root.appendingPathComponent("Data").path)
        let prefix = root.path + "/"
        let messages = outcome.diagnostics.map { $0.description.replacingOccurrences(of: prefix, with: "") }
        return (outcome, messages)
    }
}
