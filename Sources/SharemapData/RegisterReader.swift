import Foundation
import SharemapModel

/// Reads the files of one register folder in dependency order, resolving ids to indices and logging
/// every problem. Rows with problems are still read as far as possible so that later checks can
/// report their own problems in the same run; the register is only handed out when there are no errors.
struct RegisterReader {
    let directory: String
    let today: Day
    var log = DiagnosticLog()

    var areaIDs = IDTable<Area>(noun: "area")
    var organisationIDs = IDTable<Organisation>(noun: "organisation")
    var assetIDs = IDTable<InformationAsset>(noun: "asset")
    var agreementIDs = IDTable<Agreement>(noun: "agreement")
    var purposeIDs = IDTable<Purpose>(noun: "purpose")
    var dataCategoryIDs = IDTable<DataCategory>(noun: "data category")
    var legalBasisIDs = IDTable<LegalBasis>(noun: "legal basis")
    var partnershipIDs = IDTable<Partnership>(noun: "partnership")

    var areas: [Area] = []
    var organisations: [Organisation] = []
    var organisationLines: [Int] = []
    var contacts: [Contact] = []
    var assets: [InformationAsset] = []
    var agreements: [Agreement] = []
    var agreementLines: [Int] = []
    var purposes: [Purpose] = []
    var purposeLines: [Int] = []
    var dataCategories: [DataCategory] = []
    var dataCategoryLines: [Int] = []
    var legalBases: [LegalBasis] = []
    var partnerships: [Partnership] = []
    var projects: [Project] = []

    init(directory: String, today: Day) {
        self.directory = directory
        self.today = today
    }

    /// The path of a file in the register folder, as shown in messages.
    func path(_ file: String) -> String {
        directory.hasSuffix("/") ? directory + file : directory + "/" + file
    }

    /// Loads and checks a CSV file's bytes, encoding, syntax and header. A missing file is an error.
    mutating func sheet<C: SheetColumns>(_ file: String, _ columns: C.Type) -> Sheet<C>? {
        let shown = path(file)
        guard let data = FileManager.default.contents(atPath: shown) else {
            let exists = FileManager.default.fileExists(atPath: shown)
            log.error(shown, exists ? "cannot be read" : "file is missing (expected columns: \(C.allCases.map(\.rawValue).joined(separator: ",")))")
            return nil
        }
        var problems: [CSVTable.SyntaxError] = []
        guard let table = CSVTable.parse([UInt8](data), problems: &problems) else {
            if String(validating: [UInt8](data), as: UTF8.self) == nil {
                log.error(shown, "is not UTF-8 text (save it as \"CSV UTF-8\")")
            } else {
                log.error(shown, line: 1, "is empty (expected a header row: \(C.allCases.map(\.rawValue).joined(separator: ",")))")
            }
            return nil
        }
        for problem in problems {
            log.error(shown, line: problem.line, column: problem.column, problem.message)
        }
        return Sheet(file: shown, table: table, log: &log)
    }

    /// Registers a row's id, reporting an empty, malformed or duplicate one. Returns false to skip the row.
    mutating func claim<Entity, C>(
        _ sheet: Sheet<C>, _ record: Int, _ column: C, in ids: WritableKeyPath<RegisterReader, IDTable<Entity>>,
        firstLines: inout [String: Int], pattern: IDPattern
    ) -> Bool {
        let id = sheet[record, column]
        let line = sheet.line(record)
        guard !id.isEmpty else {
            log.error(sheet.file, line: line, field: column.rawValue, "is empty (every row needs an id)")
            return false
        }
        if !pattern.matches(id) {
            log.error(sheet.file, line: line, field: column.rawValue, "\"\(id)\" is not a valid id (\(pattern.explanation))")
        }
        guard self[keyPath: ids].add(id) else {
            log.error(sheet.file, line: line, field: column.rawValue,
                      "duplicate id \"\(id)\" (first defined on line \(firstLines[id] ?? 0))")
            return false
        }
        firstLines[id] = line
        return true
    }

    mutating func readAll() {
        readAreas()
        readPurposes()
        readDataCategories()
        readLegalBases()
        readOrganisations()
        readContacts()
        readAssets()
        readAgreements()
        readParties()
        readPartnerships()
        readProjects()
        checkOrganisationCycles()
        checkTaxonomyCycles(purposes, lines: purposeLines, file: path("purposes.csv"))
        checkTaxonomyCycles(dataCategories, lines: dataCategoryLines, file: path("data_categories.csv"))
        checkAgreements()
    }

    func makeRegister() -> Register {
        Register(
            areas: areas, organisations: organisations, contacts: contacts, assets: assets, agreements: agreements,
            purposes: purposes, dataCategories: dataCategories, legalBases: legalBases, partnerships: partnerships,
            projects: projects
        )
    }
}

/// `yes` or `no`.
enum YesNo: String, CaseIterable {
    case yes, no
}

/// The shape an id must have.
enum IDPattern {
    /// Lower-case letters and digits in words joined by single hyphens: `lb-camden`.
    case kebab
    /// Lower-case letters, digits, `-` and `_`, starting with a letter or digit: `safeguarding_children`.
    case slug
    /// An ONS GSS code: a capital letter and eight digits, `E09000007`.
    case gss

    func matches(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        let isLower = { (b: UInt8) in (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b) }
        let isDigit = { (b: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) }
        switch self {
        case .kebab:
            guard let first = bytes.first, let last = bytes.last, isLower(first) || isDigit(first),
                  isLower(last) || isDigit(last) else { return false }
            var previousHyphen = false
            for byte in bytes {
                if byte == UInt8(ascii: "-") {
                    if previousHyphen { return false }
                    previousHyphen = true
                } else if isLower(byte) || isDigit(byte) {
                    previousHyphen = false
                } else {
                    return false
                }
            }
            return true
        case .slug:
            guard let first = bytes.first, isLower(first) || isDigit(first) else { return false }
            return bytes.allSatisfy { isLower($0) || isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
        case .gss:
            guard bytes.count == 9, let first = bytes.first, (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(first) else { return false }
            return bytes.dropFirst().allSatisfy(isDigit)
        }
    }

    var explanation: String {
        switch self {
        case .kebab: return "expected lower-case letters and digits joined by single hyphens, e.g. lb-camden"
        case .slug: return "expected lower-case letters, digits, - and _, e.g. safeguarding_children"
        case .gss: return "expected an ONS GSS code: a capital letter and 8 digits, e.g. E09000007"
        }
    }
}
