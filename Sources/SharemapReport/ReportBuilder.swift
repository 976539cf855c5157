import SharemapAnalysis
import SharemapGraphviz
import SharemapModel

/// Assembles the main report from a register on a date: headline numbers, the network, the boundary maps,
/// the gaps, the agreements to fix, missing contacts, brokers and (optionally) a project's readiness.
/// Everything is derived from the register and the date, in a stable order, so the same inputs give the
/// same report byte for byte.
public struct ReportBuilder: Sendable {
    public let network: SharingNetwork
    public let project: Project?
    public let renderer: Renderer

    public init(network: SharingNetwork, project: Project? = nil, renderer: Renderer = Renderer()) {
        self.network = network
        self.project = project
        self.renderer = renderer
    }

    /// A diagram for the report: its file name, SVG text and caption.
    public struct Diagram: Sendable {
        public let name: String
        public let svg: String
        public let caption: String
    }

    /// Builds the report and its diagrams. Throws when Graphviz fails.
    public func build() throws -> (document: ReportDocument, diagrams: [Diagram]) {
        let register = network.register
        let date = network.date
        let gaps = network.gaps()
        let brokers = network.brokers(top: 10)
        let name = { (id: String) in register.organisationIndex(id: id).map { register[$0].name } ?? id }
        let areaNames = { (ids: [String]) in ids.compactMap { register.areaIndex(id: $0) }.map { register[$0].name }.joined(separator: ", ") }
        var diagrams: [Diagram] = []
        // Figures are numbered in the order they appear.
        func figure(_ name: String, _ graph: Graph, layout: LayoutEngine, caption: String, alt: String, folded: Bool = false) throws -> ReportDocument.Block {
            let svg = try renderer.render(graph, layout: layout, format: .svg).text
            let numbered = "Figure \(diagrams.count + 1). \(caption)"
            diagrams.append(Diagram(name: name, svg: svg, caption: numbered))
            return .figure(.init(name: name, caption: numbered, altText: alt, svg: svg, folded: folded))
        }

        var sections: [ReportDocument.Section] = []
        let existing = register.organisations.filter { $0.exists(on: date) }.count
        let inForce = network.inForce.filter { $0 }.count
        sections.append(.init(id: "summary", title: "Summary", blocks: [
            .figures([
                ("Organisations existing", "\(existing)"), ("Agreements in force", "\(inForce)"),
                ("Partnership gaps (pairs)", "\(gaps.partnershipGaps.count)"), ("Due for review", "\(gaps.reviewDue.count)"),
                ("Active but expired", "\(gaps.expired.count)"), ("Need novation", "\(gaps.novation.count)"),
                ("No DPO contact", "\(gaps.missingDPO.count)"), ("No agreement in force", "\(gaps.isolated.count)"),
            ]),
            .paragraph("Every figure and table in this report is true on \(date). Agreements in the register are illustrative; organisations, areas and boundaries are real."),
        ]))

        // The overview aggregates to about thirty groups so that it is legible at page width; the network
        // of every organisation follows, folded away, for those who want to zoom in.
        let overview = OverviewView()
        sections.append(.init(id: "network", title: "Who shares with whom", blocks: [
            try figure("network-overview", overview.graph(of: register, on: date), layout: .neato,
                       caption: "Data-sharing agreements in force on \(date), aggregated: councils and NHS trusts grouped by integrated care board, command units drawn as the Met and delivery units as the probation region; line width shows how many agreements join two groups.",
                       alt: "Groups of London organisations joined by lines weighted by the agreements in force between them"),
            .table(.init(headers: ["Group", "Group", "Agreements in force"],
                         rows: overview.strongestLinks(of: register, on: date).map { [$0.first, $0.second, "\($0.agreements)"] },
                         emptyMessage: "No agreements in force.")),
            try figure("network", NetworkView(collapse: true).graph(of: register, on: date), layout: .sfdp,
                       caption: "Every organisation with an agreement in force on \(date); colour and shape show the kind of organisation; boxes are agreements with more than four parties; command units are drawn as the Met, trusts as their ICB and delivery units as the probation region.",
                       alt: "Every organisation and agreement in force (large; zoom in)", folded: true),
        ]))

        var boundaryBlocks: [ReportDocument.Block] = []
        for pair in [(OrganisationKind.policeBCU, OrganisationKind.nhsICB), (.probationPDU, .policeBCU)] {
            let mismatch = network.mismatches(pair.0, pair.1)
            let view = BoundariesView(pair.0, pair.1)
            boundaryBlocks.append(.subheading("\(BoundariesView.title(pair.0).capitalizedFirst) against \(BoundariesView.title(pair.1))"))
            boundaryBlocks.append(try figure("boundaries-\(pair.0.rawValue)-\(pair.1.rawValue)", view.graph(of: network), layout: .neato,
                                             caption: "\(BoundariesView.title(pair.0).capitalizedFirst) (fill) against \(BoundariesView.title(pair.1)) (outline) on \(date); coterminosity score \(mismatch.score).",
                                             alt: "Map of London's 33 areas coloured by \(BoundariesView.title(pair.0)) and outlined by \(BoundariesView.title(pair.1))"))
            boundaryBlocks.append(.table(.init(headers: ["Organisation", "Straddles"], rows: mismatch.split.map { [name($0.organisation), $0.across.map(name).joined(separator: "; ")] },
                                               emptyMessage: "No organisation straddles the other kind.")))
        }
        sections.append(.init(id: "boundaries", title: "Where boundaries do not line up", blocks: boundaryBlocks))

        var gapFigures: [ReportDocument.Block] = []
        for (number, partnership) in register.partnerships.enumerated() {
            let index = PartnershipIndex(number)
            gapFigures.append(try figure("gaps-\(partnership.id)", GapsView(partnership: index).graph(of: network), layout: .dot,
                                         caption: "\(partnership.name): member pairs with no agreement in force for its purposes on \(date) (red dashed).",
                                         alt: "\(partnership.name) members and the pairs that do not share"))
        }
        sections.append(.init(id: "gaps", title: "Gaps in statutory partnerships", blocks: gapFigures + [
            .paragraph("Pairs of partnership members in an area with no agreement in force covering one of the partnership's purposes."),
            .table(.init(headers: ["Partnership", "Organisations", "Areas"], rows: gaps.partnershipGaps.map {
                [$0.partnership, $0.organisations.map(name).joined(separator: " + "), areaNames($0.areas)]
            }, emptyMessage: "No partnership gaps.")),
        ]))

        func findings(_ list: [GapReport.AgreementFinding]) -> ReportDocument.Block {
            .table(.init(headers: ["Agreement", "Date", "Detail"], rows: list.map {
                [$0.agreement, $0.date?.description ?? "", $0.detail + ($0.organisations.isEmpty ? "" : ": " + $0.organisations.map(name).joined(separator: ", "))]
            }, emptyMessage: "None."))
        }
        sections.append(.init(id: "agreements", title: "Agreements to fix", blocks: [
            .subheading("Marked active but expired"), findings(gaps.expired),
            .subheading("Due for review"), findings(gaps.reviewDue),
            .subheading("Expiring within \(gaps.within) days"), findings(gaps.expiring),
            .subheading("Active with unsigned parties"), findings(gaps.unsigned),
            .subheading("Special category data without a DPIA"), findings(gaps.missingDPIA),
            .subheading("Naming an organisation that no longer exists"),
            .table(.init(headers: ["Agreement", "Party", "Ended", "Must re-sign or novate"], rows: gaps.novation.map {
                [$0.agreement, name($0.party), $0.ended?.description ?? "", $0.successor.map { name($0) + ($0.isEmpty ? "" : "") } ?? "no successor recorded"]
            }, emptyMessage: "None.")),
        ]))

        sections.append(.init(id: "contacts", title: "Missing contacts and isolated organisations", blocks: [
            .subheading("No DPO contact"), .list(gaps.missingDPO.map(name)),
            .subheading("No agreement in force"), .list(gaps.isolated.map(name)),
        ]))

        sections.append(.init(id: "brokers", title: "Brokers", blocks: [
            .paragraph("Betweenness: the share of shortest sharing routes between other organisations that pass through each one (\(brokers.exact ? "exact" : "estimated")). Articulation points: organisations whose loss would cut others off."),
            .table(.init(headers: ["Organisation", "Betweenness", "Sends to", "Receives from"], rows: brokers.top.map {
                [$0.name, String(format: "%.4f", $0.betweenness), "\($0.outDegree)", "\($0.inDegree)"]
            })),
            .table(.init(headers: ["Articulation point", "Would cut off"], rows: brokers.articulationPoints.map { [name($0.organisation), "\($0.disconnects)"] },
                         emptyMessage: "No single organisation's loss would cut others off.")),
        ]))

        if let project {
            let review = network.review(project)
            sections.append(.init(id: "project", title: "Project readiness: \(review.name)", blocks: [
                .paragraph(review.readiness),
                try figure("project-\(review.project)", ProjectView(review).graph(of: register), layout: .neato,
                           caption: "\(review.name) on \(date): members with their DPO and IG contacts, agreements in force to reuse, and pairs still to agree (red dashed).",
                           alt: "The project's members, agreements to reuse and gaps"),
                .table(.init(headers: ["Member", "Why", "DPO", "IG lead"], rows: review.members.map {
                    [$0.name, $0.reason == "named" ? "named in the brief" : "a \($0.kind) in the area", $0.dpo?.email ?? "MISSING", $0.igLead?.email ?? "MISSING"]
                })),
                .subheading("Agreements in force to reuse"),
                .table(.init(headers: ["Agreement", "Members", "All categories"], rows: review.reuse.map {
                    [$0.agreement, $0.members.map(name).joined(separator: ", "), $0.coversAllCategories ? "yes" : "no"]
                }, emptyMessage: "None.")),
                .subheading("Member pairs to agree"),
                .table(.init(headers: ["Organisations"], rows: review.gaps.map { [$0.map(name).joined(separator: " + ")] }, emptyMessage: "None.")),
                .paragraph("DPIA: " + review.dpiaReason),
            ]))
        }

        let document = ReportDocument(title: "Data sharing across London's public sector", subtitle: "Register analysis true on \(date). Generated by sharemap.", sections: sections)
        return (document, diagrams)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

import Foundation
