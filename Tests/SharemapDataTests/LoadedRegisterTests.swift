import Testing
@testable import SharemapData
import SharemapModel

/// What the minimal fixture loads into: references resolved to indices, adjacency built.
@Suite struct LoadedRegisterTests {
    let register: Register

    init() throws {
        let (outcome, _) = try FixtureRegister.load(case: nil)
        register = try #require(outcome.register)
    }

    @Test func resolvesReferencesToIndices() throws {
        let bcu = try #require(register.organisationIndex(id: "mps-bcu-cn"))
        let mps = try #require(register.organisationIndex(id: "mps"))
        #expect(register[bcu].parent == mps)
        #expect(register.childrenByOrganisation[mps.position] == [bcu])
        let old = try #require(register.organisationIndex(id: "icb-old"))
        #expect(register[old].successor == register.organisationIndex(id: "icb-new"))
        #expect(register[old].end == Day(iso: "2026-03-31"))
        #expect(register[old].exists(on: Day(iso: "2026-03-31")!))
        #expect(!register[old].exists(on: Day(iso: "2026-04-01")!))
    }

    @Test func readsCoverageListsAndStar() throws {
        let camden = try #require(register.areaIndex(id: "E09000007"))
        let islington = try #require(register.areaIndex(id: "E09000019"))
        let mps = try #require(register.organisationIndex(id: "mps"))
        #expect(register[mps].coverage == .areas([camden, islington]))
        let health = try #require(register.agreementIndex(id: "health-sharing"))
        #expect(register[health].area == .everywhere)
        // Camden has both councils? No: only Camden Council, the Met, its BCU and both ICBs.
        let inCamden = register.organisationsByArea[camden.position].map { register[$0].id }
        #expect(inCamden == ["lb-camden", "mps", "mps-bcu-cn", "icb-old", "icb-new"])
    }

    @Test func readsAgreementsWithPartiesInFileOrder() throws {
        let index = try #require(register.agreementIndex(id: "camden-safeguarding"))
        let agreement = register[index]
        #expect(agreement.parties.map { register[$0.organisation].id } == ["lb-camden", "mps-bcu-cn"])
        #expect(agreement.parties.map(\.role) == [.provider, .recipient])
        #expect(agreement.onwardSharing == .samePurpose)
        #expect(agreement.review == Day(iso: "2027-01-01"))
        #expect(agreement.legalBases.map { register[$0].reference } == ["UK GDPR Art 6(1)(e)", "Children Act 2004 s11"])
        let camden = try #require(register.organisationIndex(id: "lb-camden"))
        #expect(register.agreementsByOrganisation[camden.position] == [index])
    }

    @Test func readsTaxonomiesAndSpecialCategories() throws {
        let children = try #require(register.purposeIndex(id: "safeguarding_children"))
        let safeguarding = try #require(register.purposeIndex(id: "safeguarding"))
        #expect(register.purposes.isSelfOrAncestor(safeguarding, of: children))
        #expect(!register.purposes.isSelfOrAncestor(children, of: safeguarding))
        let health = try #require(register.agreementIndex(id: "health-sharing"))
        #expect(register.involvesSpecialCategoryData(health))
        let safeguardingISA = try #require(register.agreementIndex(id: "camden-safeguarding"))
        #expect(!register.involvesSpecialCategoryData(safeguardingISA))
    }

    @Test func readsPartnershipSlotsWithAlternatives() throws {
        let partnership = try #require(register.partnerships.first)
        #expect(partnership.memberSlots.map(\.description) == ["council", "police_bcu|police_force", "nhs_icb"])
    }

    @Test func readsProjectBriefs() throws {
        let project = try #require(register.projects.first)
        #expect(project.id == "camden-pilot")
        #expect(project.organisationKinds == [.policeBCU, .nhsICB])
        #expect(project.area == .areas([try #require(register.areaIndex(id: "E09000007"))]))
    }
}
