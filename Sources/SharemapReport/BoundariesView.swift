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
        let projection = MapProjection(areas: register.areas, width: 18)
        func organisations(_ kind: OrganisationKind) -> [OrganisationIndex] {
            register.organisationIndices.filter { network.exists[$0.position] && register[$0].kind == kind }
                .sorted { register[$0].id < register[$1].id }
        }
        let aOrganisations = organisations(kindA), bOrganisations = organisations(kindB)
        // Each organisation gets a palette colour different from its neighbours' (eight colours, more than
        // eight organisations), so that touching regions never share a colour.
        let fills = Self.distinctColours(aOrganisations, register: register, offset: 0)
        let outlines = Self.distinctColours(bOrganisations, register: register, offset: 3)
        func colour(_ organisation: OrganisationIndex, in list: [OrganisationIndex], offset: Int) -> String {
            (offset == 0 ? fills : outlines)[organisation] ?? "#000000"
        }
        var graph = Graph(name: "boundaries", directed: false)
        graph.label = "\(Self.title(kindA)) (fill) against \(Self.title(kindB)) (outline) on \(network.date): coterminosity score \(mismatch.score).\nAreas outlined thick and dashed are cut: the two organisations covering them do not nest."
        graph.labelLocation = .top
        graph.fontName = "Helvetica"
        graph.fontSize = 14
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.fontSize = 8
        graph.nodeDefaults.shape = .box
        graph.nodeDefaults.style = [.filled, .rounded]
        graph.attributes["notranslate"] = "true"
        graph.padding = 0.3
        for area in register.areaIndices {
            let here = register.organisationsByArea[area.position]
            let a = here.filter { aOrganisations.contains($0) }, b = here.filter { bOrganisations.contains($0) }
            let footprintA = Set(a.flatMap { register.areas(of: $0) }), footprintB = Set(b.flatMap { register.areas(of: $0) })
            let cut = !a.isEmpty && !b.isEmpty && !(footprintA.isSubset(of: footprintB) || footprintB.isSubset(of: footprintA))
            let point = projection.point(latitude: register[area].latitude, longitude: register[area].longitude)
            let fill = a.first.map { colour($0, in: aOrganisations, offset: 0) } ?? "#FFFFFF"
            var node = Node(register[area].id, label: .text(NetworkView.wrap(register[area].name, width: 12)),
                            fillColor: Color(fill), fontColor: Color(Palette.text(onRegionFill: fill)),
                            tooltip: "\(register[area].name): \(a.map { register[$0].name }.joined(separator: ", ").ifEmpty("no \(kindA.rawValue)")); \(b.map { register[$0].name }.joined(separator: ", ").ifEmpty("no \(kindB.rawValue)"))",
                            url: "#area-\(register[area].id)", htmlID: "area-\(register[area].id)",
                            position: Position(x: point.x, y: point.y))
            node.color = Color(b.first.map { colour($0, in: bOrganisations, offset: 3) } ?? "#000000")
            node.penWidth = cut ? 5 : 3
            if cut { node.style = [.filled, .rounded, .dashed] }
            node.width = 0.85
            node.height = 0.42
            node.attributes["fixedsize"] = "true"
            graph.nodes.append(node)
        }
        var rows: [[HTMLLabel.Cell]] = [[HTMLLabel.Cell("Colours repeat only between regions far apart.", columnSpan: 2)],
                                        [HTMLLabel.Cell("Fill: \(Self.title(kindA))", bold: true, columnSpan: 2)]]
        for organisation in aOrganisations {
            rows.append([HTMLLabel.Cell(Self.shortName(register[organisation]), swatch: Color(colour(organisation, in: aOrganisations, offset: 0)))])
        }
        rows.append([HTMLLabel.Cell("Outline: \(Self.title(kindB))", bold: true, columnSpan: 2)])
        for organisation in bOrganisations {
            rows.append([HTMLLabel.Cell(Self.shortName(register[organisation]), swatch: Color(colour(organisation, in: bOrganisations, offset: 3)))])
        }
        let straddling = mismatch.split.filter { $0.kind == kindA.rawValue || $0.kind == kindB.rawValue }
        if !straddling.isEmpty {
            rows.append([HTMLLabel.Cell("Straddling", bold: true, columnSpan: 2)])
            for item in straddling {
                if let index = register.organisationIndex(id: item.organisation) {
                    rows.append([HTMLLabel.Cell(Self.shortName(register[index]) + " (\(item.across.count))", columnSpan: 2)])
                }
            }
        }
        var legend = Node("legend", shape: .plaintext, position: Position(x: projection.width + 2.5, y: 4.5))
        legend.label = .html(.table(rows, border: 1))
        legend.fillColor = .white
        graph.nodes.append(legend)
        return graph
    }

    /// Greedy colouring in id order: each organisation takes the first palette colour (starting at
    /// `offset`) not used by an organisation whose areas lie within about 8 km of its own.
    static func distinctColours(_ organisations: [OrganisationIndex], register: Register, offset: Int) -> [OrganisationIndex: String] {
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
        let count = Palette.regionFills.count
        for organisation in organisations {
            let taken = Set(chosen.filter { near($0.key, organisation) }.map(\.value))
            let pick = (0..<count).map { ($0 + offset) % count }.first { !taken.contains($0) } ?? (chosen.count + offset) % count
            chosen[organisation] = pick
        }
        return chosen.mapValues { Palette.regionFills[$0] }
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
