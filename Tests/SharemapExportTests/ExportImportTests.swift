import Foundation
import FoundationXML
import Testing
import SharemapAnalysis
import SharemapData
import SharemapModel
@testable import SharemapExport

enum ExportFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let day = Day(iso: "2026-11-24")!

    static func london() throws -> Register {
        try #require(RegisterLoader(today: day).load(directory: repository.appendingPathComponent("Data").path).register)
    }

    static func example(_ name: String) -> String {
        repository.appendingPathComponent("Data/examples/\(name)").path
    }
}

@Suite struct ExportTests {
    /// json export -> register files -> load -> json export gives the same document.
    @Test func registerRoundTripsThroughJSON() throws {
        let register = try ExportFixture.london()
        let document = RegisterDocument(register)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-roundtrip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let problems = RegisterImport.write(try RegisterFiles.files(for: document), into: folder.path, force: false, today: ExportFixture.day)
        #expect(problems.allSatisfy { $0.severity == .warning })
        let reloaded = try #require(RegisterLoader(today: ExportFixture.day).load(directory: folder.path).register)
        #expect(RegisterDocument(reloaded) == document)
        // And through the JSON text itself.
        let json = try JSONEncoder().encode(document)
        #expect(try JSONDecoder().decode(RegisterDocument.self, from: json) == document)
    }

    @Test func graphMLHasOneNodePerExistingOrganisationAndOneEdgePerSharingPair() throws {
        let network = SharingNetwork(register: try ExportFixture.london(), on: ExportFixture.day)
        let text = GraphMLExport.graphML(network)
        let document = try XMLDocument(xmlString: text, options: [])
        let graph = try #require(document.rootElement()?.elements(forName: "graph").first)
        #expect(graph.elements(forName: "node").count == network.exists.filter { $0 }.count)
        #expect(graph.elements(forName: "edge").count == network.aggregatedEdges().count)
        #expect(text == GraphMLExport.graphML(network))  // deterministic
    }

    /// NetworkX reads the GraphML with the same counts, where Python and networkx are installed.
    @Test func networkXReadsTheGraphML() throws {
        let check = Process()
        check.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        check.arguments = ["python3", "-c", "import networkx"]
        check.standardError = Pipe()
        do { try check.run() } catch { print("skipped: python3 is not available"); return }
        check.waitUntilExit()
        guard check.terminationStatus == 0 else { print("skipped: networkx is not installed (pip install networkx)"); return }
        let network = SharingNetwork(register: try ExportFixture.london(), on: ExportFixture.day)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-\(UUID().uuidString).graphml")
        defer { try? FileManager.default.removeItem(at: file) }
        try Data(GraphMLExport.graphML(network).utf8).write(to: file)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import networkx, sys; g = networkx.read_graphml(sys.argv[1]); print(g.number_of_nodes(), g.number_of_edges())", file.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines) == "\(network.exists.filter { $0 }.count) \(network.aggregatedEdges().count)")
    }

    @Test func cypherEscapesQuotesAndGEXFIsWellFormed() throws {
        #expect(CypherExport.literal("St Mungo's \\ \"x\"") == #"'St Mungo\'s \\ "x"'"#)
        let network = SharingNetwork(register: try ExportFixture.london(), on: ExportFixture.day)
        #expect(CypherExport.cypher(network).contains("MERGE (o:Organisation {id: 'st-mungos'}) SET o.name = 'St Mungo\\'s'"))
        _ = try XMLDocument(xmlString: GEXFExport.gexf(network), options: [])
    }

    @Test func csvQuotesWhatNeedsIt() {
        #expect(CSVText.row(["plain", "a,b", "say \"hi\"", "two\nlines", " padded"]) == "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\"\n")
    }
}

@Suite struct ImportTests {
    func mapping(_ text: String) -> (ImportMapping?, [String]) {
        let (mapping, problems) = ImportMapping.read(text, file: "map.yaml")
        return (mapping, problems.map(\.description))
    }

    @Test func theExampleImportsIntoARegisterThatValidates() throws {
        let register = try ExportFixture.london()
        let text = try String(contentsOfFile: ExportFixture.example("borough-isa-register.mapping.yaml"), encoding: .utf8)
        let parsed = try #require(mapping(text).0)
        let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: ExportFixture.example("borough-isa-register.csv"))))
        let (rows, problems) = SpreadsheetImport(register: register, mapping: parsed, file: "isa.csv").agreements(from: bytes)
        #expect(problems.isEmpty)
        #expect(rows.map(\.id) == ["cam-isa-014", "cam-isa-021", "cam-isa-022", "cam-isa-030"])
        #expect(rows[1].parties.map(\.organisation) == ["lb-camden", "uclh", "royal-free"])
        #expect(rows[0].start == "2024-04-01")
        #expect(rows[1].dpia == "yes")
        #expect(rows[2].dpia == "not_required")
        let (merged, summary) = RegisterImport.merge(rows, into: RegisterDocument(register))
        #expect(summary.added.count == 4)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sharemap-import-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = RegisterImport.write(try RegisterFiles.files(for: merged), into: folder.path, force: false, today: ExportFixture.day)
        #expect(written.allSatisfy { $0.severity == .warning })
        #expect(RegisterLoader(today: ExportFixture.day).load(directory: folder.path).register?.agreements.count == register.agreements.count + 4)
        // A second import of changed content refuses to overwrite without --force.
        var changed = merged
        changed.agreements[0].title += " (revised)"
        let refused = RegisterImport.write(try RegisterFiles.files(for: changed), into: folder.path, force: false, today: ExportFixture.day)
        #expect(refused.map(\.description) == ["\(folder.path)/agreements.csv: exists and would change (use --force to replace it)"])
    }

    @Test func badMappingsAreReportedWithTheirLines() {
        let (parsed, problems) = mapping("""
            columns:
              id: Ref
              titel: Title
            date_format: mm/dd/yy
            colour: blue
            """)
        #expect(parsed == nil)
        #expect(problems == [
            #"map.yaml:2: columns: unknown field "titel" (did you mean "title"?) (fields: id, title, kind, parties, purposes, legal_bases, data_categories, onward_sharing, area, status, start, review, expires, dpia, url, notes, signed)"#,
            #"map.yaml:4: date_format: unknown date format "mm/dd/yy" (expected dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd)"#,
            #"map.yaml:5: colour: unknown key (expected: columns, date_format, separator, defaults, values, organisations)"#,
            #"map.yaml:1: columns: no column for "title" (it is required)"#,
            #"map.yaml:1: columns: no column for "parties" (it is required)"#,
            #"map.yaml:1: columns: no column for "start" (it is required)"#,
        ])
    }

    /// Each bad cell is reported with its row and the spreadsheet's column name.
    @Test func badCellsAreReportedWithTheirRows() throws {
        let register = try ExportFixture.london()
        let parsed = try #require(mapping("""
            columns: {id: Ref, title: Title, parties: Partners, start: Start, status: Status, purposes: Purpose}
            date_format: dd/mm/yyyy
            values:
              status: {Live: active}
            organisations:
              LB Camden: lb-camden
            """).0)
        let csv = """
            Ref,Title,Partners,Start,Status,Purpose
            A-1,Good,LB Camden; UCLH,01/02/2024,Live,direct_care
            A-2,Bad date,LB Camden; UCLH,31/02/2024,Live,direct_care
            A-3,Bad status,LB Camden; UCLH,01/02/2024,Current,direct_care
            A-4,Fuzzy name,LB Camden; Camden Counsil,01/02/2024,Live,direct_care
            A-5,Bad purpose,LB Camden; UCLH,01/02/2024,Live,Direct Care

            """
        let (rows, problems) = SpreadsheetImport(register: register, mapping: parsed, file: "isa.csv").agreements(from: Array(csv.utf8))
        #expect(rows.isEmpty)  // nothing is imported while any error remains
        #expect(problems.map(\.description) == [
            #"isa.csv:3: Start: "31/02/2024" is not a date in the mapping's format (dd/mm/yyyy)"#,
            #"isa.csv:4: Status: unknown value "Current" (map it under values: status: in the mapping)"#,
            #"isa.csv:5: Partners: an agreement needs at least two parties"#,
            #"isa.csv:5: Partners: no organisation matches "Camden Counsil" (closest: lb-camden; if that is right, add "Camden Counsil": lb-camden under organisations: in the mapping)"#,
            #"isa.csv:6: Purpose: unknown value "Direct Care" (did you mean "direct_care"?) (map it under values: purposes: in the mapping)"#,
        ])
    }
}
