import Foundation
import Testing
@testable import SharemapData
import SharemapModel

/// The London register in Data/ must agree with the verified reference set in ../shared/reference/london/
/// for every area code, BCU, ICB (on any date since July 2022) and probation delivery unit.
/// Skipped, with a message, where the reference set is not beside the repository.
@Suite struct LondonRegisterTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let reference = repository.deletingLastPathComponent().appendingPathComponent("shared/reference/london")
    static let referenceAvailable = FileManager.default.fileExists(atPath: reference.appendingPathComponent("boroughs.csv").path)

    /// Rows of a reference CSV as dictionaries keyed by header.
    static func rows(_ file: String) throws -> [[String: String]] {
        let bytes = try [UInt8](Data(contentsOf: reference.appendingPathComponent(file)))
        var problems: [CSVTable.SyntaxError] = []
        let table = try #require(CSVTable.parse(bytes, problems: &problems))
        #expect(problems.isEmpty)
        return (0..<table.recordCount).map { record in
            Dictionary(uniqueKeysWithValues: zip(table.header, table.record(record)))
        }
    }

    let register: Register

    init() throws {
        let outcome = RegisterLoader(today: Day(iso: "2026-11-24")!).load(directory: Self.repository.appendingPathComponent("Data").path)
        #expect(outcome.errors.map(\.description) == [])
        register = try #require(outcome.register)
    }

    func areaIDs(of organisation: OrganisationIndex) -> Set<String> {
        Set(register.areas(of: organisation).map { register[$0].id })
    }

    @Test(.enabled(if: referenceAvailable, "../shared/reference/london is not beside the repository"))
    func everyAreaMatchesTheReference() throws {
        let boroughs = try Self.rows("boroughs.csv")
        #expect(Set(register.areas.map(\.id)) == Set(boroughs.compactMap { $0["gss_code"] }))
        for row in boroughs {
            let area = try #require(register.areaIndex(id: row["gss_code"] ?? ""))
            #expect(register[area].name == row["name"])
            #expect(register[area].innerOuter.rawValue == row["inner_outer_ons"])
            #expect(register[area].latitude == Double(row["lat"] ?? ""))
            #expect(register[area].longitude == Double(row["lon"] ?? ""))
        }
    }

    @Test(.enabled(if: referenceAvailable, "../shared/reference/london is not beside the repository"))
    func everyBCUCoversExactlyItsBoroughsAndBelongsToTheMet() throws {
        var boroughsByCode: [String: Set<String>] = [:]
        for row in try Self.rows("met_bcu.csv") where row["force_pfa_code"] == "E23000001" {
            boroughsByCode[row["bcu_code", default: ""], default: []].insert(row["gss_code", default: ""])
        }
        #expect(boroughsByCode.count == 12)
        let mps = try #require(register.organisationIndex(id: "mps"))
        let bcus = register.organisationIndices.filter { register[$0].kind == .policeBCU }
        #expect(bcus.count == 12)
        for (code, boroughs) in boroughsByCode {
            let bcu = try #require(register.organisationIndex(id: "mps-bcu-" + code.lowercased()), "no BCU \(code)")
            #expect(register[bcu].aliases.contains(code))
            #expect(register[bcu].parent == mps)
            #expect(areaIDs(of: bcu) == boroughs, "BCU \(code)")
        }
    }

    /// On every date from July 2022 (each change point and a day either side), each area's existing
    /// ICB is the one the reference gives, and there is exactly one.
    @Test(.enabled(if: referenceAvailable, "../shared/reference/london is not beside the repository"))
    func everyAreaHasTheReferenceICBOnEveryDate() throws {
        let memberships = try Self.rows("icb.csv").filter { ($0["icb"] ?? "").contains("Integrated Care Board") }
        let dates = ["2022-07-01", "2024-01-01", "2026-03-31", "2026-04-01", "2026-11-24"].compactMap { Day(iso: $0) }
        for date in dates {
            for area in register.areaIndices {
                let expected = memberships.filter { row in
                    guard row["gss_code"] == register[area].id, let from = Day(iso: row["valid_from"] ?? "") else { return false }
                    let to = Day(iso: row["valid_to"] ?? "")
                    return from <= date && (to.map { date <= $0 } ?? true)
                }.compactMap { $0["icb"] }
                let actual = register.organisationsByArea[area.position]
                    .filter { register[$0].kind == .nhsICB && register[$0].exists(on: date) }
                    .map { register[$0].name }
                #expect(actual == expected, "\(register[area].name) on \(date)")
            }
        }
    }

    @Test(.enabled(if: referenceAvailable, "../shared/reference/london is not beside the repository"))
    func everyReferenceBodyIsInTheRegisterWithItsCoverage() throws {
        let bodies = try Self.rows("organisations.csv")
        #expect(bodies.filter { $0["kind"] == "probation_pdu" }.count == 18)
        for row in bodies {
            let id = row["id", default: ""]
            let organisation = try #require(register.organisationIndex(id: id), "missing \(id)")
            #expect(register[organisation].kind.rawValue == row["kind"], "\(id)")
            let coverage = row["coverage", default: ""]
            let expected = coverage == "*" ? Set(register.areas.map(\.id)) : Set(coverage.split(separator: ";").map(String.init))
            #expect(areaIDs(of: organisation) == expected, "\(id) coverage")
            #expect(register[organisation].parent.map { register[$0].id } ?? "" == row["parent", default: ""], "\(id) parent")
            #expect(register[organisation].start?.description ?? "" == row["start", default: ""], "\(id) start")
            #expect(register[organisation].end?.description ?? "" == row["end", default: ""], "\(id) end")
            #expect(register[organisation].successor.map { register[$0].id } ?? "" == row["successor", default: ""], "\(id) successor")
        }
    }
}
