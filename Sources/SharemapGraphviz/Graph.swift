/// A graph described as plain values, ready for `Renderer` to lay out and render.
///
/// Identity is by `Node.id`; everything a person reads is a label. No string here is ever pasted into DOT
/// text: the renderer hands each one to cgraph, which does all quoting.
public struct Graph: Hashable, Sendable {
    public var name: String
    public var directed: Bool
    /// A strict graph merges parallel edges.
    public var strict: Bool
    /// The caption drawn with the graph.
    public var label: String?
    public var labelLocation: LabelLocation?
    public var rankDirection: RankDirection?
    public var splines: Splines?
    public var fontName: String?
    public var fontSize: Double?
    public var backgroundColor: Color?
    /// Margin around the drawing, in inches.
    public var padding: Double?
    public var nodeSeparation: Double?
    public var rankSeparation: Double?
    /// `overlap` for neato/fdp/sfdp, e.g. `false` or `prism`.
    public var overlap: String?
    /// Maximum drawing size in inches.
    public var size: DrawingSize?
    /// Attributes every node gets unless it sets its own (applied as graph-level defaults).
    public var nodeDefaults: Node.Defaults
    public var edgeDefaults: Edge.Defaults
    /// Rarely used graph attributes by their Graphviz names.
    public var attributes: [String: String]

    public var nodes: [Node]
    public var edges: [Edge]
    public var subgraphs: [Subgraph]

    public enum LabelLocation: String, Hashable, Sendable { case top = "t", bottom = "b" }

    /// A width and height in inches.
    public struct DrawingSize: Hashable, Sendable {
        public var width: Double
        public var height: Double

        public init(width: Double, height: Double) {
            self.width = width
            self.height = height
        }
    }

    public init(name: String = "G", directed: Bool = true, strict: Bool = false) {
        self.name = name
        self.directed = directed
        self.strict = strict
        nodeDefaults = Node.Defaults()
        edgeDefaults = Edge.Defaults()
        attributes = [:]
        nodes = []
        edges = []
        subgraphs = []
    }

    /// The graph's own attributes as Graphviz names and values.
    var graphAttributes: [(String, String)] {
        var list: [(String, String)] = []
        if let label { list.append(("label", Escaping.escString(label))) }
        if let labelLocation { list.append(("labelloc", labelLocation.rawValue)) }
        if let rankDirection { list.append(("rankdir", rankDirection.rawValue)) }
        if let splines { list.append(("splines", splines.rawValue)) }
        if let fontName { list.append(("fontname", fontName)) }
        if let fontSize { list.append(("fontsize", Position.number(fontSize))) }
        if let backgroundColor { list.append(("bgcolor", backgroundColor.description)) }
        if let padding { list.append(("pad", Position.number(padding))) }
        if let nodeSeparation { list.append(("nodesep", Position.number(nodeSeparation))) }
        if let rankSeparation { list.append(("ranksep", Position.number(rankSeparation))) }
        if let overlap { list.append(("overlap", overlap)) }
        if let size { list.append(("size", "\(Position.number(size.width)),\(Position.number(size.height))")) }
        list += attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return list
    }
}

/// A node. Every optional property left nil is not set, so Graphviz's (or the graph's) default applies.
public struct Node: Hashable, Sendable {
    /// Identity within the graph; edges refer to it. Shown as the label when `label` is nil.
    public var id: String
    public var label: Label?
    /// A label drawn beside the node.
    public var externalLabel: String?
    public var shape: Shape?
    public var style: [Style]
    public var fillColor: Color?
    public var color: Color?
    public var fontColor: Color?
    public var fontSize: Double?
    public var penWidth: Double?
    /// Hover text in SVG.
    public var tooltip: String?
    /// A link in SVG (`xlink:href`).
    public var url: String?
    /// The SVG element id.
    public var htmlID: String?
    public var position: Position?
    /// Width and height in inches.
    public var width: Double?
    public var height: Double?
    /// Nodes in the same group are kept in line by dot.
    public var group: String?
    /// Rarely used attributes by their Graphviz names.
    public var attributes: [String: String]

    public init(_ id: String, label: Label? = nil, shape: Shape? = nil, style: [Style] = [], fillColor: Color? = nil,
                color: Color? = nil, fontColor: Color? = nil, tooltip: String? = nil, url: String? = nil, htmlID: String? = nil,
                position: Position? = nil) {
        self.id = id
        self.label = label
        self.shape = shape
        self.style = style
        self.fillColor = fillColor
        self.color = color
        self.fontColor = fontColor
        self.tooltip = tooltip
        self.url = url
        self.htmlID = htmlID
        self.position = position
        self.attributes = [:]
    }

    /// Defaults applied to every node of a graph.
    public struct Defaults: Hashable, Sendable {
        public var shape: Shape?
        public var style: [Style] = []
        public var fontName: String?
        public var fontSize: Double?
        public var fillColor: Color?
        public var color: Color?
        public var margin: String?

        public init() {}

        var attributes: [(String, String)] {
            var list: [(String, String)] = []
            if let shape { list.append(("shape", shape.rawValue)) }
            if !style.isEmpty { list.append(("style", style.map(\.rawValue).joined(separator: ","))) }
            if let fontName { list.append(("fontname", fontName)) }
            if let fontSize { list.append(("fontsize", Position.number(fontSize))) }
            if let fillColor { list.append(("fillcolor", fillColor.description)) }
            if let color { list.append(("color", color.description)) }
            if let margin { list.append(("margin", margin)) }
            return list
        }
    }

    /// The node's attributes as Graphviz names and values (plain labels not yet set: HTML needs the graph).
    var plainAttributes: [(String, String)] {
        var list: [(String, String)] = []
        if case .text(let text) = label { list.append(("label", Escaping.escString(text))) }
        if let externalLabel { list.append(("xlabel", Escaping.escString(externalLabel))) }
        if let shape { list.append(("shape", shape.rawValue)) }
        if !style.isEmpty { list.append(("style", style.map(\.rawValue).joined(separator: ","))) }
        if let fillColor { list.append(("fillcolor", fillColor.description)) }
        if let color { list.append(("color", color.description)) }
        if let fontColor { list.append(("fontcolor", fontColor.description)) }
        if let fontSize { list.append(("fontsize", Position.number(fontSize))) }
        if let penWidth { list.append(("penwidth", Position.number(penWidth))) }
        if let tooltip { list.append(("tooltip", Escaping.escString(tooltip))) }
        if let url { list.append(("URL", Escaping.escString(url))) }
        if let htmlID { list.append(("id", Escaping.escString(htmlID))) }
        if let position { list.append(("pos", position.attributeValue)) }
        if let width { list.append(("width", Position.number(width))) }
        if let height { list.append(("height", Position.number(height))) }
        if let group { list.append(("group", group)) }
        list += attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return list
    }
}

/// An edge between two nodes by id (a node that is not declared is created, as in DOT).
public struct Edge: Hashable, Sendable {
    public var from: String
    public var to: String
    public var label: String?
    public var color: Color?
    public var fontColor: Color?
    public var style: [Style]
    public var penWidth: Double?
    public var arrowHead: ArrowType?
    public var tooltip: String?
    public var url: String?
    public var htmlID: String?
    /// Heavier edges are kept shorter and straighter by dot.
    public var weight: Int?
    /// Whether dot uses the edge for ranking.
    public var constraint: Bool?
    /// Draw the edge without an arrow direction (`dir=none`) or both ways (`dir=both`).
    public var direction: String?
    public var attributes: [String: String]

    public init(from: String, to: String, label: String? = nil, color: Color? = nil, style: [Style] = [],
                penWidth: Double? = nil, tooltip: String? = nil, url: String? = nil, htmlID: String? = nil) {
        self.from = from
        self.to = to
        self.label = label
        self.color = color
        self.style = style
        self.penWidth = penWidth
        self.tooltip = tooltip
        self.url = url
        self.htmlID = htmlID
        self.attributes = [:]
    }

    /// Defaults applied to every edge of a graph.
    public struct Defaults: Hashable, Sendable {
        public var color: Color?
        public var fontName: String?
        public var fontSize: Double?
        public var arrowSize: Double?
        public var penWidth: Double?

        public init() {}

        var attributes: [(String, String)] {
            var list: [(String, String)] = []
            if let color { list.append(("color", color.description)) }
            if let fontName { list.append(("fontname", fontName)) }
            if let fontSize { list.append(("fontsize", Position.number(fontSize))) }
            if let arrowSize { list.append(("arrowsize", Position.number(arrowSize))) }
            if let penWidth { list.append(("penwidth", Position.number(penWidth))) }
            return list
        }
    }

    var graphvizAttributes: [(String, String)] {
        var list: [(String, String)] = []
        if let label { list.append(("label", Escaping.escString(label))) }
        if let color { list.append(("color", color.description)) }
        if let fontColor { list.append(("fontcolor", fontColor.description)) }
        if !style.isEmpty { list.append(("style", style.map(\.rawValue).joined(separator: ","))) }
        if let penWidth { list.append(("penwidth", Position.number(penWidth))) }
        if let arrowHead { list.append(("arrowhead", arrowHead.rawValue)) }
        if let tooltip { list.append(("tooltip", Escaping.escString(tooltip))) }
        if let url { list.append(("URL", Escaping.escString(url))) }
        if let htmlID { list.append(("id", Escaping.escString(htmlID))) }
        if let weight { list.append(("weight", String(weight))) }
        if let constraint { list.append(("constraint", constraint ? "true" : "false")) }
        if let direction { list.append(("dir", direction)) }
        list += attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return list
    }
}

/// A subgraph: a cluster (drawn as a box with a label) when `isCluster`, otherwise a grouping such as
/// `rank=same`. Nodes listed here are created inside it.
public struct Subgraph: Hashable, Sendable {
    public var name: String
    public var isCluster: Bool
    public var label: String?
    public var style: [Style]
    public var fillColor: Color?
    public var color: Color?
    public var fontColor: Color?
    /// `same`, `min`, `max`, `source` or `sink`.
    public var rank: String?
    public var tooltip: String?
    public var url: String?
    public var attributes: [String: String]
    public var nodes: [Node]
    public var subgraphs: [Subgraph]

    public init(name: String, isCluster: Bool = true, label: String? = nil, nodes: [Node] = [], subgraphs: [Subgraph] = []) {
        self.name = name
        self.isCluster = isCluster
        self.label = label
        self.style = []
        self.attributes = [:]
        self.nodes = nodes
        self.subgraphs = subgraphs
    }

    /// The name Graphviz sees: clusters must start with `cluster`.
    var graphvizName: String {
        isCluster && !name.hasPrefix("cluster") ? "cluster_" + name : name
    }

    var graphvizAttributes: [(String, String)] {
        var list: [(String, String)] = []
        if let label { list.append(("label", Escaping.escString(label))) }
        if !style.isEmpty { list.append(("style", style.map(\.rawValue).joined(separator: ","))) }
        if let fillColor { list.append(("fillcolor", fillColor.description)) }
        if let color { list.append(("color", color.description)) }
        if let fontColor { list.append(("fontcolor", fontColor.description)) }
        if let rank { list.append(("rank", rank)) }
        if let tooltip { list.append(("tooltip", Escaping.escString(tooltip))) }
        if let url { list.append(("URL", Escaping.escString(url))) }
        list += attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        return list
    }
}

/// Graphviz's "escString" attributes (labels, tooltips, URLs, ids) give `\N`, `\G`, `\l`, `\n` and others a
/// meaning. User text must be shown literally, so backslashes are doubled; newlines become centred line
/// breaks.
enum Escaping {
    static func escString(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\": escaped += "\\\\"
            case "\n", "\r\n": escaped += "\\n"
            case "\r": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
