import ArgumentParser
import SharemapAnalysis
import SharemapModel

/// `sharemap path FROM TO`: can data lawfully flow from one organisation to another?
struct PathCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "path",
        abstract: "Find the shortest lawful path for data from one organisation to another.",
        discussion: """
        A lawful path is a chain of agreements in force on --on, each covering --purpose and --category \
        (a broader purpose or category covers narrower ones), where every organisation in the middle may \
        pass the data on: the agreement it received the data under allows onward sharing (any), or allows \
        it for the same purpose (same_purpose). When there is none, the command says why: the agreement \
        that blocks the shortest chain, or which side has no agreement for the purpose at all.
        FROM and TO are ids, names or aliases (case and accents ignored).
        Exit status: 0 whether or not a path exists; 1 data errors; 2 usage errors (e.g. an unknown name).
        """
    )

    @Argument(help: "The organisation the data starts at.") var from: String
    @Argument(help: "The organisation the data should reach.") var to: String
    @Option(help: ArgumentHelp("Only agreements covering this purpose (an id from purposes.csv).", valueName: "purpose")) var purpose: String?
    @Option(help: ArgumentHelp("Only agreements covering this data category (an id from data_categories.csv).", valueName: "category")) var category: String?
    @Option(help: ArgumentHelp("Also list up to this many other lawful paths (0-20).", valueName: "k")) var alternatives = 0
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard (0...20).contains(alternatives) else { throw ValidationError("--alternatives must be between 0 and 20") }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let lookup = Lookup(register: loaded)
        let source = try lookup.organisation(from, option: "FROM")
        let target = try lookup.organisation(to, option: "TO")
        let network = SharingNetwork(register: loaded, on: register.date)
        let result = network.lawfulPath(from: source, to: target, purpose: try lookup.purpose(purpose),
                                        category: try lookup.category(category), alternatives: alternatives)
        if output.format == .json { return try printJSON(result) }
        let scope = [result.purpose.map { "for \($0)" }, result.category.map { "of \($0)" }].compactMap { $0 }.joined(separator: " ")
        print("\(lookup.name(result.from)) to \(lookup.name(result.to))\(scope.isEmpty ? "" : " " + scope) on \(result.date):")
        if result.found {
            if result.hops.isEmpty { print("  \(result.reason ?? "")") }
            print("  lawful path in \(count(result.hops.count, "hop")):")
            for hop in result.hops { print("    \(lookup.describe(hop))") }
            for (number, alternative) in result.alternatives.enumerated() {
                print("  alternative \(number + 1) (\(count(alternative.count, "hop"))):")
                for hop in alternative { print("    \(lookup.describe(hop))") }
            }
        } else {
            print("  no lawful path. \(result.reason ?? "")")
            if let chain = result.unrestrictedHops {
                print("  ignoring onward-sharing limits, the shortest chain would be:")
                for hop in chain { print("    \(lookup.describe(hop))") }
            }
            if let blocked = result.blockedBy {
                print("  blocked by \(blocked.agreement) at \(lookup.name(blocked.organisation)): \(blocked.reason).")
            }
        }
    }
}

/// `sharemap reach FROM`: everywhere data can lawfully go from one organisation.
struct ReachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reach",
        abstract: "List every organisation data can lawfully reach from one organisation, with hop counts.",
        discussion: "Also lists, as a risk view, organisations reachable only if onward-sharing limits were ignored."
    )

    @Argument(help: "The organisation the data starts at (id, name or alias).") var from: String
    @Option(help: ArgumentHelp("Only agreements covering this purpose.", valueName: "purpose")) var purpose: String?
    @Option(help: ArgumentHelp("Only agreements covering this data category.", valueName: "category")) var category: String?
    @Option(help: ArgumentHelp("At most this many hops (1-50).", valueName: "n")) var maxHops: Int?
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        if let maxHops, !(1...50).contains(maxHops) { throw ValidationError("--max-hops must be between 1 and 50") }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let lookup = Lookup(register: loaded)
        let source = try lookup.organisation(from, option: "FROM")
        let result = SharingNetwork(register: loaded, on: register.date)
            .reach(from: source, purpose: try lookup.purpose(purpose), category: try lookup.category(category), maxHops: maxHops)
        if output.format == .json { return try printJSON(result) }
        print("From \(lookup.name(result.from)) on \(result.date), data can lawfully reach \(count(result.reachable.count, "organisation")):")
        var table = TextTable("hops", "organisation", "via agreement", rightAligned: [0])
        for row in result.reachable { table.add("\(row.hops)", lookup.name(row.organisation), row.via) }
        print(table.rendered)
        if !result.onlyIgnoringOnwardLimits.isEmpty {
            print("\nReachable only if onward-sharing limits were ignored (\(result.onlyIgnoringOnwardLimits.count)):")
            var risk = TextTable("hops", "organisation", "via agreement", rightAligned: [0])
            for row in result.onlyIgnoringOnwardLimits { risk.add("\(row.hops)", lookup.name(row.organisation), row.via) }
            print(risk.rendered)
        }
    }
}
