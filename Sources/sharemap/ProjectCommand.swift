import ArgumentParser
import SharemapAnalysis
import SharemapData
import SharemapModel

/// `sharemap project FILE.yaml`: the IG lead's readiness view of a proposed project.
struct ProjectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project",
        abstract: "Review a project brief: members, contacts, agreements to reuse, gaps to close, boundary problems.",
        discussion: "The brief is a YAML file as described in Data/README.md (see Data/projects/ for examples)."
    )

    @Argument(help: "The project brief (YAML).") var brief: String
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func run() throws {
        let loaded = try register.loadRegister()
        let outcome = RegisterLoader(today: register.date).loadProject(file: brief, in: loaded)
        guard let project = outcome.project else {
            for problem in outcome.diagnostics { printError(problem.description) }
            throw ExitCode(1)
        }
        let review = SharingNetwork(register: loaded, on: register.date).review(project)
        if output.format == .json { return try printJSON(review) }
        let lookup = Lookup(register: loaded)
        print("\(review.name) (\(review.project)) for \(review.purpose), on \(review.date)")
        print(review.readiness)
        print("\nMembers and contacts (\(review.members.count)):")
        var members = TextTable("organisation", "why", "DPO", "IG lead")
        for member in review.members {
            members.add(member.name, member.reason == "named" ? "named" : "is a \(member.kind)",
                        member.dpo?.email ?? "MISSING", member.igLead?.email ?? "MISSING")
        }
        print(members.rendered)
        print("\nAgreements in force to reuse (\(review.reuse.count)):")
        var reuse = TextTable("agreement", "members it connects", "all categories", "review due")
        for item in review.reuse {
            reuse.add(item.agreement, "\(item.members.count)", item.coversAllCategories ? "yes" : "no", item.reviewDue ? "yes" : "")
        }
        print(reuse.rendered)
        print("\nMember pairs with no agreement for the purpose (\(review.gaps.count)):")
        for pair in review.gaps.prefix(40) { print("  \(pair.map(lookup.name).joined(separator: " + "))") }
        if review.gaps.count > 40 { print("  ... and \(review.gaps.count - 40) more (use --format json for all)") }
        let beyond = review.members.filter { $0.beyondProjectArea > 0 }
        print("\nMembers whose footprint extends beyond the project area (\(beyond.count)): \(beyond.map(\.organisation).joined(separator: ", "))")
        print("Project areas without a member of a required kind (\(review.areasWithoutKind.count)):")
        for item in review.areasWithoutKind { print("  \(item.name): no \(item.kind)") }
        print("\nDPIA: \(review.dpiaNeeded ? "needed" : "not obviously needed"). \(review.dpiaReason)")
    }
}

/// `sharemap brokers`: who holds the network together.
struct BrokersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brokers",
        abstract: "Rank organisations by betweenness and degree; list components and articulation points.",
        discussion: """
        Betweenness is Brandes' on the directed network of agreements in force, exact up to 3,000 \
        organisations and estimated from sampled sources above that. Articulation points are organisations \
        whose loss would cut others off (on the network taken as undirected).
        """
    )

    @Option(help: ArgumentHelp("How many organisations to list (1-500).", valueName: "n")) var top = 20
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard (1...500).contains(top) else { throw ValidationError("--top must be between 1 and 500") }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let report = SharingNetwork(register: loaded, on: register.date).brokers(top: top)
        if output.format == .json { return try printJSON(report) }
        print("Brokers on \(report.date): \(report.organisations) organisations in the network, betweenness \(report.exact ? "exact" : "estimated from \(report.betweennessSources) sources").\n")
        var table = TextTable("organisation", "betweenness", "sends to", "receives from", rightAligned: [1, 2, 3])
        for row in report.top { table.add(row.name, String(format: "%.4f", row.betweenness), "\(row.outDegree)", "\(row.inDegree)") }
        print(table.rendered)
        print("\nConnected components (\(report.components.count)): sizes \(report.components.map { String($0.size) }.joined(separator: ", "))")
        print("\nArticulation points (\(report.articulationPoints.count)):")
        let lookup = Lookup(register: loaded)
        for point in report.articulationPoints { print("  \(lookup.name(point.organisation)): would cut off \(count(point.disconnects, "organisation"))") }
    }
}

/// `sharemap search TEXT`: the searchable information asset register.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search organisations, information assets, agreements, purposes and data categories.",
        discussion: "Case and accents are ignored; every word must match. Hits are ranked, with why each matched."
    )

    @Argument(help: "What to look for.") var text: String
    @Option(help: ArgumentHelp("Only organisations of this kind (or assets and agreements involving one).", valueName: "kind")) var kind: String?
    @Option(help: ArgumentHelp("Only things covering this area (GSS code or name).", valueName: "area")) var area: String?
    @Option(help: ArgumentHelp("Only assets and agreements about this data category (or a broader or narrower one).", valueName: "category")) var category: String?
    @Option(help: ArgumentHelp("At most this many hits (1-500).", valueName: "n")) var limit = 25
    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    func validate() throws {
        guard (1...200).contains(text.count) else { throw ValidationError("the search text must be 1 to 200 characters") }
        guard (1...500).contains(limit) else { throw ValidationError("--limit must be between 1 and 500") }
        if let kind, OrganisationKind(rawValue: kind) == nil {
            throw ValidationError("--kind: unknown kind \"\(kind)\"\(Suggestions.hint(for: kind, in: OrganisationKind.allCases.map(\.rawValue))) (expected one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let lookup = Lookup(register: loaded)
        let result = RegisterSearch(register: loaded, on: register.date).search(
            text, kind: kind.flatMap(OrganisationKind.init(rawValue:)), area: try lookup.area(area), category: try lookup.category(category), limit: limit)
        if output.format == .json { return try printJSON(result) }
        print("\(count(result.hits.count, "hit")) for \"\(result.query)\":")
        var table = TextTable("type", "id", "title", "why", "score", rightAligned: [4])
        for hit in result.hits { table.add(hit.type, hit.id, hit.title, hit.why.joined(separator: "; "), "\(hit.score)") }
        print(table.rendered)
    }
}

