/// The columns of one register file, in the order the format documents them.
protocol SheetColumns: RawRepresentable<String>, CaseIterable, Hashable {}

/// A CSV file of the register whose header has been checked against its expected columns, so that
/// fields are read by typed column rather than by string lookups per row.
struct Sheet<Column: SheetColumns> {
    /// The file as shown in diagnostics.
    let file: String
    let table: CSVTable
    /// For each expected column (in `allCases` order), its position in the file's records.
    private let positions: [Int]

    /// Checks the header: every expected column must be present exactly once and no other column may
    /// appear (columns may come in any order, as spreadsheets reorder them). Problems go to `log`;
    /// returns nil when the header is unusable.
    init?(file: String, table: CSVTable, log: inout DiagnosticLog) {
        let expected = Column.allCases.map(\.rawValue)
        let header = table.header.map { $0.trimmingWhitespace() }
        var positions: [Int] = []
        var problems: [String] = []
        for name in expected {
            let matches = header.indices.filter { header[$0] == name }
            if matches.isEmpty { problems.append("missing column \"\(name)\"") }
            if matches.count > 1 { problems.append("column \"\(name)\" appears \(matches.count) times") }
            positions.append(matches.first ?? -1)
        }
        for name in header where !expected.contains(name) {
            problems.append(name.isEmpty ? "a column has no name" : "unexpected column \"\(name)\"")
        }
        guard problems.isEmpty else {
            log.error(file, line: 1, "wrong header: \(problems.joined(separator: "; ")) (expected columns: \(expected.joined(separator: ",")))")
            return nil
        }
        self.file = file
        self.table = table
        self.positions = positions
    }

    var records: Range<Int> { 0..<table.recordCount }

    func line(_ record: Int) -> Int { table.lines[record] }

    /// The field's text with surrounding whitespace removed.
    subscript(record: Int, column: Column) -> String {
        table.field(record, positions[Sheet.ordinal(of: column)]).trimmingWhitespace()
    }

    /// The column's position in `allCases` (a handful of integer comparisons).
    private static func ordinal(of column: Column) -> Int {
        var ordinal = 0
        for candidate in Column.allCases {
            if candidate == column { return ordinal }
            ordinal += 1
        }
        return 0
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines. Works on UTF-8 bytes: this runs
    /// for every field of every row.
    func trimmingWhitespace() -> String {
        let text = Substring(self)
        let bytes = text.utf8
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
        guard let last = bytes.lastIndex(where: { !isSpace($0) }) else { return "" }
        if first == bytes.startIndex, bytes.index(after: last) == bytes.endIndex { return String(text) }
        return String(text[first...last])
    }

    /// Splits on an ASCII separator byte, trimming items and dropping empty ones.
    func splitItems(on separator: UInt8) -> [String] {
        var items: [String] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == separator {
                let item = self[start..<index].trimmingWhitespace()
                if !item.isEmpty { items.append(item) }
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        let item = self[start..<index].trimmingWhitespace()
        if !item.isEmpty { items.append(item) }
        return items
    }
}
