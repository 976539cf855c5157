import Foundation
import FoundationXML
import Testing
import SharemapAnalysis
import SharemapData
import SharemapGraphviz
import SharemapModel
@testable import SharemapReport

/// The main report on the London register: its sections, well-formed inline SVG, and determinism.
@Suite struct ReportTests {
    static func build(project: Bool = true) throws -> (ReportDocument, [ReportBuilder.Diagram]) {
        let register = try Fixture.london()
        let brief = project ? register.projects.first { $0.id == "camden-discharge-to-assess" } : nil
        return try ReportBuilder(network: SharingNetwork(register: register, on: Fixture.day), project: brief).build()
    }

    @Test func htmlHasEverySectionAndWellFormedInlineSVG() throws {
        let (document, diagrams) = try Self.build()
        let html = HTMLReportWriter.html(document)
        for id in ["summary", "network", "boundaries", "gaps", "agreements", "contacts", "brokers", "project"] {
            #expect(html.contains("<section id=\"\(id)\""), "section \(id)")
        }
        #expect(diagrams.map(\.name) == ["network-overview", "network", "boundaries-police_bcu-nhs_icb", "boundaries-probation_pdu-police_bcu",
                                         "gaps-local-safeguarding-children", "gaps-safeguarding-adults-board",
                                         "gaps-community-safety-partnership", "gaps-youth-offending-team", "project-camden-discharge-to-assess"])
        // Each inline SVG parses as XML on its own, and every figure has a caption with the date.
        var rest = html[...]
        var count = 0
        while let start = rest.range(of: "<svg"), let end = rest.range(of: "</svg>", range: start.upperBound..<rest.endIndex) {
            _ = try XMLDocument(xmlString: String(rest[start.lowerBound..<end.upperBound]), options: [])
            count += 1
            rest = rest[end.upperBound...]
        }
        #expect(count == 9)
        let captions = html.components(separatedBy: "<figcaption>").dropFirst().map { $0.components(separatedBy: "</figcaption>")[0] }
        #expect(captions.count == 9)
        #expect(captions.allSatisfy { $0.contains("2026-11-24") })
        // Figures are numbered in order; the network of every organisation is folded away behind the overview.
        #expect(captions.enumerated().allSatisfy { $0.element.hasPrefix("Figure \($0.offset + 1). ") })
        let folded = try #require(html.range(of: "<details>"))
        #expect(html[folded.upperBound...].hasPrefix("\n<summary>Figure 2: Every organisation"))
        #expect(html.components(separatedBy: "<details>").count == 2)
        #expect(!html.contains("<script"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"))
    }

    /// The boundary map pins every area at its centroid, and marks the cut areas (Barnet, Brent and Harrow
    /// are in the North West BCU, which straddles two ICBs before April 2026).
    @Test func boundaryMapMarksCutAreas() throws {
        let register = try Fixture.london()
        let graph = BoundariesView(.policeBCU, .nhsICB).graph(of: SharingNetwork(register: register, on: Day(iso: "2025-06-01")!))
        let areas = graph.nodes.filter { $0.id.hasPrefix("E09") }
        #expect(areas.count == 33)
        #expect(areas.allSatisfy { $0.position?.pinned == true })
        let cut = Set(areas.filter { $0.style.contains(.dashed) }.map(\.id))
        for barnetBrentHarrow in ["E09000003", "E09000005", "E09000015"] { #expect(cut.contains(barnetBrentHarrow)) }
        let after = BoundariesView(.policeBCU, .nhsICB).graph(of: SharingNetwork(register: register, on: Fixture.day))
        #expect(!Set(after.nodes.filter { $0.style.contains(.dashed) }.map(\.id)).contains("E09000003"))
    }

    /// Nudging apart leaves no two boxes overlapping and leaves a box that overlapped nothing where it was.
    @Test func separatedBoxesDoNotOverlap() {
        let points: [(x: Double, y: Double)] = [(0, 0), (0.1, 0), (0.1, 0.05), (0.05, 0.3), (5, 5)]
        let moved = MapProjection.separated(points, size: (width: 1, height: 0.5))
        for i in moved.indices {
            for j in moved.indices where j > i {
                let apart = abs(moved[i].x - moved[j].x) >= 1.06 - 1e-6 || abs(moved[i].y - moved[j].y) >= 0.56 - 1e-6
                #expect(apart, "boxes \(i) and \(j) overlap")
            }
        }
        #expect(moved[4].x == 5 && moved[4].y == 5)
    }

    /// On London's map every area names its command unit, no two area boxes overlap, the four ICBs have
    /// four outline colours, and no outline colour is also a fill colour.
    @Test func londonBoundaryMapIsLegible() throws {
        let register = try Fixture.london()
        let graph = BoundariesView(.policeBCU, .nhsICB).graph(of: SharemapAnalysis.SharingNetwork(register: register, on: Fixture.day))
        let areas = graph.nodes.filter { $0.id.hasPrefix("E09") }
        let camden = try #require(areas.first { $0.id == "E09000007" })
        guard case .html(let label) = camden.label else { Issue.record("Camden's label is not HTML"); return }
        #expect(label.markup.contains("<B>Camden</B>") && label.markup.contains("Central North BCU"))
        for (i, a) in areas.enumerated() {
            for b in areas[(i + 1)...] {
                let (pa, pb) = (try #require(a.position), try #require(b.position))
                let apart = abs(pa.x - pb.x) >= (a.width ?? 0) - 1e-6 || abs(pa.y - pb.y) >= (a.height ?? 0) - 1e-6
                #expect(apart, "\(a.id) and \(b.id) overlap")
            }
        }
        let outlines = Set(areas.compactMap(\.color).map(\.description)), fills = Set(areas.compactMap(\.fillColor).map(\.description))
        #expect(outlines.count == 4)
        #expect(outlines.isDisjoint(with: fills))
    }
}
