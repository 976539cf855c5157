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

        The file is written atomically; -o - writes to standard output. Example:
          sharemap render network --format svg -o Output/network.svg
        """
    )

    enum View: String, ExpressibleByArgument, CaseIterable {
        case network, boundaries
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

    @Argument(help: ArgumentHelp("For boundaries: the two organisation kinds to compare.", valueName: "kinds"))
    var kinds: [String] = []

    @OptionGroup var register: RegisterOptions

    @Option(help: ArgumentHelp("Output format: dot (laid out), svg, png or pdf.", valueName: "format"))
    var format: Format = .svg

    @Option(help: ArgumentHelp("Graphviz layout engine: \(LayoutEngine.allCases.map(\.rawValue).joined(separator: ", ")) (default: the view's own).", valueName: "engine"))
    var layout: String?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Where to write the diagram; - for standard output.", valueName: "file"))
    var output: String = "-"

    @Option(help: ArgumentHelp("Resolution of PNG output in dots per inch (36-300; default 96).", valueName: "dpi"))
    var dpi: Double?

    @Flag(help: "Draw command units as their force, trusts as their ICB and delivery units as their region.")
    var collapse = false

    @Option(help: ArgumentHelp("Group organisations into clusters by: kind or none.", valueName: "grouping"))
    var groupBy: NetworkView.Grouping = .kind

    func validate() throws {
        if view == .boundaries {
            guard kinds.count == 2 else { throw ValidationError("boundaries needs two kinds, e.g. sharemap render boundaries police_bcu nhs_icb") }
            for kind in kinds where OrganisationKind(rawValue: kind) == nil {
                throw ValidationError("unknown kind \"\(kind)\"\(Suggestions.hint(for: kind, in: OrganisationKind.allCases.map(\.rawValue))) (expected one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
        } else if !kinds.isEmpty {
            throw ValidationError("unexpected arguments \(kinds.joined(separator: " ")) for the \(view.rawValue) view")
        }
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
            graph = NetworkView(grouping: groupBy, collapse: collapse).graph(of: loaded, on: register.date)
            defaultLayout = .sfdp
        case .boundaries:
            let kindA = OrganisationKind(rawValue: kinds[0]) ?? .policeBCU, kindB = OrganisationKind(rawValue: kinds[1]) ?? .nhsICB
            graph = BoundariesView(kindA, kindB).graph(of: SharingNetwork(register: loaded, on: register.date))
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
