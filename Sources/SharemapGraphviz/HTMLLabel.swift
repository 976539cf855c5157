/// An HTML-like Graphviz label, built from typed pieces so that every piece of text is escaped.
///
/// Graphviz treats a label that starts with `<` and was made with `agstrdup_html` as HTML; the only way to
/// make one here is this builder, so user-supplied text can never become markup.
public struct HTMLLabel: Hashable, Sendable {
    /// The label's markup, without the outer angle brackets.
    public let markup: String

    private init(markup: String) {
        self.markup = markup
    }

    /// One table cell.
    public struct Cell: Hashable, Sendable {
        public var text: String
        public var bold: Bool
        public var fill: Color?
        public var fontColor: Color?
        public var columnSpan: Int
        public var alignment: Alignment
        /// A swatch: an empty cell of this colour drawn before the text, for legends.
        public var swatch: Color?

        public enum Alignment: String, Hashable, Sendable { case left = "LEFT", center = "CENTER", right = "RIGHT" }

        public init(_ text: String, bold: Bool = false, fill: Color? = nil, fontColor: Color? = nil, columnSpan: Int = 1,
                    alignment: Alignment = .left, swatch: Color? = nil) {
            self.text = text
            self.bold = bold
            self.fill = fill
            self.fontColor = fontColor
            self.columnSpan = columnSpan
            self.alignment = alignment
            self.swatch = swatch
        }
    }

    /// A table of rows of cells, e.g. a legend.
    public static func table(_ rows: [[Cell]], border: Int = 0, cellSpacing: Int = 2, cellPadding: Int = 3) -> HTMLLabel {
        var markup = "<TABLE BORDER=\"\(border)\" CELLBORDER=\"0\" CELLSPACING=\"\(cellSpacing)\" CELLPADDING=\"\(cellPadding)\">"
        for row in rows {
            markup += "<TR>"
            for cell in row {
                if let swatch = cell.swatch {
                    markup += "<TD BGCOLOR=\"\(escape(swatch.description))\" WIDTH=\"14\" HEIGHT=\"14\" FIXEDSIZE=\"TRUE\"></TD>"
                }
                markup += "<TD ALIGN=\"\(cell.alignment.rawValue)\""
                if cell.columnSpan > 1 { markup += " COLSPAN=\"\(cell.columnSpan)\"" }
                if let fill = cell.fill { markup += " BGCOLOR=\"\(escape(fill.description))\"" }
                markup += ">"
                var text = escape(cell.text)
                if cell.bold { text = "<B>\(text)</B>" }
                if let fontColor = cell.fontColor { text = "<FONT COLOR=\"\(escape(fontColor.description))\">\(text)</FONT>" }
                markup += text.isEmpty ? " " : text
                markup += "</TD>"
            }
            markup += "</TR>"
        }
        return HTMLLabel(markup: markup + "</TABLE>")
    }

    /// Lines of text, the first optionally bold (e.g. a name over its role and contact), the others
    /// optionally in a smaller point size.
    public static func lines(_ lines: [String], boldFirst: Bool = true, restPointSize: Double? = nil) -> HTMLLabel {
        let parts = lines.enumerated().map { index, line in
            if index == 0 { return boldFirst ? "<B>\(escape(line))</B>" : escape(line) }
            guard let restPointSize else { return escape(line) }
            return "<FONT POINT-SIZE=\"\(Position.number(restPointSize))\">\(escape(line))</FONT>"
        }
        return HTMLLabel(markup: parts.joined(separator: "<BR/>"))
    }

    /// Escapes text for HTML-like labels: `&`, `<`, `>`, `"`.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += "<BR/>"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
