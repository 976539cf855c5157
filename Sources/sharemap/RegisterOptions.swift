import ArgumentParser
import Foundation
import SharemapData
import SharemapGraphviz
import SharemapModel

/// The options every command that reads a register shares.
struct RegisterOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The register folder.", valueName: "dir"))
    var data: String = "Data"

    @Option(
        name: .customLong("on"),
        help: ArgumentHelp("The date the analysis is true at, YYYY-MM-DD (default: today).", valueName: "date"),
        transform: { text in
            guard let day = Day(iso: text) else {
                throw ValidationError("--on: \"\(text)\" is not a date (expected YYYY-MM-DD)")
            }
            return day
        }
    )
    var on: Day?

    /// The analysis date: `--on`, or today.
    var date: Day { on ?? Day.today() }

    /// Loads the register, noting any warnings in one line on standard error (`validate` lists them).
    /// On errors, prints them all and exits with 1.
    func loadRegister() throws -> Register {
        let outcome = RegisterLoader(today: date).load(directory: data)
        if !outcome.warnings.isEmpty {
            printError("note: \(data) has \(count(outcome.warnings.count, "warning")); `sharemap validate --data \(data)` lists them.")
        }
        guard let register = outcome.register else {
            for error in outcome.errors { printError(error.description) }
            printError("\(data): \(count(outcome.errors.count, "error")); nothing was analysed (run `sharemap validate --data \(data)`).")
            throw ExitCode(1)
        }
        return register
    }
}

/// `--format text|json`.
enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The output format option, shared by every analysis command.
struct FormatOption: ParsableArguments {
    @Option(help: ArgumentHelp("Output format: text for people, json for scripts.", valueName: "format"))
    var format: AnalysisFormat = .text
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}

/// "1 error", "3 errors".
func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
    "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
}

/// Prints a value as stable JSON (sorted keys, pretty printed).
func printJSON<T: Encodable>(_ value: T) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    FileHandle.standardOutput.write(data)
    FileHandle.standardOutput.write(Data("\n".utf8))
}

/// Runs `body`, turning a Graphviz failure or an unwritable output file into `error: ...` and exit status 1.
func exitingOnRenderOrWriteFailure(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as GraphvizError {
        printError("error: \(error)")
        throw ExitCode(1)
    } catch let error as OutputFile.WriteError {
        printError("error: \(error)")
        throw ExitCode(1)
    }
}
