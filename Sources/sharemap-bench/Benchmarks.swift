import Foundation
import SharemapAnalysis
import SharemapGraphviz
import SharemapReport
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

        try renderComparison(london, day: day, runs: runs)
        let (reportSeconds, report) = try Measure.median(runs: runs) { try ReportBuilder(network: SharingNetwork(register: london, on: day)).build() }
        let written = HTMLReportWriter.html(report.document).utf8.count + MarkdownReportWriter.markdown(report.document).utf8.count
        print("full report on \(data) (analyses, \(report.diagrams.count) layouts, HTML and Markdown, not writing files): \(Measure.format(reportSeconds)) (\(written) bytes)")

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
        try analyses(big, folder: folder, day: day, runs: runs, compare: arguments.contains("--compare-networkx"))
        print(String(format: "peak memory: %.0f MiB", Measure.peakMemoryMiB()))
    }

    /// Times the in-process render of the London network against Graphviz's `dot` program on the same DOT.
    static func renderComparison(_ register: Register, day: Day, runs: Int) throws {
        let graph = NetworkView().graph(of: register, on: day)
        let renderer = Renderer()
        for engine in [LayoutEngine.dot, .sfdp] {
            let (seconds, svg) = try Measure.median(runs: runs) { try renderer.render(graph, layout: engine, format: .svg) }
            // The same graph as DOT (laid out by the same engine; the program lays it out again).
            let dot = try renderer.render(graph, layout: engine, format: .dot)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-bench-\(getpid())-\(engine.rawValue).dot")
            defer { try? FileManager.default.removeItem(at: file) }
            try Data(dot.bytes).write(to: file)
            let (programSeconds, status) = try Measure.median(runs: runs) { () throws -> Int32 in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                process.arguments = ["dot", "-K\(engine.rawValue)", "-Tsvg", file.path, "-o", "/dev/null"]
                try process.run()
                process.waitUntilExit()
                return process.terminationStatus
            }
            let program = status == 0 ? Measure.format(programSeconds) : "not available"
            print("render London network to SVG (\(engine.rawValue)): in process \(Measure.format(seconds)) (\(svg.bytes.count) bytes); dot -K\(engine.rawValue) -Tsvg on the same DOT \(program)")
        }
    }

    /// Times the analyses on a large register and, optionally, the same work in NetworkX.
    static func analyses(_ register: Register, folder: URL, day: Day, runs: Int, compare: Bool) throws {
        let (networkSeconds, network) = Measure.median(runs: runs) { SharingNetwork(register: register, on: day) }
        print("sharing network: \(Measure.format(networkSeconds))")
        var random = SplitMix64(seed: 7)
        let count = UInt64(register.organisations.count)
        let purposes = ["community_safety", "safeguarding_children", "direct_care", "research"]
        // Half the queries between organisations anywhere, half between organisations sharing an area.
        let queries = (0..<100).map { number -> (OrganisationIndex, OrganisationIndex, PurposeIndex?) in
            let source = OrganisationIndex(Int(random.next() % count))
            var target = OrganisationIndex(Int(random.next() % count))
            if number % 2 == 0, let area = register.areas(of: source).first {
                let local = register.organisationsByArea[area.position]
                target = local[Int(random.next() % UInt64(local.count))]
            }
            return (source, target, register.purposeIndex(id: purposes[Int(random.next() % 4)]))
        }
        var pathTimes: [Double] = []
        var found = 0
        for (source, target, purpose) in queries {
            let (seconds, result) = Measure.median(runs: 1) { network.lawfulPath(from: source, to: target, purpose: purpose) }
            pathTimes.append(seconds)
            if result.found { found += 1 }
            if ProcessInfo.processInfo.environment["SHAREMAP_BENCH_VERBOSE"] != nil, seconds > 0.005 {
                print("  slow path query: \(Measure.format(seconds)) found=\(result.found) blocked=\(result.blockedBy != nil) hops=\(result.hops.count) reason=\(result.reason ?? "")")
            }
        }
        let sortedPathTimes = pathTimes.sorted()
        print("path query (with a purpose): median \(Measure.format(sortedPathTimes[sortedPathTimes.count / 2])), 90th percentile \(Measure.format(sortedPathTimes[sortedPathTimes.count * 9 / 10])), max \(Measure.format(sortedPathTimes.last ?? 0)) (\(found) of \(queries.count) found)")
        // Without a purpose, same_purpose compares the purposes of each pair of agreements: more states per organisation.
        var anyPurposeTimes: [Double] = []
        var anyPurposeFound = 0
        for (source, target, _) in queries.prefix(30) {
            let (seconds, result) = Measure.median(runs: 1) { network.lawfulPath(from: source, to: target) }
            anyPurposeTimes.append(seconds)
            if result.found { anyPurposeFound += 1 }
        }
        anyPurposeTimes.sort()
        print("path query (no purpose): median \(Measure.format(anyPurposeTimes[anyPurposeTimes.count / 2])), 90th percentile \(Measure.format(anyPurposeTimes[anyPurposeTimes.count * 9 / 10])), max \(Measure.format(anyPurposeTimes.last ?? 0)) (\(anyPurposeFound) of \(anyPurposeTimes.count) found)")
        let reachSources = queries.prefix(10)
        var reached = 0, risk = 0
        let (reachSeconds, _) = Measure.median(runs: 1) {
            for (source, _, purpose) in reachSources {
                let result = network.reach(from: source, purpose: purpose)
                reached += result.reachable.count
                risk += result.onlyIgnoringOnwardLimits.count
            }
        }
        print("reach (lawful and risk view): \(Measure.format(reachSeconds / Double(reachSources.count))) per source (\(reached) reached from \(reachSources.count) sources, \(risk) more ignoring onward limits)")
        let (gapSeconds, gaps) = Measure.median(runs: min(runs, 3)) { network.gaps() }
        print("gaps (all partnerships and areas): \(Measure.format(gapSeconds)) (\(gaps.partnershipGaps.count) partnership gap pairs)")
        let (brokerSeconds, brokers) = Measure.median(runs: 1) { network.brokers() }
        print("brokers: \(Measure.format(brokerSeconds)) (\(brokers.organisations) organisations, betweenness \(brokers.exact ? "exact" : "from \(brokers.betweennessSources) sampled sources"), \(brokers.articulationPoints.count) articulation points)")

        guard compare else { return }
        let queryFile = folder.appendingPathComponent("queries.json")
        let json: [String: Any] = [
            "paths": queries.map { [register[$0.0].id, register[$0.1].id, $0.2.map { register[$0].id } as Any] },
            "reach": reachSources.map { [register[$0.0].id, $0.2.map { register[$0].id } as Any] },
        ]
        try JSONSerialization.data(withJSONObject: json).write(to: queryFile)
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("scripts/networkx_compare.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, folder.path, day.description, queryFile.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let python = try JSONSerialization.jsonObject(with: output) as? [String: Any] else {
            print("NetworkX comparison failed (is networkx installed? pip install networkx)")
            return
        }
        func number(_ key: String) -> Double { (python[key] as? NSNumber)?.doubleValue ?? .nan }
        let swiftPath = pathTimes.reduce(0, +) / Double(pathTimes.count)
        print("NetworkX: graph build \(Measure.format(number("build_seconds"))), path \(Measure.format(number("path_seconds"))) per query (\(python["paths_found"] ?? "?") found), reach \(Measure.format(number("reach_seconds"))) per source (\(python["reached"] ?? "?") reached, \(python["risk"] ?? "?") more ignoring onward limits), gaps \(Measure.format(number("gaps_seconds"))) (\(python["gap_pairs"] ?? "?") pairs)")
        print(String(format: "ratios (NetworkX / sharemap, mean per query): path %.1fx, reach %.1fx, gaps %.1fx",
                     number("path_seconds") / swiftPath, number("reach_seconds") / (reachSeconds / Double(reachSources.count)),
                     number("gaps_seconds") / gapSeconds))
    }
}
