import ArgumentParser
import Foundation
import SharemapAnalysis
import SharemapData
import SharemapExport
import SharemapModel

/// `sharemap export FORMAT`: the register for the tools analysts already use.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the register: graphml, gexf, json, cypher, or csv of an analysis.",
        discussion: """
        graphml and gexf: organisations existing on --on and the sharing in force as directed edges (agreement \
        ids and purposes as attributes), for Gephi, yEd and NetworkX. json: the whole register in one \
        documented schema (sharemap-register/1), which `sharemap import` reads back. cypher: MERGE statements \
        for Neo4j. csv: an analysis result for spreadsheets (--analysis gaps, brokers, or mismatches with --kinds).
        Output is deterministic; -o writes atomically (default: standard output).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case graphml, gexf, json, cypher, csv }
    enum Analysis: String, ExpressibleByArgument, CaseIterable { case gaps, brokers, mismatches }

    @Argument(help: "graphml, gexf, json, cypher or csv.") var format: Format
    @OptionGroup var register: RegisterOptions
    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write; - for standard output.", valueName: "file")) var output = "-"
    @Option(help: ArgumentHelp("For csv: which analysis (gaps, brokers, mismatches).", valueName: "analysis")) var analysis: Analysis?
    @Option(help: ArgumentHelp("For csv of mismatches: two kinds, e.g. police_bcu,nhs_icb.", valueName: "a,b")) var kinds: String?

    func validate() throws {
        if format == .csv, analysis == nil { throw ValidationError("csv needs --analysis gaps, brokers or mismatches") }
        if format != .csv, analysis != nil { throw ValidationError("--analysis applies to csv only") }
        if analysis == .mismatches {
            let parts = (kinds ?? "").split(separator: ",").map(String.init)
            guard parts.count == 2, parts.allSatisfy({ OrganisationKind(rawValue: $0) != nil }) else {
                throw ValidationError("--kinds needs two organisation kinds, e.g. police_bcu,nhs_icb")
            }
        }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        let network = SharingNetwork(register: loaded, on: register.date)
        let text: String
        switch format {
        case .graphml: text = GraphMLExport.graphML(network)
        case .gexf: text = GEXFExport.gexf(network)
        case .cypher: text = CypherExport.cypher(network)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            text = String(decoding: try encoder.encode(RegisterDocument(loaded)), as: UTF8.self) + "\n"
        case .csv:
            switch analysis {
            case .gaps: text = AnalysisCSV.gaps(network.gaps())
            case .brokers: text = AnalysisCSV.brokers(network.brokers(top: loaded.organisations.count))
            case .mismatches:
                let parts = (kinds ?? "").split(separator: ",").compactMap { OrganisationKind(rawValue: String($0)) }
                text = AnalysisCSV.mismatches(network.mismatches(parts[0], parts[1]))
            case nil: return
            }
        }
        try exitingOnRenderOrWriteFailure { try OutputFile.write(text, to: output) }
        if output != "-" { printError("Wrote \(output) (\(format.rawValue), true on \(register.date)).") }
    }
}

/// `sharemap import SOURCE --into DIR`: bring agreements from a spreadsheet (with a mapping) or a whole
/// register from a json export into a register folder.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import agreements from a spreadsheet (with --mapping) or a register from a json export.",
        discussion: """
        The mapping (YAML) names which spreadsheet column feeds which field, how values map onto the \
        register's vocabularies, how dates are written and which names mean which organisations (see \
        Data/examples/README.md). Everything is checked first: nothing is written while any error remains, \
        every error is listed with its row, organisation names are matched by id, mapping, name or alias \
        (a close match is suggested, never applied), existing files are replaced only with --force, and \
        files are written atomically. Agreements are merged by id into the register in --into (or, when it \
        is empty, into a copy of --base).
        """
    )

    @Argument(help: "A CSV spreadsheet of agreements, or a json export.") var source: String
    @Option(help: ArgumentHelp("The mapping file (YAML) for a spreadsheet.", valueName: "file")) var mapping: String?
    @Option(help: ArgumentHelp("The register folder to import into.", valueName: "dir")) var into: String
    @Option(help: ArgumentHelp("The register to start from when --into has none.", valueName: "dir")) var base = "Data"
    @Flag(help: "Replace existing files that would change.") var force = false
    @Option(name: .customLong("on"), help: ArgumentHelp("The date warnings are judged on (default: today).", valueName: "date"),
            transform: { text in
                guard let day = Day(iso: text) else { throw ValidationError("--on: \"\(text)\" is not a date (expected YYYY-MM-DD)") }
                return day
            })
    var on: Day?

    func validate() throws {
        if !source.hasSuffix(".json"), mapping == nil { throw ValidationError("a spreadsheet needs --mapping FILE.yaml (json exports need none)") }
    }

    func run() throws {
        let today = on ?? Day.today()
        guard let bytes = FileManager.default.contents(atPath: source) else {
            printError("\(source): file does not exist or cannot be read")
            throw ExitCode(1)
        }
        var files: [String: String]
        var summary = RegisterImport.Summary()
        if source.hasSuffix(".json") {
            let document: RegisterDocument
            do { document = try JSONDecoder().decode(RegisterDocument.self, from: bytes) } catch {
                printError("\(source): not a sharemap register export: \(error)")
                throw ExitCode(1)
            }
            guard document.schema == RegisterDocument.schemaName else {
                printError("\(source): schema \"\(document.schema)\" is not \(RegisterDocument.schemaName)")
                throw ExitCode(1)
            }
            files = try RegisterFiles.files(for: document)
            summary.added = document.agreements.map(\.id)
        } else {
            let target = FileManager.default.fileExists(atPath: into + "/organisations.csv") ? into : base
            let outcome = RegisterLoader(today: today).load(directory: target)
            guard let existing = outcome.register else {
                for problem in outcome.errors { printError(problem.description) }
                throw ExitCode(1)
            }
            guard let mappingPath = mapping, let mappingText = FileManager.default.contents(atPath: mappingPath).map({ String(decoding: $0, as: UTF8.self) }) else {
                printError("\(mapping ?? ""): file does not exist or cannot be read")
                throw ExitCode(1)
            }
            let (parsed, mappingProblems) = ImportMapping.read(mappingText, file: mappingPath)
            guard let parsed else {
                for problem in mappingProblems { printError(problem.description) }
                throw ExitCode(1)
            }
            let (rows, problems) = SpreadsheetImport(register: existing, mapping: parsed, file: source).agreements(from: [UInt8](bytes))
            guard problems.isEmpty else {
                for problem in problems { printError(problem.description) }
                printError("\(source): \(count(problems.count, "error")); nothing was written.")
                throw ExitCode(1)
            }
            let merged: RegisterDocument
            (merged, summary) = RegisterImport.merge(rows, into: RegisterDocument(existing))
            files = try RegisterFiles.files(for: merged)
        }
        let problems = RegisterImport.write(files, into: into, force: force, today: today)
        for problem in problems { printError(problem.description) }
        if problems.contains(where: { $0.severity == .error }) {
            printError("\(into): nothing was written.")
            throw ExitCode(1)
        }
        print("Imported into \(into): \(summary.added.count) added, \(summary.changed.count) changed, \(summary.unchanged.count) left alone.")
        for id in summary.added { print("  added    \(id)") }
        for id in summary.changed { print("  changed  \(id)") }
    }
}
