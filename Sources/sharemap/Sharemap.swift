import ArgumentParser
import Foundation

/// The `sharemap` command: who shares data with whom across London's public sector.
@main
struct Sharemap: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sharemap",
        abstract: "Map who shares data with whom across London's public sector, and find the paths, gaps and mismatches.",
        discussion: """
        A register is a folder of CSV files (see Data/README.md). Every command reads ./Data unless \
        --data says otherwise, and analyses are true on the date given by --on (default: today).

        Exit status: 0 success, 1 problems in the data, 2 a usage error.
        """,
        subcommands: [
            ValidateCommand.self,
            StatsCommand.self,
            PathCommand.self,
            ReachCommand.self,
            GapsCommand.self,
            MismatchesCommand.self,
            ProjectCommand.self,
            BrokersCommand.self,
            SearchCommand.self,
            RenderCommand.self,
            ReportCommand.self,
            ExportCommand.self,
            ImportCommand.self,
            ServeCommand.self,
        ]
    )

    /// Runs the command line, mapping usage errors to exit status 2 (ArgumentParser's default is 64).
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch let error as UsageError {
            printError("error: \(error)")
            Foundation.exit(2)
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
