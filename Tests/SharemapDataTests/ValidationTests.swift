import Testing
@testable import SharemapData
import SharemapModel

/// Every validation rule of the register format, each with a fixture case and the exact messages a
/// user sees. The minimal fixture is valid; each case changes one or two files.
@Suite struct ValidationTests {
    @Test func minimalFixtureIsValid() throws {
        let (outcome, messages) = try FixtureRegister.load(case: nil)
        #expect(messages == [])
        #expect(outcome.register != nil)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let expected: [String]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "unknown-reference", expected: [
            #"Data/agreement_parties.csv:2: organisation: unknown organisation "lb-camdn" (did you mean "lb-camden"?)"#,
            #"Data/agreements.csv:2: parties: "camden-safeguarding" has 1 party in agreement_parties.csv (at least 2 are needed)"#,
        ]),
        Case(name: "duplicate-id", expected: [
            #"Data/organisations.csv:8: id: duplicate id "lb-camden" (first defined on line 2)"#,
        ]),
        Case(name: "malformed-date", expected: [
            #"Data/agreements.csv:2: start: "2021-13-45" is not a date (expected YYYY-MM-DD)"#,
        ]),
        Case(name: "malformed-number", expected: [
            #"Data/areas.csv:3: lat: "fifty-one" is not a number"#,
            "Data/areas.csv:4: lon: -200 is out of range (expected -180.0 to 180.0)",
        ]),
        Case(name: "unknown-vocabulary", expected: [
            #"Data/organisations.csv:3: kind: unknown value "councl" (did you mean "council"?) (expected one of: council, nhs_icb, nhs_trust, police_force, police_bcu, fire_service, ambulance_service, probation_region, probation_pdu, transport, gla_group, central_government, voluntary, research, other)"#,
        ]),
        Case(name: "empty-required", expected: [
            "Data/organisations.csv:3: name: is empty (a value is required)",
        ]),
        Case(name: "wrong-header", expected: [
            #"Data/contacts.csv:1: wrong header: missing column "organisation"; unexpected column "organization" (expected columns: organisation,role,title,email,phone)"#,
        ]),
        Case(name: "dates-before-start", expected: [
            "Data/agreement_parties.csv:2: warning: signed: 2021-01-01 is after the agreement expired (2020-12-31)",
            "Data/agreement_parties.csv:3: warning: signed: 2021-01-05 is after the agreement expired (2020-12-31)",
            "Data/agreements.csv:2: expires: 2020-12-31 is before start 2021-01-01",
            "Data/agreements.csv:2: review: 2020-06-01 is before start 2021-01-01",
            "Data/agreements.csv:2: warning: status: is active but the agreement expired on 2020-12-31",
        ]),
        Case(name: "organisation-dates", expected: [
            "Data/organisations.csv:6: end: 2021-03-31 is before start 2022-07-01",
            #"Data/organisations.csv:6: successor: unknown organisation "icb-newer" (did you mean "icb-new"?)"#,
        ]),
        Case(name: "agreement-parties", expected: [
            #"Data/agreement_parties.csv:7: organisation: "lb-camden" is already a party to "no-recipient" (line 5)"#,
            #"Data/agreements.csv:2: parties: "camden-safeguarding" has 1 party in agreement_parties.csv (at least 2 are needed)"#,
            #"Data/agreements.csv:3: parties: "health-sharing" has no provider (a party with role provider or both)"#,
            #"Data/agreements.csv:4: parties: "no-recipient" has no recipient (a party with role recipient or both)"#,
        ]),
        Case(name: "unknown-area", expected: [
            #"Data/organisations.csv:3: coverage: unknown area "E09000091" (did you mean "E09000001" or "E09000007" or "E09000019"?)"#,
        ]),
        Case(name: "parent-cycle", expected: [
            "Data/organisations.csv:4: parent: parent links form a cycle: mps -> mps-bcu-cn -> mps",
        ]),
        Case(name: "taxonomy-cycle", expected: [
            "Data/purposes.csv:2: parent: parent links form a cycle: safeguarding -> safeguarding_children -> safeguarding",
        ]),
        Case(name: "not-utf8", expected: [
            #"Data/contacts.csv: is not UTF-8 text (save it as "CSV UTF-8")"#,
        ]),
        Case(name: "expired-but-active", expected: [
            "Data/agreements.csv:3: warning: status: is active but the agreement expired on 2025-12-31",
        ]),
        Case(name: "csv-syntax", expected: [
            "Data/assets.csv:3:1: expected 8 fields as in the header, found 3",
            #"Data/contacts.csv:5:23: a " inside an unquoted field (quote the whole field and double the ")"#,
        ]),
        Case(name: "missing-file", expected: [
            "Data/legal_bases.csv: file is missing (expected columns: id,name,reference)",
        ]),
        Case(name: "invalid-project", expected: [
            #"Data/projects/camden-pilot.yaml:1: id: "Camden Pilot" is not a valid id (expected lower-case letters and digits joined by single hyphens, e.g. lb-camden)"#,
            #"Data/projects/camden-pilot.yaml:3: purpose: unknown purpose "safeguardin_children" (did you mean "safeguarding_children"?)"#,
            #"Data/projects/camden-pilot.yaml:4: area: unknown area "E09000099" (did you mean "E09000019" or "E09000001" or "E09000007"?)"#,
            #"Data/projects/camden-pilot.yaml:6: organisation_kinds: unknown kind "police" (did you mean "police_bcu" or "police_force"?) (expected one of: council, nhs_icb, nhs_trust, police_force, police_bcu, fire_service, ambulance_service, probation_region, probation_pdu, transport, gla_group, central_government, voluntary, research, other)"#,
            "Data/projects/camden-pilot.yaml:7: budget: unknown key (expected: id, name, description, purpose, data_categories, area, organisations, organisation_kinds)",
        ]),
        // All problems in one run, sorted by file and line, whatever order they were found in.
        Case(name: "many-problems", expected: [
            #"Data/agreements.csv:2: start: "2021-13-45" is not a date (expected YYYY-MM-DD)"#,
            #"Data/agreements.csv:3: onward_sharing: unknown value "never" (expected one of: none, same_purpose, any)"#,
            #"Data/organisations.csv:3: kind: unknown value "councl" (did you mean "council"?) (expected one of: council, nhs_icb, nhs_trust, police_force, police_bcu, fire_service, ambulance_service, probation_region, probation_pdu, transport, gla_group, central_government, voluntary, research, other)"#,
        ]),
    ]

    @Test(arguments: cases)
    func reportsExactMessages(_ testCase: Case) throws {
        let (outcome, messages) = try FixtureRegister.load(case: testCase.name)
        #expect(messages == testCase.expected)
        // A register is only handed out when there are no errors.
        #expect((outcome.register == nil) == !outcome.errors.isEmpty)
    }

    /// A byte order mark and CRLF line endings (as spreadsheets save) change nothing.
    @Test func byteOrderMarkAndCRLFAreTransparent() throws {
        let (plain, _) = try FixtureRegister.load(case: nil)
        let (saved, messages) = try FixtureRegister.load(case: "bom-crlf")
        #expect(messages == [])
        let before = try #require(plain.register)
        let after = try #require(saved.register)
        #expect(before.organisations == after.organisations)
    }

    /// Warnings never stop a register from loading.
    @Test func warningsDoNotBlockTheRegister() throws {
        let (outcome, _) = try FixtureRegister.load(case: "expired-but-active")
        #expect(outcome.errors.isEmpty)
        #expect(outcome.warnings.count == 1)
        #expect(outcome.register != nil)
    }

    @Test func aFolderThatDoesNotExistIsOneClearError() {
        let outcome = RegisterLoader(today: Day(iso: "2026-11-24")!).load(directory: "/nonexistent/Data")
        #expect(outcome.diagnostics.map(\.description) == ["/nonexistent/Data: is not a register folder (no such directory)"])
    }
}
