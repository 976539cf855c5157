import ArgumentParser
import SharemapData
import SharemapModel

/// `sharemap validate`: check a register and list every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a register folder and list every problem, sorted by file and line.",
        discussion: """
        Errors (unknown references, duplicate ids, malformed dates, unknown vocabulary, wrong headers, \
        cycles, agreements without two parties, ...) make the register unusable; warnings (e.g. an active \
        agreement past its expiry date on --on) do not. Exit status: 0 no errors, 1 errors, 2 usage error.
        """
    )

    @OptionGroup var register: RegisterOptions
    @OptionGroup var output: FormatOption

    struct Report: Encodable {
        let data: String
        let date: Day
        let valid: Bool
        let errors: [Diagnostic]
        let warnings: [Diagnostic]
    }

    func run() throws {
        let outcome = RegisterLoader(today: register.date).load(directory: register.data)
        switch output.format {
        case .json:
            try printJSON(Report(data: register.data, date: register.date, valid: outcome.errors.isEmpty,
                                 errors: outcome.errors, warnings: outcome.warnings))
        case .text:
            for diagnostic in outcome.diagnostics { print(diagnostic.description) }
            if let loaded = outcome.register {
                print("\(register.data): valid: \(count(loaded.organisations.count, "organisation")), \(count(loaded.agreements.count, "agreement")), \(count(loaded.areas.count, "area")); \(count(outcome.warnings.count, "warning")).")
            } else {
                print("\(register.data): \(count(outcome.errors.count, "error")), \(count(outcome.warnings.count, "warning")).")
            }
        }
        if !outcome.errors.isEmpty { throw ExitCode(1) }
    }
}
