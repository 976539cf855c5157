import SharemapModel
import SharemapGraphviz

/// The in-force agreement network as a diagram: organisations coloured and shaped by kind, grouped into
/// clusters, with a legend.
///
/// Agreements with many parties (the pan-London ones) would draw as dense cliques, so an agreement with
/// more than `hubThreshold` parties is drawn as a small hub node joined to each of its parties; smaller
/// agreements are drawn as edges between their parties, weighted by how many agreements each pair shares.
/// With `collapse`, command units are drawn as their force, trusts as their ICB and delivery units as
/// their region, which keeps the whole London register readable; the caption says what was done.
public struct NetworkView: Sendable {
    public enum Grouping: String, Sendable, CaseIterable {
        /// One cluster per family of kinds (councils, NHS, police, ...).
        case kind
        /// One cluster per integrated care board's footprint on the date (the ICB, its trusts and the
        /// bodies whose areas lie within it), and one for London-wide bodies and those across boundaries.
        case icb
        /// No clusters.
        case none
    }

    public var grouping: Grouping = .kind
    public var collapse: Bool = false
    public var hubThreshold: Int = 4

    public init(grouping: Grouping = .kind, collapse: Bool = false, hubThreshold: Int = 4) {
        self.grouping = grouping
        self.collapse = collapse
        self.hubThreshold = hubThreshold
    }

    /// The diagram of `register` as it stands on `date`.
    public func graph(of register: Register, on date: Day) -> Graph {
        // Which organisation each one is drawn as.
        func drawnAs(_ organisation: OrganisationIndex) -> OrganisationIndex {
            guard collapse, let parent = register[organisation].parent else { return organisation }
            switch register[organisation].kind {
            case .policeBCU, .probationPDU: return parent
            case .nhsTrust:
                // A trust's parent ICB may have ended: draw it under the ICB's successor.
                return register.existingSelfOrSuccessor(of: parent, on: date) ?? organisation
            default: return organisation
            }
        }

        var pairCounts: [Pair: [String]] = [:]
        var hubs: [(agreement: Agreement, members: [OrganisationIndex])] = []
        var drawn = Set<OrganisationIndex>()
        var inForce = 0
        for agreement in register.agreements where agreement.isInForce(on: date) {
            let members = Array(Set(agreement.parties.map(\.organisation).filter { register[$0].exists(on: date) }.map(drawnAs))).sorted()
            guard members.count >= 2 else { continue }
            inForce += 1
            drawn.formUnion(members)
            if members.count > hubThreshold {
                hubs.append((agreement, members))
            } else {
                for (offset, first) in members.enumerated() {
                    for second in members[(offset + 1)...] { pairCounts[Pair(first, second), default: []].append(agreement.id) }
                }
            }
        }

        var graph = Graph(name: "network", directed: false)
        let isolated = register.organisationIndices.filter { register[$0].exists(on: date) && !drawn.contains(drawnAs($0)) }.count
        graph.label = caption(date: date, inForce: inForce, organisations: drawn.count, hubs: hubs.count, isolated: isolated)
        graph.labelLocation = .top
        graph.fontName = "Helvetica"
        graph.fontSize = 16
        graph.overlap = "prism"
        graph.padding = 0.3
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = 10
        graph.nodeDefaults.style = [.filled]
        graph.nodeDefaults.margin = "0.05,0.03"
        graph.edgeDefaults.color = Color("#555555").withAlpha(0.55)
        graph.attributes["outputorder"] = "edgesfirst"
        graph.attributes["sep"] = "+6"
        graph.attributes["K"] = "0.9"
        // A fixed seed: force-directed layouts start from random positions, and Graphviz's generator state
        // carries over between layouts in one process, so without it the same graph came out differently.
        graph.attributes["start"] = "1"

        // Each organisation's node under a cluster key: (sort order, cluster name, cluster label).
        let footprints = ICBFootprints(register: register, on: date)
        func cluster(of organisation: OrganisationIndex) -> (order: String, name: String, label: String) {
            switch grouping {
            case .kind, .none:
                let family = Palette.style(for: register[organisation].kind).family
                return (family, "family_" + family.lowercased().filter { $0.isLetter }, family)
            case .icb:
                guard let home = footprints.home(of: organisation) else { return ("~", "icb_none", "London-wide or across ICB boundaries") }
                return (register[home].id, "icb_" + register[home].id.filter { $0.isLetter || $0.isNumber }, BoundariesView.shortName(register[home]))
            }
        }
        var clusters: [String: (name: String, label: String, nodes: [Node])] = [:]
        for organisation in drawn.sorted() {
            let key = cluster(of: organisation)
            clusters[key.order, default: (key.name, key.label, [])].nodes
                .append(Self.node(for: organisation, in: register, agreements: register.agreementsByOrganisation[organisation.position].count))
        }
        let ordered = clusters.sorted { $0.key < $1.key }.map(\.value)
        if grouping == .none {
            graph.nodes = ordered.flatMap(\.nodes)
        } else {
            graph.subgraphs = ordered.map { entry in
                var subgraph = Subgraph(name: entry.name, label: entry.label, nodes: entry.nodes)
                subgraph.style = [.rounded, .dashed]
                subgraph.color = "#999999"
                return subgraph
            }
        }
        for hub in hubs {
            var node = Node("agreement:" + hub.agreement.id, label: .text(Self.wrap(hub.agreement.title, width: 24)), shape: .box,
                            style: [.rounded, .filled], fillColor: "#FFFFFF", color: "#333333",
                            tooltip: "\(hub.agreement.title) (\(hub.members.count) parties)", url: "#agreement-\(hub.agreement.id)",
                            htmlID: "agreement-\(hub.agreement.id)")
            node.fontSize = 9
            graph.nodes.append(node)
            for member in hub.members {
                var edge = Edge(from: node.id, to: register[member].id)
                edge.color = Color("#0072B2").withAlpha(0.35)
                graph.edges.append(edge)
            }
        }
        for (pair, agreements) in pairCounts.sorted(by: { $0.key < $1.key }) {
            var edge = Edge(from: register[pair.first].id, to: register[pair.second].id,
                            penWidth: 1 + Double(min(agreements.count, 6) - 1) * 0.8,
                            tooltip: "\(register[pair.first].name) and \(register[pair.second].name): \(agreements.sorted().joined(separator: ", "))")
            edge.weight = agreements.count
            graph.edges.append(edge)
        }
        graph.nodes.append(Legend.kinds(Set(drawn.map { register[$0].kind })))
        return graph
    }

    func caption(date: Day, inForce: Int, organisations: Int, hubs: Int, isolated: Int) -> String {
        var parts = ["Data-sharing agreements in force on \(date): \(plural(inForce, "agreement")) between \(plural(organisations, "organisation"))."]
        if hubs > 0 { parts.append("The \(hubs) agreements with more than \(hubThreshold) parties are drawn as boxes joined to their parties.") }
        if collapse { parts.append("Command units are drawn as their force, NHS trusts as their ICB and probation delivery units as the region.") }
        if isolated > 0 { parts.append("\(plural(isolated, "organisation")) with no agreement in force \(isolated == 1 ? "is" : "are") not drawn.") }
        return parts.joined(separator: "\n")
    }

    /// An organisation's node: colour and shape by kind, a tooltip, and a link to its section of the report.
    static func node(for organisation: OrganisationIndex, in register: Register, agreements: Int) -> Node {
        let body = register[organisation]
        let style = Palette.style(for: body.kind)
        return Node(body.id, label: .text(wrap(body.name, width: 22)), shape: Shape(rawValue: style.shape) ?? .box,
                    fillColor: Color(style.fill), color: "#333333", fontColor: Color(style.text),
                    tooltip: "\(body.name) (\(body.kind.rawValue)); party to \(plural(agreements, "agreement"))",
                    url: "#org-\(body.id)", htmlID: "org-\(body.id)")
    }

    /// Breaks a name into lines of at most about `width` characters, at spaces.
    static func wrap(_ text: String, width: Int) -> String {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.count + word.count + 1 > width {
                lines.append(line)
                line = ""
            }
            line += line.isEmpty ? String(word) : " " + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines.joined(separator: "\n")
    }

    struct Pair: Hashable, Comparable {
        let first: OrganisationIndex
        let second: OrganisationIndex

        init(_ a: OrganisationIndex, _ b: OrganisationIndex) {
            first = min(a, b)
            second = max(a, b)
        }

        static func < (lhs: Pair, rhs: Pair) -> Bool {
            (lhs.first, lhs.second) < (rhs.first, rhs.second)
        }
    }
}

/// Legends drawn as HTML-like table nodes.
public enum Legend {
    /// A legend of the given kinds: a swatch of each kind's colour, its name and its shape.
    public static func kinds(_ kinds: Set<OrganisationKind>) -> Node {
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell("Organisation kind (shape)", bold: true, columnSpan: 2)]]
        for kind in OrganisationKind.allCases where kinds.contains(kind) {
            let style = Palette.style(for: kind)
            rows.append([HTMLLabel.Cell("\(kind.rawValue.replacingOccurrences(of: "_", with: " ")) (\(style.shape))", swatch: Color(style.fill))])
        }
        var node = Node("legend", shape: .plaintext)
        node.label = .html(.table(rows, border: 1))
        node.fillColor = .white
        node.style = [.filled]
        return node
    }
}

/// "1 agreement", "3 agreements".
func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
