/// The content of a report, independent of how it is written out: the same document becomes
/// `report.html` (inline SVG) and `report.md` (linking to diagram files beside it).
public struct ReportDocument: Sendable, Equatable {
    public var title: String
    /// A line under the title, e.g. "True on 2026-11-24".
    public var subtitle: String
    public var sections: [Section]

    public init(title: String, subtitle: String, sections: [Section] = []) {
        self.title = title
        self.subtitle = subtitle
        self.sections = sections
    }

    /// A titled part of the report with an anchor id, made of blocks.
    public struct Section: Sendable, Equatable {
        public var id: String
        public var title: String
        public var blocks: [Block]

        public init(id: String, title: String, blocks: [Block] = []) {
            self.id = id
            self.title = title
            self.blocks = blocks
        }
    }

    /// One piece of content.
    public enum Block: Sendable, Equatable {
        case paragraph(String)
        /// Headline numbers, shown as a row of labelled figures.
        case figures([(label: String, value: String)])
        case list([String])
        case table(Table)
        case figure(Figure)
        case subheading(String)

        public static func == (lhs: Block, rhs: Block) -> Bool {
            switch (lhs, rhs) {
            case let (.paragraph(a), .paragraph(b)), let (.subheading(a), .subheading(b)): return a == b
            case let (.figures(a), .figures(b)): return a.map(\.label) == b.map(\.label) && a.map(\.value) == b.map(\.value)
            case let (.list(a), .list(b)): return a == b
            case let (.table(a), .table(b)): return a == b
            case let (.figure(a), .figure(b)): return a == b
            default: return false
            }
        }
    }

    /// A table with a header row; cells are plain text (escaped when written).
    public struct Table: Sendable, Equatable {
        public var headers: [String]
        public var rows: [[String]]
        /// Shown when there are no rows, e.g. "No gaps found."
        public var emptyMessage: String

        public init(headers: [String], rows: [[String]], emptyMessage: String = "None.") {
            self.headers = headers
            self.rows = rows
            self.emptyMessage = emptyMessage
        }
    }

    /// A diagram: inline SVG for HTML, a file name for Markdown, always with a caption.
    public struct Figure: Sendable, Equatable {
        /// The file name (without extension) the diagram is written under, e.g. `network`.
        public var name: String
        public var caption: String
        /// Text alternative for people who cannot see the picture.
        public var altText: String
        public var svg: String
        /// Detail for those who want it: folded away in HTML behind a summary line.
        public var folded: Bool

        public init(name: String, caption: String, altText: String, svg: String, folded: Bool = false) {
            self.name = name
            self.caption = caption
            self.altText = altText
            self.svg = svg
            self.folded = folded
        }
    }
}
