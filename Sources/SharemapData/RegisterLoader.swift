import Foundation
import SharemapModel

/// Reads a register folder (see `Data/README.md`) into an indexed `Register`, checking everything.
///
/// All problems are collected in one run and returned sorted by file and line; the register is only
/// returned when there are no errors (warnings do not prevent it).
public struct RegisterLoader: Sendable {
    /// The day warnings such as "active but expired" are judged against.
    public var today: Day

    public init(today: Day) {
        self.today = today
    }

    /// Loads the register in `directory` (a path as the user typed it; messages show files under it).
    public func load(directory: String) -> RegisterLoadOutcome {
        var reader = RegisterReader(directory: directory, today: today)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            reader.log.error(directory, "is not a register folder (no such directory)")
            return RegisterLoadOutcome(register: nil, diagnostics: reader.log.diagnostics)
        }
        reader.readAll()
        let diagnostics = reader.log.diagnostics.sorted()
        let register = reader.log.errorCount == 0 ? reader.makeRegister() : nil
        return RegisterLoadOutcome(register: register, diagnostics: diagnostics)
    }

    /// Reads a project brief (YAML) against a loaded register.
    public func loadProject(file: String, in register: Register) -> ProjectLoadOutcome {
        var reader = RegisterReader(directory: ".", today: today)
        guard let data = FileManager.default.contents(atPath: file) else {
            reader.log.error(file, FileManager.default.fileExists(atPath: file) ? "cannot be read" : "file does not exist")
            return ProjectLoadOutcome(project: nil, diagnostics: reader.log.diagnostics)
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            reader.log.error(file, "is not UTF-8 text")
            return ProjectLoadOutcome(project: nil, diagnostics: reader.log.diagnostics)
        }
        return loadProject(text: text, named: file, in: register)
    }

    /// Reads a project brief from text (e.g. an upload), naming it `name` in messages.
    public func loadProject(text: String, named name: String, in register: Register) -> ProjectLoadOutcome {
        var brief = ProjectBriefReader(file: name, resolver: register)
        let project = brief.read(text)
        return ProjectLoadOutcome(project: project, diagnostics: brief.log.diagnostics.sorted())
    }
}

/// What loading a register produced.
public struct RegisterLoadOutcome: Sendable {
    /// The register, when there were no errors.
    public let register: Register?
    /// Errors and warnings, sorted by file and line.
    public let diagnostics: [Diagnostic]

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// What reading a project brief produced.
public struct ProjectLoadOutcome: Sendable {
    public let project: Project?
    public let diagnostics: [Diagnostic]
}

extension Day {
    /// Today's date in UTC, from the system clock.
    public static func today() -> Day {
        Day(daysSinceEpoch: Int32((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }
}
