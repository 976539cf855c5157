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
    /// A search state: an organisation holding the data and the agreement it arrived under (nil at the start).
    struct State: Hashable {
        let organisation: OrganisationIndex
        let agreement: AgreementIndex?

        var key: UInt64 {
            UInt64(UInt32(bitPattern: organisation.rawValue)) << 32 | UInt64(UInt32(bitPattern: agreement?.rawValue ?? -1))
        }
    }

    /// Breadth-first search over states from `source`, expanding neighbours in id order so that the first
    /// path found to each state is the lexicographically smallest shortest one. Stops early at `target`.
    /// Returns, per reached organisation, the state it was first reached in, and the parent links.
    func search(
        from source: OrganisationIndex, to target: OrganisationIndex?, purpose: PurposeIndex?, category: DataCategoryIndex?,
        maxHops: Int? = nil, honourOnwardLimits: Bool = true
    ) -> (first: [OrganisationIndex: (state: State, hops: Int)], parent: [UInt64: State]) {
        var coverCache = [Int8](repeating: 0, count: register.agreements.count)  // 0 unknown, 1 yes, 2 no
        func covered(_ agreement: AgreementIndex) -> Bool {
            if coverCache[agreement.position] == 0 {
                coverCache[agreement.position] = covers(agreement, purpose: purpose, category: category) ? 1 : 2
            }
            return coverCache[agreement.position] == 1
        }
        let start = State(organisation: source, agreement: nil)
        var parent: [UInt64: State] = [start.key: start]
        var first: [OrganisationIndex: (state: State, hops: Int)] = [source: (start, 0)]
        var frontier = [start]
        var hops = 0
        while !frontier.isEmpty {
            if let maxHops, hops >= maxHops { break }
            hops += 1
            var next: [State] = []
            for state in frontier {
                // Candidates in (organisation id, agreement id) order: with the frontier in discovery order,
                // the first path found to each state is the smallest shortest one, hop by hop.
                var candidates: [State] = []
                for agreement in providing[state.organisation.position] where covered(agreement) {
                    if honourOnwardLimits, let incoming = state.agreement,
                       !mayPassOn(from: incoming, to: agreement, purpose: purpose) { continue }
                    for recipient in recipients[agreement.position] where recipient != state.organisation {
                        candidates.append(State(organisation: recipient, agreement: agreement))
                    }
                }
                candidates.sort {
                    let left = organisationRank[$0.organisation.position], right = organisationRank[$1.organisation.position]
                    if left != right { return left < right }
                    return agreementRank[$0.agreement?.position ?? 0] < agreementRank[$1.agreement?.position ?? 0]
                }
                for reached in candidates {
                    guard parent[reached.key] == nil else { continue }
                    parent[reached.key] = state
                    if first[reached.organisation] == nil { first[reached.organisation] = (reached, hops) }
                    if reached.organisation == target { return (first, parent) }
                    next.append(reached)
                }
            }
            frontier = next
        }
        return (first, parent)
    }

    /// The hops leading to `state`, following parent links back to the start.
    func hops(to state: State, parent: [UInt64: State]) -> [Hop] {
        var hops: [Hop] = []
        var current = state
        while let agreement = current.agreement, let previous = parent[current.key] {
            hops.append(Hop(from: register[previous.organisation].id, to: register[current.organisation].id, agreement: register[agreement].id))
            current = previous
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

        let lawful = search(from: source, to: target, purpose: purpose, category: category)
        if let reached = lawful.first[target] {
            let shortest = hops(to: reached.state, parent: lawful.parent)
            let more = alternatives > 0 ? alternativePaths(from: source, to: target, purpose: purpose, category: category,
                                                           excluding: shortest, limit: alternatives) : []
            return result(found: true, hops: shortest, alternatives: more)
        }
        // No lawful path: is there a chain if onward-sharing limits are ignored?
        let unrestricted = search(from: source, to: target, purpose: purpose, category: category, honourOnwardLimits: false)
        if let reached = unrestricted.first[target] {
            let chain = hops(to: reached.state, parent: unrestricted.parent)
            let blockage = firstBlockage(in: chain, purpose: purpose)
            return result(found: false, blocked: blockage, unrestricted: chain,
                          reason: blockage.map { "The chain stops at \($0.organisation): it received the data under \($0.agreement), whose onward sharing is \($0.onwardSharing)." }
                              ?? "No lawful chain of agreements\(qualifier).")
        }
        let sourceShares = providing[source.position].contains { covers($0, purpose: purpose, category: category) }
        let targetReceives = register.agreements.indices.contains { position in
            inForce[position] && recipients[position].contains(target)
                && covers(AgreementIndex(position), purpose: purpose, category: category)
        }
        let reason: String
        if !sourceShares {
            reason = "\(register[source].id) provides data under no agreement in force\(qualifier)."
        } else if !targetReceives {
            reason = "\(register[target].id) receives data under no agreement in force\(qualifier)."
        } else {
            reason = "No chain of agreements in force\(qualifier) connects them."
        }
        return result(found: false, reason: reason)
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
        func listing(_ first: [OrganisationIndex: (state: State, hops: Int)]) -> [ReachResult.Reached] {
            first.filter { $0.key != source }.map { organisation, entry in
                ReachResult.Reached(organisation: register[organisation].id, hops: entry.hops,
                                    via: entry.state.agreement.map { register[$0].id } ?? "")
            }.sorted { $0.hops != $1.hops ? $0.hops < $1.hops : $0.organisation < $1.organisation }
        }
        let lawful = exists[source.position] ? search(from: source, to: nil, purpose: purpose, category: category, maxHops: maxHops).first : [:]
        let unrestricted = exists[source.position]
            ? search(from: source, to: nil, purpose: purpose, category: category, maxHops: maxHops, honourOnwardLimits: false).first : [:]
        let reachable = listing(lawful)
        let lawfulIDs = Set(reachable.map(\.organisation))
        return ReachResult(from: register[source].id, date: date, purpose: purpose.map { register[$0].id },
                           category: category.map { register[$0].id }, maxHops: maxHops, reachable: reachable,
                           onlyIgnoringOnwardLimits: listing(unrestricted).filter { !lawfulIDs.contains($0.organisation) })
    }
}
