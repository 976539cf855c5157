import Foundation
import Testing
import SharemapAnalysis
import SharemapGraphviz
import SharemapModel
@testable import SharemapReport

/// Golden DOT for each focused view on the minimal fixture (reviewed by eye), plus what each must show.
@Suite struct FocusedViewTests {
    func dot(_ graph: Graph) throws -> String {
        try Renderer().render(graph, format: .dotUnlaidOut).text
    }

    /// Camden Council is party to one agreement (with the Central North BCU), in force, review due 2027.
    @Test func egoView() throws {
        let register = try Fixture.minimal()
        let graph = EgoView(organisation: register.organisationIndex(id: "lb-camden")!).graph(of: register, on: Fixture.day)
        #expect(try matchesGolden(try dot(graph), named: "ego-minimal.dot"))
        #expect(graph.nodes.map(\.id).sorted() == ["agreement:camden-safeguarding", "lb-camden", "legend", "mps-bcu-cn"])
    }

    /// Camden Council -> Central North BCU is a one-hop lawful path for safeguarding children.
    @Test func pathView() throws {
        let register = try Fixture.minimal()
        let network = SharingNetwork(register: register, on: Fixture.day)
        let result = network.lawfulPath(from: register.organisationIndex(id: "lb-camden")!, to: register.organisationIndex(id: "mps-bcu-cn")!,
                                        purpose: register.purposeIndex(id: "safeguarding_children"))
        let graph = PathView(result).graph(of: register)
        #expect(try matchesGolden(try dot(graph), named: "path-minimal.dot"))
        #expect(graph.edges.map(\.label) == ["camden-safeguarding"])
    }

    /// On 2026-11-24 the safeguarding partnership's members in Camden and Islington are the councils, the
    /// BCU and the new ICB; only Camden Council and the BCU share (camden-safeguarding).
    @Test func gapsView() throws {
        let register = try Fixture.minimal()
        let graph = GapsView(partnership: PartnershipIndex(0)).graph(of: SharingNetwork(register: register, on: Fixture.day))
        #expect(try matchesGolden(try dot(graph), named: "gaps-minimal.dot"))
        let gapEdges = graph.edges.filter { $0.style.contains(.dashed) }.map { "\($0.from)--\($0.to)" }
        #expect(gapEdges == ["icb-new--lb-camden", "icb-new--lb-islington", "lb-islington--mps-bcu-cn", "icb-new--mps-bcu-cn"])
    }

    @Test func projectView() throws {
        let register = try Fixture.minimal()
        let review = SharingNetwork(register: register, on: Fixture.day).review(register.projects[0])
        let graph = ProjectView(review).graph(of: register)
        #expect(try matchesGolden(try dot(graph), named: "project-minimal.dot"))
        // The new ICB has a DPO and IG lead in the fixture; the BCU has neither: outlined red.
        #expect(graph.nodes.first { $0.id == "mps-bcu-cn" }?.color == Color(Palette.Status.gap))
    }
}
