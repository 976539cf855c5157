import SharemapModel

/// One step of a path: data passes from one organisation to another under an agreement.
public struct Hop: Codable, Sendable, Equatable, Hashable {
    public let from: String
    public let to: String
    public let agreement: String
}

/// The agreement where a chain stops because the organisation holding the data may not pass it on.
public struct Blockage: Codable, Sendable, Equatable {
    /// The agreement the data arrived under.
    public let agreement: String
    /// The organisation that holds the data and may not pass it on.
    public let organisation: String
    public let onwardSharing: String
    /// The agreement it would need to pass the data on under.
    public let next: String
    public let reason: String

    enum CodingKeys: String, CodingKey {
        case agreement, organisation, next, reason
        case onwardSharing = "onward_sharing"
    }
}

/// The answer to "can data lawfully flow from A to B (for a purpose, of a category) on a date?".
public struct PathResult: Codable, Sendable, Equatable {
    public let from: String
    public let to: String
    public let date: Day
    public let purpose: String?
    public let category: String?
    public let found: Bool
    /// The shortest lawful path (fewest hops; ties broken by organisation id, then agreement id).
    public let hops: [Hop]
    /// Further lawful paths, shortest first.
    public let alternatives: [[Hop]]
    /// When none is found but a chain exists if onward-sharing limits are ignored: where it stops.
    public let blockedBy: Blockage?
    /// The shortest chain ignoring onward-sharing limits, when it is blocked.
    public let unrestrictedHops: [Hop]?
    /// Why there is no path, in a sentence.
    public let reason: String?

    enum CodingKeys: String, CodingKey {
        case from, to, date, purpose, category, found, hops, alternatives, reason
        case blockedBy = "blocked_by"
        case unrestrictedHops = "unrestricted_hops"
    }
}

/// Every organisation data can reach from one organisation.
public struct ReachResult: Codable, Sendable, Equatable {
    public struct Reached: Codable, Sendable, Equatable {
        public let organisation: String
        public let hops: Int
        /// The agreement of the last hop on a shortest path.
        public let via: String
    }

    public let from: String
    public let date: Day
    public let purpose: String?
    public let category: String?
    public let maxHops: Int?
    /// Lawfully reachable organisations, nearest first, then by id.
    public let reachable: [Reached]
    /// Reachable only if onward-sharing limits were ignored: the risk if agreements are not honoured.
    public let onlyIgnoringOnwardLimits: [Reached]

    enum CodingKeys: String, CodingKey {
        case from, date, purpose, category, reachable
        case maxHops = "max_hops"
        case onlyIgnoringOnwardLimits = "only_ignoring_onward_limits"
    }
}

extension SharingNetwork {
    /// How a search arrived at an organisation: the agreement of the last hop and the state it came from.
    struct Arrival {
        let organisation: OrganisationIndex
        /// The agreement the data arrived under; nil at the start.
        let agreement: AgreementIndex?
        /// The key of the state it came from (itself at the start).
        let parent: UInt64
    }

    /// The result of a search: for each reached organisation, the key of the state it was first reached in
    /// and its hop count; and every visited state's arrival, for rebuilding paths.
    struct SearchResult {
        var first: [OrganisationIndex: (key: UInt64, hops: Int)] = [:]
        var arrivals: StateTable

        init(organisations: Int) {
            arrivals = StateTable(organisations: organisations)
        }
    }

    /// Visited states, looked up without hashing for the two common classes (unrestricted and stuck), which
    /// are one flat array slot per organisation; only states naming a set of purposes use a dictionary.
    struct StateTable {
        private var unrestricted: [Int32]
        private var stuck: [Int32]
        private var specific: [UInt64: Int32] = [:]
        private var list: [Arrival] = []

        init(organisations: Int) {
            unrestricted = [Int32](repeating: -1, count: organisations)
            stuck = [Int32](repeating: -1, count: organisations)
        }

        /// Whether the state has been visited (no copy of the arrival).
        func contains(_ key: UInt64) -> Bool {
            let organisation = Int(key >> 32), rule = key & 0xFFFF_FFFF
            switch rule {
            case 0xFFFF_FFFF: return unrestricted[organisation] >= 0
            case 0xFFFF_FFFE: return stuck[organisation] >= 0
            default: return specific[key] != nil
            }
        }

        subscript(key: UInt64) -> Arrival? {
            get {
                let organisation = Int(key >> 32), rule = key & 0xFFFF_FFFF
                let slot: Int32
                switch rule {
                case 0xFFFF_FFFF: slot = unrestricted[organisation]
                case 0xFFFF_FFFE: slot = stuck[organisation]
                default: slot = specific[key] ?? -1
                }
                return slot < 0 ? nil : list[Int(slot)]
            }
            set {
                guard let newValue else { return }
                let slot = Int32(list.count)
                list.append(newValue)
                let organisation = Int(key >> 32), rule = key & 0xFFFF_FFFF
                switch rule {
                case 0xFFFF_FFFF: unrestricted[organisation] = slot
                case 0xFFFF_FFFE: stuck[organisation] = slot
                default: specific[key] = slot
                }
            }
        }
    }

    /// Search states are (organisation, what it may do next). States whose futures are the same are one
    /// state: arriving under onward sharing `any` (or `same_purpose` when a purpose is asked for, since both
    /// agreements then cover it) leaves the data unrestricted, as at the start; arriving under `none` leaves
    /// it stuck. Only `same_purpose` without a purpose depends on the agreement, and then only on its set of
    /// purposes. This keeps the search close to one state per organisation instead of one per party row.
    func stateKey(_ organisation: OrganisationIndex, arrivingUnder agreement: AgreementIndex?, purpose: PurposeIndex?, honour: Bool) -> UInt64 {
        let high = UInt64(UInt32(bitPattern: organisation.rawValue)) << 32
        guard honour, let agreement else { return high | 0xFFFF_FFFF }
        switch onwardSharing[agreement.position] {
        case .any: return high | 0xFFFF_FFFF
        case .none: return high | 0xFFFF_FFFE
        // Agreements with the same purposes have the same futures: one state for all of them.
        case .samePurpose: return purpose != nil ? high | 0xFFFF_FFFF : high | UInt64(UInt32(bitPattern: purposeSet[agreement.position]))
        }
    }

    /// Breadth-first search from `source` over states (see `stateKey`), expanding each state's onward hops
    /// in (organisation id, agreement id) order, so that the first path found to each state is the smallest
    /// shortest one, hop by hop. Stops early at `target`.
    ///
    /// The plain, one-sided definition of the search: `shortestChain` and `reachable` (OrganisationSearch.swift)
    /// answer the same questions much faster and are tested against this, hop for hop.
    func search(
        from source: OrganisationIndex, to target: OrganisationIndex?, purpose: PurposeIndex?, category: DataCategoryIndex?,
        maxHops: Int? = nil, honourOnwardLimits: Bool = true
    ) -> SearchResult {
        let covered = StateGraph(self, purpose: purpose, category: category, honourOnwardLimits: honourOnwardLimits).covers
        var result = SearchResult(organisations: register.organisations.count)
        let startKey = stateKey(source, arrivingUnder: nil, purpose: purpose, honour: honourOnwardLimits)
        result.arrivals[startKey] = Arrival(organisation: source, agreement: nil, parent: startKey)
        result.first[source] = (startKey, 0)
        var frontier = [startKey]
        var hops = 0
        var candidates: [(organisation: OrganisationIndex, agreement: AgreementIndex)] = []
        while !frontier.isEmpty {
            if let maxHops, hops >= maxHops { break }
            hops += 1
            var next: [UInt64] = []
            for key in frontier {
                guard let here = result.arrivals[key] else { continue }
                let rule = key & 0xFFFF_FFFF
                if rule == 0xFFFF_FFFE { continue }  // arrived under `none`: may not pass the data on
                // Under `same_purpose` without a purpose asked for, the state names the agreement's purposes;
                // the agreement the data first arrived under has them.
                let incoming: AgreementIndex? = rule == 0xFFFF_FFFF ? nil : here.agreement
                candidates.removeAll(keepingCapacity: true)
                for agreement in providing[here.organisation.position] where covered(agreement) {
                    if let incoming, !mayPassOn(from: incoming, to: agreement, purpose: purpose) { continue }
                    for recipient in recipients[agreement.position] where recipient != here.organisation {
                        // Most candidates lead to states already seen: drop them before sorting.
                        if !result.arrivals.contains(stateKey(recipient, arrivingUnder: agreement, purpose: purpose, honour: honourOnwardLimits)) {
                            candidates.append((recipient, agreement))
                        }
                    }
                }
                candidates.sort {
                    let left = organisationRank[$0.organisation.position], right = organisationRank[$1.organisation.position]
                    return left != right ? left < right : agreementRank[$0.agreement.position] < agreementRank[$1.agreement.position]
                }
                for (recipient, agreement) in candidates {
                    let reached = stateKey(recipient, arrivingUnder: agreement, purpose: purpose, honour: honourOnwardLimits)
                    guard !result.arrivals.contains(reached) else { continue }
                    result.arrivals[reached] = Arrival(organisation: recipient, agreement: agreement, parent: key)
                    if result.first[recipient] == nil { result.first[recipient] = (reached, hops) }
                    if recipient == target { return result }
                    next.append(reached)
                }
            }
            frontier = next
        }
        return result
    }

    /// The hops leading to the state `key`, following arrivals back to the start.
    func hops(to key: UInt64, in result: SearchResult) -> [Hop] {
        var hops: [Hop] = []
        var current = key
        while let arrival = result.arrivals[current], let agreement = arrival.agreement, let previous = result.arrivals[arrival.parent] {
            hops.append(Hop(from: register[previous.organisation].id, to: register[arrival.organisation].id, agreement: register[agreement].id))
            current = arrival.parent
        }
        return hops.reversed()
    }

    /// The shortest lawful path from `source` to `target`, up to `alternatives` more, and, when there is
    /// none, why not. See `SharingNetwork.mayPassOn` for the onward-sharing rule.
    public func lawfulPath(
        from source: OrganisationIndex, to target: OrganisationIndex, purpose: PurposeIndex? = nil,
        category: DataCategoryIndex? = nil, alternatives: Int = 0
    ) -> PathResult {
        let purposeID = purpose.map { register[$0].id }
        let categoryID = category.map { register[$0].id }
        func result(found: Bool, hops: [Hop] = [], alternatives: [[Hop]] = [], blocked: Blockage? = nil,
                    unrestricted: [Hop]? = nil, reason: String? = nil) -> PathResult {
            PathResult(from: register[source].id, to: register[target].id, date: date, purpose: purposeID, category: categoryID,
                       found: found, hops: hops, alternatives: alternatives, blockedBy: blocked, unrestrictedHops: unrestricted, reason: reason)
        }
        let what = [purposeID.map { "for \($0)" }, categoryID.map { "covering \($0)" }].compactMap { $0 }.joined(separator: " ")
        let qualifier = what.isEmpty ? "" : " " + what
        guard exists[source.position] else { return result(found: false, reason: "\(register[source].id) does not exist on \(date).") }
        guard exists[target.position] else { return result(found: false, reason: "\(register[target].id) does not exist on \(date).") }
        guard source != target else { return result(found: true, reason: "The source and the target are the same organisation.") }

        // Cheap answers first: one side has no agreement in force for the purpose at all.
        let sourceShares = providing[source.position].contains { covers($0, purpose: purpose, category: category) }
        let targetReceives = receiving[target.position].contains { covers($0, purpose: purpose, category: category) }
        if !sourceShares {
            return result(found: false, reason: "\(register[source].id) provides data under no agreement in force\(qualifier).")
        }
        if !targetReceives {
            return result(found: false, reason: "\(register[target].id) receives data under no agreement in force\(qualifier).")
        }
        // The lawful search first; only when it fails, the search ignoring onward limits, to say why.
        func found(_ shortest: [Hop]) -> PathResult {
            let more = alternatives > 0 ? alternativePaths(from: source, to: target, purpose: purpose, category: category,
                                                           excluding: shortest, limit: alternatives) : []
            return result(found: true, hops: shortest, alternatives: more)
        }
        let lawful = StateGraph(self, purpose: purpose, category: category, honourOnwardLimits: true)
        if let chain = shortestChain(in: lawful, from: source, to: target) { return found(hops(along: chain)) }
        let unrestricted = StateGraph(self, purpose: purpose, category: category, honourOnwardLimits: false)
        if let unrestrictedChain = shortestChain(in: unrestricted, from: source, to: target) {
            let chain = hops(along: unrestrictedChain)
            let blockage = firstBlockage(in: chain, purpose: purpose)
            return result(found: false, blocked: blockage, unrestricted: chain,
                          reason: blockage.map { "The chain stops at \($0.organisation): it received the data under \($0.agreement), whose onward sharing is \($0.onwardSharing)." }
                              ?? "No lawful chain of agreements\(qualifier).")
        }
        return result(found: false, reason: "No chain of agreements in force\(qualifier) connects them.")
    }

    /// A chain of indices as hops between ids.
    func hops(along chain: [(from: OrganisationIndex, to: OrganisationIndex, agreement: AgreementIndex)]) -> [Hop] {
        chain.map { Hop(from: register[$0.from].id, to: register[$0.to].id, agreement: register[$0.agreement].id) }
    }

    /// Where a chain found without onward limits first breaks them.
    func firstBlockage(in chain: [Hop], purpose: PurposeIndex?) -> Blockage? {
        for position in chain.indices.dropFirst() {
            guard let incoming = register.agreementIndex(id: chain[position - 1].agreement),
                  let outgoing = register.agreementIndex(id: chain[position].agreement) else { continue }
            if !mayPassOn(from: incoming, to: outgoing, purpose: purpose) {
                let onward = register[incoming].onwardSharing
                let reason = onward == .none
                    ? "\(register[incoming].id) does not allow onward sharing"
                    : "\(register[incoming].id) allows onward sharing only for its own purposes, and \(register[outgoing].id) shares none of them"
                return Blockage(agreement: register[incoming].id, organisation: chain[position].from, onwardSharing: onward.rawValue,
                                next: register[outgoing].id, reason: reason)
            }
        }
        return nil
    }

    /// Up to `limit` lawful paths other than `shortest`, fewest hops first (then by the ids along them),
    /// each visiting an organisation at most once. Explores at most a fixed number of partial paths and no
    /// more than two hops beyond the shortest, so it stays fast on large registers.
    func alternativePaths(
        from source: OrganisationIndex, to target: OrganisationIndex, purpose: PurposeIndex?, category: DataCategoryIndex?,
        excluding shortest: [Hop], limit: Int
    ) -> [[Hop]] {
        let maxLength = shortest.count + 2
        var found: [[Hop]] = []
        var budget = 200_000
        struct Partial {
            var organisations: [OrganisationIndex]
            var agreements: [AgreementIndex]
        }
        var layer = [Partial(organisations: [source], agreements: [])]
        for _ in 0..<maxLength {
            var next: [Partial] = []
            for partial in layer {
                guard let here = partial.organisations.last else { continue }
                for agreement in providing[here.position] where covers(agreement, purpose: purpose, category: category) {
                    if let incoming = partial.agreements.last, !mayPassOn(from: incoming, to: agreement, purpose: purpose) { continue }
                    for recipient in recipients[agreement.position] where !partial.organisations.contains(recipient) {
                        budget -= 1
                        if budget <= 0 { return found }
                        var extended = partial
                        extended.organisations.append(recipient)
                        extended.agreements.append(agreement)
                        if recipient == target {
                            let hops = zip(zip(extended.organisations, extended.organisations.dropFirst()), extended.agreements).map {
                                Hop(from: register[$0.0.0].id, to: register[$0.0.1].id, agreement: register[$0.1].id)
                            }
                            if hops != shortest {
                                found.append(hops)
                                if found.count >= limit { return found }
                            }
                        } else {
                            next.append(extended)
                        }
                    }
                }
            }
            layer = next
        }
        return found
    }

    /// Every organisation data can lawfully reach from `source` within `maxHops`, and those reachable only
    /// if onward-sharing limits were ignored.
    public func reach(from source: OrganisationIndex, purpose: PurposeIndex? = nil, category: DataCategoryIndex? = nil,
                      maxHops: Int? = nil) -> ReachResult {
        guard exists[source.position] else {
            return ReachResult(from: register[source].id, date: date, purpose: purpose.map { register[$0].id },
                               category: category.map { register[$0].id }, maxHops: maxHops, reachable: [], onlyIgnoringOnwardLimits: [])
        }
        func listing(_ found: [(organisation: OrganisationIndex, hops: Int, via: AgreementIndex)]) -> [ReachResult.Reached] {
            found.map { ReachResult.Reached(organisation: register[$0.organisation].id, hops: $0.hops, via: register[$0.via].id) }
                .sorted { $0.hops != $1.hops ? $0.hops < $1.hops : $0.organisation < $1.organisation }
        }
        let lawful = StateGraph(self, purpose: purpose, category: category, honourOnwardLimits: true)
        let reachable = listing(self.reachable(in: lawful, from: source, maxHops: maxHops))
        let unrestricted = StateGraph(self, purpose: purpose, category: category, honourOnwardLimits: false)
        let lawfulIDs = Set(reachable.map(\.organisation))
        return ReachResult(from: register[source].id, date: date, purpose: purpose.map { register[$0].id },
                           category: category.map { register[$0].id }, maxHops: maxHops, reachable: reachable,
                           onlyIgnoringOnwardLimits: listing(self.reachable(in: unrestricted, from: source, maxHops: maxHops))
                               .filter { !lawfulIDs.contains($0.organisation) })
    }
}
