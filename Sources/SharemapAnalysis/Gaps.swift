import SharemapModel

/// Everything that should be fixed in a register on a date: what `sharemap gaps` reports.
public struct GapReport: Codable, Sendable, Equatable {
    /// A pair of partnership members with no agreement in force covering one of its purposes.
    public struct PartnershipGap: Codable, Sendable, Equatable {
        public let partnership: String
        /// The two organisations, sorted by id.
        public let organisations: [String]
        /// The areas where both are members, sorted.
        public let areas: [String]
    }

    /// An agreement with the date or detail that makes it a finding.
    public struct AgreementFinding: Codable, Sendable, Equatable {
        public let agreement: String
        public let title: String
        /// The date concerned (expiry or review), when there is one.
        public let date: Day?
        /// Organisations concerned (unsigned parties, say), sorted.
        public let organisations: [String]
        public let detail: String
    }

    /// An in-force agreement naming a party that no longer exists.
    public struct Novation: Codable, Sendable, Equatable {
        public let agreement: String
        public let party: String
        public let ended: Day?
        /// The existing successor that must re-sign or novate, if the register names one.
        public let successor: String?
        /// Whether the successor is already a party.
        public let successorIsParty: Bool

        enum CodingKeys: String, CodingKey {
            case agreement, party, ended, successor
            case successorIsParty = "successor_is_party"
        }
    }

    public let date: Day
    public let within: Int
    public let partnershipGaps: [PartnershipGap]
    public let expired: [AgreementFinding]
    public let reviewDue: [AgreementFinding]
    public let expiring: [AgreementFinding]
    public let unsigned: [AgreementFinding]
    public let missingDPIA: [AgreementFinding]
    /// Existing organisations without a DPO contact, by id.
    public let missingDPO: [String]
    /// Existing organisations with no agreement in force, by id.
    public let isolated: [String]
    public let novation: [Novation]

    enum CodingKeys: String, CodingKey {
        case date, within, expired, expiring, unsigned, isolated, novation
        case partnershipGaps = "partnership_gaps"
        case reviewDue = "review_due"
        case missingDPIA = "missing_dpia"
        case missingDPO = "missing_dpo"
    }
}

extension SharingNetwork {
    /// The organisations filling each of a partnership's member slots in an area, on this network's date.
    ///
    /// A slot's first kind is preferred; a later kind fills it only where no organisation of an earlier
    /// kind operates in the area, and then only organisations naming the area explicitly (see `MemberSlot`).
    public func partnershipMembers(_ partnership: Partnership, in area: AreaIndex) -> [OrganisationIndex] {
        var members: [OrganisationIndex] = []
        let here = register.organisationsByArea[area.position].filter { exists[$0.position] }
        for slot in partnership.memberSlots {
            for (position, kind) in slot.kinds.enumerated() {
                let filling = here.filter {
                    register[$0].kind == kind && (position == 0 || !register[$0].coverage.isEverywhere)
                }
                if !filling.isEmpty {
                    members.append(contentsOf: filling)
                    break
                }
            }
        }
        return Array(Set(members)).sorted { organisationRank[$0.position] < organisationRank[$1.position] }
    }

    /// Whether two organisations are both parties to an in-force agreement covering one of `purposes`.
    public func shareAgreement(_ first: OrganisationIndex, _ second: OrganisationIndex, covering purposes: [PurposeIndex]) -> Bool {
        let left = partyTo[first.position], right = partyTo[second.position]
        var i = 0, j = 0
        while i < left.count, j < right.count {
            if left[i] < right[j] { i += 1 } else if right[j] < left[i] { j += 1 } else {
                let agreement = left[i]
                if purposes.contains(where: { covers(agreement, purpose: $0, category: nil) }) { return true }
                i += 1
                j += 1
            }
        }
        return false
    }

    /// Every gap and housekeeping finding on this network's date; `within` days ahead for expiring agreements.
    public func gaps(within days: Int = 90) -> GapReport {
        // Partnership gaps, each (partnership, pair) once with its areas.
        var partnershipGaps: [GapReport.PartnershipGap] = []
        for partnership in register.partnerships {
            var areasByPair: [UInt64: [AreaIndex]] = [:]
            var checked: [UInt64: Bool] = [:]
            for area in register.areaIndices {
                let members = partnershipMembers(partnership, in: area)
                for (offset, first) in members.enumerated() {
                    for second in members[(offset + 1)...] {
                        let key = UInt64(UInt32(first.rawValue)) << 32 | UInt64(UInt32(second.rawValue))
                        let covered: Bool
                        if let known = checked[key] { covered = known } else {
                            covered = shareAgreement(first, second, covering: partnership.purposes)
                            checked[key] = covered
                        }
                        if !covered { areasByPair[key, default: []].append(area) }
                    }
                }
            }
            for (key, areas) in areasByPair {
                let first = OrganisationIndex(Int(key >> 32)), second = OrganisationIndex(Int(key & 0xFFFF_FFFF))
                partnershipGaps.append(.init(partnership: partnership.id,
                                             organisations: [register[first].id, register[second].id].sorted(),
                                             areas: areas.map { register[$0].id }.sorted()))
            }
        }
        partnershipGaps.sort { ($0.partnership, $0.organisations[0], $0.organisations[1]) < ($1.partnership, $1.organisations[0], $1.organisations[1]) }

        var expired: [GapReport.AgreementFinding] = []
        var reviewDue: [GapReport.AgreementFinding] = []
        var expiring: [GapReport.AgreementFinding] = []
        var unsigned: [GapReport.AgreementFinding] = []
        var missingDPIA: [GapReport.AgreementFinding] = []
        var novation: [GapReport.Novation] = []
        let horizon = date.adding(days: days)
        for (position, agreement) in register.agreements.enumerated() {
            let index = AgreementIndex(position)
            if agreement.isExpiredButActive(on: date), let expires = agreement.expires {
                expired.append(.init(agreement: agreement.id, title: agreement.title, date: expires, organisations: [],
                                     detail: "marked active but expired \(expires.days(until: date)) days ago"))
            }
            if agreement.isReviewDue(on: date), let review = agreement.review {
                reviewDue.append(.init(agreement: agreement.id, title: agreement.title, date: review, organisations: [],
                                       detail: "review was due \(review.days(until: date)) days ago"))
            }
            if inForce[position], let expires = agreement.expires, expires <= horizon {
                expiring.append(.init(agreement: agreement.id, title: agreement.title, date: expires, organisations: [],
                                      detail: "expires in \(date.days(until: expires)) days"))
            }
            if agreement.status == .active {
                let missing = agreement.parties.filter { $0.signed == nil }.map { register[$0.organisation].id }.sorted()
                if !missing.isEmpty {
                    unsigned.append(.init(agreement: agreement.id, title: agreement.title, date: nil, organisations: missing,
                                          detail: "\(missing.count) of \(agreement.parties.count) parties have not signed"))
                }
            }
            if agreement.status == .active || agreement.status == .draft, agreement.dpia != .yes,
               register.involvesSpecialCategoryData(index) {
                let special = agreement.dataCategories.filter { category in
                    register.dataCategories.selfAndAncestors(of: category).contains { register[$0].special }
                }.map { register[$0].id }
                missingDPIA.append(.init(agreement: agreement.id, title: agreement.title, date: nil, organisations: [],
                                         detail: "\(agreement.status.rawValue), special category data (\(special.joined(separator: ", "))), dpia \(agreement.dpia.rawValue)"))
            }
            if inForce[position] {
                let partyIndices = Set(agreement.parties.map(\.organisation))
                for party in agreement.parties where !exists[party.organisation.position] {
                    let existing = register.existingSelfOrSuccessor(of: party.organisation, on: date)
                    novation.append(.init(agreement: agreement.id, party: register[party.organisation].id, ended: register[party.organisation].end,
                                          successor: existing.map { register[$0].id },
                                          successorIsParty: existing.map { partyIndices.contains($0) } ?? false))
                }
            }
        }
        let existing = register.organisationIndices.filter { exists[$0.position] }
        let missingDPO = existing.filter { register.contacts(of: $0, role: .dpo).isEmpty }.map { register[$0].id }.sorted()
        let isolated = existing.filter { partyTo[$0.position].isEmpty }.map { register[$0].id }.sorted()
        func byID(_ list: [GapReport.AgreementFinding]) -> [GapReport.AgreementFinding] { list.sorted { $0.agreement < $1.agreement } }
        return GapReport(date: date, within: days, partnershipGaps: partnershipGaps, expired: byID(expired), reviewDue: byID(reviewDue),
                         expiring: expiring.sorted { ($0.date ?? date, $0.agreement) < ($1.date ?? date, $1.agreement) },
                         unsigned: byID(unsigned), missingDPIA: byID(missingDPIA), missingDPO: missingDPO, isolated: isolated,
                         novation: novation.sorted { ($0.agreement, $0.party) < ($1.agreement, $1.party) })
    }
}
