import SharemapAnalysis
import SharemapModel

/// The in-force sharing network as one directed edge per (provider, recipient) pair, with the agreements and
/// purposes behind it: what the graph exports write.
struct AggregatedEdge {
    let from: OrganisationIndex
    let to: OrganisationIndex
    var agreements: [String]
    var purposes: Set<String>
}

extension SharingNetwork {
    func aggregatedEdges() -> [AggregatedEdge] {
        var edges: [UInt64: AggregatedEdge] = [:]
        for position in register.agreements.indices where inForce[position] {
            let agreement = register.agreements[position]
            for provider in providers[position] {
                for recipient in recipients[position] where recipient != provider {
                    let key = UInt64(UInt32(provider.rawValue)) << 32 | UInt64(UInt32(recipient.rawValue))
                    edges[key, default: AggregatedEdge(from: provider, to: recipient, agreements: [], purposes: [])].agreements.append(agreement.id)
                    edges[key]?.purposes.formUnion(agreement.purposes.map { register[$0].id })
                }
            }
        }
        return edges.values.sorted { (register[$0.from].id, register[$0.to].id) < (register[$1.from].id, register[$1.to].id) }
    }

    /// Organisations that exist on the date, by id.
    func existingOrganisations() -> [OrganisationIndex] {
        register.organisationIndices.filter { exists[$0.position] }.sorted { register[$0].id < register[$1].id }
    }

    func coverageText(_ organisation: OrganisationIndex) -> String {
        register[organisation].coverage.isEverywhere ? "*" : register.areas(of: organisation).map { register[$0].id }.joined(separator: ";")
    }
}

/// Escaping for XML text and attribute values.
enum XMLText {
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\u{0}"..."\u{8}", "\u{B}", "\u{C}", "\u{E}"..."\u{1F}": continue  // not allowed in XML 1.0
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}

/// GraphML (Gephi, yEd, NetworkX): organisations as nodes, in-force sharing as directed edges.
public enum GraphMLExport {
    public static func graphML(_ network: SharingNetwork) -> String {
        let register = network.register
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
          <key id="name" for="node" attr.name="name" attr.type="string"/>
          <key id="kind" for="node" attr.name="kind" attr.type="string"/>
          <key id="coverage" for="node" attr.name="coverage" attr.type="string"/>
          <key id="agreements" for="edge" attr.name="agreements" attr.type="string"/>
          <key id="purposes" for="edge" attr.name="purposes" attr.type="string"/>
          <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
          <graph id="sharemap" edgedefault="directed">

        """
        for organisation in network.existingOrganisations() {
            let body = register[organisation]
            text += "    <node id=\"\(XMLText.escape(body.id))\"><data key=\"name\">\(XMLText.escape(body.name))</data><data key=\"kind\">\(body.kind.rawValue)</data><data key=\"coverage\">\(XMLText.escape(network.coverageText(organisation)))</data></node>\n"
        }
        for (number, edge) in network.aggregatedEdges().enumerated() {
            text += "    <edge id=\"e\(number)\" source=\"\(XMLText.escape(register[edge.from].id))\" target=\"\(XMLText.escape(register[edge.to].id))\"><data key=\"agreements\">\(XMLText.escape(edge.agreements.joined(separator: ";")))</data><data key=\"purposes\">\(XMLText.escape(edge.purposes.sorted().joined(separator: ";")))</data><data key=\"weight\">\(edge.agreements.count)</data></edge>\n"
        }
        return text + "  </graph>\n</graphml>\n"
    }
}

/// GEXF 1.3 (Gephi): the same nodes and edges as GraphML.
public enum GEXFExport {
    public static func gexf(_ network: SharingNetwork) -> String {
        let register = network.register
        var text = """
        <?xml version="1.0" encoding="UTF-8"?>
        <gexf xmlns="http://gexf.net/1.3" version="1.3">
          <meta><creator>sharemap</creator><description>Data-sharing agreements in force on \(network.date)</description></meta>
          <graph defaultedgetype="directed" mode="static">
            <attributes class="node">
              <attribute id="kind" title="kind" type="string"/>
              <attribute id="coverage" title="coverage" type="string"/>
            </attributes>
            <attributes class="edge">
              <attribute id="agreements" title="agreements" type="string"/>
              <attribute id="purposes" title="purposes" type="string"/>
            </attributes>
            <nodes>

        """
        for organisation in network.existingOrganisations() {
            let body = register[organisation]
            text += "      <node id=\"\(XMLText.escape(body.id))\" label=\"\(XMLText.escape(body.name))\"><attvalues><attvalue for=\"kind\" value=\"\(body.kind.rawValue)\"/><attvalue for=\"coverage\" value=\"\(XMLText.escape(network.coverageText(organisation)))\"/></attvalues></node>\n"
        }
        text += "    </nodes>\n    <edges>\n"
        for (number, edge) in network.aggregatedEdges().enumerated() {
            text += "      <edge id=\"\(number)\" source=\"\(XMLText.escape(register[edge.from].id))\" target=\"\(XMLText.escape(register[edge.to].id))\" weight=\"\(edge.agreements.count)\"><attvalues><attvalue for=\"agreements\" value=\"\(XMLText.escape(edge.agreements.joined(separator: ";")))\"/><attvalue for=\"purposes\" value=\"\(XMLText.escape(edge.purposes.sorted().joined(separator: ";")))\"/></attvalues></edge>\n"
        }
        return text + "    </edges>\n  </graph>\n</gexf>\n"
    }
}

/// Cypher statements that load the register into Neo4j: areas, organisations, agreements and parties as
/// MERGEd nodes and relationships, and the in-force network as SHARES_WITH relationships.
public enum CypherExport {
    /// A Cypher string literal: single quotes, with backslashes and quotes escaped.
    static func literal(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r") + "'"
    }

    public static func cypher(_ network: SharingNetwork) -> String {
        let register = network.register
        var lines = ["// sharemap register, sharing network in force on \(network.date)",
                     "CREATE CONSTRAINT organisation_id IF NOT EXISTS FOR (o:Organisation) REQUIRE o.id IS UNIQUE;",
                     "CREATE CONSTRAINT agreement_id IF NOT EXISTS FOR (a:Agreement) REQUIRE a.id IS UNIQUE;",
                     "CREATE CONSTRAINT area_id IF NOT EXISTS FOR (a:Area) REQUIRE a.id IS UNIQUE;"]
        for area in register.areas {
            lines.append("MERGE (a:Area {id: \(literal(area.id))}) SET a.name = \(literal(area.name)), a.lat = \(area.latitude), a.lon = \(area.longitude);")
        }
        for organisation in register.organisationIndices {
            let body = register[organisation]
            lines.append("MERGE (o:Organisation {id: \(literal(body.id))}) SET o.name = \(literal(body.name)), o.kind = \(literal(body.kind.rawValue)), o.exists = \(network.exists[organisation.position]);")
            for area in register.areas(of: organisation) {
                lines.append("MATCH (o:Organisation {id: \(literal(body.id))}), (a:Area {id: \(literal(register[area].id))}) MERGE (o)-[:COVERS]->(a);")
            }
        }
        for agreement in register.agreements {
            lines.append("MERGE (g:Agreement {id: \(literal(agreement.id))}) SET g.title = \(literal(agreement.title)), g.status = \(literal(agreement.status.rawValue)), g.onward_sharing = \(literal(agreement.onwardSharing.rawValue)), g.purposes = [\(agreement.purposes.map { literal(register[$0].id) }.joined(separator: ", "))], g.start = date(\(literal(agreement.start.description))), g.in_force = \(agreement.isInForce(on: network.date));")
            for party in agreement.parties {
                lines.append("MATCH (o:Organisation {id: \(literal(register[party.organisation].id))}), (g:Agreement {id: \(literal(agreement.id))}) MERGE (o)-[p:PARTY_TO]->(g) SET p.role = \(literal(party.role.rawValue)), p.signed = \(party.signed.map { "date(\(literal($0.description)))" } ?? "null");")
            }
        }
        for edge in network.aggregatedEdges() {
            lines.append("MATCH (a:Organisation {id: \(literal(register[edge.from].id))}), (b:Organisation {id: \(literal(register[edge.to].id))}) MERGE (a)-[s:SHARES_WITH]->(b) SET s.agreements = [\(edge.agreements.map(literal).joined(separator: ", "))], s.purposes = [\(edge.purposes.sorted().map(literal).joined(separator: ", "))];")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// Analysis results as CSV for spreadsheets.
public enum AnalysisCSV {
    public static func gaps(_ report: GapReport) -> String {
        var rows: [[String]] = report.partnershipGaps.map { ["partnership_gap", $0.partnership, $0.organisations.joined(separator: ";"), $0.areas.joined(separator: ";"), "", ""] }
        for (kind, list) in [("expired", report.expired), ("review_due", report.reviewDue), ("expiring", report.expiring), ("unsigned", report.unsigned), ("missing_dpia", report.missingDPIA)] {
            rows += list.map { [kind, $0.agreement, $0.organisations.joined(separator: ";"), "", $0.date?.description ?? "", $0.detail] }
        }
        rows += report.missingDPO.map { ["missing_dpo", "", $0, "", "", ""] }
        rows += report.isolated.map { ["isolated", "", $0, "", "", ""] }
        rows += report.novation.map { ["novation", $0.agreement, $0.party, "", $0.ended?.description ?? "", "successor: \($0.successor ?? "none")"] }
        return CSVText.table(header: ["finding", "partnership_or_agreement", "organisations", "areas", "date", "detail"], rows: rows)
    }

    public static func mismatches(_ result: BoundaryMismatch) -> String {
        CSVText.table(header: [result.kindA, result.kindB, "areas", "a_splits", "b_splits"], rows: result.cells.map { cell in
            [cell.a, cell.b, cell.areas.joined(separator: ";"),
             result.split.contains { $0.organisation == cell.a } ? "yes" : "no", result.split.contains { $0.organisation == cell.b } ? "yes" : "no"]
        })
    }

    public static func brokers(_ report: BrokerReport) -> String {
        CSVText.table(header: ["organisation", "name", "betweenness", "out_degree", "in_degree", "articulation_point_disconnects"], rows: report.top.map { row in
            [row.organisation, row.name, String(row.betweenness), String(row.outDegree), String(row.inDegree),
             report.articulationPoints.first { $0.organisation == row.organisation }.map { String($0.disconnects) } ?? ""]
        })
    }
}
