import Foundation

/// Writes a synthetic register of a chosen size as CSV files, for benchmarks at scales the real
/// London register will never reach (a national register of every public body).
///
/// Everything is generated from a seeded generator, so the same parameters give the same files.
/// Area codes are `X` plus eight digits: obviously not real GSS codes.
struct SyntheticRegister {
    var areas = 300
    var organisations = 25_000
    var agreements = 250_000
    var partyRows = 1_000_000
    var seed: UInt64 = 2026

    /// Sizes about 100 times the London register's (used for the foundation's load benchmark).
    static func scaled(organisations: Int, agreements: Int, partyRows: Int, factor: Int) -> SyntheticRegister {
        SyntheticRegister(areas: 33 * 3, organisations: organisations * factor, agreements: agreements * factor,
                          partyRows: partyRows * factor)
    }

    /// Kinds for the bodies beyond the statutory partners (one council per area, an ICB per ten areas, a BCU
    /// per three, a PDU per two, a fire service per thirty): as in real registers, most bodies are not
    /// partnership members.
    static let otherKinds = ["nhs_trust", "voluntary", "research", "other", "central_government", "transport"]
    static let purposes = [("safeguarding", ""), ("safeguarding_children", "safeguarding"), ("safeguarding_adults", "safeguarding"),
                           ("direct_care", ""), ("population_health", ""), ("crime_prevention", ""),
                           ("community_safety", ""), ("youth_justice", ""), ("homelessness", ""), ("research", ""),
                           ("service_planning", "")]
    static let categories = [("identity_contact", "", "no"), ("health", "", "yes"), ("mental_health", "health", "yes"),
                             ("social_care", "", "no"), ("criminal_offence", "", "yes"), ("housing", "", "no"),
                             ("education", "", "no"), ("aggregate_statistics", "", "no")]

    /// Writes the register into `directory` (created if needed).
    func write(to directory: URL) throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var random = SplitMix64(seed: seed)
        func save(_ name: String, _ text: String) throws {
            try Data(text.utf8).write(to: directory.appendingPathComponent(name))
        }
        let areaIDs = (1...areas).map { "X" + String(format: "%08d", $0) }
        var text = "id,name,kind,inner_outer,lat,lon\n"
        for (n, id) in areaIDs.enumerated() {
            text += "\(id),Area \(n + 1),borough,\(n % 3 == 0 ? "inner" : "outer"),\(50 + Double(n % 40) * 0.1),\(-3 + Double(n / 40) * 0.2)\n"
        }
        try save("areas.csv", text)

        text = "id,name,parent\n" + Self.purposes.map { "\($0.0),\($0.0.replacingOccurrences(of: "_", with: " ").capitalized),\($0.1)" }.joined(separator: "\n") + "\n"
        try save("purposes.csv", text)
        text = "id,name,parent,special\n" + Self.categories.map { "\($0.0),\($0.0.capitalized),\($0.1),\($0.2)" }.joined(separator: "\n") + "\n"
        try save("data_categories.csv", text)
        try save("legal_bases.csv", "id,name,reference\nuk_gdpr_6_1_e,Public task,UK GDPR Art 6(1)(e)\nuk_gdpr_9_2_h,Health or social care,UK GDPR Art 9(2)(h)\n")

        // Organisations: the statutory partners of each area first, then other bodies covering 1-4 areas.
        var organisationIDs: [String] = []
        var organisationAreas: [[Int]] = []
        text = "id,name,kind,parent,coverage,aliases,website,notes,start,end,successor\n"
        text.reserveCapacity(organisations * 80)
        let partners: [(kind: String, width: Int)] = [("council", 1), ("nhs_icb", 10), ("police_bcu", 3), ("probation_pdu", 2), ("fire_service", 30)]
        var plan: [(String, [Int])] = []
        for partner in partners {
            for first in stride(from: 0, to: areas, by: partner.width) {
                plan.append((partner.kind, Array(first..<min(first + partner.width, areas))))
            }
        }
        for n in 0..<organisations {
            let kind: String
            let covered: [Int]
            if n < plan.count {
                (kind, covered) = plan[n]
            } else {
                kind = Self.otherKinds[Int(random.next() % UInt64(Self.otherKinds.count))]
                let first = Int(random.next() % UInt64(areas))
                let width = 1 + Int(random.next() % 4)
                covered = (first..<first + width).map { $0 % areas }
            }
            let id = "org-\(n)"
            organisationIDs.append(id)
            organisationAreas.append(covered)
            text += "\(id),Organisation \(n),\(kind),,\(covered.map { areaIDs[$0] }.joined(separator: ";")),,,,,,\n"
        }
        try save("organisations.csv", text)

        text = "organisation,role,title,email,phone\n"
        for (n, id) in organisationIDs.enumerated() where n % 7 != 0 {
            text += "\(id),dpo,Data Protection Officer,dpo@\(id).example.org,\n"
        }
        try save("contacts.csv", text)
        try save("assets.csv", "id,organisation,name,description,system,data_categories,owner_role,retention\n")

        // Organisations by area, so that most agreements are local, as real ones are.
        var byArea = [[Int]](repeating: [], count: areas)
        for (n, covered) in organisationAreas.enumerated() { for area in covered { byArea[area].append(n) } }

        let statuses = ["active", "active", "active", "active", "active", "active", "draft", "expired", "suspended"]
        let onward = ["none", "same_purpose", "same_purpose", "any"]
        var agreementsText = "id,title,kind,purposes,legal_bases,data_categories,assets,onward_sharing,area,status,start,review,expires,dpia,url,notes\n"
        agreementsText.reserveCapacity(agreements * 120)
        var partiesText = "agreement,organisation,role,signed\n"
        partiesText.reserveCapacity(partyRows * 40)
        let extraParties = max(0, partyRows - 2 * agreements)
        for n in 0..<agreements {
            let area = Int(random.next() % UInt64(areas))
            let purpose = Self.purposes[Int(random.next() % UInt64(Self.purposes.count))].0
            let category = Self.categories[Int(random.next() % UInt64(Self.categories.count))].0
            let status = statuses[Int(random.next() % UInt64(statuses.count))]
            let year = 2016 + Int(random.next() % 10)
            let expires = random.next() % 4 == 0 ? "\(year + 5)-03-31" : ""
            agreementsText += "agr-\(n),Agreement \(n),isa,\(purpose),uk_gdpr_6_1_e,\(category),,\(onward[Int(random.next() % 4)]),\(areaIDs[area]),\(status),\(year)-04-01,,\(expires),yes,,\n"
            // Two parties always, plus a share of the extra rows so the total matches `partyRows`.
            var count = 2 + extraParties / agreements + (UInt64(n) < UInt64(extraParties % agreements) ? 1 : 0)
            let local = byArea[area]
            var chosen = Set<Int>()
            while chosen.count < count {
                let pick = random.next() % 5 == 0 || local.count < count
                    ? Int(random.next() % UInt64(organisations))
                    : local[Int(random.next() % UInt64(local.count))]
                chosen.insert(pick)
            }
            count = 0
            for organisation in chosen.sorted() {
                let role = count == 0 ? "provider" : (count == 1 ? "recipient" : (random.next() % 2 == 0 ? "both" : "recipient"))
                partiesText += "agr-\(n),\(organisationIDs[organisation]),\(role),\(year)-04-01\n"
                count += 1
            }
        }
        try save("agreements.csv", agreementsText)
        try save("agreement_parties.csv", partiesText)
        try save("partnerships.csv", """
            id,name,statute,purposes,member_kinds
            community-safety,Community safety partnership,Crime and Disorder Act 1998 s5,community_safety;crime_prevention,council;police_bcu|police_force;fire_service;probation_pdu;nhs_icb
            safeguarding-children,Local safeguarding children partnership,Children Act 2004 s16E,safeguarding_children,council;police_bcu|police_force;nhs_icb

            """)
    }
}

/// A small, fast, seeded generator (Steele, Lea and Flood's SplitMix64), so benchmarks are repeatable.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
