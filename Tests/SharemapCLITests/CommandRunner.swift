import Foundation

/// Runs the built `sharemap` executable as a user would, capturing output and exit status.
struct CommandRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
    }

    /// The repository root, found from this file's path.
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The small clean register the data tests use.
    static let minimalRegister = repository.appendingPathComponent("Tests/SharemapDataTests/Fixtures/minimal").path

    /// `sharemap`, built beside the test bundle.
    static var executable: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sharemap")
    }

    static func run(_ arguments: [String], in directory: URL = repository) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var environment = ProcessInfo.processInfo.environment
        environment["COLUMNS"] = "100"  // help text wraps to the terminal; make it deterministic
        process.environment = environment
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Compares text with a golden file in `Tests/SharemapCLITests/Golden`; `RECORD_SNAPSHOTS=1` rewrites it.
func matchesGolden(_ text: String, named name: String) throws -> Bool {
    let url = CommandRunner.repository.appendingPathComponent("Tests/SharemapCLITests/Golden/\(name)")
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try Data(text.utf8).write(to: url)
        return true
    }
    guard let golden = FileManager.default.contents(atPath: url.path) else { return false }
    return String(decoding: golden, as: UTF8.self) == text
}
