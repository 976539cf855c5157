/// A syntax problem in a CSV file, at a line and column.
public struct CSVTableProblem: Sendable, Equatable {
    public let line: Int
    public let column: Int
    public let message: String
}

/// The register's strict CSV reader, for other modules that read spreadsheets (imports).
public enum CSVTableReader {
    /// A parsed CSV file: header and records with the lines they start on.
    public struct Table: Sendable {
        fileprivate let table: CSVTable

        public var header: [String] { table.header }
        public var recordCount: Int { table.recordCount }
        /// The line each record starts on (one-based; the header is line 1).
        public var lines: [Int] { table.lines }

        public func fields(_ record: Int) -> [String] { Array(table.record(record)) }
    }

    /// Parses CSV bytes (BOM and CRLF tolerated); nil for non-UTF-8 input or no header row.
    public static func parse(_ bytes: [UInt8], problems: inout [CSVTableProblem]) -> Table? {
        var syntax: [CSVTable.SyntaxError] = []
        let table = CSVTable.parse(bytes, problems: &syntax)
        problems += syntax.map { CSVTableProblem(line: $0.line, column: $0.column, message: $0.message) }
        return table.map(Table.init)
    }
}
