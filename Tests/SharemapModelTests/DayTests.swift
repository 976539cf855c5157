import Testing
import SharemapModel

@Suite struct DayTests {
    @Test(arguments: ["1970-01-01", "2000-02-29", "2026-04-01", "2026-11-24", "1999-12-31", "9999-12-31"])
    func roundTripsISODates(_ text: String) throws {
        #expect(try #require(Day(iso: text)).description == text)
    }

    @Test(arguments: ["2021-13-45", "2021-02-29", "2026-4-1", "26-04-01", "2026/04/01", "", "2026-04-01T00:00", "２０２６-04-01"])
    func rejectsMalformedDates(_ text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test func ordersAndCountsDays() throws {
        let merger = try #require(Day(iso: "2026-04-01"))
        let before = try #require(Day(iso: "2026-03-31"))
        #expect(before < merger)
        #expect(before.adding(days: 1) == merger)
        #expect(merger.days(until: try #require(Day(iso: "2026-11-24"))) == 237)
        #expect(Day(daysSinceEpoch: 0).description == "1970-01-01")
    }
}

@Suite struct AgreementDateTests {
    func agreement(status: AgreementStatus, start: String, review: String? = nil, expires: String? = nil) -> Agreement {
        Agreement(id: "a", title: "A", kind: .isa, purposes: [], dataCategories: [], onwardSharing: .none, status: status,
                  start: Day(iso: start)!, review: review.flatMap { Day(iso: $0) }, expires: expires.flatMap { Day(iso: $0) })
    }

    @Test func inForceFromStartToExpiryInclusive() {
        let isa = agreement(status: .active, start: "2024-01-01", expires: "2025-12-31")
        #expect(!isa.isInForce(on: Day(iso: "2023-12-31")!))
        #expect(isa.isInForce(on: Day(iso: "2024-01-01")!))
        #expect(isa.isInForce(on: Day(iso: "2025-12-31")!))
        #expect(!isa.isInForce(on: Day(iso: "2026-01-01")!))
        #expect(isa.isExpiredButActive(on: Day(iso: "2026-01-01")!))
    }

    @Test func onlyActiveAgreementsAreInForce() {
        for status in [AgreementStatus.draft, .suspended, .expired, .terminated] {
            #expect(!agreement(status: status, start: "2020-01-01").isInForce(on: Day(iso: "2026-11-24")!))
        }
    }

    @Test func reviewDueWhenReviewDateHasPassed() {
        let isa = agreement(status: .active, start: "2020-01-01", review: "2026-11-23")
        #expect(isa.isReviewDue(on: Day(iso: "2026-11-24")!))
        #expect(!isa.isReviewDue(on: Day(iso: "2026-11-23")!))
    }

    @Test func organisationExistsFromStartToEndInclusive() {
        let icb = Organisation(id: "icb-ncl", name: "NCL", kind: .nhsICB, coverage: .everywhere,
                               start: Day(iso: "2022-07-01"), end: Day(iso: "2026-03-31"))
        #expect(!icb.exists(on: Day(iso: "2022-06-30")!))
        #expect(icb.exists(on: Day(iso: "2022-07-01")!))
        #expect(icb.exists(on: Day(iso: "2026-03-31")!))
        #expect(!icb.exists(on: Day(iso: "2026-04-01")!))
    }
}
