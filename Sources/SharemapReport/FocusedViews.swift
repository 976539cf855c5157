import SharemapAnalysis
import SharemapGraphviz
import SharemapModel

/// Line styles for an agreement's status on a date, shared by the views that draw agreements.
enum AgreementLine {
    static func style(_ agreement: Agreement, on date: Day) -> (color: Color, style: [Style], label: String) {
        if agreement.status == .draft { return (Color(Palette.Status.draft), [.dashed], "draft") }
        if agreement.isExpiredButActive(on: date) || agreement.status == .expired || agreement.status == .terminated {
            return (Color(Palette.Status.expired), [.dashed], "expired")
        }
        if agreement.status == .suspended { return (Color(Palette.Status.draft), [.dotted], "suspended") }
        if agreement.isReviewDue(on: date) { return (Color(Palette.Status.reviewDue), [.bold], "review due") }
        if agreement.isInForce(on: date) { return (Color(Palette.Status.inForce), [], "in force") }
        return (Color(Palette.Status.draft), [.dotted], "not yet started")
    }

    /// The legend for agreement line styles.
    static func legend(extra: [[HTMLLabel.Cell]] = []) -> Node {
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell("Agreement status (line)", bold: true, columnSpan: 2)]]
        rows.append([HTMLLabel.Cell("in force (solid)", swatch: Color(Palette.Status.inForce))])
        rows.append([HTMLLabel.Cell("review due (bold)", swatch: Color(Palette.Status.reviewDue))])
        rows.append([HTMLLabel.Cell("draft or suspended (dashed, dotted)", swatch: Color(Palette.Status.draft))])
        rows.append([HTMLLabel.Cell("expired (dashed)", swatch: Color(Palette.Status.expired))])
        rows += extra
        var node = Node("legend", shape: .plaintext)
        node.label = .html(.table(rows, border: 1))
        node.fillColor = .white
        node.style = [.filled]
        return node
    }

    /// A small box standing for an agreement, joined to its parties.
    static func node(_ agreement: Agreement, on date: Day) -> Node {
        let line = style(agreement, on: date)
        var node = Node("agreement:" + agreement.id, label: .text(NetworkView.wrap(agreement.id, width: 22)), shape: .box,
                        style: [.rounded, .filled] + line.style.filter { $0 != .bold }, fillColor: .white, color: line.color,
                        tooltip: "\(agreement.title) (\(line.label))", url: "#agreement-\(agreement.id)", htmlID: "agreement-\(agreement.id)")
        node.fontSize = 10
        node.penWidth = line.style.contains(.bold) ? 2.5 : 1.2
        return node
    }
}

/// One organisation's neighbourhood: its agreements of every status and the parties to them, out to
/// `radius` agreements away, each agreement drawn as a box styled by its status on the date.
public struct EgoView: Sendable {
    public let organisation: OrganisationIndex
    public let radius: Int

    public init(organisation: OrganisationIndex, radius: Int = 1) {
        self.organisation = organisation
        self.radius = max(1, radius)
    }

    public func graph(of register: Register, on date: Day) -> Graph {
        var organisations: Set<OrganisationIndex> = [organisation]
        var agreements: Set<AgreementIndex> = []
        var frontier: Set<OrganisationIndex> = [organisation]
        for _ in 0..<radius {
            var next: Set<OrganisationIndex> = []
            for member in frontier {
                for agreement in register.agreementsByOrganisation[member.position] where agreements.insert(agreement).inserted {
                    for party in register[agreement].parties where organisations.insert(party.organisation).inserted {
                        next.insert(party.organisation)
                    }
                }
            }
            frontier = next
        }
        var graph = Graph.forceDirectedView("ego", nodeFontSize: 10)
        graph.label = "\(register[organisation].name): agreements \(radius == 1 ? "it is party to" : "within \(radius) steps") on \(date), by status."
        for member in organisations.sorted(by: { register[$0].id < register[$1].id }) {
            var node = NetworkView.node(for: member, in: register, agreements: register.agreementsByOrganisation[member.position].count)
            if member == organisation { node.penWidth = 3 }
            if !register[member].exists(on: date) {
                node.style = [.filled, .dashed]
                node.tooltip = (node.tooltip ?? "") + "; no longer exists on \(date)"
            }
            graph.nodes.append(node)
        }
        for agreement in agreements.sorted(by: { register[$0].id < register[$1].id }) {
            let body = register[agreement]
            graph.nodes.append(AgreementLine.node(body, on: date))
            let line = AgreementLine.style(body, on: date)
            for party in body.parties {
                var edge = Edge(from: "agreement:" + body.id, to: register[party.organisation].id, color: line.color, style: line.style)
                edge.arrowHead = party.role == .both ? ArrowType.none : nil
                edge.direction = party.role == .provider ? "back" : party.role == .recipient ? "forward" : "none"
                if party.signed == nil { edge.label = "unsigned" }
                graph.edges.append(edge)
            }
        }
        graph.nodes.append(AgreementLine.legend(extra: [[HTMLLabel.Cell("Arrows run from provider to recipient.", columnSpan: 2)]]))
        return graph
    }
}

/// A lawful path (and its alternatives) or, when there is none, the chain that onward-sharing limits block,
/// with the blocking agreement in red.
public struct PathView: Sendable {
    public let result: PathResult

    public init(_ result: PathResult) {
        self.result = result
    }

    public func graph(of register: Register) -> Graph {
        var graph = Graph(name: "path")
        graph.rankDirection = .leftToRight
        graph.fontName = "Helvetica"
        graph.labelLocation = .top
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = 10
        graph.nodeDefaults.style = [.filled]
        graph.edgeDefaults.fontName = "Helvetica"
        graph.edgeDefaults.fontSize = 9
        let scope = [result.purpose.map { "for \($0)" }, result.category.map { "of \($0)" }].compactMap { $0 }.joined(separator: " ")
        let from = register.organisationIndex(id: result.from), to = register.organisationIndex(id: result.to)
        let names = (from.map { register[$0].name } ?? result.from, to.map { register[$0].name } ?? result.to)
        graph.label = result.found
            ? "Lawful path from \(names.0) to \(names.1)\(scope.isEmpty ? "" : " " + scope) on \(result.date): \(plural(result.hops.count, "hop"))."
            : "No lawful path from \(names.0) to \(names.1)\(scope.isEmpty ? "" : " " + scope) on \(result.date). \(result.reason ?? "")"
        var seen = Set<String>()
        func addNode(_ id: String) {
            guard seen.insert(id).inserted, let index = register.organisationIndex(id: id) else { return }
            var node = NetworkView.node(for: index, in: register, agreements: register.agreementsByOrganisation[index.position].count)
            if id == result.from || id == result.to { node.penWidth = 3 }
            graph.nodes.append(node)
        }
        addNode(result.from)
        addNode(result.to)
        func addHops(_ hops: [Hop], color: String, width: Double, style: [Style] = []) {
            for hop in hops {
                addNode(hop.from)
                addNode(hop.to)
                var edge = Edge(from: hop.from, to: hop.to, label: hop.agreement, color: Color(color), style: style, penWidth: width,
                                tooltip: register.agreementIndex(id: hop.agreement).map { register[$0].title } ?? hop.agreement,
                                url: "#agreement-\(hop.agreement)")
                edge.fontColor = Color(color)
                graph.edges.append(edge)
            }
        }
        addHops(result.hops, color: Palette.Status.path, width: 3)
        for alternative in result.alternatives { addHops(alternative, color: "#999999", width: 1.2, style: [.dashed]) }
        if let chain = result.unrestrictedHops {
            let blockedAt = chain.firstIndex { $0.agreement == result.blockedBy?.next && $0.from == result.blockedBy?.organisation }
            for (position, hop) in chain.enumerated() {
                let blocked = position == blockedAt
                addHops([hop], color: blocked ? Palette.Status.expired : "#666666", width: blocked ? 3 : 1.5, style: blocked ? [.dashed] : [])
                if blocked, let blockage = result.blockedBy {
                    graph.edges[graph.edges.count - 1].label = "\(hop.agreement)\nblocked: \(blockage.agreement) allows onward sharing \(blockage.onwardSharing)"
                }
            }
        }
        var legend = AgreementLine.legend(extra: [
            [HTMLLabel.Cell("lawful path (thick)", swatch: Color(Palette.Status.path))],
            [HTMLLabel.Cell("alternative (dashed)", swatch: "#999999")],
            [HTMLLabel.Cell("blocked hop (dashed)", swatch: Color(Palette.Status.expired))],
        ])
        legend.id = "legend"
        graph.nodes.append(legend)
        return graph
    }
}

/// Who should be sharing and is not: a partnership's members with the pairs that lack an agreement drawn
/// as red dashed edges (the areas concerned in the tooltip), and the pairs that have one in grey.
///
/// Laid out by dot from left to right with one column per kind of member (NHS, councils, police and
/// fire, probation, others), so that a London-wide partnership stays legible: columns grow downwards, and
/// dot orders each column to keep a council next to its own command unit and ICB.
public struct GapsView: Sendable {
    public let partnership: PartnershipIndex

    public init(partnership: PartnershipIndex) {
        self.partnership = partnership
    }

    public func graph(of network: SharingNetwork) -> Graph {
        let register = network.register
        let body = register[partnership]
        var members = Set<OrganisationIndex>()
        var gapAreas: [[OrganisationIndex]: [String]] = [:]
        var covered = Set<[OrganisationIndex]>()
        for area in register.areaIndices {
            let here = network.partnershipMembers(body, in: area)
            members.formUnion(here)
            for (offset, first) in here.enumerated() {
                for second in here[(offset + 1)...] {
                    let pair = [first, second].sorted()
                    if network.shareAgreement(first, second, covering: body.purposes) { covered.insert(pair) } else {
                        gapAreas[pair, default: []].append(register[area].name)
                    }
                }
            }
        }
        var graph = Graph(name: "gaps", directed: false)
        graph.label = "\(body.name) on \(network.date)\n" + NetworkView.wrap(
            "(\(body.statute)). \(plural(gapAreas.count, "member pair")) with no agreement in force for \(body.purposes.map { register[$0].id }.joined(separator: " or ")) (red dashed); grey: pairs that share.",
            width: 80)
        graph.labelLocation = .top
        graph.fontName = "Helvetica"
        graph.fontSize = 13
        graph.rankDirection = .leftToRight
        graph.rankSeparation = 0.9
        graph.nodeSeparation = 0.12
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = 11
        graph.nodeDefaults.style = [.filled]
        func column(_ organisation: OrganisationIndex) -> Int {
            switch register[organisation].kind {
            case .nhsICB, .nhsTrust, .ambulanceService: return 0
            case .council: return 1
            case .policeForce, .policeBCU, .fireService: return 2
            case .probationRegion, .probationPDU: return 3
            default: return 4
            }
        }
        var columns: [Int: [Node]] = [:]
        for member in members.sorted(by: { register[$0].id < register[$1].id }) {
            columns[column(member), default: []].append(NetworkView.node(for: member, in: register, agreements: network.partyTo[member.position].count))
        }
        graph.subgraphs = columns.keys.sorted().map { key in
            var same = Subgraph(name: "column\(key)", isCluster: false, nodes: columns[key] ?? [])
            same.rank = "same"
            return same
        }
        // Each edge runs from the left column to the right one, which is what gives dot its columns.
        func ends(_ pair: [OrganisationIndex]) -> (String, String) {
            let (first, second) = column(pair[0]) <= column(pair[1]) ? (pair[0], pair[1]) : (pair[1], pair[0])
            return (register[first].id, register[second].id)
        }
        for pair in covered.sorted(by: { (register[$0[0]].id, register[$0[1]].id) < (register[$1[0]].id, register[$1[1]].id) }) {
            let (from, to) = ends(pair)
            graph.edges.append(Edge(from: from, to: to, color: Color("#999999").withAlpha(0.6)))
        }
        for (pair, areas) in gapAreas.sorted(by: { (register[$0.key[0]].id, register[$0.key[1]].id) < (register[$1.key[0]].id, register[$1.key[1]].id) }) {
            let (from, to) = ends(pair)
            graph.edges.append(Edge(from: from, to: to, color: Color(Palette.Status.gap), style: [.dashed], penWidth: 2,
                                    tooltip: "No agreement in force for \(body.name) in \(areas.joined(separator: ", "))"))
        }
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell("Lines", bold: true, columnSpan: 2)]]
        rows.append([HTMLLabel.Cell("gap: no agreement in force (red dashed)", swatch: Color(Palette.Status.gap))])
        rows.append([HTMLLabel.Cell("sharing under an agreement in force", swatch: "#999999")])
        var legend = Node("legend", shape: .plaintext)
        legend.label = .html(.table(rows, border: 1))
        graph.nodes.append(legend)
        graph.nodes.append(Legend.kinds(Set(members.map { register[$0].kind })).renamed("legend-kinds"))
        return graph
    }
}

/// A project's members with their DPO in the label, the agreements to reuse as boxes, and the member pairs
/// still to agree as red dashed edges.
public struct ProjectView: Sendable {
    public let review: ProjectReview

    public init(_ review: ProjectReview) {
        self.review = review
    }

    public func graph(of register: Register) -> Graph {
        var graph = Graph.forceDirectedView("project", nodeFontSize: 11)
        graph.label = NetworkView.wrap("\(review.name) on \(review.date): \(review.readiness)", width: 90)
        graph.fontSize = 13
        graph.overlap = "false"
        graph.attributes["sep"] = "+12"
        for member in review.members {
            guard let index = register.organisationIndex(id: member.organisation) else { continue }
            var node = NetworkView.node(for: index, in: register, agreements: register.agreementsByOrganisation[index.position].count)
            node.label = .html(.lines([NetworkView.wrap(member.name, width: 28), "DPO: \(member.dpo?.email ?? "MISSING")", "IG: \(member.igLead?.email ?? "MISSING")"]))
            // Boxes, not the kind's shape: three lines of contacts in an ellipse or hexagon waste half the
            // page; the fill colour still gives the kind.
            node.shape = .box
            node.style = [.filled, .rounded]
            if member.dpo == nil || member.igLead == nil { node.color = Color(Palette.Status.gap); node.penWidth = 3 }
            graph.nodes.append(node)
        }
        for reuse in review.reuse {
            guard let index = register.agreementIndex(id: reuse.agreement) else { continue }
            graph.nodes.append(AgreementLine.node(register[index], on: review.date))
            for member in reuse.members { graph.edges.append(Edge(from: "agreement:" + reuse.agreement, to: member, color: Color(Palette.Status.inForce))) }
        }
        for pair in review.gaps where pair.count == 2 {
            graph.edges.append(Edge(from: pair[0], to: pair[1], color: Color(Palette.Status.gap), style: [.dashed], penWidth: 1.5,
                                    tooltip: "No agreement in force for \(review.purpose)"))
        }
        graph.nodes.append(AgreementLine.legend(extra: [
            [HTMLLabel.Cell("pair still to agree (red dashed)", swatch: Color(Palette.Status.gap))],
            [HTMLLabel.Cell("red outline: a contact is missing", columnSpan: 2)],
        ]))
        return graph
    }
}

extension Graph {
    /// An undirected graph in the house style of the force-directed views: caption on top, Helvetica,
    /// filled nodes, overlaps removed, and a fixed layout seed so the same register draws the same way.
    static func forceDirectedView(_ name: String, nodeFontSize: Double) -> Graph {
        var graph = Graph(name: name, directed: false)
        graph.labelLocation = .top
        graph.fontName = "Helvetica"
        graph.overlap = "prism"
        graph.attributes["start"] = "1"
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = nodeFontSize
        graph.nodeDefaults.style = [.filled]
        return graph
    }
}

extension Node {
    /// The same node under another id (for a second legend in one graph).
    func renamed(_ id: String) -> Node {
        var copy = self
        copy.id = id
        return copy
    }
}
