import Foundation
import SharemapData
import SharemapModel

/// Writing an imported register safely: everything is validated in a scratch folder first, nothing is
/// written if any error remains, existing files are only replaced with `force`, and each file is written
/// atomically.
public enum RegisterImport {
    /// What an import changes, by agreement id.
    public struct Summary: Sendable, Equatable {
        public var added: [String] = []
        public var changed: [String] = []
        public var unchanged: [String] = []

        public init() {}
    }

    /// Merges imported agreements into a register's document by id.
    public static func merge(_ agreements: [RegisterDocument.AgreementRow], into document: RegisterDocument) -> (RegisterDocument, Summary) {
        var merged = document
        var summary = Summary()
        for row in agreements {
            if let position = merged.agreements.firstIndex(where: { $0.id == row.id }) {
                if merged.agreements[position] == row { summary.unchanged.append(row.id) } else {
                    merged.agreements[position] = row
                    summary.changed.append(row.id)
                }
            } else {
                merged.agreements.append(row)
                summary.added.append(row.id)
            }
        }
        return (merged, summary)
    }

    /// Validates `files` as a register and writes them into `directory`. Returns the problems (with paths
    /// as they would be in `directory`); writes nothing when there is any error, or when a file exists
    /// with other content and `force` is false.
    public static func write(_ files: [String: String], into directory: String, force: Bool, today: Day) -> [Diagnostic] {
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("sharemap-import-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        do {
            for (name, text) in files {
                let url = scratch.appendingPathComponent(name)
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url)
            }
        } catch {
            return [Diagnostic(.error, file: directory, message: "cannot prepare the import: \(error.localizedDescription)")]
        }
        let outcome = RegisterLoader(today: today).load(directory: scratch.path)
        let shown = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let problems = outcome.diagnostics.map { diagnostic -> Diagnostic in
            var copy = diagnostic
            copy.file = copy.file.replacingOccurrences(of: scratch.path, with: shown)
            return copy
        }
        guard outcome.register != nil else { return problems }
        var conflicts: [Diagnostic] = []
        for (name, text) in files.sorted(by: { $0.key < $1.key }) {
            let path = shown + "/" + name
            if !force, let existing = manager.contents(atPath: path), existing != Data(text.utf8) {
                conflicts.append(Diagnostic(.error, file: path, message: "exists and would change (use --force to replace it)"))
            }
        }
        guard conflicts.isEmpty else { return conflicts }
        do {
            for (name, text) in files.sorted(by: { $0.key < $1.key }) { try OutputFile.write(text, to: shown + "/" + name) }
        } catch {
            return [Diagnostic(.error, file: shown, message: "\(error)")]
        }
        return problems  // warnings only
    }
}
