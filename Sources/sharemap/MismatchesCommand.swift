import ArgumentParser
import SharemapAnalysis
import SharemapModel

/// `sharemap mismatches KIND_A KIND_B`: where two kinds of boundary do not line up.
struct MismatchesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mismatches",
        abstract: "Compare how two kinds of organisation cut up London's areas, or check agreements' areas.",
        discussion: """
        Example: sharemap mismatches police_bcu nhs_icb --on 2025-06-01
        Lists which organisations overlap in which areas, which straddle several of the other kind, which \
        pairs are coterminous, areas covered by neither or by several, and a score: the share of areas \
        where the two organisations' footprints nest (1 = no area is cut).
        With --agreements: agreements whose declared area includes areas no party covers, or parties that \
        operate nowhere in it.
        Kinds: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")).
        """
    )

    @Argument(help: "The first kind, e.g. police_bcu.") var kindA: String?
    @Argument(help: "The second kind, e.g. nhs_icb.") var kindB: String?
    @Flag(help: "Check agreements' declared areas against their parties instead.") var agreements = false
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func kind(_ text: String) throws -> OrganisationKind {
        if let kind = OrganisationKind(rawValue: text) { return kind }
        throw ValidationError("unknown kind \"\(text)\"\(Suggestions.hint(for: text, in: OrganisationKind.allCases.map(\.rawValue))) (expected one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
    }

    func validate() throws {
        if agreements { return }
        guard let kindA, let kindB else { throw ValidationError("give two kinds (e.g. police_bcu nhs_icb), or --agreements") }
        _ = try kind(kindA)
        _ = try kind(kindB)
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let network = SharingNetwork(register: loaded, on: register.date)
        let lookup = Lookup(register: loaded)
        if agreements {
            let found = network.agreementAreaMismatches()
            if output.format == .json { return try printJSON(found) }
            print("Agreements whose area and parties disagree on \(register.date) (\(found.count)):")
            var table = TextTable("agreement", "areas no party covers", "parties outside the area")
            for item in found {
                table.add(item.agreement, item.uncoveredAreas.compactMap { loaded.areaIndex(id: $0) }.map { loaded[$0].name }.joined(separator: ", "),
                          item.partiesOutside.joined(separator: ", "))
            }
            return print(table.rendered)
        }
        guard let kindA, let kindB else { return }
        let result = network.mismatches(try kind(kindA), try kind(kindB))
        if output.format == .json { return try printJSON(result) }
        print("\(result.kindA) against \(result.kindB) on \(result.date): coterminosity score \(result.score)\n")
        var cells = TextTable(result.kindA, result.kindB, "shared areas")
        for cell in result.cells {
            cells.add(lookup.name(cell.a), lookup.name(cell.b), cell.areas.compactMap { loaded.areaIndex(id: $0) }.map { loaded[$0].name }.joined(separator: ", "))
        }
        print(cells.rendered)
        print("\nStraddling several of the other kind (\(result.split.count)):")
        for split in result.split { print("  \(lookup.name(split.organisation)) (\(split.kind)) spans \(split.across.map(lookup.name).joined(separator: ", "))") }
        print("\nCoterminous pairs (\(result.coterminous.count)):")
        for pair in result.coterminous { print("  \(pair.map(lookup.name).joined(separator: " = "))") }
        print("\nAreas with no organisation of a kind (\(result.uncovered.count)):")
        for problem in result.uncovered { print("  \(problem.name): no \(problem.kind)") }
        print("\nAreas covered by several of one kind (\(result.multiplyCovered.count)):")
        for problem in result.multiplyCovered { print("  \(problem.name): \(problem.organisations.map(lookup.name).joined(separator: ", "))") }
    }
}
