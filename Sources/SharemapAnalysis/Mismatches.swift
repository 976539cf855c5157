import SharemapModel

/// How two kinds of organisation cut up the same areas (e.g. police command units against ICBs).
public struct BoundaryMismatch: Codable, Sendable, Equatable {
    /// Two organisations whose footprints overlap, and the areas they share.
    public struct Cell: Codable, Sendable, Equatable {
        public let a: String
        public let b: String
        public let areas: [String]
    }

    /// An organisation whose footprint meets several organisations of the other kind and cuts at least one
    /// of them (contains only part of it).
    public struct Split: Codable, Sendable, Equatable {
        public let organisation: String
        public let kind: String
        public let across: [String]
    }

    /// An area left without an organisation of a kind, or covered by several of one kind.
    public struct AreaProblem: Codable, Sendable, Equatable {
        public let area: String
        public let name: String
        public let kind: String
        /// The organisations of that kind covering it (empty when uncovered).
        public let organisations: [String]
    }

    public let date: Day
    public let kindA: String
    public let kindB: String
    public let cells: [Cell]
    public let split: [Split]
    /// Pairs with exactly the same footprint.
    public let coterminous: [[String]]
    public let uncovered: [AreaProblem]
    public let multiplyCovered: [AreaProblem]
    /// The share of areas covered by both kinds where the two organisations' footprints nest (one lies
    /// within the other), so that data kept by one can be aggregated to the other: 1 means no area is cut.
    public let score: Double

    enum CodingKeys: String, CodingKey {
        case date, cells, split, coterminous, uncovered, score
        case kindA = "kind_a"
        case kindB = "kind_b"
        case multiplyCovered = "multiply_covered"
    }
}

/// An agreement whose declared area and parties' footprints disagree.
public struct AgreementAreaMismatch: Codable, Sendable, Equatable {
    public let agreement: String
    /// Declared areas where no existing party operates.
    public let uncoveredAreas: [String]
    /// Parties that operate nowhere in the declared area.
    public let partiesOutside: [String]

    enum CodingKeys: String, CodingKey {
        case agreement
        case uncoveredAreas = "uncovered_areas"
        case partiesOutside = "parties_outside"
    }
}

extension SharingNetwork {
    /// Compares the footprints of existing organisations of two kinds over the register's areas.
    public func mismatches(_ kindA: OrganisationKind, _ kindB: OrganisationKind) -> BoundaryMismatch {
        func footprints(_ kind: OrganisationKind) -> [(OrganisationIndex, Set<AreaIndex>)] {
            register.organisationIndices.filter { exists[$0.position] && register[$0].kind == kind }
                .map { ($0, Set(register.areas(of: $0))) }
                .sorted { register[$0.0].id < register[$1.0].id }
        }
        let a = footprints(kindA), b = footprints(kindB)
        var cells: [BoundaryMismatch.Cell] = []
        var coterminous: [[String]] = []
        for (first, firstAreas) in a {
            for (second, secondAreas) in b where first != second {
                let shared = firstAreas.intersection(secondAreas)
                guard !shared.isEmpty else { continue }
                cells.append(.init(a: register[first].id, b: register[second].id, areas: shared.map { register[$0].id }.sorted()))
                if firstAreas == secondAreas { coterminous.append([register[first].id, register[second].id]) }
            }
        }
        var split: [BoundaryMismatch.Split] = []
        for (side, others, kind) in [(a, b, kindA), (b, a, kindB)] {
            for (organisation, areas) in side {
                // Straddling: it meets several of the other kind and cuts at least one of them (contains only
                // part of it). An ICB that wholly contains three command units does not straddle them.
                let overlapping = others.filter { !$0.1.isDisjoint(with: areas) && $0.0 != organisation }
                if overlapping.count > 1, overlapping.contains(where: { !$0.1.isSubset(of: areas) }) {
                    split.append(.init(organisation: register[organisation].id, kind: kind.rawValue, across: overlapping.map { register[$0.0].id }))
                }
            }
        }
        var uncovered: [BoundaryMismatch.AreaProblem] = []
        var multiply: [BoundaryMismatch.AreaProblem] = []
        var nested = 0, both = 0
        for area in register.areaIndices {
            let inA = a.filter { $0.1.contains(area) }, inB = b.filter { $0.1.contains(area) }
            for (list, kind) in [(inA, kindA), (inB, kindB)] {
                let problem = BoundaryMismatch.AreaProblem(area: register[area].id, name: register[area].name, kind: kind.rawValue,
                                                           organisations: list.map { register[$0.0].id })
                if list.isEmpty { uncovered.append(problem) } else if list.count > 1, kindA != kindB || kind == kindA { multiply.append(problem) }
            }
            guard !inA.isEmpty, !inB.isEmpty else { continue }
            both += 1
            let footprintA = inA.reduce(into: Set<AreaIndex>()) { $0.formUnion($1.1) }
            let footprintB = inB.reduce(into: Set<AreaIndex>()) { $0.formUnion($1.1) }
            if footprintA.isSubset(of: footprintB) || footprintB.isSubset(of: footprintA) { nested += 1 }
        }
        return BoundaryMismatch(date: date, kindA: kindA.rawValue, kindB: kindB.rawValue, cells: cells, split: split,
                                coterminous: coterminous, uncovered: uncovered, multiplyCovered: multiply,
                                score: both == 0 ? 0 : (Double(nested) / Double(both) * 1000).rounded() / 1000)
    }

    /// In-force agreements whose declared area includes areas no existing party operates in, or that name
    /// parties operating nowhere in it.
    public func agreementAreaMismatches() -> [AgreementAreaMismatch] {
        var found: [AgreementAreaMismatch] = []
        for (position, agreement) in register.agreements.enumerated() where inForce[position] {
            let declared = Set(agreement.area.resolved(areaCount: register.areas.count))
            let parties = agreement.parties.map(\.organisation).filter { exists[$0.position] }
            let covered = parties.reduce(into: Set<AreaIndex>()) { $0.formUnion(register.areas(of: $1)) }
            let uncovered = declared.subtracting(covered).map { register[$0].id }.sorted()
            let outside = parties.filter { declared.isDisjoint(with: register.areas(of: $0)) }.map { register[$0].id }.sorted()
            if !uncovered.isEmpty || !outside.isEmpty {
                found.append(.init(agreement: agreement.id, uncoveredAreas: uncovered, partiesOutside: outside))
            }
        }
        return found.sorted { $0.agreement < $1.agreement }
    }
}
