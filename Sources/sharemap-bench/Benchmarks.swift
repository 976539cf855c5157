import Foundation
import SharemapData
import SharemapModel

/// `sharemap-bench`: benchmarks, not tests. Prints medians; never asserts on time.
///
///     sharemap-bench [load] [--data Data] [--runs 5] [--national] [--keep DIR]
@main
struct Benchmarks {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        func option(_ name: String) -> String? {
            guard let at = arguments.firstIndex(of: name), at + 1 < arguments.count else { return nil }
            defer { arguments.removeSubrange(at...at + 1) }
            return arguments[at + 1]
        }
        let data = option("--data") ?? "Data"
        let runs = Int(option("--runs") ?? "") ?? 5
        let national = arguments.contains("--national")
        let day = Day(iso: option("--on") ?? "2026-11-24") ?? Day.today()

        print("sharemap benchmarks (medians of \(runs) runs; debug builds are much slower: use -c release)")
        let loader = RegisterLoader(today: day)
        let (seconds, outcome) = Measure.median(runs: runs) { loader.load(directory: data) }
        guard let london = outcome.register else {
            print("\(data) has errors; run sharemap validate first")
            exit(1)
        }
        let londonParties = london.agreements.reduce(0) { $0 + $1.parties.count }
        print("load+validate \(data): \(Measure.format(seconds)) (\(london.organisations.count) organisations, \(london.agreements.count) agreements, \(londonParties) party rows)")

        let synthetic = national
            ? SyntheticRegister()
            : SyntheticRegister.scaled(organisations: london.organisations.count, agreements: london.agreements.count,
                                       partyRows: londonParties, factor: 100)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-bench-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        try synthetic.write(to: folder)
        let label = national ? "national-scale" : "100x"
        let (syntheticSeconds, syntheticOutcome) = Measure.median(runs: national ? 3 : runs) { loader.load(directory: folder.path) }
        guard let big = syntheticOutcome.register else {
            print("generated register has errors:")
            syntheticOutcome.errors.prefix(10).forEach { print($0) }
            exit(1)
        }
        print("load+validate \(label) register: \(Measure.format(syntheticSeconds)) (\(big.organisations.count) organisations, \(big.agreements.count) agreements, \(big.agreements.reduce(0) { $0 + $1.parties.count }) party rows, \(big.areas.count) areas)")
        print(String(format: "peak memory: %.0f MiB", Measure.peakMemoryMiB()))
    }
}
