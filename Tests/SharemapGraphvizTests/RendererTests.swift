import Foundation
import FoundationXML
import Testing
@testable import SharemapGraphviz

/// Golden DOT files live in `Golden/`; `RECORD_SNAPSHOTS=1 swift test` rewrites them (review the diff).
func matchesGolden(_ text: String, named name: String) throws -> Bool {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/\(name)")
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

/// The SVG's nodes and edges as Graphviz writes them: `<g class="node">` with a `<title>`.
struct SVGSummary {
    var nodeTitles: [String] = []
    var edgeTitles: [String] = []
    var texts: [String] = []
    var links: [String] = []
    var ids: [String] = []

    init(_ svg: String) throws {
        let document = try XMLDocument(xmlString: svg, options: [])
        // FoundationXML on Linux does not find attributes by name under SVG's default namespace.
        func attribute(_ element: XMLElement, _ name: String) -> String? {
            element.attributes?.first { $0.name == name }?.stringValue
        }
        func walk(_ element: XMLElement) {
            let kind = attribute(element, "class")
            if element.name == "g", kind == "node" || kind == "edge",
               let title = element.elements(forName: "title").first?.stringValue {
                if kind == "node" { nodeTitles.append(title) } else { edgeTitles.append(title) }
            }
            if element.name == "text", let text = element.stringValue { texts.append(text) }
            if element.name == "a", let href = attribute(element, "xlink:href") { links.append(href) }
            if let id = attribute(element, "id") { ids.append(id) }
            for child in element.children ?? [] { if let child = child as? XMLElement { walk(child) } }
        }
        if let root = document.rootElement() { walk(root) }
    }
}

@Suite struct RendererTests {
    let renderer = Renderer()

    /// Two clusters, typed node and edge attributes, a caption.
    static var clusterGraph: Graph {
        var graph = Graph(name: "sharing")
        graph.label = "Agreements in force on 2026-11-24"
        graph.rankDirection = .leftToRight
        graph.nodeDefaults.fontName = "Helvetica"
        graph.nodeDefaults.style = [.filled]
        var councils = Subgraph(name: "councils", label: "Councils")
        councils.nodes = [Node("lb-camden", label: .text("Camden Council"), shape: .box, fillColor: "#E69F00")]
        var police = Subgraph(name: "police", label: "Police")
        police.nodes = [Node("mps-bcu-cn", label: .text("Central North BCU"), shape: .octagon, fillColor: "#CC79A7")]
        graph.subgraphs = [councils, police]
        graph.nodes = [Node("icb-wnl", label: .text("West and North London ICB"), shape: .hexagon, fillColor: "#0072B2", fontColor: .white)]
        graph.edges = [
            Edge(from: "lb-camden", to: "mps-bcu-cn", label: "camden-safeguarding", color: "#333333", penWidth: 2),
            Edge(from: "icb-wnl", to: "lb-camden", label: "discharge", style: [.dashed], tooltip: "review due"),
        ]
        return graph
    }

    @Test func clusterGraphDOTMatchesGolden() throws {
        let dot = try renderer.render(Self.clusterGraph, format: .dotUnlaidOut).text
        #expect(try matchesGolden(dot, named: "clusters.dot"))
    }

    @Test func pinnedPositionsForNeato() throws {
        var graph = Graph(name: "map", directed: false)
        graph.nodes = [
            Node("E09000007", label: .text("Camden"), position: Position(x: 4.25, y: 6.5)),
            Node("E09000019", label: .text("Islington"), position: Position(x: 5.1, y: 6.4)),
        ]
        graph.edges = [Edge(from: "E09000007", to: "E09000019")]
        graph.edges[0].direction = "none"
        #expect(try matchesGolden(try renderer.render(graph, format: .dotUnlaidOut).text, named: "pinned.dot"))
        // neato keeps pinned nodes where they were put relative to each other (it translates the whole
        // drawing to the origin): 0.85in = 61.2pt apart across, 0.1in = 7.2pt down.
        let laidOut = try renderer.render(graph, layout: .neato, format: .dot).text
        let positions = laidOut.split(separator: "\n").compactMap { line -> (Double, Double)? in
            guard let start = line.range(of: "pos=\"") else { return nil }
            let value = line[start.upperBound...].prefix { $0 != "\"" }.replacingOccurrences(of: "!", with: "")
            guard !value.contains(" ") else { return nil }  // an edge's spline, not a node's position
            let parts = value.split(separator: ",").compactMap { Double($0) }
            return parts.count == 2 ? (parts[0], parts[1]) : nil
        }
        #expect(positions.count == 2)
        if positions.count == 2 {
            #expect(abs((positions[1].0 - positions[0].0) - 61.2) < 0.1)
            #expect(abs((positions[0].1 - positions[1].1) - 7.2) < 0.1)
        }
    }

    @Test func htmlLegendEscapesItsText() throws {
        var graph = Graph(name: "legend")
        var legend = Node("legend", shape: .plaintext)
        legend.label = .html(.table([
            [HTMLLabel.Cell("Legend", bold: true, columnSpan: 2)],
            [HTMLLabel.Cell("Councils & <boroughs>", swatch: "#E69F00")],
        ]))
        graph.nodes = [legend]
        let dot = try renderer.render(graph, format: .dotUnlaidOut).text
        #expect(try matchesGolden(dot, named: "legend.dot"))
        #expect(dot.contains("Councils &amp; &lt;boroughs&gt;"))
        let svg = try SVGSummary(try renderer.render(graph, format: .svg).text)
        #expect(svg.texts.contains("Councils & <boroughs>"))
    }

    @Test func svgCarriesNodesEdgesLinksTooltipsAndIDs() throws {
        var graph = Self.clusterGraph
        graph.nodes[0].url = "#org-icb-wnl"
        graph.nodes[0].htmlID = "node-icb-wnl"
        let svg = try SVGSummary(try renderer.render(graph, format: .svg).text)
        #expect(svg.nodeTitles.sorted() == ["icb-wnl", "lb-camden", "mps-bcu-cn"])
        #expect(svg.edgeTitles.count == 2)
        #expect(svg.links.contains("#org-icb-wnl"))
        #expect(svg.ids.contains("node-icb-wnl"))
        #expect(svg.texts.contains("West and North London ICB"))
    }

    @Test func pngAndPDFHaveTheirSignatures() throws {
        let png = try renderer.render(Self.clusterGraph, format: .png).bytes
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 2_000)
        let pdf = try renderer.render(Self.clusterGraph, format: .pdf).bytes
        #expect(pdf.starts(with: Array("%PDF".utf8)))
        #expect(pdf.count > 2_000)
    }

    /// Hostile and unusual names become exactly the intended nodes and edges, shown literally.
    @Test func userTextCannotChangeTheGraphOrInjectMarkup() throws {
        let names = [
            #"Foo" -> bar [URL="javascript:alert(1)"]"#,
            "a < b & c > d \"quoted\"",
            "two\nlines",
            #"back\slash \N \G \L \E"#,
            "Hammersmith & Fulham",
            "Bromley-by-Bow",
            "Ealing – Hanwell",
            "Zürich </text><script>x</script>",
        ]
        var graph = Graph(name: "hostile")
        graph.nodes = names.enumerated().map { Node("n\($0.offset)", label: .text($0.element), tooltip: $0.element) }
        graph.nodes.append(Node(names[0], label: .text("identity is a name too")))
        graph.edges = [Edge(from: "n0", to: "n1", label: names[0]), Edge(from: names[0], to: "n2")]
        let text = try renderer.render(graph, format: .svg).text
        let svg = try SVGSummary(text)
        #expect(svg.nodeTitles.count == names.count + 1)
        #expect(svg.nodeTitles.contains(names[0]))
        #expect(svg.edgeTitles.count == 2)
        #expect(!text.contains("javascript:") || !svg.links.contains { $0.hasPrefix("javascript") })
        #expect(svg.links.isEmpty)
        #expect(!text.contains("<script>"))
        for name in names where !name.contains("\n") {
            #expect(svg.texts.contains(name), "label \(name) is shown literally")
        }
        #expect(svg.texts.contains("two") && svg.texts.contains("lines"))
    }

    @Test(arguments: LayoutEngine.allCases)
    func everyLayoutEngineRenders(_ engine: LayoutEngine) throws {
        let svg = try SVGSummary(try renderer.render(Self.clusterGraph, layout: engine, format: .svg).text)
        #expect(svg.nodeTitles.count == 3)
    }

    @Test func unknownLayoutOrFormatIsAClearError() throws {
        #expect(throws: GraphvizError.self) {
            try renderer.render(Self.clusterGraph, layoutEngineName: "nonesuch", formatName: "svg")
        }
        do {
            _ = try renderer.render(Self.clusterGraph, layoutEngineName: "dot", formatName: "nonesuch")
            Issue.record("expected an error")
        } catch let error as GraphvizError {
            #expect(error.description.contains("nonesuch"))
        }
        // The failure does not poison the next job.
        #expect(try renderer.render(Self.clusterGraph, format: .svg).bytes.count > 100)
    }

    @Test func rendersFromManyTasksAtOnce() async throws {
        let shared = renderer
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for index in 0..<32 {
                group.addTask {
                    var graph = RendererTests.clusterGraph
                    graph.nodes.append(Node("extra-\(index)"))
                    let engine: LayoutEngine = index % 2 == 0 ? .dot : .neato
                    return try SVGSummary(try shared.render(graph, layout: engine, format: .svg).text).nodeTitles.count
                }
            }
            var counts: [Int] = []
            for try await count in group { counts.append(count) }
            return counts
        }
        #expect(counts == Array(repeating: 4, count: 32))
    }
}
