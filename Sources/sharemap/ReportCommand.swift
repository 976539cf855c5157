import ArgumentParser
import SharemapAnalysis
import SharemapData
import SharemapGraphviz
import SharemapModel
import SharemapReport

/// `sharemap report`: the main job: a self-contained HTML report, the same content as Markdown, and the diagrams.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the register report: report.html (self-contained), report.md and the diagrams as SVG.",
        discussion: """
        Contents: headline numbers, the agreement network, boundary maps (police command units against ICBs, \
        probation delivery units against command units), gaps by partnership and area, agreements to fix, \
        missing contacts, brokers, and with --project a project's readiness. Every figure is captioned with the \
        date the analysis is true at. The same register and date give byte-identical files. Files are written \
        atomically.
        """
    )

    @OptionGroup var register: RegisterOptions
    @Option(help: ArgumentHelp("A project brief (YAML) to add a readiness section for.", valueName: "file")) var project: String?
    @Option(help: ArgumentHelp("The folder to write into.", valueName: "dir")) var out = "Output"

    func run() throws {
        let loaded = try register.loadRegister()
        var brief: Project?
        if let project {
            let outcome = RegisterLoader(today: register.date).loadProject(file: project, in: loaded)
            guard let parsed = outcome.project else {
                for problem in outcome.diagnostics { printError(problem.description) }
                throw ExitCode(1)
            }
            brief = parsed
        }
        try exitingOnRenderOrWriteFailure {
            let builder = ReportBuilder(network: SharingNetwork(register: loaded, on: register.date), project: brief)
            let (document, diagrams) = try builder.build()
            let folder = out.hasSuffix("/") ? String(out.dropLast()) : out
            for diagram in diagrams { try OutputFile.write(diagram.svg, to: "\(folder)/\(diagram.name).svg") }
            try OutputFile.write(MarkdownReportWriter.markdown(document), to: "\(folder)/report.md")
            try OutputFile.write(HTMLReportWriter.html(document), to: "\(folder)/report.html")
            printError("Wrote \(folder)/report.html (open it in a browser), \(folder)/report.md and \(diagrams.count) diagrams, true on \(register.date).")
        }
    }
}

