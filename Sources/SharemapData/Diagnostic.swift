/// A problem found in an input file, located precisely enough to fix: file, line, column or field.
public struct Diagnostic: Hashable, Sendable, Comparable, Codable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable, Codable {
        /// The register cannot be trusted until this is fixed.
        case error
        /// Probably a mistake in the data, but the register can still be analysed.
        case warning
    }

    public var severity: Severity
    /// The file as the user would type it, e.g. `Data/agreements.csv`.
    public var file: String
    /// One-based line the problem is on (the line a CSV record starts on), if it is on a line.
    public var line: Int?
    /// One-based column (in characters), for syntax problems.
    public var column: Int?
    /// The CSV column or YAML key at fault.
    public var field: String?
    public var message: String

    public init(
        _ severity: Severity, file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line[:column]: [warning: ]field: message`, the form editors and CI logs recognise.
    public var description: String {
        var text = file
        if let line { text += ":\(line)" }
        if let column { text += ":\(column)" }
        text += ": "
        if severity == .warning { text += "warning: " }
        if let field { text += "\(field): " }
        return text + message
    }

    /// Sorted by file, then line, then column, then errors before warnings, then text.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.file != rhs.file { return lhs.file < rhs.file }
        if (lhs.line ?? 0) != (rhs.line ?? 0) { return (lhs.line ?? 0) < (rhs.line ?? 0) }
        if (lhs.column ?? 0) != (rhs.column ?? 0) { return (lhs.column ?? 0) < (rhs.column ?? 0) }
        if lhs.severity != rhs.severity { return lhs.severity == .error }
        return lhs.description < rhs.description
    }
}

/// Collects diagnostics while reading, so that every problem is reported in one run.
struct DiagnosticLog {
    private(set) var diagnostics: [Diagnostic] = []

    var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }

    mutating func error(_ file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: file, line: line, column: column, field: field, message: message))
    }

    mutating func warning(_ file: String, line: Int? = nil, field: String? = nil, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, line: line, field: field, message: message))
    }

    mutating func append(contentsOf other: [Diagnostic]) {
        diagnostics.append(contentsOf: other)
    }
}
