import ArgumentParser
import SharemapAnalysis

/// `sharemap gaps`: what should be fixed.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Find partnership gaps, expired and review-due agreements, unsigned parties, missing DPIAs and contacts.",
        discussion: """
        Partnership gaps: for every statutory partnership and area, each pair of member organisations with no \
        agreement in force covering one of the partnership's purposes (each pair once, with its areas). Also: \
        agreements marked active but expired, due for review, expiring within --within days, active with \
        unsigned parties, active or draft with special category data and no DPIA, organisations without a DPO, \
        organisations with no agreement in force, and agreements naming a party that no longer exists (novation).
        """
    )

    @Option(help: ArgumentHelp("Days ahead for expiring agreements (0-3650).", valueName: "days")) var within = 90
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard (0...3650).contains(within) else { throw ValidationError("--within must be between 0 and 3650") }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let report = SharingNetwork(register: loaded, on: register.date).gaps(within: within)
        if output.format == .json { return try printJSON(report) }
        let lookup = Lookup(register: loaded)
        print("Gaps in \(register.data) on \(report.date)\n")
        print("Partnership gaps (\(report.partnershipGaps.count) pairs):")
        var table = TextTable("partnership", "organisations", "areas")
        for gap in report.partnershipGaps {
            let areas = gap.areas.compactMap { loaded.areaIndex(id: $0) }.map { loaded[$0].name }
            table.add(gap.partnership, gap.organisations.map(lookup.name).joined(separator: " + "),
                      areas.count > 4 ? "\(areas.prefix(4).joined(separator: ", ")) and \(areas.count - 4) more" : areas.joined(separator: ", "))
        }
        print(table.rendered)
        for (title, findings) in [("Marked active but expired", report.expired), ("Review due", report.reviewDue),
                                  ("Expiring within \(report.within) days", report.expiring), ("Active with unsigned parties", report.unsigned),
                                  ("Special category data without a DPIA", report.missingDPIA)] {
            print("\n\(title) (\(findings.count)):")
            var rows = TextTable("agreement", "date", "detail")
            for finding in findings {
                let who = finding.organisations.isEmpty ? "" : ": " + finding.organisations.joined(separator: ", ")
                rows.add(finding.agreement, finding.date?.description ?? "", finding.detail + who)
            }
            print(rows.rendered)
        }
        print("\nNo DPO contact (\(report.missingDPO.count)): \(report.missingDPO.joined(separator: ", "))")
        print("\nNo agreement in force (\(report.isolated.count)): \(report.isolated.joined(separator: ", "))")
        print("\nNaming a party that no longer exists (\(report.novation.count)):")
        var novation = TextTable("agreement", "party", "ended", "must re-sign or novate")
        for item in report.novation {
            novation.add(item.agreement, item.party, item.ended?.description ?? "",
                         item.successor.map { $0 + ($0.isEmpty ? "" : item.successorIsParty ? " (already a party: remove the old party)" : "") } ?? "no successor recorded")
        }
        print(novation.rendered)
    }
}
