import SharemapModel

/// Fast searches for the common case where onward sharing depends only on the agreement data arrived under.
///
/// With a purpose asked for, an organisation may pass data on exactly when the agreement it received it
/// under has onward sharing `any` or `same_purpose` (both agreements cover the purpose), and never under
/// `none`; ignoring onward limits, it always may. Either way the search needs no per-agreement states: it
/// is a walk in a plain directed graph over organisations, with an edge u -> v under agreement a when a
/// covers the purpose and category, u provides and v receives under it, v is not u, and a lets v pass the
/// data on (or v is the target, which need not pass it on). Only a lawful search without a purpose needs
/// the general state search (`SharingNetwork.search`), since `same_purpose` then depends on the pair.
extension SharingNetwork {
    /// The hops a search may take: agreements in force covering the purpose and category and, for a
    /// lawful search, whether the recipient may pass the data on.
    struct OrganisationGraph {
        let network: SharingNetwork
        let wantedPurposes: [PurposeIndex]?
        let wantedCategories: [DataCategoryIndex]?
        let honourOnwardLimits: Bool

        init(_ network: SharingNetwork, purpose: PurposeIndex?, category: DataCategoryIndex?, honourOnwardLimits: Bool) {
            self.network = network
            // An agreement covers the purpose when one of its purposes is the purpose or an ancestor of it.
            wantedPurposes = purpose.map { network.register.purposes.selfAndAncestors(of: $0) }
            wantedCategories = category.map { network.register.dataCategories.selfAndAncestors(of: $0) }
            self.honourOnwardLimits = honourOnwardLimits
        }

        @inline(__always) func covers(_ agreement: AgreementIndex) -> Bool {
            if let wantedPurposes, !network.agreementPurposes[agreement.position].contains(where: wantedPurposes.contains) { return false }
            if let wantedCategories, !network.agreementCategories[agreement.position].contains(where: wantedCategories.contains) { return false }
            return true
        }

        /// Whether data received under `agreement` may be passed on.
        @inline(__always) func passesOn(_ agreement: AgreementIndex) -> Bool {
            !honourOnwardLimits || network.onwardSharing[agreement.position] != .none
        }
    }

    /// Whether the fast searches answer a lawful query exactly (see `OrganisationGraph`).
    func organisationGraphIsExact(purpose: PurposeIndex?, honourOnwardLimits: Bool) -> Bool {
        purpose != nil || !honourOnwardLimits
    }

    /// The shortest chain from `source` to `target` in `graph` (fewest hops; among those the smallest
    /// sequence of (organisation id, agreement id) hops, compared from the source), or nil when there is none.
    ///
    /// A bidirectional breadth-first search: it grows whichever side has the smaller frontier, one whole
    /// layer at a time, and stops at the first layer where the sides meet, which fixes the length d. Then it
    /// marks the forward-layer organisations that lie on some chain of length d and walks from the source,
    /// taking the smallest valid hop each time, which gives the same chain as a one-sided search that
    /// expands hops in id order. On unconnected pairs it stops as soon as either side runs dry, which is
    /// what keeps "no chain" answers fast on large registers.
    func shortestChain(in graph: OrganisationGraph, from source: OrganisationIndex, to target: OrganisationIndex)
        -> [(from: OrganisationIndex, to: OrganisationIndex, agreement: AgreementIndex)]? {
        guard source != target else { return [] }
        let count = register.organisations.count
        var forward = [Int32](repeating: -1, count: count), backward = [Int32](repeating: -1, count: count)
        forward[source.position] = 0
        backward[target.position] = 0
        var forwardLayers: [[OrganisationIndex]] = [[source]]
        var backwardFrontier = [target]
        var backwardDepth: Int32 = 0
        var length = Int32.max
        while length == .max {
            guard let frontier = forwardLayers.last, !frontier.isEmpty, !backwardFrontier.isEmpty else { return nil }
            if frontier.count <= backwardFrontier.count {
                let depth = Int32(forwardLayers.count)
                var next: [OrganisationIndex] = []
                for here in frontier {
                    for agreement in providing[here.position] where graph.covers(agreement) {
                        let open = graph.passesOn(agreement)
                        for recipient in recipients[agreement.position] where recipient != here && forward[recipient.position] < 0 {
                            guard open || recipient == target else { continue }
                            forward[recipient.position] = depth
                            next.append(recipient)
                            if backward[recipient.position] >= 0 { length = min(length, depth + backward[recipient.position]) }
                        }
                    }
                }
                forwardLayers.append(next)
            } else {
                backwardDepth += 1
                var next: [OrganisationIndex] = []
                for here in backwardFrontier {
                    for agreement in receiving[here.position] where graph.covers(agreement) {
                        guard here == target || graph.passesOn(agreement) else { continue }
                        for provider in providers[agreement.position] where provider != here && backward[provider.position] < 0 {
                            backward[provider.position] = backwardDepth
                            next.append(provider)
                            if forward[provider.position] >= 0 { length = min(length, forward[provider.position] + backwardDepth) }
                        }
                    }
                }
                backwardFrontier = next
            }
        }

        // Positions from `known` on: an organisation lies on a shortest chain there exactly when its backward
        // distance is what remains. Before `known`: mark forward-layer organisations with a hop onwards.
        let known = max(0, Int(length - backwardDepth))
        var onChain = [Bool](repeating: false, count: count)
        func valid(_ organisation: OrganisationIndex, at position: Int) -> Bool {
            position >= known ? backward[organisation.position] == length - Int32(position)
                : forward[organisation.position] == Int32(position) && onChain[organisation.position]
        }
        func hopsOnward(from here: OrganisationIndex, at position: Int) -> [(to: OrganisationIndex, agreement: AgreementIndex)] {
            var hops: [(to: OrganisationIndex, agreement: AgreementIndex)] = []
            for agreement in providing[here.position] where graph.covers(agreement) {
                let open = graph.passesOn(agreement)
                for recipient in recipients[agreement.position] where recipient != here && (open || recipient == target) {
                    if valid(recipient, at: position + 1) { hops.append((recipient, agreement)) }
                }
            }
            return hops
        }
        if known > 1 {
            for position in stride(from: known - 1, through: 1, by: -1) {
                for organisation in forwardLayers[position] where !hopsOnward(from: organisation, at: position).isEmpty {
                    onChain[organisation.position] = true
                }
            }
        }
        var chain: [(from: OrganisationIndex, to: OrganisationIndex, agreement: AgreementIndex)] = []
        var here = source
        for position in 0..<Int(length) {
            let next = hopsOnward(from: here, at: position).min {
                let left = organisationRank[$0.to.position], right = organisationRank[$1.to.position]
                return left != right ? left < right : agreementRank[$0.agreement.position] < agreementRank[$1.agreement.position]
            }
            guard let next else { return nil }  // unreachable: every marked organisation has a hop onwards
            chain.append((here, next.to, next.agreement))
            here = next.to
        }
        return chain
    }

    /// Every organisation reachable from `source` in `graph` within `maxHops`: for each, the hop count and
    /// the agreement of the last hop of the smallest shortest chain (as `shortestChain` orders them). An
    /// organisation reached under an agreement that does not let it pass data on is listed but not expanded.
    func reachable(in graph: OrganisationGraph, from source: OrganisationIndex, maxHops: Int?)
        -> [(organisation: OrganisationIndex, hops: Int, via: AgreementIndex)] {
        let count = register.organisations.count
        // Per organisation: the hop count of its first arrival, and whether it has been expanded.
        var distance = [Int32](repeating: -1, count: count)
        var expanded = [Bool](repeating: false, count: count)
        distance[source.position] = 0
        expanded[source.position] = true
        var frontier = [source]
        var found: [(organisation: OrganisationIndex, hops: Int, via: AgreementIndex)] = []
        // Candidate hops from one organisation, packed as (organisation rank, agreement rank, passes on) so
        // that sorting them is a sort of integers.
        var candidates: [UInt64] = []
        var depth: Int32 = 0
        while !frontier.isEmpty {
            if let maxHops, depth >= maxHops { break }
            depth += 1
            var next: [OrganisationIndex] = []
            for here in frontier {
                candidates.removeAll(keepingCapacity: true)
                for agreement in providing[here.position] where graph.covers(agreement) {
                    let open = graph.passesOn(agreement)
                    for recipient in recipients[agreement.position] where recipient != here {
                        guard open ? !expanded[recipient.position] : distance[recipient.position] < 0 else { continue }
                        candidates.append(UInt64(organisationRank[recipient.position]) << 33
                            | UInt64(agreementRank[agreement.position]) << 1 | (open ? 1 : 0))
                    }
                }
                candidates.sort()
                for candidate in candidates {
                    let recipient = organisationByRank[Int(candidate >> 33)]
                    let agreement = agreementByRank[Int((candidate >> 1) & 0xFFFF_FFFF)]
                    if distance[recipient] < 0 {
                        distance[recipient] = depth
                        found.append((OrganisationIndex(recipient), Int(depth), AgreementIndex(agreement)))
                    }
                    if candidate & 1 == 1, !expanded[recipient] {
                        expanded[recipient] = true
                        next.append(OrganisationIndex(recipient))
                    }
                }
            }
            frontier = next
        }
        return found
    }
}
