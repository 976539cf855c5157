import Foundation
import Hummingbird
import SharemapReport

/// The explorer's page layout, content negotiation and error pages. Every value is escaped with
/// `HTMLText.escape`; pages use no script (forms and links only), so they work without JavaScript.
enum Page {
    /// JSON when asked for with `?format=json` or an `Accept` header preferring it.
    static func wantsJSON(_ request: Request) -> Bool {
        if request.uri.queryParameters.get("format") == "json" { return true }
        let accept = request.headers[.accept] ?? ""
        return accept.contains("application/json") && !accept.contains("text/html")
    }

    static func html(title: String, body: String, status: HTTPResponse.Status = .ok) -> Response {
        let page = """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · sharemap</title><link rel="stylesheet" href="/style.css"></head>
        <body>
        <header><a class="brand" href="/">sharemap</a>
        <nav aria-label="Main"><ul>
        <li><a href="/">Home</a></li><li><a href="/search">Search</a></li><li><a href="/path">Path finder</a></li>
        <li><a href="/gaps">Gaps</a></li><li><a href="/boundaries">Boundaries</a></li><li><a href="/project">Projects</a></li>
        </ul></nav></header>
        <main id="main"><h1>\(HTMLText.escape(title))</h1>
        \(body)
        </main>
        <footer><p>Read-only explorer of the register. Agreements in the sample register are illustrative.</p></footer>
        </body></html>
        """
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: page)))
    }

    static func json<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(data: try encoder.encode(value))))
    }

    struct ErrorBody: Encodable {
        let error: String
        let message: String
        let suggestions: [String]
    }

    /// A 400 or 404 page (or JSON) that says what was wrong and suggests where to go.
    static func error(_ status: HTTPResponse.Status, title: String, message: String, request: Request,
                      suggestions: [(label: String, href: String)] = []) -> Response {
        if wantsJSON(request) {
            return (try? json(ErrorBody(error: title, message: message, suggestions: suggestions.map(\.label)), status: status))
                ?? Response(status: status)
        }
        var body = "<p>\(HTMLText.escape(message))</p>"
        if !suggestions.isEmpty {
            body += "<p>Did you mean:</p><ul>" + suggestions.map { "<li><a href=\"\(HTMLText.escape($0.href))\">\(HTMLText.escape($0.label))</a></li>" }.joined() + "</ul>"
        }
        return html(title: title, body: body, status: status)
    }

    /// A definition list of label/value pairs (values escaped).
    static func facts(_ rows: [(String, String)]) -> String {
        "<dl class=\"facts\">" + rows.map { "<dt>\(HTMLText.escape($0.0))</dt><dd>\(HTMLText.escape($0.1))</dd>" }.joined() + "</dl>"
    }

    /// A table with escaped cells; a cell may instead carry a link (label, href).
    static func table(_ headers: [String], _ rows: [[Cell]], empty: String = "None.") -> String {
        guard !rows.isEmpty else { return "<p class=\"empty\">\(HTMLText.escape(empty))</p>" }
        return "<div class=\"table\"><table><thead><tr>" + headers.map { "<th scope=\"col\">\(HTMLText.escape($0))</th>" }.joined()
            + "</tr></thead><tbody>" + rows.map { "<tr>" + $0.map { "<td>\($0.html)</td>" }.joined() + "</tr>" }.joined() + "</tbody></table></div>"
    }

    enum Cell {
        case text(String)
        case link(String, String)

        var html: String {
            switch self {
            case .text(let text): return HTMLText.escape(text)
            case .link(let label, let href): return "<a href=\"\(HTMLText.escape(href))\">\(HTMLText.escape(label))</a>"
            }
        }
    }

    static func figure(_ svg: String, caption: String) -> String {
        "<figure>\(svg)<figcaption>\(HTMLText.escape(caption))</figcaption></figure>"
    }
}

extension Explorer {
    static func css() -> Response {
        let css = """
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;margin:0;line-height:1.45}
        header{display:flex;flex-wrap:wrap;align-items:center;gap:1rem;padding:.5rem 1rem;background:#0b3d66}
        header a{color:#fff}.brand{font-weight:700;font-size:1.2rem;text-decoration:none}
        nav ul{display:flex;flex-wrap:wrap;gap:.8rem;list-style:none;margin:0;padding:0}
        main{max-width:72rem;margin:0 auto;padding:0 1rem 2rem}footer{padding:1rem;color:#444;font-size:.9rem}
        a{color:#0b5394}a:focus,button:focus,input:focus,select:focus{outline:3px solid #E69F00;outline-offset:2px}
        .facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}.facts dt{font-weight:600}
        .table{overflow-x:auto}table{border-collapse:collapse;font-size:.92rem}th,td{border:1px solid #bbb;padding:.25rem .5rem;text-align:left;vertical-align:top}th{background:#eee}
        figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.9rem;color:#333}
        form{display:flex;flex-wrap:wrap;gap:.6rem;align-items:flex-end;margin:1rem 0}label{display:flex;flex-direction:column;font-size:.9rem}
        input,select,button,textarea{font:inherit;padding:.3rem}button{background:#0b3d66;color:#fff;border:0;padding:.4rem .9rem}
        .empty{color:#444;font-style:italic}.figures{display:flex;flex-wrap:wrap;gap:.6rem}.figures div{border:1px solid #bbb;padding:.4rem .8rem}
        .figures strong{display:block;font-size:1.5rem}
        """
        return Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: css)))
    }
}
