import SharemapModel

/// Checks that need a whole file (or several) read first: cycles and agreements' parties.
extension RegisterReader {
    /// Cycles through `parent` or `successor` links, each reported once, at its first line.
    mutating func checkOrganisationCycles() {
        let file = path("organisations.csv")
        for (field, link) in [("parent", \Organisation.parent), ("successor", \Organisation.successor)] {
            for cycle in findCycles(count: organisations.count, next: { organisations[$0][keyPath: link]?.position }) {
                let names = (cycle + [cycle[0]]).map { organisations[$0].id }.joined(separator: " -> ")
                let first = cycle.min { organisationLines[$0] < organisationLines[$1] } ?? cycle[0]
                log.error(file, line: organisationLines[first], field: field, "\(field) links form a cycle: \(names)")
            }
        }
    }

    mutating func checkTaxonomyCycles<Term: TaxonomyTerm>(_ terms: [Term], lines: [Int], file: String) {
        for cycle in findCycles(count: terms.count, next: { terms[$0].parent?.position }) {
            let names = (cycle + [cycle[0]]).map { terms[$0].id }.joined(separator: " -> ")
            let first = cycle.min { lines[$0] < lines[$1] } ?? cycle[0]
            log.error(file, line: lines[first], field: "parent", "parent links form a cycle: \(names)")
        }
    }

    /// Every agreement has at least two parties, one of which provides and one of which receives.
    mutating func checkAgreements() {
        let file = path("agreements.csv")
        // Ownership warnings need every reference resolved; after errors they could point anywhere.
        let referencesResolved = log.errorCount == 0
        for (position, agreement) in agreements.enumerated() {
            let line = agreementLines[position]
            let parties = agreement.parties
            if parties.count < 2 {
                log.error(file, line: line, field: "parties",
                          "\"\(agreement.id)\" has \(parties.count) part\(parties.count == 1 ? "y" : "ies") in agreement_parties.csv (at least 2 are needed)")
                continue
            }
            if !parties.contains(where: { $0.role.provides }) {
                log.error(file, line: line, field: "parties", "\"\(agreement.id)\" has no provider (a party with role provider or both)")
            }
            if !parties.contains(where: { $0.role.receives }) {
                log.error(file, line: line, field: "parties", "\"\(agreement.id)\" has no recipient (a party with role recipient or both)")
            }
            guard referencesResolved else { continue }
            for asset in agreement.assets where !parties.contains(where: { $0.organisation == assets[asset.position].organisation }) {
                log.warning(file, line: line, field: "assets",
                            "asset \"\(assets[asset.position].id)\" belongs to \"\(organisations[assets[asset.position].organisation.position].id)\", which is not a party")
            }
        }
    }
}

/// The cycles in a functional graph (each node has at most one successor), each as its members in
/// link order starting from its lowest position. Nodes leading into a cycle are not part of it.
func findCycles(count: Int, next: (Int) -> Int?) -> [[Int]] {
    var state = [UInt8](repeating: 0, count: count)  // 0 unvisited, 1 on the current walk, 2 done
    var cycles: [[Int]] = []
    for start in 0..<count where state[start] == 0 {
        var walk: [Int] = []
        var node: Int? = start
        while let current = node, current < count, state[current] == 0 {
            state[current] = 1
            walk.append(current)
            node = next(current)
        }
        if let current = node, current < count, state[current] == 1, let from = walk.firstIndex(of: current) {
            var cycle = Array(walk[from...])
            if let lowest = cycle.indices.min(by: { cycle[$0] < cycle[$1] }) {
                cycle = Array(cycle[lowest...] + cycle[..<lowest])
            }
            cycles.append(cycle)
        }
        for member in walk { state[member] = 2 }
    }
    return cycles
}
