import SharemapModel
import SharemapGraphviz

/// The whole London network at a glance, legible at page width: organisations are aggregated into about
/// thirty groups and the lines between groups are weighted by how many agreements in force join them.
///
/// - Councils and NHS trusts are grouped by the integrated care board whose footprint holds them on the
///   date ("Councils, North East London (8)"); an organisation that fits no single ICB stays on its own.
/// - Command units are drawn as their force and delivery units as the probation region.
/// - Voluntary bodies, research institutions and other bodies form one group each.
/// - Everything else (ICBs, forces, fire, ambulance, TfL, the GLA group, government) is drawn on its own.
///
/// A force-directed layout of so dense a graph spreads out far beyond a page, so the groups are pinned on
/// a grid instead: one row per ICB footprint (its ICB, trusts and councils), London-wide health, research
/// and government bodies in a column on the left, and police, justice, fire, the GLA group and the
/// voluntary sector on the right, where most of their lines go. The caption says what was aggregated;
/// `NetworkView` draws the organisations themselves.
public struct OverviewView: Sendable {
    public init() {}

    /// One drawn group: its node id, label, the kind it is drawn as, how many organisations it holds and,
    /// for councils and trusts grouped by ICB, that ICB's id.
    struct Group: Hashable, Comparable {
        let id: String
        let label: String
        let kind: OrganisationKind
        let size: Int
        let icb: String?

        /// The label on one line, for tooltips and tables.
        var oneLine: String { label.replacingOccurrences(of: "\n", with: " ") }

        static func < (lhs: Group, rhs: Group) -> Bool { lhs.id < rhs.id }
    }

    /// Grid geometry, in inches.
    static let columnWidth = 2.75, rowHeight = 1.1

    /// Agreements in force on a date, aggregated to groups.
    struct Aggregate {
        var between: [Pair: [String]] = [:]
        var within: [Group: Int] = [:]
        var drawn = Set<Group>()
        var inForce = 0
    }

    func aggregate(_ register: Register, on date: Day) -> Aggregate {
        let groupOf = Self.groups(in: register, on: date)
        var result = Aggregate()
        for agreement in register.agreements where agreement.isInForce(on: date) {
            let groups = Set(agreement.parties.compactMap { groupOf[$0.organisation] }).sorted()
            guard agreement.parties.filter({ groupOf[$0.organisation] != nil }).count >= 2 else { continue }
            result.inForce += 1
            result.drawn.formUnion(groups)
            if groups.count == 1, let only = groups.first { result.within[only, default: 0] += 1 }
            for (offset, first) in groups.enumerated() {
                for second in groups[(offset + 1)...] { result.between[Pair(first: first, second: second), default: []].append(agreement.id) }
            }
        }
        return result
    }

    /// The pairs of groups joined by the most agreements in force, most first (then by name): the lines
    /// drawn thickest, as a table for people who would rather read numbers.
    public func strongestLinks(of register: Register, on date: Day, limit: Int = 10) -> [(first: String, second: String, agreements: Int)] {
        aggregate(register, on: date).between
            .map { (first: $0.key.first.oneLine, second: $0.key.second.oneLine, agreements: $0.value.count) }
            .sorted { $0.agreements != $1.agreements ? $0.agreements > $1.agreements : ($0.first, $0.second) < ($1.first, $1.second) }
            .prefix(limit).map { $0 }
    }

    public func graph(of register: Register, on date: Day) -> Graph {
        let aggregate = aggregate(register, on: date)
        let (between, within, drawn, inForce) = (aggregate.between, aggregate.within, aggregate.drawn, aggregate.inForce)

        var graph = Graph(name: "overview", directed: false)
        graph.label = "Data-sharing agreements in force on \(date): \(plural(inForce, "agreement")) between \(plural(drawn.count, "group")) of organisations.\n"
            + "Councils and NHS trusts are grouped by integrated care board; command units are drawn as their force,\n"
            + "delivery units as the probation region. Line width and colour: agreements joining two groups."
        graph.labelLocation = .top
        graph.fontName = "Helvetica"
        graph.fontSize = 13
        graph.padding = 0.15
        graph.attributes["notranslate"] = "true"
        graph.attributes["outputorder"] = "edgesfirst"
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = 12
        graph.nodeDefaults.style = [.filled]
        graph.nodeDefaults.margin = "0.06,0.03"

        let positions = Self.positions(of: Array(drawn), in: register)
        for group in drawn.sorted() {
            let style = Palette.style(for: group.kind)
            let among = within[group].map { "; \(plural($0, "agreement")) among them" } ?? ""
            let node = Node(group.id, label: .text(group.label), shape: Shape(rawValue: style.shape) ?? .box,
                            fillColor: Color(style.fill), color: "#333333", fontColor: Color(style.text),
                            tooltip: group.size > 1 ? "\(group.oneLine): \(plural(group.size, "organisation"))\(among)" : group.oneLine + among,
                            url: group.size == 1 ? "#org-\(group.id)" : nil, position: positions[group])
            graph.nodes.append(node)
        }
        let most = between.values.map(\.count).max() ?? 1
        for (pair, agreements) in between.sorted(by: { ($0.key.first, $0.key.second) < ($1.key.first, $1.key.second) }) {
            let share = Double(agreements.count) / Double(most)
            var edge = Edge(from: pair.first.id, to: pair.second.id, penWidth: 0.5 + 6 * share,
                            tooltip: "\(pair.first.oneLine) and \(pair.second.oneLine): \(plural(agreements.count, "agreement"))")
            edge.color = Color("#0072B2").withAlpha(0.12 + 0.68 * share)
            graph.edges.append(edge)
        }
        // The legend sits under the left-hand column, where there is room.
        let leftColumn = positions.filter { $0.value.x < Self.columnWidth / 2 }.map(\.value.y)
        var legend = Legend.kinds(Set(drawn.map(\.kind)))
        legend.position = Position(x: 0.4, y: (leftColumn.min() ?? 0) - 2.6)
        graph.nodes.append(legend)
        return graph
    }

    /// Where each group is pinned: ICB rows in the middle three columns (ICB, trusts, councils), the
    /// rest in a left or right column, each sorted by kind and then label.
    static func positions(of groups: [Group], in register: Register) -> [Group: Position] {
        let rowsByICB = Set(groups.compactMap { $0.kind == .nhsICB ? $0.id : $0.icb }).sorted()
        let leftKinds: [OrganisationKind] = [.ambulanceService, .nhsICB, .nhsTrust, .centralGovernment, .research]
        let rightKinds: [OrganisationKind] = [.policeForce, .policeBCU, .probationRegion, .probationPDU, .fireService,
                                              .transport, .glaGroup, .council, .voluntary, .other]
        var left: [Group] = [], right: [Group] = []
        var positions: [Group: Position] = [:]
        let gridHeight = Double(max(rowsByICB.count, 1)) * rowHeight
        for group in groups {
            let row = group.kind == .nhsICB ? rowsByICB.firstIndex(of: group.id) : group.icb.flatMap { rowsByICB.firstIndex(of: $0) }
            if let row {
                let x = group.kind == .nhsICB ? columnWidth : group.kind == .nhsTrust ? 2 * columnWidth : 3 * columnWidth + 0.2
                positions[group] = Position(x: x, y: gridHeight - Double(row) * rowHeight)
            } else if rightKinds.contains(group.kind) {
                right.append(group)
            } else {
                left.append(group)
            }
        }
        func place(_ column: [Group], order: [OrganisationKind], x: Double) {
            let sorted = column.sorted {
                let a = order.firstIndex(of: $0.kind) ?? order.count, b = order.firstIndex(of: $1.kind) ?? order.count
                return a != b ? a < b : $0.label < $1.label
            }
            // Stacked by each node's height (lines of text, more for tall shapes), centred on the grid.
            let heights = sorted.map { group -> Double in
                let lines = Double(group.label.split(separator: "\n").count)
                let tall: Set<OrganisationKind> = [.policeForce, .fireService, .ambulanceService, .nhsICB, .research]
                return (lines * 0.2 + 0.2) * (tall.contains(group.kind) ? 1.35 : 1) + 0.14
            }
            var y = gridHeight / 2 + rowHeight / 2 + heights.reduce(0, +) / 2
            for (group, height) in zip(sorted, heights) {
                positions[group] = Position(x: x, y: y - height / 2)
                y -= height
            }
        }
        place(left, order: leftKinds, x: -0.25)
        place(right, order: rightKinds, x: 4 * columnWidth + 0.45)
        return positions
    }

    struct Pair: Hashable {
        let first: Group
        let second: Group
    }

    /// Which group each organisation existing on `date` is drawn in.
    static func groups(in register: Register, on date: Day) -> [OrganisationIndex: Group] {
        let footprints = ICBFootprints(register: register, on: date)
        var members: [String: (label: String, kind: OrganisationKind, organisations: [OrganisationIndex])] = [:]
        func add(_ organisation: OrganisationIndex, id: String, label: String, kind: OrganisationKind) {
            members[id, default: (label, kind, [])].organisations.append(organisation)
        }
        for organisation in register.organisationIndices where register[organisation].exists(on: date) {
            let body = register[organisation]
            switch body.kind {
            case .council, .nhsTrust:
                if let home = footprints.home(of: organisation) {
                    let noun = body.kind == .council ? "Councils" : "NHS trusts"
                    add(organisation, id: "\(body.kind.rawValue)@\(register[home].id)", label: "\(noun),\n\(BoundariesView.shortName(register[home]))", kind: body.kind)
                } else {
                    add(organisation, id: body.id, label: NetworkView.wrap(body.name, width: 18), kind: body.kind)
                }
            case .policeBCU, .probationPDU:
                if let parent = body.parent, register[parent].exists(on: date) {
                    add(organisation, id: register[parent].id, label: NetworkView.wrap(register[parent].name, width: 18), kind: register[parent].kind)
                } else {
                    add(organisation, id: body.id, label: NetworkView.wrap(body.name, width: 18), kind: body.kind)
                }
            case .voluntary: add(organisation, id: "voluntary", label: "Voluntary bodies", kind: .voluntary)
            case .research: add(organisation, id: "research", label: "Research institutions", kind: .research)
            case .other: add(organisation, id: "other", label: "Other bodies", kind: .other)
            case .nhsICB:
                let short = NetworkView.wrap(BoundariesView.shortName(body), width: 18)
                add(organisation, id: body.id, label: short.hasSuffix("ICB") ? short : short + "\nICB", kind: body.kind)
            default: add(organisation, id: body.id, label: NetworkView.wrap(body.name, width: 18), kind: body.kind)
            }
        }
        var result: [OrganisationIndex: Group] = [:]
        for (id, entry) in members {
            let size = entry.organisations.count
            // A force or region drawn with its units says so; a group of peers gives its size.
            let label = size == 1 && !id.contains("@") ? entry.label
                : entry.kind == .policeForce || entry.kind == .probationRegion ? "\(entry.label)\nwith \(plural(size - 1, "unit"))"
                : "\(entry.label) (\(size))"
            let home = entry.organisations.first.flatMap { footprints.home(of: $0) }
            let group = Group(id: id, label: label, kind: entry.kind, size: size,
                              icb: id.contains("@") ? home.map { register[$0].id } : nil)
            for organisation in entry.organisations { result[organisation] = group }
        }
        return result
    }
}

/// The integrated care boards existing on a date, and the one each organisation belongs to.
struct ICBFootprints {
    let register: Register
    let date: Day
    let icbs: [OrganisationIndex]
    let areas: [Set<AreaIndex>]

    init(register: Register, on date: Day) {
        self.register = register
        self.date = date
        icbs = register.organisationIndices.filter { register[$0].kind == .nhsICB && register[$0].exists(on: date) }
        areas = icbs.map { Set(register.areas(of: $0)) }
    }

    /// A trust's ICB (or, when that has ended, its successor); for anything else, the ICB whose footprint
    /// holds all of its areas. Nil for London-wide organisations and those across ICB boundaries.
    func home(of organisation: OrganisationIndex) -> OrganisationIndex? {
        let body = register[organisation]
        if body.kind == .nhsICB { return body.exists(on: date) ? organisation : nil }
        if body.kind == .nhsTrust, let icb = body.parent { return register.existingSelfOrSuccessor(of: icb, on: date) }
        let covered = register.areas(of: organisation)
        guard !covered.isEmpty, !body.coverage.isEverywhere else { return nil }
        return icbs.indices.first { covered.allSatisfy(areas[$0].contains) }.map { icbs[$0] }
    }
}
