import ArgumentParser
import SharemapAnalysis

/// `sharemap stats`: headline counts of the register.
struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count the register: organisations by kind, agreements by status, areas, contacts, assets.",
        discussion: "Organisations are counted in total and as existing on --on; agreements in force on --on."
    )

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let loaded = try register.loadRegister()
        let stats = RegisterStatistics(register: loaded, on: register.date)
        switch output.format {
        case .json:
            try printJSON(stats)
        case .text:
            print("Register \(register.data) on \(stats.date)")
            print("")
            var kinds = TextTable("kind", "organisations", "existing", rightAligned: [1, 2])
            for row in stats.organisationsByKind { kinds.add(row.kind, "\(row.total)", "\(row.existing)") }
            kinds.add("all", "\(stats.organisations)", "\(stats.existingOrganisations)")
            print(kinds.rendered)
            print("")
            var statuses = TextTable("agreement status", "agreements", rightAligned: [1])
            for row in stats.agreementsByStatus { statuses.add(row.status, "\(row.count)") }
            statuses.add("all", "\(stats.agreements)")
            print(statuses.rendered)
            print("")
            print("In force on \(stats.date): \(count(stats.inForce, "agreement")) (\(stats.reviewDue) due for review).")
            print("\(count(stats.areas, "area")), \(count(stats.parties, "party row", plural: "party rows")), \(count(stats.contacts, "contact")), \(count(stats.assets, "information asset")), \(count(stats.partnerships, "partnership")), \(count(stats.projects, "project brief")).")
        }
    }
}
