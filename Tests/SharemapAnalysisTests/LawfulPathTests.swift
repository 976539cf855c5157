import Testing
import SharemapModel
@testable import SharemapAnalysis

/// Lawful paths and reach on small registers worked out by hand.
@Suite struct LawfulPathTests {
    static let today = FixtureBuilder.day("2026-11-24")

    /// a -> b -> c -> d, with a chosen onward-sharing rule on the middle agreements.
    func chain(firstOnward: OnwardSharing, firstPurposes: [String] = ["direct_care"], secondPurposes: [String] = ["direct_care"]) -> FixtureBuilder {
        var f = FixtureBuilder()
        for id in ["a", "b", "c", "d"] { f.addOrganisation(id) }
        f.addAgreement("ab", ["a>", ">b"], purposes: firstPurposes, onward: firstOnward)
        f.addAgreement("bc", ["b>", ">c"], purposes: secondPurposes, onward: .any)
        f.addAgreement("cd", ["c>", ">d"], purposes: secondPurposes, onward: .any)
        return f
    }

    func path(_ f: FixtureBuilder, _ from: String, _ to: String, purpose: String? = nil, category: String? = nil, on day: Day = today, alternatives: Int = 0) -> PathResult {
        SharingNetwork(register: f.build(), on: day).lawfulPath(from: f.org(from), to: f.org(to), purpose: purpose.map(f.purpose),
                                                                category: category.map(f.category), alternatives: alternatives)
    }

    /// ab allows no onward sharing, so b may not pass a's data to c: no path, blocked by ab at b.
    @Test func onwardNoneBlocksThePath() {
        let result = path(chain(firstOnward: .none), "a", "d")
        #expect(!result.found)
        #expect(result.blockedBy?.agreement == "ab")
        #expect(result.blockedBy?.organisation == "b")
        #expect(result.blockedBy?.onwardSharing == "none")
        #expect(result.unrestrictedHops?.map(\.agreement) == ["ab", "bc", "cd"])
        // But b itself is reachable: the block is on passing data on, not on receiving it.
        #expect(path(chain(firstOnward: .none), "a", "b").found)
    }

    /// same_purpose passes when the next agreement shares a purpose (both direct_care).
    @Test func samePurposePassesWhenPurposesMatch() {
        let result = path(chain(firstOnward: .samePurpose), "a", "d")
        #expect(result.found)
        #expect(result.hops.map(\.agreement) == ["ab", "bc", "cd"])
        #expect(result.hops.map(\.from) == ["a", "b", "c"])
    }

    /// same_purpose fails when ab is for research and bc for direct care (no purpose in common).
    @Test func samePurposeBlocksWhenPurposesDiffer() {
        let result = path(chain(firstOnward: .samePurpose, firstPurposes: ["research"]), "a", "d")
        #expect(!result.found)
        #expect(result.blockedBy?.agreement == "ab")
        #expect(result.blockedBy?.onwardSharing == "same_purpose")
    }

    /// An agreement for `safeguarding` covers a query for `safeguarding_children`; not the other way round.
    @Test func aTaxonomyAncestorCoversThePurpose() {
        var f = FixtureBuilder()
        for id in ["a", "b"] { f.addOrganisation(id) }
        f.addAgreement("broad", ["a>", ">b"], purposes: ["safeguarding"], categories: ["health"])
        #expect(path(f, "a", "b", purpose: "safeguarding_children").found)
        #expect(path(f, "a", "b", category: "mental_health").found)
        var narrow = FixtureBuilder()
        for id in ["a", "b"] { narrow.addOrganisation(id) }
        narrow.addAgreement("narrow", ["a>", ">b"], purposes: ["safeguarding_children"])
        let result = path(narrow, "a", "b", purpose: "safeguarding")
        #expect(!result.found)
        #expect(result.reason == "a provides data under no agreement in force for safeguarding.")
    }

    /// Agreements count only between start and expiry, and only when active.
    @Test func onlyAgreementsInForceCount() {
        var f = FixtureBuilder()
        for id in ["a", "b", "c"] { f.addOrganisation(id) }
        f.addAgreement("future", ["a>", ">b"], start: "2027-01-01")
        f.addAgreement("expired", ["a>", ">c"], start: "2020-01-01", expires: "2026-11-23")
        f.addAgreement("draft", ["b>", ">c"], status: .draft)
        #expect(!path(f, "a", "b").found)
        #expect(!path(f, "a", "c").found)
        #expect(path(f, "a", "b", on: FixtureBuilder.day("2027-01-01")).found)
        #expect(path(f, "a", "c", on: FixtureBuilder.day("2026-11-23")).found)
    }

    /// A party that no longer exists takes no part: the ICB ended, so its edge is gone.
    @Test func organisationsThatNoLongerExistTakeNoPart() {
        var f = FixtureBuilder()
        f.addOrganisation("old-icb", .nhsICB, end: "2026-03-31")
        f.addOrganisation("council")
        f.addOrganisation("trust", .nhsTrust)
        f.addAgreement("lcr", ["old-icb", "council", "trust"])
        #expect(path(f, "trust", "council").found)
        let viaICB = path(f, "trust", "old-icb")
        #expect(!viaICB.found)
        #expect(viaICB.reason == "old-icb does not exist on 2026-11-24.")
        #expect(path(f, "trust", "old-icb", on: FixtureBuilder.day("2026-03-31")).found)
    }

    /// Two 2-hop paths a -> x -> d and a -> y -> d: ties go to the smaller organisation id (x), and the
    /// other one is the first alternative. A direct agreement z is longer (3 hops) and comes second.
    @Test func tiesBreakByOrganisationThenAgreementAndAlternativesFollow() {
        var f = FixtureBuilder()
        for id in ["a", "y", "x", "z", "w", "d"] { f.addOrganisation(id) }
        f.addAgreement("m2", ["a>", ">y"]); f.addAgreement("m1", ["y>", ">d"])
        f.addAgreement("k2", ["a>", ">x"]); f.addAgreement("k1", ["x>", ">d"]); f.addAgreement("k0", ["x>", ">d"])
        f.addAgreement("z1", ["a>", ">z"]); f.addAgreement("z2", ["z>", ">w"]); f.addAgreement("z3", ["w>", ">d"])
        let result = path(f, "a", "d", alternatives: 5)
        #expect(result.hops.map(\.agreement) == ["k2", "k0"])  // via x, then agreement k0 before k1
        #expect(result.alternatives.map { $0.map(\.agreement) } == [["k2", "k1"], ["m2", "m1"], ["z1", "z2", "z3"]])
    }

    /// With no agreement reaching d at all, the reason says d receives under none.
    @Test func noPathAtAllSaysWhichSideIsMissing() {
        var f = FixtureBuilder()
        for id in ["a", "b", "d"] { f.addOrganisation(id) }
        f.addAgreement("ab", ["a>", ">b"])
        #expect(path(f, "a", "d").reason == "d receives data under no agreement in force.")
        f.addAgreement("db", ["d>", ">b"])
        #expect(path(f, "a", "d").reason == "d receives data under no agreement in force.")
        f.addAgreement("xd", ["b>", ">d"], purposes: ["research"])
        #expect(path(f, "a", "d").found)
        #expect(path(f, "a", "d", purpose: "direct_care").reason == "d receives data under no agreement in force for direct_care.")
    }

    /// Reach lists lawful targets with hop counts, and as a risk view those behind an onward limit.
    @Test func reachSeparatesLawfulFromRisk() {
        let f = chain(firstOnward: .none)
        let result = SharingNetwork(register: f.build(), on: Self.today).reach(from: f.org("a"))
        #expect(result.reachable.map(\.organisation) == ["b"])
        #expect(result.onlyIgnoringOnwardLimits.map { "\($0.organisation):\($0.hops)" } == ["c:2", "d:3"])
        let limited = SharingNetwork(register: chain(firstOnward: .any).build(), on: Self.today).reach(from: f.org("a"), maxHops: 2)
        #expect(limited.reachable.map { "\($0.organisation):\($0.hops)" } == ["b:1", "c:2"])
    }
}

/// Invariants over random registers (seeded, so failures reproduce).
@Suite struct PathPropertyTests {
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    func randomRegister(seed: UInt64) -> FixtureBuilder {
        var random = Generator(state: seed)
        var f = FixtureBuilder()
        let count = 12
        for n in 0..<count { f.addOrganisation("o\(n)", end: n == 5 ? "2025-01-01" : nil) }
        let onward: [OnwardSharing] = [.none, .samePurpose, .any]
        let purposes = ["safeguarding", "safeguarding_children", "direct_care", "research"]
        let statuses: [AgreementStatus] = [.active, .active, .active, .draft, .expired]
        for n in 0..<30 {
            let a = Int(random.next() % UInt64(count)), b = Int(random.next() % UInt64(count))
            guard a != b else { continue }
            f.addAgreement("g\(n)", ["o\(a)>", ">o\(b)"], purposes: [purposes[Int(random.next() % 4)]],
                           onward: onward[Int(random.next() % 3)], status: statuses[Int(random.next() % 5)],
                           start: random.next() % 5 == 0 ? "2027-01-01" : "2020-01-01")
        }
        return f
    }

    @Test(arguments: 1...40)
    func everyHopIsAnInForceEdgeCoveringThePurposeAndReachAgrees(seed: Int) {
        let f = randomRegister(seed: UInt64(seed))
        let register = f.build()
        let network = SharingNetwork(register: register, on: LawfulPathTests.today)
        let purpose = f.purpose(["safeguarding_children", "direct_care", "research"][seed % 3])
        let reach = network.reach(from: f.org("o0"), purpose: purpose)
        let reachable = Dictionary(uniqueKeysWithValues: reach.reachable.map { ($0.organisation, $0.hops) })
        for target in 1..<12 {
            let result = network.lawfulPath(from: f.org("o0"), to: f.org("o\(target)"), purpose: purpose)
            // A path exists exactly when reach lists the target, and has reach's hop count.
            #expect(result.found == (reachable["o\(target)"] != nil))
            if result.found { #expect(result.hops.count == reachable["o\(target)"]) }
            for (position, hop) in result.hops.enumerated() {
                let agreement = register.agreementIndex(id: hop.agreement)!
                #expect(register[agreement].isInForce(on: LawfulPathTests.today))
                #expect(register.purposes.covers(register[agreement].purposes, purpose))
                #expect(register[agreement].parties.contains { register[$0.organisation].id == hop.from && $0.role.provides })
                #expect(register[agreement].parties.contains { register[$0.organisation].id == hop.to && $0.role.receives })
                if position > 0 {
                    #expect(register[register.agreementIndex(id: result.hops[position - 1].agreement)!].onwardSharing != .none)
                }
            }
        }
    }
}

/// The fast searches (bidirectional path, layered reach) against the plain one-sided state search: same
/// chains, hop for hop, including ties, on random registers with multi-party agreements, every onward
/// rule, with and without a purpose, honouring onward limits or not.
@Suite struct FastSearchEquivalenceTests {
    func denseRegister(seed: UInt64) -> FixtureBuilder {
        var random = PathPropertyTests.Generator(state: seed)
        var f = FixtureBuilder()
        let count = 16
        for n in 0..<count { f.addOrganisation("o\(String(format: "%02d", n))", end: n == 7 ? "2025-01-01" : nil) }
        let onward: [OnwardSharing] = [.none, .samePurpose, .any, .any]
        let purposes = ["safeguarding", "safeguarding_children", "direct_care", "research"]
        let categories = ["identity_contact", "health", "mental_health", "housing"]
        for n in 0..<40 {
            var parties: [String] = []
            for _ in 0..<(2 + Int(random.next() % 3)) {
                let name = "o\(String(format: "%02d", Int(random.next() % UInt64(count))))"
                guard !parties.contains(where: { $0.replacingOccurrences(of: ">", with: "") == name }) else { continue }
                parties.append(["\(name)>", ">\(name)", name][Int(random.next() % 3)])
            }
            guard parties.count >= 2 else { continue }
            // One or two purposes, so that same_purpose compares sets.
            let first = purposes[Int(random.next() % 4)], second = purposes[Int(random.next() % 4)]
            f.addAgreement("g\(String(format: "%02d", 40 - n))", parties, purposes: random.next() % 3 == 0 ? Array(Set([first, second])).sorted() : [first],
                           categories: [categories[Int(random.next() % 4)]], onward: onward[Int(random.next() % 4)],
                           status: random.next() % 6 == 0 ? .expired : .active)
        }
        return f
    }

    @Test(arguments: 1...25)
    func fastSearchesGiveTheStateSearchAnswers(seed: Int) {
        let f = denseRegister(seed: UInt64(seed))
        let network = SharingNetwork(register: f.build(), on: LawfulPathTests.today)
        let purposes: [PurposeIndex?] = [f.purpose("safeguarding_children"), f.purpose("direct_care"), f.purpose("safeguarding"), nil]
        let category: DataCategoryIndex? = seed % 3 == 0 ? f.category("mental_health") : nil
        for purpose in purposes {
            for honour in [true, false] {
                let graph = SharingNetwork.StateGraph(network, purpose: purpose, category: category, honourOnwardLimits: honour)
                for source in f.organisations.indices.map(OrganisationIndex.init) where network.exists[source.position] {
                    let reference = network.search(from: source, to: nil, purpose: purpose, category: category, honourOnwardLimits: honour)
                    let expectedReach = reference.first.filter { $0.key != source }
                        .map { "\(f.organisations[$0.key.position].id):\($0.value.hops):\(network.register[reference.arrivals[$0.value.key]!.agreement!].id)" }.sorted()
                    let reach = network.reachable(in: graph, from: source, maxHops: nil)
                        .map { "\(f.organisations[$0.organisation.position].id):\($0.hops):\(network.register[$0.via].id)" }.sorted()
                    #expect(reach == expectedReach, "reach from \(f.organisations[source.position].id), honour \(honour)")
                    for target in f.organisations.indices.map(OrganisationIndex.init) where target != source {
                        let expected = reference.first[target].map { network.hops(to: $0.key, in: reference) }
                        let chain = network.shortestChain(in: graph, from: source, to: target).map { network.hops(along: $0) }
                        #expect(chain == expected, "\(f.organisations[source.position].id) -> \(f.organisations[target.position].id), honour \(honour)")
                    }
                }
            }
        }
    }
}
