/// Writes a `ReportDocument` as one self-contained HTML page: inline SVG and CSS, no scripts and no
/// network fetches, laid out to print well to PDF from a browser.
public enum HTMLReportWriter {
    public static func html(_ document: ReportDocument) -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(document.title))</title>
        <style>\(stylesheet)</style>
        </head>
        <body>
        <header><h1>\(HTMLText.escape(document.title))</h1><p class="subtitle">\(HTMLText.escape(document.subtitle))</p>
        <nav aria-label="Contents"><ol>
        """
        html += "\n"
        for section in document.sections {
            html += "<li><a href=\"#\(HTMLText.escape(section.id))\">\(HTMLText.escape(section.title))</a></li>\n"
        }
        html += "</ol></nav></header>\n<main>\n"
        for section in document.sections {
            html += "<section id=\"\(HTMLText.escape(section.id))\" aria-labelledby=\"\(HTMLText.escape(section.id))-title\">\n"
            html += "<h2 id=\"\(HTMLText.escape(section.id))-title\">\(HTMLText.escape(section.title))</h2>\n"
            for block in section.blocks { html += render(block) }
            html += "</section>\n"
        }
        html += "</main>\n</body>\n</html>\n"
        return html
    }

    static func render(_ block: ReportDocument.Block) -> String {
        switch block {
        case .paragraph(let text):
            return "<p>\(HTMLText.escape(text))</p>\n"
        case .subheading(let text):
            return "<h3>\(HTMLText.escape(text))</h3>\n"
        case .figures(let figures):
            return "<dl class=\"figures\">\n" + figures.map {
                "<div><dt>\(HTMLText.escape($0.label))</dt><dd>\(HTMLText.escape($0.value))</dd></div>\n"
            }.joined() + "</dl>\n"
        case .list(let items):
            return "<ul>\n" + items.map { "<li>\(HTMLText.escape($0))</li>\n" }.joined() + "</ul>\n"
        case .table(let table):
            guard !table.rows.isEmpty else { return "<p class=\"empty\">\(HTMLText.escape(table.emptyMessage))</p>\n" }
            var html = "<div class=\"table\"><table>\n<thead><tr>"
            html += table.headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
            html += "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                html += "<tr>" + row.map { "<td>\(HTMLText.escape($0))</td>" }.joined() + "</tr>\n"
            }
            return html + "</tbody>\n</table></div>\n"
        case .figure(let figure):
            let html = """
            <figure id="figure-\(HTMLText.escape(figure.name))" role="group" aria-label="\(HTMLText.escape(figure.altText))">
            \(inlineSVG(figure.svg))
            <figcaption>\(HTMLText.escape(figure.caption))</figcaption>
            </figure>

            """
            guard figure.folded else { return html }
            return "<details>\n<summary>\(HTMLText.escape(figure.caption.prefix { $0 != "." }.description)): \(HTMLText.escape(figure.altText)) (open to see)</summary>\n" + html + "</details>\n"
        }
    }

    /// The SVG element of a Graphviz SVG document, without its XML declaration and DOCTYPE, which are
    /// not allowed inside HTML.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...]).trimmingCharacters(in: .newlines)
    }

    static let stylesheet = """

    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#fff;margin:0;line-height:1.45}
    header,main{max-width:72rem;margin:0 auto;padding:0 1rem}
    h1{font-size:1.8rem;margin:1.2rem 0 0.2rem}
    .subtitle{color:#444;margin:0 0 1rem}
    nav ol{columns:2;font-size:0.95rem;padding-left:1.2rem}
    a{color:#0b5394}
    section{border-top:1px solid #ccc;padding:0.5rem 0 1rem;break-inside:avoid-page}
    h2{font-size:1.35rem}
    h3{font-size:1.1rem}
    .figures{display:flex;flex-wrap:wrap;gap:0.75rem;margin:0}
    .figures div{border:1px solid #bbb;border-radius:4px;padding:0.5rem 0.8rem;min-width:9rem}
    .figures dt{font-size:0.85rem;color:#444}
    .figures dd{font-size:1.6rem;font-weight:600;margin:0}
    .table{overflow-x:auto}
    table{border-collapse:collapse;font-size:0.9rem;margin:0.5rem 0}
    th,td{border:1px solid #bbb;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}
    th{background:#eee}
    figure{margin:1rem 0}
    figure svg{max-width:100%;height:auto}
    figcaption{font-size:0.9rem;color:#333;margin-top:0.3rem}
    .empty{color:#444;font-style:italic}
    @media print{nav{display:none}section{break-inside:auto}figure{break-inside:avoid}a{color:inherit}}

    """
}

import Foundation
