/// A plain-text table with aligned columns, for people reading a terminal.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Columns whose values are right-aligned (numbers).
    var rightAligned: Set<Int> = []

    init(_ headers: String..., rightAligned: Set<Int> = []) {
        self.headers = headers
        self.rightAligned = rightAligned
    }

    mutating func add(_ row: String...) {
        rows.append(row)
    }

    mutating func add(row: [String]) {
        rows.append(row)
    }

    /// The table with a header underline, each line without trailing spaces.
    var rendered: String {
        let columns = headers.count
        var widths = headers.map(\.count)
        for row in rows {
            for (column, cell) in row.prefix(columns).enumerated() { widths[column] = max(widths[column], cell.count) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for column in 0..<columns {
                let cell = column < cells.count ? cells[column] : ""
                let padding = String(repeating: " ", count: widths[column] - cell.count)
                parts.append(rightAligned.contains(column) ? padding + cell : cell + padding)
            }
            return String(parts.joined(separator: "  ").reversed().drop(while: { $0 == " " }).reversed())
        }
        var lines = [line(headers), line(widths.map { String(repeating: "-", count: $0) })]
        lines += rows.map(line)
        return lines.joined(separator: "\n")
    }
}
