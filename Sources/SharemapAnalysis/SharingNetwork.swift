import SharemapModel

/// Who can send data to whom on one date: the in-force agreements, each with its providers and recipients
/// that exist on that date, indexed by organisation. Built once per date and shared by every analysis.
///
/// Edges (provider -> recipient through an agreement) are not materialised: an agreement with k parties
/// would give O(k²) of them, and a pan-London agreement has dozens of parties. Searches expand them from
/// the per-agreement lists instead.
public struct SharingNetwork: Sendable {
    public let register: Register
    public let date: Day
    /// Per agreement: whether it is in force on `date`.
    public let inForce: [Bool]
    /// Per agreement: its existing providers (role provider or both), ascending by id.
    public let providers: [[OrganisationIndex]]
    /// Per agreement: its existing recipients (role recipient or both), ascending by id.
    public let recipients: [[OrganisationIndex]]
    /// Per organisation: the in-force agreements under which it provides, ascending by agreement id.
    public let providing: [[AgreementIndex]]
    /// Per organisation: the in-force agreements under which it receives, ascending by index.
    public let receiving: [[AgreementIndex]]
    /// Per organisation: the in-force agreements it is an existing party to, ascending by index.
    public let partyTo: [[AgreementIndex]]
    /// Per organisation: whether it exists on `date`.
    public let exists: [Bool]
    /// Per agreement: its onward-sharing rule, purposes and data categories, copied out of the agreements
    /// so that hot loops do not copy whole `Agreement` values.
    public let onwardSharing: [OnwardSharing]
    let agreementPurposes: [[PurposeIndex]]
    /// Per agreement: which distinct set of purposes it has (agreements with the same purposes share one).
    let purposeSet: [Int32]
    /// For each pair of purpose sets (row-major, `purposeSetCount` wide): whether some purpose is covered
    /// by both, which is what `same_purpose` asks when no purpose is given.
    let purposeSetsShare: [Bool]
    let purposeSetCount: Int
    /// The distinct purpose sets, by id.
    let purposeSets: [[PurposeIndex]]
    let agreementCategories: [[DataCategoryIndex]]
    /// Ranks of organisations and agreements by id, for deterministic tie-breaking without string compares.
    public let organisationRank: [Int32]
    public let agreementRank: [Int32]
    /// The inverse of the ranks: the position holding each rank.
    let organisationByRank: [Int]
    let agreementByRank: [Int]

    public init(register: Register, on date: Day) {
        self.register = register
        self.date = date
        let exists = register.organisations.map { $0.exists(on: date) }
        self.exists = exists
        onwardSharing = register.agreements.map(\.onwardSharing)
        agreementPurposes = register.agreements.map(\.purposes)
        var setIDs: [[PurposeIndex]: Int32] = [:]
        var sets: [[PurposeIndex]] = []
        // Most agreements have one purpose: look those up by purpose, without hashing an array.
        var singles = [Int32](repeating: -1, count: register.purposes.count)
        purposeSet = register.agreements.map { agreement in
            if agreement.purposes.count == 1, singles[agreement.purposes[0].position] >= 0 { return singles[agreement.purposes[0].position] }
            let key = Array(Set(agreement.purposes)).sorted()
            if let id = setIDs[key] { return id }
            setIDs[key] = Int32(sets.count)
            sets.append(key)
            if key.count == 1 { singles[key[0].position] = Int32(sets.count - 1) }
            return Int32(sets.count - 1)
        }
        purposeSetCount = sets.count
        purposeSets = sets
        // Kept to a few thousand sets (a few megabytes); registers have far fewer.
        purposeSetsShare = sets.count <= 4_096 ? sets.flatMap { first in
            sets.map { second in Self.sharePurpose(first, second, in: register.purposes) }
        } : []
        agreementCategories = register.agreements.map(\.dataCategories)
        organisationRank = Self.ranks(register.organisations.map(\.id))
        agreementRank = Self.ranks(register.agreements.map(\.id))
        organisationByRank = Self.positions(ofRanks: organisationRank)
        agreementByRank = Self.positions(ofRanks: agreementRank)
        var inForce = [Bool](repeating: false, count: register.agreements.count)
        var providers = [[OrganisationIndex]](repeating: [], count: register.agreements.count)
        var recipients = [[OrganisationIndex]](repeating: [], count: register.agreements.count)
        var providing = [[AgreementIndex]](repeating: [], count: register.organisations.count)
        var partyTo = [[AgreementIndex]](repeating: [], count: register.organisations.count)
        var receiving = [[AgreementIndex]](repeating: [], count: register.organisations.count)
        let rank = organisationRank
        for (position, agreement) in register.agreements.enumerated() where agreement.isInForce(on: date) {
            inForce[position] = true
            let index = AgreementIndex(position)
            for party in agreement.parties where exists[party.organisation.position] {
                if party.role.provides {
                    providers[position].append(party.organisation)
                    providing[party.organisation.position].append(index)
                }
                if party.role.receives {
                    recipients[position].append(party.organisation)
                    receiving[party.organisation.position].append(index)
                }
                partyTo[party.organisation.position].append(index)
            }
            providers[position].sort { rank[$0.position] < rank[$1.position] }
            recipients[position].sort { rank[$0.position] < rank[$1.position] }
        }
        let agreementRank = self.agreementRank
        for position in providing.indices where providing[position].count > 1 {
            providing[position].sort { agreementRank[$0.position] < agreementRank[$1.position] }
        }
        self.inForce = inForce
        self.providers = providers
        self.recipients = recipients
        self.providing = providing
        self.partyTo = partyTo
        self.receiving = receiving
    }

    /// Each id's position in sorted order.
    static func ranks(_ ids: [String]) -> [Int32] {
        var ranks = [Int32](repeating: 0, count: ids.count)
        for (rank, position) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() {
            ranks[position] = Int32(rank)
        }
        return ranks
    }

    /// For ranks computed by `ranks`: the position holding each rank.
    static func positions(ofRanks ranks: [Int32]) -> [Int] {
        var positions = [Int](repeating: 0, count: ranks.count)
        for (position, rank) in ranks.enumerated() { positions[Int(rank)] = position }
        return positions
    }

    /// Whether agreement `agreement` covers `purpose` (nil: any) and `category` (nil: any), counting
    /// taxonomy ancestors: an agreement for `safeguarding` covers `safeguarding_children`.
    public func covers(_ agreement: AgreementIndex, purpose: PurposeIndex?, category: DataCategoryIndex?) -> Bool {
        if let purpose, !register.purposes.covers(agreementPurposes[agreement.position], purpose) { return false }
        if let category, !register.dataCategories.covers(agreementCategories[agreement.position], category) { return false }
        return true
    }

    /// Whether an organisation that received data under `incoming` may pass it on under `outgoing`:
    /// onward sharing `any`; or `same_purpose` and a purpose covered by both (with a purpose asked for,
    /// both agreements cover it, so it passes); `none` never.
    public func mayPassOn(from incoming: AgreementIndex, to outgoing: AgreementIndex, purpose: PurposeIndex?) -> Bool {
        switch onwardSharing[incoming.position] {
        case .none: return false
        case .any: return true
        case .samePurpose:
            return purpose != nil || mayPassOn(restrictedTo: purposeSet[incoming.position], under: outgoing)
        }
    }

    /// Whether data restricted to purpose set `set` (arrived under `same_purpose`, no purpose asked for)
    /// may be passed on under `agreement`: some purpose is covered by both.
    func mayPassOn(restrictedTo set: Int32, under agreement: AgreementIndex) -> Bool {
        if !purposeSetsShare.isEmpty { return purposeSetsShare[Int(set) * purposeSetCount + Int(purposeSet[agreement.position])] }
        return Self.sharePurpose(purposeSets[Int(set)], agreementPurposes[agreement.position], in: register.purposes)
    }

    /// Whether some purpose is covered by both lists (one of them names it or an ancestor of it).
    static func sharePurpose(_ first: [PurposeIndex], _ second: [PurposeIndex], in purposes: Taxonomy<Purpose>) -> Bool {
        (first + second).contains { purposes.covers(first, $0) && purposes.covers(second, $0) }
    }
}
