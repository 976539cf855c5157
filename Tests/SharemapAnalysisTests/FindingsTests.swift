import Foundation
import Testing
import SharemapData
import SharemapModel
@testable import SharemapAnalysis

/// Gaps, mismatches, project reviews, brokers and search on small registers worked out by hand.
@Suite struct GapTests {
    static let today = FixtureBuilder.day("2026-11-24")

    /// Two areas. In A1: council c1, BCU b1, ICB i1. In CITY: the City council c2, no BCU, the City police
    /// force p2 (explicit coverage) and a London-wide force btp (`*`), which must not count. i1 covers both.
    static func partnershipFixture() -> FixtureBuilder {
        var f = FixtureBuilder()
        f.addArea("A1", "Borough"); f.addArea("CITY", "City")
        f.addOrganisation("c1", .council, areas: ["A1"])
        f.addOrganisation("c2", .council, areas: ["CITY"])
        f.addOrganisation("b1", .policeBCU, areas: ["A1"])
        f.addOrganisation("p2", .policeForce, areas: ["CITY"])
        f.addOrganisation("btp", .policeForce)
        f.addOrganisation("i1", .nhsICB, areas: ["A1", "CITY"], dpo: false)
        f.partnerships = [Partnership(id: "lscp", name: "LSCP", statute: "Children Act 2004", purposes: [f.purpose("safeguarding_children")],
                                      memberSlots: [MemberSlot(kinds: [.council]), MemberSlot(kinds: [.policeBCU, .policeForce]), MemberSlot(kinds: [.nhsICB])])]
        // c1, b1 and i1 share for safeguarding (a broader purpose covers the partnership's): no gap among them.
        f.addAgreement("a1-safeguarding", ["c1", "b1", "i1"], purposes: ["safeguarding"])
        // In the City only the council and its police share.
        f.addAgreement("city-police", ["c2", "p2"], purposes: ["safeguarding_children"])
        return f
    }

    @Test func slotFallbackGivesTheCityItsOwnPoliceAndNotBTP() {
        let f = Self.partnershipFixture()
        let network = SharingNetwork(register: f.build(), on: Self.today)
        let partnership = f.build().partnerships[0]
        #expect(network.partnershipMembers(partnership, in: f.area("CITY")).map { f.organisations[$0.position].id } == ["c2", "i1", "p2"])
        #expect(network.partnershipMembers(partnership, in: f.area("A1")).map { f.organisations[$0.position].id } == ["b1", "c1", "i1"])
    }

    /// Gaps: in the City, i1 shares with neither c2 nor p2. Nothing is missing in A1.
    @Test func partnershipGapsAreReportedOncePerPairWithAreas() {
        let report = SharingNetwork(register: Self.partnershipFixture().build(), on: Self.today).gaps()
        #expect(report.partnershipGaps == [
            .init(partnership: "lscp", organisations: ["c2", "i1"], areas: ["CITY"]),
            .init(partnership: "lscp", organisations: ["i1", "p2"], areas: ["CITY"]),
        ])
        #expect(report.missingDPO == ["i1"])
        #expect(report.isolated == ["btp"])
    }

    /// One agreement of each housekeeping kind, on 2026-11-24.
    @Test func everyHousekeepingFindingIsReported() {
        var f = FixtureBuilder()
        f.addOrganisation("a"); f.addOrganisation("b")
        f.addOrganisation("old", .nhsICB, end: "2026-03-31", successor: "new")
        f.addOrganisation("new", .nhsICB, start: "2026-04-01")
        f.addAgreement("expired-active", ["a", "b"], expires: "2026-01-31")
        f.addAgreement("review-due", ["a", "b"], review: "2026-11-23")
        f.addAgreement("expiring", ["a", "b"], expires: "2027-02-22")       // 90 days ahead: included
        f.addAgreement("expiring-later", ["a", "b"], expires: "2027-02-23") // 91 days: not
        f.addAgreement("unsigned", ["a", "b?"])
        f.addAgreement("no-dpia", ["a", "b"], categories: ["mental_health"], status: .draft, dpia: .notRequired)
        f.addAgreement("dpia-done", ["a", "b"], categories: ["health"], dpia: .yes)
        f.addAgreement("not-novated", ["old", "a"])
        let report = SharingNetwork(register: f.build(), on: Self.today).gaps(within: 90)
        #expect(report.expired.map(\.agreement) == ["expired-active"])
        #expect(report.reviewDue.map(\.agreement) == ["review-due"])
        #expect(report.expiring.map(\.agreement) == ["expiring"])
        #expect(report.unsigned.map(\.agreement) == ["unsigned"])
        #expect(report.unsigned.first?.organisations == ["b"])
        #expect(report.missingDPIA.map(\.agreement) == ["no-dpia"])
        #expect(report.novation == [.init(agreement: "not-novated", party: "old", ended: FixtureBuilder.day("2026-03-31"), successor: "new", successorIsParty: false)])
        #expect(report.isolated == ["new"])
    }
}

@Suite struct MismatchTests {
    /// Areas 1-4. Units u12 (1,2) and u34 (3,4); boards bA (1,2,3) and bB (4). u34 is split across bA and
    /// bB; bA cuts u34 too. Areas 1 and 2 nest (u12 inside bA), 3 does not (u34 is not inside bA, nor bA
    /// inside u34), 4 nests (bB inside u34): score 3/4.
    @Test func aStraddlingUnitIsSplitAndScored() {
        var f = FixtureBuilder()
        for n in 1...4 { f.addArea("A\(n)", "Area \(n)") }
        f.addOrganisation("u12", .policeBCU, areas: ["A1", "A2"])
        f.addOrganisation("u34", .policeBCU, areas: ["A3", "A4"])
        f.addOrganisation("ba", .nhsICB, areas: ["A1", "A2", "A3"])
        f.addOrganisation("bb", .nhsICB, areas: ["A4"])
        let result = SharingNetwork(register: f.build(), on: GapTests.today).mismatches(.policeBCU, .nhsICB)
        #expect(result.split.map(\.organisation) == ["u34", "ba"])
        #expect(result.split.first?.across == ["ba", "bb"])
        #expect(result.score == 0.75)
        #expect(result.cells.count == 3)
        #expect(result.coterminous.isEmpty)
    }

    /// Verified against the London register: before the April 2026 ICB merger the Met's North West and
    /// South BCUs straddle ICBs; afterwards only South does. Harrow & Barnet and Kingston, Richmond &
    /// Hounslow PDUs straddle ICBs before the merger.
    @Test func londonCommandUnitsAndDeliveryUnitsStraddleICBsAsTheReferenceSays() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let register = try #require(RegisterLoader(today: GapTests.today).load(directory: repository.appendingPathComponent("Data").path).register)
        func straddling(_ kind: OrganisationKind, on day: String) -> [String] {
            SharingNetwork(register: register, on: FixtureBuilder.day(day)).mismatches(kind, .nhsICB).split
                .filter { $0.kind == kind.rawValue }.map(\.organisation)
        }
        #expect(straddling(.policeBCU, on: "2025-06-01") == ["mps-bcu-nw", "mps-bcu-sn"])
        #expect(straddling(.policeBCU, on: "2026-11-24") == ["mps-bcu-sn"])
        #expect(straddling(.probationPDU, on: "2025-06-01") == ["pdu-harrow-and-barnet", "pdu-kingston-richmond-and-hounslow"])
        #expect(straddling(.probationPDU, on: "2026-11-24") == ["pdu-kingston-richmond-and-hounslow"])
    }

    @Test func agreementAreasThatNoPartyCoversAreFound() {
        var f = FixtureBuilder()
        f.addArea("A1", "One"); f.addArea("A2", "Two")
        f.addOrganisation("c1", areas: ["A1"]); f.addOrganisation("c2", areas: ["A1"])
        f.addAgreement("wide", ["c1", "c2"], area: .of([f.area("A1"), f.area("A2")]))
        f.addAgreement("elsewhere", ["c1", "c2"], area: .of([f.area("A2")]))
        let found = SharingNetwork(register: f.build(), on: GapTests.today).agreementAreaMismatches()
        #expect(found == [.init(agreement: "elsewhere", uncoveredAreas: ["A2"], partiesOutside: ["c1", "c2"]),
                          .init(agreement: "wide", uncoveredAreas: ["A2"], partiesOutside: [])])
    }
}

@Suite struct ProjectReviewTests {
    /// Members: c1 (named), b1 and i1 (by kind, covering A1). i1 has no DPO. c1-b1-i1 share for safeguarding,
    /// which covers safeguarding_children: one agreement to reuse and no gaps; health data needs a DPIA.
    @Test func reviewFlagsMissingContactsAndReuse() {
        let f = GapTests.partnershipFixture()
        let project = Project(id: "p", name: "Pilot", purpose: f.purpose("safeguarding_children"), dataCategories: [f.category("mental_health")],
                              area: .of([f.area("A1")]), organisations: [f.org("c1")], organisationKinds: [.policeBCU, .nhsICB])
        let review = SharingNetwork(register: f.build(), on: GapTests.today).review(project)
        #expect(review.members.map(\.organisation) == ["b1", "c1", "i1"])
        #expect(review.members.map(\.reason) == ["kind", "named", "kind"])
        #expect(review.missingContacts == ["i1 has no DPO contact"])
        #expect(review.reuse.map(\.agreement) == ["a1-safeguarding"])
        #expect(review.reuse.first?.coversAllCategories == false)
        #expect(review.gaps.isEmpty)
        #expect(review.dpiaNeeded)
        #expect(review.members.first { $0.organisation == "i1" }?.beyondProjectArea == 1)
        #expect(review.readiness.hasPrefix("Not ready: find 1 missing contact, complete a DPIA"))
    }
}

@Suite struct BrokerAndSearchTests {
    /// A star through hub h plus a separate pair: h is the articulation point cutting off 2 of 3 leaves.
    @Test func theHubIsTheBrokerAndArticulationPoint() {
        var f = FixtureBuilder()
        for id in ["h", "l1", "l2", "l3", "p", "q"] { f.addOrganisation(id) }
        for leaf in ["l1", "l2", "l3"] { f.addAgreement("h-\(leaf)", ["h", leaf]) }
        f.addAgreement("pq", ["p", "q"])
        let report = SharingNetwork(register: f.build(), on: GapTests.today).brokers()
        #expect(report.top.first?.organisation == "h")
        #expect(report.top.first?.outDegree == 3)
        // Every path between two leaves goes through h: 6 ordered pairs over (n-1)(n-2) = 20.
        #expect(report.top.first?.betweenness == 0.3)
        #expect(report.components.map(\.size) == [4, 2])
        #expect(report.articulationPoints.map(\.organisation) == ["h"])
        #expect(report.articulationPoints.first?.disconnects == 2)
    }

    @Test func searchIgnoresCaseAndAccentsRanksAndExplains() {
        var f = FixtureBuilder()
        f.addOrganisation("lb-hammersmith")
        f.organisations[0].name = "Hammersmith & Fulham Council"
        f.organisations[0].aliases = ["LBHF"]
        f.addOrganisation("zurich-trust", .nhsTrust)
        f.organisations[1].name = "Zürich Health Trust"
        let search = RegisterSearch(register: f.build(), on: GapTests.today)
        #expect(search.search("lbhf").hits.first?.why == ["alias \"LBHF\""])
        #expect(search.search("lbhf").hits.first?.score == 100)
        #expect(search.search("ZURICH").hits.map(\.id) == ["zurich-trust"])
        #expect(search.search("hammersmith and fulham").hits.map(\.id) == ["lb-hammersmith"])
        #expect(search.search("health", kind: .council).hits.filter { $0.type == "organisation" }.isEmpty)
        #expect(search.search("nothing like this").hits.isEmpty)
    }

    @Test func namesResolveByIdNameAliasOrUniquePrefixAndOtherwiseSuggest() throws {
        var f = FixtureBuilder()
        f.addOrganisation("barts-health", .nhsTrust)
        f.organisations[0].name = "Barts Health NHS Trust"
        let resolver = OrganisationResolver(register: f.build())
        #expect(try resolver.resolve("barts-health") == f.org("barts-health"))
        #expect(try resolver.resolve("BARTS HEALTH NHS TRUST") == f.org("barts-health"))
        #expect(try resolver.resolve("Barts Health") == f.org("barts-health"))
        #expect(throws: OrganisationResolver.Unresolved.self) { try resolver.resolve("bart-helth") }
        do {
            _ = try resolver.resolve("bart-helth")
        } catch {
            #expect(error.description == "no organisation called \"bart-helth\" (did you mean \"barts-health\"?)")
        }
    }
}
