/// A failure reported by Graphviz, with its own message where it gave one.
public enum GraphvizError: Error, Equatable, CustomStringConvertible {
    /// The graph could not be built (e.g. cgraph refused a node or an attribute).
    case build(String)
    /// The layout engine failed or is not available.
    case layout(engine: String, message: String)
    /// Rendering to the format failed or the format is not available.
    case render(format: String, message: String)

    public var description: String {
        switch self {
        case .build(let message): return "Graphviz could not build the graph: \(message)"
        case .layout(let engine, let message): return "Graphviz layout \"\(engine)\" failed: \(message)"
        case .render(let format, let message): return "Graphviz could not render \(format): \(message)"
        }
    }
}

/// What a rendering produced: the bytes, and any warnings Graphviz gave on the way.
public struct RenderedDiagram: Sendable, Equatable {
    public let bytes: [UInt8]
    /// Graphviz's warnings (e.g. a label that did not fit), one per line.
    public let warnings: [String]

    /// The bytes as UTF-8 text (for DOT and SVG).
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
