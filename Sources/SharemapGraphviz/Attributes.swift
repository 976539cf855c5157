/// Typed values for the Graphviz attributes sharemap uses. Each knows how Graphviz spells it.

/// A colour: `#RRGGBB`, `#RRGGBBAA` or an X11 colour name.
public struct Color: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
    public let description: String

    /// A colour from its hex form (`#E69F00`) or an X11 name (`lightgrey`).
    public init(_ value: String) {
        description = value
    }

    public init(stringLiteral value: String) {
        self.init(value)
    }

    /// The colour with an alpha channel (0...1), for hex colours.
    public func withAlpha(_ alpha: Double) -> Color {
        guard description.hasPrefix("#"), description.count == 7 else { return self }
        let byte = Int((max(0, min(1, alpha)) * 255).rounded())
        let hex = String(byte, radix: 16, uppercase: true)
        return Color(description + (hex.count == 1 ? "0" + hex : hex))
    }

    public static let black: Color = "#000000"
    public static let white: Color = "#FFFFFF"
    public static let transparent: Color = "transparent"
}

/// Node shapes (a subset of Graphviz's polygon shapes).
public enum Shape: String, Sendable, CaseIterable {
    case box, ellipse, circle, point, plaintext, plain, diamond, hexagon, octagon, doubleoctagon, house
    case component, folder, note, tab, cds, parallelogram, cylinder, rectangle, square, none
}

/// Node and edge styles; several can be combined.
public enum Style: String, Sendable, CaseIterable {
    case filled, dashed, dotted, bold, rounded, solid, invis, striped, wedged
}

/// Which way `dot` lays out ranks.
public enum RankDirection: String, Sendable, CaseIterable {
    case topToBottom = "TB"
    case leftToRight = "LR"
    case bottomToTop = "BT"
    case rightToLeft = "RL"
}

/// How edges are drawn.
public enum Splines: String, Sendable, CaseIterable {
    case spline = "true"
    case line = "false"
    case polyline, ortho, curved, none
}

/// Arrowhead shapes.
public enum ArrowType: String, Sendable, CaseIterable {
    case normal, none, vee, dot, odot, diamond, box, tee, empty, inv
}

/// Graphviz's layout engines.
public enum LayoutEngine: String, Sendable, CaseIterable {
    /// Hierarchical layers; the default for networks of flows.
    case dot
    /// Spring model; honours pinned positions (`Node.position` with `pinned`), for geographic layouts.
    case neato
    /// Force-directed with clusters.
    case fdp
    /// Force-directed for large graphs.
    case sfdp
    /// Circular.
    case circo
    /// Radial around a root.
    case twopi
}

/// What a rendering produces.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// DOT as built, without layout: the canonical text for golden tests and hand-editing.
    case dotUnlaidOut = "canon"
    /// DOT with the layout's positions.
    case dot
    case svg
    case png
    case pdf

    /// Whether the format needs a layout first.
    var needsLayout: Bool { self != .dotUnlaidOut }

    /// The conventional file extension.
    public var fileExtension: String {
        switch self {
        case .dotUnlaidOut, .dot: return "dot"
        case .svg: return "svg"
        case .png: return "png"
        case .pdf: return "pdf"
        }
    }
}

/// A node position in inches; `pinned` keeps neato from moving it.
public struct Position: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public var pinned: Bool

    public init(x: Double, y: Double, pinned: Bool = true) {
        self.x = x
        self.y = y
        self.pinned = pinned
    }

    /// Graphviz's `pos` value, e.g. `1.25,3.5!`.
    var attributeValue: String {
        "\(Position.number(x)),\(Position.number(y))\(pinned ? "!" : "")"
    }

    /// A number without float noise (4 decimal places, trailing zeros dropped), so DOT is stable.
    static func number(_ value: Double) -> String {
        let rounded = (value * 10_000).rounded() / 10_000
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        var text = String(rounded)
        while text.hasSuffix("0") { text.removeLast() }
        return text
    }
}

/// A label: plain text (shown literally, whatever characters it holds) or an HTML-like label built
/// with `HTMLLabel`, which escapes its text.
public enum Label: Hashable, Sendable {
    case text(String)
    case html(HTMLLabel)
}
