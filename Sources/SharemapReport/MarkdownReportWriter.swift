/// Writes a `ReportDocument` as Markdown with the same content as the HTML, each figure linking to
/// its diagram file (`NAME.svg`) beside the report.
public enum MarkdownReportWriter {
    public static func markdown(_ document: ReportDocument) -> String {
        var text = "# \(escape(document.title))\n\n\(escape(document.subtitle))\n\n"
        for section in document.sections {
            text += "- [\(escape(section.title))](#\(section.id))\n"
        }
        for section in document.sections {
            text += "\n<a id=\"\(section.id)\"></a>\n\n## \(escape(section.title))\n\n"
            for block in section.blocks { text += render(block) }
        }
        return text
    }

    static func render(_ block: ReportDocument.Block) -> String {
        switch block {
        case .paragraph(let paragraph):
            return escape(paragraph) + "\n\n"
        case .subheading(let heading):
            return "### \(escape(heading))\n\n"
        case .figures(let figures):
            return figures.map { "- **\(escape($0.value))** \(escape($0.label))" }.joined(separator: "\n") + "\n\n"
        case .list(let items):
            return items.map { "- \(escape($0))" }.joined(separator: "\n") + "\n\n"
        case .table(let table):
            guard !table.rows.isEmpty else { return "_\(escape(table.emptyMessage))_\n\n" }
            var text = "| " + table.headers.map(cell).joined(separator: " | ") + " |\n"
            text += "|" + String(repeating: " --- |", count: table.headers.count) + "\n"
            for row in table.rows { text += "| " + row.map(cell).joined(separator: " | ") + " |\n" }
            return text + "\n"
        case .figure(let figure):
            return "![\(escape(figure.altText))](\(figure.name).svg)\n\n_\(escape(figure.caption))_\n\n"
        }
    }

    /// Escapes characters Markdown would read as formatting or HTML.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#": escaped += "\\\(character)"
            case "\n": escaped += " "
            default: escaped.append(character)
            }
        }
        return escaped
    }

    static func cell(_ text: String) -> String {
        text.isEmpty ? " " : escape(text)
    }
}
