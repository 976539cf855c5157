import Foundation
import Testing

/// End-to-end: the commands of the foundation, their output and exit codes (0 ok, 1 data, 2 usage).
@Suite struct FoundationCommandTests {
    @Test func validateACleanRegisterExitsZero() throws {
        let result = try CommandRunner.run(["validate", "--data", CommandRunner.minimalRegister, "--on", "2026-11-24"])
        #expect(result.status == 0)
        #expect(result.stdout.hasSuffix("valid: 6 organisations, 2 agreements, 3 areas; 0 warnings.\n"))
    }

    @Test func validateABrokenRegisterListsEveryErrorAndExitsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-cli-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: CommandRunner.minimalRegister, toPath: folder.appendingPathComponent("Data").path)
        let parties = folder.appendingPathComponent("Data/agreement_parties.csv")
        let text = try String(contentsOf: parties, encoding: .utf8).replacingOccurrences(of: "lb-islington", with: "lb-islingtn")
        try Data(text.utf8).write(to: parties)
        let result = try CommandRunner.run(["validate", "--on", "2026-11-24"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout == """
            Data/agreement_parties.csv:5: organisation: unknown organisation "lb-islingtn" (did you mean "lb-islington"?)
            Data/agreements.csv:3: parties: "health-sharing" has 1 party in agreement_parties.csv (at least 2 are needed)
            Data: 2 errors, 0 warnings.

            """)
        // Analyses refuse to run on a broken register and say why, on standard error.
        let stats = try CommandRunner.run(["stats"], in: folder)
        #expect(stats.status == 1)
        #expect(stats.stdout.isEmpty)
        #expect(stats.stderr.contains("Data: 2 errors; nothing was analysed"))
    }

    @Test func usageErrorsExitTwo() throws {
        let badDate = try CommandRunner.run(["stats", "--on", "2026-13-01"])
        #expect(badDate.status == 2)
        #expect(badDate.stderr.contains("\"2026-13-01\" is not a date (expected YYYY-MM-DD)"))
        let badOption = try CommandRunner.run(["validate", "--colour"])
        #expect(badOption.status == 2)
        let badFormat = try CommandRunner.run(["stats", "--format", "xml"])
        #expect(badFormat.status == 2)
    }

    @Test func aMissingRegisterFolderIsADataError() throws {
        let result = try CommandRunner.run(["validate", "--data", "/nonexistent"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("/nonexistent: is not a register folder (no such directory)"))
    }

    @Test func statsAsJSON() throws {
        let result = try CommandRunner.run(["stats", "--data", CommandRunner.minimalRegister, "--on", "2026-11-24", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["organisations"] as? Int == 6)
        // The old ICB ended on 2026-03-31, so five of the six exist on 2026-11-24.
        #expect(json["existing_organisations"] as? Int == 5)
        #expect(json["in_force"] as? Int == 2)
        #expect(json["date"] as? String == "2026-11-24")
    }

    @Test func validateAsJSONListsErrorsAndWarnings() throws {
        let result = try CommandRunner.run(["validate", "--data", CommandRunner.minimalRegister, "--on", "2031-01-01", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["valid"] as? Bool == true)
        // health-sharing expires 2030-12-31 but is still marked active.
        let warnings = try #require(json["warnings"] as? [[String: Any]])
        #expect(warnings.count == 1)
        #expect(warnings.first?["field"] as? String == "status")
        #expect(warnings.first?["line"] as? Int == 3)
    }

    @Test(arguments: ["validate", "stats"])
    func helpIsADocument(_ command: String) throws {
        let result = try CommandRunner.run([command, "--help"])
        #expect(result.status == 0)
        #expect(try matchesGolden(result.stdout, named: "help-\(command).txt"))
    }
}
