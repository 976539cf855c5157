import SharemapModel

/// The fast lawful-path and reach searches.
///
/// Data held by an organisation is in one of a few *classes*, set by the agreement it arrived under:
/// open (at the start, or under onward sharing `any`, or `same_purpose` when a purpose is asked for, since
/// both agreements then cover it), stuck (under `none`: it may not be passed on), or, under `same_purpose`
/// without a purpose asked for, restricted to that agreement's set of purposes (it may be passed on under
/// an agreement sharing one of them). Ignoring onward limits, everything is open. A search state is
/// (organisation, class), so there are a handful of states per organisation, not one per party row, and
/// the searches below run over flat arrays indexed by state.
///
/// `SharingNetwork.search` is the plain one-sided search over the same states; it is the reference these
/// searches are tested against, hop for hop.
extension SharingNetwork {
    /// The hops a search may take: agreements in force covering the purpose and category, and the class
    /// of data after each.
    struct StateGraph {
        let network: SharingNetwork
        let wantedPurposes: [PurposeIndex]?
        let wantedCategories: [DataCategoryIndex]?
        let purposeGiven: Bool
        let honourOnwardLimits: Bool
        /// Classes: 0 open, 1 stuck, 2 + s restricted to purpose set s.
        let classes: Int

        static let open = 0, stuck = 1

        init(_ network: SharingNetwork, purpose: PurposeIndex?, category: DataCategoryIndex?, honourOnwardLimits: Bool) {
            self.network = network
            // An agreement covers the purpose when one of its purposes is the purpose or an ancestor of it.
            wantedPurposes = purpose.map { network.register.purposes.selfAndAncestors(of: $0) }
            wantedCategories = category.map { network.register.dataCategories.selfAndAncestors(of: $0) }
            purposeGiven = purpose != nil
            self.honourOnwardLimits = honourOnwardLimits
            classes = honourOnwardLimits && purpose == nil ? 2 + network.purposeSetCount : 2
        }

        @inline(__always) func covers(_ agreement: AgreementIndex) -> Bool {
            if let wantedPurposes, !network.agreementPurposes[agreement.position].contains(where: wantedPurposes.contains) { return false }
            if let wantedCategories, !network.agreementCategories[agreement.position].contains(where: wantedCategories.contains) { return false }
            return true
        }

        /// The class of data received under `agreement`.
        @inline(__always) func classAfter(_ agreement: AgreementIndex) -> Int {
            guard honourOnwardLimits else { return Self.open }
            switch network.onwardSharing[agreement.position] {
            case .any: return Self.open
            case .none: return Self.stuck
            case .samePurpose: return purposeGiven ? Self.open : 2 + Int(network.purposeSet[agreement.position])
            }
        }

        /// Calls `body` with each hop onwards from `organisation` holding data of class `dataClass`: the
        /// recipient, the agreement, and the class of data the recipient then holds.
        @inline(__always) func forEachHop(from organisation: OrganisationIndex, holding dataClass: Int,
                                          _ body: (OrganisationIndex, AgreementIndex, Int) -> Void) {
            for agreement in network.providing[organisation.position] where covers(agreement) && allows(dataClass, agreement) {
                let arrived = classAfter(agreement)
                for recipient in network.recipients[agreement.position] where recipient != organisation { body(recipient, agreement, arrived) }
            }
        }

        /// Whether data of class `dataClass` may be passed on under `agreement`.
        @inline(__always) func allows(_ dataClass: Int, _ agreement: AgreementIndex) -> Bool {
            switch dataClass {
            case Self.open: return true
            case Self.stuck: return false
            default: return network.mayPassOn(restrictedTo: Int32(dataClass - 2), under: agreement)
            }
        }
    }

    /// The shortest chain from `source` to `target` in `graph` (fewest hops; among those the smallest
    /// sequence of (organisation id, agreement id) hops, compared from the source), or nil when there is none.
    ///
    /// A bidirectional breadth-first search over states: it grows whichever side has the smaller frontier,
    /// one whole layer at a time, and stops at the first layer where the sides meet, which fixes the length
    /// d. Then it marks the forward-layer states that lie on some chain of length d and walks from the
    /// source, taking the smallest valid hop each time, which gives the same chain as a one-sided search
    /// that expands hops in id order. On unconnected pairs it stops as soon as either side runs dry, which
    /// keeps "no chain" answers fast on large registers.
    func shortestChain(in graph: StateGraph, from source: OrganisationIndex, to target: OrganisationIndex)
        -> [(from: OrganisationIndex, to: OrganisationIndex, agreement: AgreementIndex)]? {
        guard source != target else { return [] }
        let classes = graph.classes
        let states = register.organisations.count * classes
        func state(_ organisation: OrganisationIndex, _ dataClass: Int) -> Int { organisation.position * classes + dataClass }
        var forward = [Int32](repeating: -1, count: states), backward = [Int32](repeating: -1, count: states)
        let start = state(source, StateGraph.open)
        forward[start] = 0
        var forwardLayers: [[Int]] = [[start]]
        // The target is reached in any class.
        var backwardFrontier = (0..<classes).map { state(target, $0) }
        for end in backwardFrontier { backward[end] = 0 }
        var backwardDepth: Int32 = 0
        var length = Int32.max
        while length == .max {
            guard let frontier = forwardLayers.last, !frontier.isEmpty, !backwardFrontier.isEmpty else { return nil }
            if frontier.count <= backwardFrontier.count {
                let depth = Int32(forwardLayers.count)
                var next: [Int] = []
                for here in frontier {
                    let organisation = OrganisationIndex(here / classes), dataClass = here % classes
                    graph.forEachHop(from: organisation, holding: dataClass) { recipient, _, arrived in
                        // Stuck data goes no further: only the target is worth reaching that way.
                        if arrived == StateGraph.stuck, recipient != target { return }
                        let reached = state(recipient, arrived)
                        guard forward[reached] < 0 else { return }
                        forward[reached] = depth
                        next.append(reached)
                        if backward[reached] >= 0 { length = min(length, depth + backward[reached]) }
                    }
                }
                forwardLayers.append(next)
            } else {
                backwardDepth += 1
                var next: [Int] = []
                for here in backwardFrontier {
                    let organisation = OrganisationIndex(here / classes), dataClass = here % classes
                    for agreement in receiving[organisation.position] where graph.covers(agreement) && graph.classAfter(agreement) == dataClass {
                        for provider in providers[agreement.position] where provider != organisation {
                            for previous in 0..<classes where graph.allows(previous, agreement) {
                                let reached = state(provider, previous)
                                guard backward[reached] < 0 else { continue }
                                backward[reached] = backwardDepth
                                next.append(reached)
                                if forward[reached] >= 0 { length = min(length, forward[reached] + backwardDepth) }
                            }
                        }
                    }
                }
                backwardFrontier = next
            }
        }

        // Positions from `known` on: a state lies on a shortest chain there exactly when its backward
        // distance is what remains. Before `known`: mark forward-layer states with a valid hop onwards.
        let known = max(0, Int(length - backwardDepth))
        var onChain = [Bool](repeating: false, count: states)
        func valid(_ reached: Int, at position: Int) -> Bool {
            position >= known ? backward[reached] == length - Int32(position)
                : forward[reached] == Int32(position) && onChain[reached]
        }
        func hopsOnward(from here: Int, at position: Int) -> [(to: OrganisationIndex, agreement: AgreementIndex, state: Int)] {
            let organisation = OrganisationIndex(here / classes), dataClass = here % classes
            var hops: [(to: OrganisationIndex, agreement: AgreementIndex, state: Int)] = []
            graph.forEachHop(from: organisation, holding: dataClass) { recipient, agreement, arrived in
                let reached = state(recipient, arrived)
                if valid(reached, at: position + 1) { hops.append((recipient, agreement, reached)) }
            }
            return hops
        }
        if known > 1 {
            for position in stride(from: known - 1, through: 1, by: -1) {
                for here in forwardLayers[position] where !hopsOnward(from: here, at: position).isEmpty {
                    onChain[here] = true
                }
            }
        }
        var chain: [(from: OrganisationIndex, to: OrganisationIndex, agreement: AgreementIndex)] = []
        var here = start
        for position in 0..<Int(length) {
            let next = hopsOnward(from: here, at: position).min {
                let left = organisationRank[$0.to.position], right = organisationRank[$1.to.position]
                return left != right ? left < right : agreementRank[$0.agreement.position] < agreementRank[$1.agreement.position]
            }
            guard let next else { return nil }  // unreachable: every marked state has a hop onwards
            chain.append((OrganisationIndex(here / classes), next.to, next.agreement))
            here = next.state
        }
        return chain
    }

    /// Every organisation reachable from `source` in `graph` within `maxHops`: for each, the hop count and
    /// the agreement of the last hop of the smallest shortest chain (as `shortestChain` orders them).
    func reachable(in graph: StateGraph, from source: OrganisationIndex, maxHops: Int?)
        -> [(organisation: OrganisationIndex, hops: Int, via: AgreementIndex)] {
        let classes = graph.classes
        // Per organisation: the hop count of its first arrival; per state: whether it has been reached.
        var distance = [Int32](repeating: -1, count: register.organisations.count)
        var visited = [Bool](repeating: false, count: register.organisations.count * classes)
        distance[source.position] = 0
        visited[source.position * classes + StateGraph.open] = true
        var frontier = [source.position * classes + StateGraph.open]
        var found: [(organisation: OrganisationIndex, hops: Int, via: AgreementIndex)] = []
        // Candidate hops from one state, packed as (organisation rank, agreement rank) so that sorting
        // them is a sort of integers.
        var candidates: [UInt64] = []
        var depth: Int32 = 0
        while !frontier.isEmpty {
            if let maxHops, depth >= maxHops { break }
            depth += 1
            var next: [Int] = []
            for here in frontier {
                let organisation = OrganisationIndex(here / classes), dataClass = here % classes
                if dataClass == StateGraph.stuck { continue }
                candidates.removeAll(keepingCapacity: true)
                graph.forEachHop(from: organisation, holding: dataClass) { recipient, agreement, arrived in
                    guard !visited[recipient.position * classes + arrived] else { return }
                    candidates.append(UInt64(organisationRank[recipient.position]) << 32 | UInt64(agreementRank[agreement.position]))
                }
                candidates.sort()
                for candidate in candidates {
                    let recipient = organisationByRank[Int(candidate >> 32)]
                    let agreement = AgreementIndex(agreementByRank[Int(candidate & 0xFFFF_FFFF)])
                    let reached = recipient * classes + graph.classAfter(agreement)
                    guard !visited[reached] else { continue }
                    visited[reached] = true
                    next.append(reached)
                    if distance[recipient] < 0 {
                        distance[recipient] = depth
                        found.append((OrganisationIndex(recipient), Int(depth), agreement))
                    }
                }
            }
            frontier = next
        }
        return found
    }
}
