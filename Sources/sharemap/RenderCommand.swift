import ArgumentParser
import SharemapAnalysis
import SharemapData
import SharemapGraphviz
import SharemapModel
import SharemapReport

/// `sharemap render`: draw a view of the register as DOT, SVG, PNG or PDF, laid out in process.
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Draw a diagram of the register, laid out and rendered in process by Graphviz.",
        discussion: """
        Views:
          network      agreements in force, organisations coloured and shaped by kind
          boundaries   KIND_A KIND_B: a map of the areas filled by KIND_A's organisations,
                       outlined by KIND_B's, cut areas marked (e.g. police_bcu nhs_icb)
          ego          ORG [--radius N]: an organisation's agreements of every status
          path         FROM TO [--purpose P] [--category C] [--alternatives K]: the lawful
                       path(s), or the chain and the agreement that blocks it
          gaps         PARTNERSHIP: members, and the pairs with no agreement (red dashed)
          project      FILE.yaml: members and contacts, agreements to reuse, pairs to agree

        The file is written atomically; -o - writes to standard output. Example:
          sharemap render network --format svg -o Output/network.svg
        """
    )

    enum View: String, ExpressibleByArgument, CaseIterable {
        case network, boundaries, ego, path, gaps, project

        /// How many positional arguments the view takes.
        var argumentCount: Int {
            switch self {
            case .network: return 0
            case .ego, .gaps, .project: return 1
            case .boundaries, .path: return 2
            }
        }
    }

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case dot, svg, png, pdf

        var graphviz: OutputFormat {
            switch self {
            case .dot: return .dot
            case .svg: return .svg
            case .png: return .png
            case .pdf: return .pdf
            }
        }
    }

    @Argument(help: ArgumentHelp("The view to draw.", valueName: "view"))
    var view: View = .network

    @Argument(help: ArgumentHelp("The view's arguments: two kinds for boundaries, an organisation for ego, FROM and TO for path, a partnership for gaps, a brief for project.", valueName: "arguments"))
    var arguments: [String] = []

    @Option(help: ArgumentHelp("ego: how many agreements away to draw (1-3).", valueName: "n")) var radius = 1
    @Option(help: ArgumentHelp("path: only agreements covering this purpose.", valueName: "purpose")) var purpose: String?
    @Option(help: ArgumentHelp("path: only agreements covering this data category.", valueName: "category")) var category: String?
    @Option(help: ArgumentHelp("path: also draw up to this many other lawful paths (0-10).", valueName: "k")) var alternatives = 0

    @OptionGroup var register: RegisterOptions

    @Option(help: ArgumentHelp("Output format: dot (laid out), svg, png or pdf.", valueName: "format"))
    var format: Format = .svg

    @Option(help: ArgumentHelp("Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: the view's own).", valueName: "engine"))
    var layout: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the diagram; - for standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Resolution of PNG output in dots per inch (36-300; default 96).", valueName: "dpi"))
    var dpi: Double?

    @Flag(help: "network: draw command units as their force, trusts as their ICB and delivery units as their region.")
    var collapse = false

    @Option(help: ArgumentHelp("network: group organisations into clusters by kind, by ICB footprint (icb) or not at all (none).", valueName: "grouping"))
    var groupBy: NetworkView.Grouping = .kind

    @Flag(help: "network: aggregate into about thirty groups (councils and trusts by ICB), legible at page width.")
    var overview = false

    func validate() throws {
        guard arguments.count == view.argumentCount else {
            throw ValidationError("the \(view.rawValue) view takes \(view.argumentCount) argument\(view.argumentCount == 1 ? "" : "s"), got \(arguments.count) (see sharemap render --help)")
        }
        if view == .boundaries {
            for kind in arguments where OrganisationKind(rawValue: kind) == nil {
                throw ValidationError("unknown kind \"\(kind)\"\(Suggestions.hint(for: kind, in: OrganisationKind.allCases.map(\.rawValue))) (expected one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        }
        guard (1...3).contains(radius) else { throw ValidationError("--radius must be between 1 and 3") }
        guard (0...10).contains(alternatives) else { throw ValidationError("--alternatives must be between 0 and 10") }
        if let layout, LayoutEngine(rawValue: layout) == nil {
            throw ValidationError("--layout: unknown engine \"\(layout)\" (expected one of: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        if let dpi, !(36...300).contains(dpi) {
            throw ValidationError("--dpi must be between 36 and 300")
        }
        if format == .png || format == .pdf, output == "-" {
            throw ValidationError("--format \(format.rawValue) is binary: give a file with -o")
        }
    }

    func run() throws {
        let loaded = try register.loadRegister()
        var graph: Graph
        let defaultLayout: LayoutEngine
        switch view {
        case .network:
            graph = overview ? OverviewView().graph(of: loaded, on: register.date)
                : NetworkView(grouping: groupBy, collapse: collapse).graph(of: loaded, on: register.date)
            defaultLayout = overview ? .neato : .sfdp
        case .boundaries:
            let kindA = OrganisationKind(rawValue: arguments[0]) ?? .policeBCU, kindB = OrganisationKind(rawValue: arguments[1]) ?? .nhsICB
            graph = BoundariesView(kindA, kindB).graph(of: SharingNetwork(register: loaded, on: register.date))
            defaultLayout = .neato
        case .ego:
            let organisation = try Lookup(register: loaded).organisation(arguments[0], option: "ORG")
            graph = EgoView(organisation: organisation, radius: radius).graph(of: loaded, on: register.date)
            defaultLayout = .sfdp
        case .path:
            let lookup = Lookup(register: loaded)
            let result = SharingNetwork(register: loaded, on: register.date).lawfulPath(
                from: try lookup.organisation(arguments[0], option: "FROM"), to: try lookup.organisation(arguments[1], option: "TO"),
                purpose: try lookup.purpose(purpose), category: try lookup.category(category), alternatives: alternatives)
            graph = PathView(result).graph(of: loaded)
            defaultLayout = .dot
        case .gaps:
            guard let partnership = loaded.partnershipIndex(id: arguments[0]) else {
                throw UsageError("unknown partnership \"\(arguments[0])\"\(Suggestions.hint(for: arguments[0], in: loaded.partnerships.map(\.id))) (known: \(loaded.partnerships.map(\.id).joined(separator: ", ")))")
            }
            graph = GapsView(partnership: partnership).graph(of: SharingNetwork(register: loaded, on: register.date))
            defaultLayout = .dot
        case .project:
            let outcome = RegisterLoader(today: register.date).loadProject(file: arguments[0], in: loaded)
            guard let project = outcome.project else {
                for problem in outcome.diagnostics { printError(problem.description) }
                throw ExitCode(1)
            }
            graph = ProjectView(SharingNetwork(register: loaded, on: register.date).review(project)).graph(of: loaded)
            defaultLayout = .neato
        }
        if let dpi { graph.attributes["dpi"] = String(Int(dpi)) }
        let engine = layout.flatMap(LayoutEngine.init(rawValue:)) ?? defaultLayout
        try exitingOnRenderOrWriteFailure {
            let diagram = try Renderer().render(graph, layout: engine, format: format.graphviz)
            for warning in diagram.warnings { printError("graphviz: \(warning)") }
            try OutputFile.write(diagram.bytes, to: output)
            if output != "-" { printError("Wrote \(output) (\(view.rawValue), \(engine.rawValue) layout, \(diagram.bytes.count) bytes).") }
        }
    }
}

extension NetworkView.Grouping: ExpressibleByArgument {}
