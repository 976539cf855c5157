import Foundation
import Testing
import SharemapData
import SharemapGraphviz
import SharemapModel
@testable import SharemapReport

/// The repository root and the small fixture register the data tests use.
enum Fixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let day = Day(iso: "2026-11-24")!

    static func minimal() throws -> Register {
        let outcome = RegisterLoader(today: day).load(directory: repository.appendingPathComponent("Tests/SharemapDataTests/Fixtures/minimal").path)
        return try #require(outcome.register)
    }

    static func london() throws -> Register {
        let outcome = RegisterLoader(today: day).load(directory: repository.appendingPathComponent("Data").path)
        return try #require(outcome.register)
    }
}

/// Golden DOT files in `Golden/`; `RECORD_SNAPSHOTS=1` rewrites them (review the diff before committing).
func matchesGolden(_ text: String, named name: String) throws -> Bool {
    let url = Fixture.repository.appendingPathComponent("Tests/SharemapReportTests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try Data(text.utf8).write(to: url)
        return true
    }
    guard let golden = FileManager.default.contents(atPath: url.path) else { return false }
    let matches = String(decoding: golden, as: UTF8.self) == text
    if !matches {
        // Keep what was produced beside the golden's name in the temporary folder, for diffing.
        try? Data(text.utf8).write(to: FileManager.default.temporaryDirectory.appendingPathComponent("actual-\(name)"))
    }
    return matches
}

@Suite struct NetworkViewTests {
    /// On 2026-11-24 the fixture has two agreements in force: Camden Council -> Central North BCU, and the
    /// health agreement whose provider (the old ICB) no longer exists, leaving only Islington: so one edge.
    @Test func minimalNetworkDOTMatchesGolden() throws {
        let graph = NetworkView().graph(of: try Fixture.minimal(), on: Fixture.day)
        let dot = try Renderer().render(graph, format: .dotUnlaidOut).text
        #expect(try matchesGolden(dot, named: "network-minimal.dot"))
        #expect(graph.edges.map { "\($0.from)--\($0.to)" } == ["lb-camden--mps-bcu-cn"])
    }

    /// Before the ICB merger the health agreement is in force with both parties existing: two edges.
    @Test func theNetworkDependsOnTheDate() throws {
        let graph = NetworkView().graph(of: try Fixture.minimal(), on: Day(iso: "2025-06-01")!)
        #expect(graph.edges.map { "\($0.from)--\($0.to)" }.sorted() == ["lb-camden--mps-bcu-cn", "lb-islington--icb-old"])
    }

    /// The overview on 2025-06-01: Camden and Islington are one council group (both within the old ICB's
    /// footprint), the command unit is drawn as the Met, and the two agreements become two lines.
    @Test func overviewDOTMatchesGolden() throws {
        let graph = OverviewView().graph(of: try Fixture.minimal(), on: Day(iso: "2025-06-01")!)
        let dot = try Renderer().render(graph, format: .dotUnlaidOut).text
        #expect(try matchesGolden(dot, named: "overview-minimal.dot"))
        #expect(graph.edges.map { "\($0.from)--\($0.to)" }.sorted() == ["council@icb-old--icb-old", "council@icb-old--mps"])
        #expect(graph.nodes.first { $0.id == "council@icb-old" }?.label == .text("Councils,\nOld ICB (2)"))
        #expect(graph.nodes.first { $0.id == "icb-old" }?.label == .text("Old ICB"))
        #expect(graph.nodes.first { $0.id == "mps" }?.label == .text("Metropolitan\nPolice Service\nwith 1 unit"))
    }

    /// On London's register the 33 councils fall into one group per ICB (four since April 2026), the Met
    /// carries its 12 command units, and every group is pinned at its own place on the grid.
    @Test func overviewOfLondonGroupsCouncilsByICB() throws {
        let register = try Fixture.london()
        let groups = OverviewView.groups(in: register, on: Fixture.day)
        let councilGroups = Set(groups.values.filter { $0.kind == .council })
        #expect(councilGroups.count == 4)
        #expect(councilGroups.map(\.size).reduce(0, +) == 33)
        // Trusts go with their ICB; the Royal Marsden, which has no ICB in the register, stands on its own.
        let trustGroups = Set(groups.values.filter { $0.kind == .nhsTrust })
        #expect(trustGroups.filter { $0.icb == nil }.map(\.id) == ["royal-marsden"])
        #expect(trustGroups.filter { $0.icb != nil }.map(\.size).reduce(0, +) == 30)
        let graph = OverviewView().graph(of: register, on: Fixture.day)
        #expect(graph.nodes.count <= 31)
        #expect(graph.nodes.allSatisfy { $0.position?.pinned == true })
        let places = graph.nodes.compactMap(\.position).map { "\($0.x),\($0.y)" }
        #expect(Set(places).count == places.count)
        #expect(graph.nodes.contains { $0.label == .text("Metropolitan\nPolice Service\nwith 12 units") })
        let links = OverviewView().strongestLinks(of: register, on: Fixture.day)
        #expect(links.count == 10)
        #expect(zip(links, links.dropFirst()).allSatisfy { $0.agreements >= $1.agreements })
    }

    /// Grouping by ICB: in the fixture every body lies within the new ICB's footprint, so one cluster
    /// named after it holds them all.
    @Test func groupingByICBClustersByFootprint() throws {
        let graph = NetworkView(grouping: .icb).graph(of: try Fixture.minimal(), on: Fixture.day)
        #expect(graph.subgraphs.map(\.name) == ["icb_icbnew"])
        #expect(graph.subgraphs.first?.label == "New ICB")
        #expect(graph.subgraphs.first?.nodes.map(\.id) == ["lb-camden", "mps-bcu-cn"])
    }

    /// Collapsing draws command units as their force: the Camden agreement becomes Camden -- the Met.
    @Test func collapseDrawsUnitsAsTheirParent() throws {
        let graph = NetworkView(collapse: true).graph(of: try Fixture.minimal(), on: Fixture.day)
        #expect(graph.edges.map { "\($0.from)--\($0.to)" } == ["lb-camden--mps"])
        #expect(graph.label?.contains("Command units are drawn as their force") == true)
    }

    /// The London network renders to SVG in process with one node per drawn organisation and a legend.
    @Test func londonNetworkRendersWithLegend() throws {
        let graph = NetworkView().graph(of: try Fixture.london(), on: Fixture.day)
        let svg = try Renderer().render(graph, layout: .sfdp, format: .svg).text
        #expect(svg.contains("<title>legend</title>"))
        #expect(svg.contains("Organisation kind (shape)"))
        #expect(svg.contains("xlink:href=\"#org-lb-camden\""))
    }
}

@Suite struct ReportWriterTests {
    static let document = ReportDocument(title: "London <data> sharing", subtitle: "True on 2026-11-24", sections: [
        .init(id: "summary", title: "Summary", blocks: [
            .figures([("Agreements in force", "81"), ("Gaps", "12")]),
            .paragraph("Camden & Islington share <lots>."),
            .table(.init(headers: ["Agreement", "Parties"], rows: [["csp-camden", "lb-camden; mps-bcu-cn"]])),
            .table(.init(headers: ["Gap"], rows: [], emptyMessage: "No gaps.")),
            .figure(.init(name: "network", caption: "The network", altText: "A network", svg: "<?xml version=\"1.0\"?>\n<!DOCTYPE svg>\n<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>\n")),
        ]),
    ])

    @Test func htmlEscapesTextAndInlinesSVGWithoutItsProlog() {
        let html = HTMLReportWriter.html(Self.document)
        #expect(html.contains("<title>London &lt;data&gt; sharing</title>"))
        #expect(html.contains("<p>Camden &amp; Islington share &lt;lots&gt;.</p>"))
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>"))
        #expect(!html.contains("<?xml"))
        #expect(!html.contains("<script"))
        #expect(html.contains("<p class=\"empty\">No gaps.</p>"))
    }

    @Test func markdownHasTheSameContentAndLinksFigures() {
        let markdown = MarkdownReportWriter.markdown(Self.document)
        #expect(markdown.hasPrefix("# London \\<data\\> sharing\n"))
        #expect(markdown.contains("| csp-camden | lb-camden; mps-bcu-cn |"))
        #expect(markdown.contains("![A network](network.svg)"))
        #expect(markdown.contains("_No gaps._"))
    }
}
