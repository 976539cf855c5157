import SharemapAnalysis
import SharemapGraphviz
import SharemapModel

/// A geographic map of two boundary systems: every area pinned at its centroid, filled by the organisation
/// of the first kind that covers it and outlined by the organisation of the second. Areas where the two do
/// not nest (one's footprint cuts the other's) are drawn with a thick dashed outline; straddling
/// organisations are named in the legend. Laid out by neato with pinned positions.
public struct BoundariesView: Sendable {
    public let kindA: OrganisationKind
    public let kindB: OrganisationKind

    public init(_ kindA: OrganisationKind, _ kindB: OrganisationKind) {
        self.kindA = kindA
        self.kindB = kindB
    }

    public func graph(of network: SharingNetwork) -> Graph {
        let register = network.register
        let mismatch = network.mismatches(kindA, kindB)
        func organisations(_ kind: OrganisationKind) -> [OrganisationIndex] {
            register.organisationIndices.filter { network.exists[$0.position] && register[$0].kind == kind }
                .sorted { register[$0].id < register[$1].id }
        }
        let aOrganisations = organisations(kindA), bOrganisations = organisations(kindB)
        // Light fills and dark outlines, different from neighbours' where colours must repeat.
        let fills = Self.distinctColours(aOrganisations, register: register, palette: Palette.regionFills)
        let outlines = Self.distinctColours(bOrganisations, register: register, palette: Palette.regionOutlines)
        // When outline colours must repeat, each area names its second organisation too.
        let nameB = bOrganisations.count > Palette.regionOutlines.count
        // Each area's label: its name, then (smaller) its first-kind organisation unless that bears the
        // area's own name, then its second-kind organisation when outline colours repeat.
        // Per area: its organisations of each kind.
        let members = register.areaIndices.map { area in
            let here = register.organisationsByArea[area.position]
            return (a: here.filter { fills[$0] != nil }, b: here.filter { outlines[$0] != nil })
        }
        func label(_ area: AreaIndex) -> [String] {
            let (a, b) = members[area.position]
            let unitA = a.map { Self.shortName(register[$0]) }.joined(separator: ", ").ifEmpty("no \(Self.title(kindA).dropLast())")
            let unitB = b.map { Self.shortName(register[$0]) }.joined(separator: ", ").ifEmpty("no \(Self.title(kindB).dropLast())")
            return [NetworkView.wrap(register[area].name, width: 14)] + (unitA == register[area].name ? [] : [NetworkView.wrap(unitA, width: 20)])
                + (nameB ? [unitB.hasPrefix("no ") ? unitB : "in " + unitB] : [])
        }
        let labels = register.areaIndices.map(label)
        // Boxes big enough for the longest label, nudged apart where centroids are close.
        let mostLines = labels.map { $0.joined(separator: "\n").split(separator: "\n").count }.max() ?? 2
        let box = (width: 1.45, height: 0.2 + 0.15 * Double(mostLines))
        let projection = MapProjection(areas: register.areas, width: 10)
        let places = MapProjection.separated(register.areas.map { projection.point(latitude: $0.latitude, longitude: $0.longitude) }, size: box)
        var graph = Graph(name: "boundaries", directed: false)
        graph.label = "\(Self.title(kindA).capitalizedFirst) (fill) against \(Self.title(kindB)) (outline) on \(network.date): coterminosity score \(mismatch.score).\nEach area sits near its centroid (nudged apart where labels would overlap). Areas outlined thick and dashed are cut: the two organisations covering them do not nest."
        graph.labelLocation = .top
        graph.fontName = "Helvetica"
        graph.fontSize = 14
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = 10
        graph.nodeDefaults.shape = .box
        graph.nodeDefaults.style = [.filled, .rounded]
        graph.attributes["notranslate"] = "true"
        graph.padding = 0.3
        for area in register.areaIndices {
            let (a, b) = members[area.position]
            let footprintA = Set(a.flatMap { register.areas(of: $0) }), footprintB = Set(b.flatMap { register.areas(of: $0) })
            let cut = !a.isEmpty && !b.isEmpty && !(footprintA.isSubset(of: footprintB) || footprintB.isSubset(of: footprintA))
            let point = places[area.position]
            let fill = a.first.flatMap { fills[$0] } ?? "#FFFFFF"
            var node = Node(register[area].id, label: .html(.lines(labels[area.position], restPointSize: 8)),
                            fillColor: Color(fill), fontColor: "#000000",
                            tooltip: "\(register[area].name): \(a.map { register[$0].name }.joined(separator: ", ").ifEmpty("no \(kindA.rawValue)")); \(b.map { register[$0].name }.joined(separator: ", ").ifEmpty("no \(kindB.rawValue)"))",
                            url: "#area-\(register[area].id)", htmlID: "area-\(register[area].id)",
                            position: Position(x: point.x, y: point.y))
            node.color = Color(b.first.flatMap { outlines[$0] } ?? "#000000")
            node.penWidth = cut ? 5 : 3
            if cut { node.style = [.filled, .rounded, .dashed] }
            node.width = box.width
            node.height = box.height
            node.attributes["fixedsize"] = "true"
            graph.nodes.append(node)
        }
        // A list of colours only where each colour means one organisation; where colours repeat, the
        // organisations are named in each area instead and the legend says so.
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell("Fill: \(Self.title(kindA))", bold: true, columnSpan: 2)]]
        if aOrganisations.count <= Palette.regionFills.count {
            for organisation in aOrganisations {
                rows.append([HTMLLabel.Cell(Self.shortName(register[organisation]), swatch: Color(fills[organisation] ?? "#FFFFFF"))])
            }
        } else {
            rows.append([HTMLLabel.Cell("named in each area; neighbours differ", columnSpan: 2)])
            rows.append([HTMLLabel.Cell("in colour where five colours allow", columnSpan: 2)])
        }
        rows.append([HTMLLabel.Cell("Outline: \(Self.title(kindB))", bold: true, columnSpan: 2)])
        if nameB {
            rows.append([HTMLLabel.Cell("named in each area (\"in ...\")", columnSpan: 2)])
        } else {
            for organisation in bOrganisations {
                rows.append([HTMLLabel.Cell(Self.shortName(register[organisation]), swatch: Color(outlines[organisation] ?? "#000000"))])
            }
        }
        let straddling = mismatch.split.filter { $0.kind == kindA.rawValue || $0.kind == kindB.rawValue }
        if !straddling.isEmpty {
            rows.append([HTMLLabel.Cell("Straddling", bold: true, columnSpan: 2)])
            for item in straddling {
                if let index = register.organisationIndex(id: item.organisation) {
                    rows.append([HTMLLabel.Cell(Self.shortName(register[index]) + ": across \(item.across.count)", columnSpan: 2)])
                }
            }
        }
        rows.append([HTMLLabel.Cell("Thick dashed outline: the area is cut", bold: true, columnSpan: 2)])
        rows.append([HTMLLabel.Cell("(its two organisations do not nest)", columnSpan: 2)])
        // Beside the map, top-aligned, from an estimate of the table's size (10 pt text).
        let right = places.map(\.x).max() ?? projection.width, top = places.map(\.y).max() ?? 0
        let legendWidth = 0.6 + 0.075 * Double(rows.flatMap { $0.map(\.text.count) }.max() ?? 20)
        let legendHeight = 0.25 * Double(rows.count)
        var legend = Node("legend", shape: .plaintext, position: Position(x: right + box.width / 2 + 0.3 + legendWidth / 2, y: top + box.height / 2 - legendHeight / 2))
        legend.label = .html(.table(rows, border: 1))
        legend.fillColor = .white
        graph.nodes.append(legend)
        return graph
    }

    /// One colour per organisation from `palette`: all different when there are no more organisations than
    /// colours; otherwise a greedy colouring in id order, each organisation taking the first colour not used
    /// by an organisation whose areas lie within about 8 km of its own, so that touching regions differ.
    static func distinctColours(_ organisations: [OrganisationIndex], register: Register, palette: [String]) -> [OrganisationIndex: String] {
        if organisations.count <= palette.count {
            return Dictionary(uniqueKeysWithValues: organisations.enumerated().map { ($0.element, palette[$0.offset]) })
        }
        func near(_ a: OrganisationIndex, _ b: OrganisationIndex) -> Bool {
            for x in register.areas(of: a) {
                for y in register.areas(of: b) {
                    let dLat = (register[x].latitude - register[y].latitude) * 111
                    let dLon = (register[x].longitude - register[y].longitude) * 69
                    if dLat * dLat + dLon * dLon < 64 { return true }
                }
            }
            return false
        }
        var chosen: [OrganisationIndex: Int] = [:]
        for organisation in organisations {
            let taken = Set(chosen.filter { near($0.key, organisation) }.map(\.value))
            chosen[organisation] = palette.indices.first { !taken.contains($0) } ?? chosen.count % palette.count
        }
        return chosen.mapValues { palette[$0] }
    }

    static func title(_ kind: OrganisationKind) -> String {
        switch kind {
        case .policeBCU: return "police command units"
        case .nhsICB: return "NHS integrated care boards"
        case .probationPDU: return "probation delivery units"
        case .council: return "councils"
        default: return kind.rawValue.replacingOccurrences(of: "_", with: " ")
        }
    }

    /// A name without the parts every one of its kind shares.
    static func shortName(_ organisation: Organisation) -> String {
        var name = organisation.name
        for part in ["NHS ", " Integrated Care Board", "Metropolitan Police ", " Probation Delivery Unit"] {
            name = name.replacingOccurrences(of: part, with: "")
        }
        return name
    }
}

extension String {
    func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}
