import Foundation
import Testing

/// End-to-end: the analysis and render commands on the London register in Data/, as JSON.
@Suite struct AnalysisCommandTests {
    func json(_ arguments: [String]) throws -> (Int32, [String: Any]) {
        let result = try CommandRunner.run(arguments + ["--on", "2026-11-24", "--format", "json"])
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any] ?? [:]
        return (result.status, object)
    }

    /// North East London ICB data reaches UCL for research through UCLPartners: both agreements cover research.
    @Test func pathFindsTheSamePurposeChain() throws {
        let (status, path) = try json(["path", "NEL ICB", "University College London", "--purpose", "research"])
        #expect(status == 0)
        #expect(path["found"] as? Bool == true)
        let hops = try #require(path["hops"] as? [[String: String]])
        #expect(hops.map { $0["agreement"] ?? "" } == ["nel-uclpartners-research", "uclpartners-ucl-analysis"])
    }

    /// SLaM's CRIS data may not go on from KCL: the path to Imperial College is blocked there.
    @Test func pathExplainsTheBlockingAgreement() throws {
        let (_, path) = try json(["path", "slam", "imperial-college", "--purpose", "research"])
        #expect(path["found"] as? Bool == false)
        let blocked = try #require(path["blocked_by"] as? [String: String])
        #expect(blocked["agreement"] == "slam-cris-kcl")
        #expect(blocked["organisation"] == "kcl")
        #expect(blocked["onward_sharing"] == "none")
    }

    @Test func unknownNamesAreUsageErrorsWithSuggestions() throws {
        let result = try CommandRunner.run(["path", "camdn council", "las"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("error: FROM: no organisation called \"camdn council\" (did you mean \"Camden Council\""))
        let purpose = try CommandRunner.run(["path", "las", "gla", "--purpose", "safeguard"])
        #expect(purpose.status == 2)
        #expect(purpose.stderr.contains("unknown purpose \"safeguard\""))
    }

    @Test func gapsReportEveryKindOfFinding() throws {
        let (status, gaps) = try json(["gaps"])
        #expect(status == 0)
        for key in ["partnership_gaps", "expired", "review_due", "expiring", "unsigned", "missing_dpia", "missing_dpo", "isolated", "novation"] {
            #expect((gaps[key] as? [Any])?.isEmpty == false, "\(key) finds something in Data/")
        }
        // Bexley has no community safety protocol: its council and BCU are a gap.
        let pairs = try #require(gaps["partnership_gaps"] as? [[String: Any]])
        #expect(pairs.contains { ($0["partnership"] as? String) == "community-safety-partnership"
            && ($0["organisations"] as? [String]) == ["lb-bexley", "mps-bcu-se"] })
        // The London Care Record still names the dissolved North Central London ICB.
        let novation = try #require(gaps["novation"] as? [[String: Any]])
        #expect(novation.contains { ($0["agreement"] as? String) == "london-care-record" && ($0["party"] as? String) == "icb-ncl"
            && ($0["successor"] as? String) == "icb-wnl" })
    }

    @Test func mismatchesBeforeTheMerger() throws {
        let result = try CommandRunner.run(["mismatches", "police_bcu", "nhs_icb", "--on", "2025-06-01", "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let split = try #require(object["split"] as? [[String: Any]])
        #expect(split.filter { ($0["kind"] as? String) == "police_bcu" }.compactMap { $0["organisation"] as? String } == ["mps-bcu-nw", "mps-bcu-sn"])
        #expect(object["score"] as? Double == 0.813)
    }

    @Test func projectReviewOfTheHomelessnessBrief() throws {
        let (status, review) = try json(["project", "Data/projects/north-east-london-homelessness-health.yaml"])
        #expect(status == 0)
        let missing = try #require(review["missing_contacts"] as? [String])
        #expect(missing.contains("shelter has no DPO contact"))
        #expect(missing.contains("pdu-newham has no DPO contact"))
        #expect(review["dpia_needed"] as? Bool == true)
    }

    @Test func searchFindsAliasesAndAssets() throws {
        let (_, result) = try json(["search", "the met"])
        let hits = try #require(result["hits"] as? [[String: Any]])
        #expect(hits.first?["id"] as? String == "mps")
        let (_, assets) = try json(["search", "mosaic", "--category", "mental_health"])
        #expect((assets["hits"] as? [[String: Any]])?.allSatisfy { ($0["type"] as? String) == "asset" } == true)
    }

    @Test func brokersAsJSON() throws {
        let (status, report) = try json(["brokers", "--top", "5"])
        #expect(status == 0)
        #expect((report["top"] as? [Any])?.count == 5)
        #expect(report["exact"] as? Bool == true)
    }

    @Test func renderWritesAnSVGFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-render-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("network.svg").path
        let result = try CommandRunner.run(["render", "network", "--on", "2026-11-24", "-o", file])
        #expect(result.status == 0)
        let svg = String(decoding: FileManager.default.contents(atPath: file) ?? Data(), as: UTF8.self)
        #expect(svg.contains("<svg"))
        #expect(svg.contains("Organisation kind (shape)"))
        let binary = try CommandRunner.run(["render", "--format", "png"])
        #expect(binary.status == 2)
    }

    /// Running the report twice on the same register and date gives byte-identical files.
    @Test func reportIsByteIdenticalAcrossRuns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-report-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        var contents: [[String: Data]] = []
        for run in ["first", "second"] {
            let out = folder.appendingPathComponent(run).path
            let result = try CommandRunner.run(["report", "--on", "2026-11-24", "--project", "Data/projects/camden-discharge-to-assess.yaml", "--out", out])
            #expect(result.status == 0)
            #expect(result.stderr.contains("report.html"))
            let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
            contents.append(Dictionary(uniqueKeysWithValues: files.map { ($0, FileManager.default.contents(atPath: out + "/" + $0) ?? Data()) }))
        }
        #expect(contents[0].keys.sorted() == [
            "boundaries-police_bcu-nhs_icb.svg", "boundaries-probation_pdu-police_bcu.svg", "gaps-community-safety-partnership.svg",
            "gaps-local-safeguarding-children.svg", "gaps-safeguarding-adults-board.svg", "gaps-youth-offending-team.svg",
            "network-overview.svg", "network.svg", "project-camden-discharge-to-assess.svg", "report.html", "report.md",
        ])
        #expect(contents[0] == contents[1])
    }

    @Test(arguments: ["path", "reach", "gaps", "mismatches", "project", "brokers", "search", "render", "report", "export", "import"])
    func helpIsADocument(_ command: String) throws {
        let result = try CommandRunner.run([command, "--help"])
        #expect(result.status == 0)
        #expect(try matchesGolden(result.stdout, named: "help-\(command).txt"))
    }
}
