import Foundation
import SharemapData
import SharemapModel
import Yams

/// How a spreadsheet of agreements maps onto the register format: read from a YAML mapping file.
///
/// ```yaml
/// columns: {id: ISA Reference, title: Title, parties: Partner organisations, purposes: Purpose, ...}
/// date_format: dd/mm/yyyy        # or yyyy-mm-dd
/// separator: ";"                 # between items in a cell
/// defaults: {kind: isa, area: "*", onward_sharing: none, status: active, dpia: no, party_role: both}
/// values: {legal_bases: {"Public Task": uk_gdpr_6_1_e}, dpia: {"Yes": yes}, ...}
/// organisations: {"LB Camden": lb-camden}
/// ```
public struct ImportMapping: Sendable {
    public static let fields = ["id", "title", "kind", "parties", "purposes", "legal_bases", "data_categories", "onward_sharing", "area",
                                "status", "start", "review", "expires", "dpia", "url", "notes", "signed"]
    public var columns: [String: String] = [:]
    public var dateFormat = "yyyy-mm-dd"
    public var separator = ";"
    public var defaults: [String: String] = [:]
    public var values: [String: [String: String]] = [:]
    public var organisations: [String: String] = [:]

    /// Reads a mapping, reporting every problem with its line.
    public static func read(_ text: String, file: String) -> (ImportMapping?, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func error(_ node: Node?, _ field: String?, _ message: String) {
            problems.append(Diagnostic(.error, file: file, line: node?.mark?.line, field: field, message: message))
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            return (nil, [Diagnostic(.error, file: file, line: 1, message: "is not valid YAML: \(error)")])
        }
        guard let mapping = root?.mapping else { return (nil, [Diagnostic(.error, file: file, line: 1, message: "expected a mapping with columns:, values:, ...")]) }
        var result = ImportMapping()
        func strings(_ node: Node, _ key: String) -> [String: String] {
            guard let map = node.mapping else { error(node, key, "must be a mapping of names to values"); return [:] }
            var out: [String: String] = [:]
            for (name, value) in map {
                guard let name = name.string, let value = value.string else { error(value, key, "entries must be text: value"); continue }
                out[name] = value
            }
            return out
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            switch name {
            case "columns":
                result.columns = strings(value, name)
                for field in result.columns.keys where !fields.contains(field) {
                    error(value, "columns", "unknown field \"\(field)\"\(Suggestions.hint(for: field, in: fields)) (fields: \(fields.joined(separator: ", ")))")
                }
            case "date_format":
                result.dateFormat = value.string ?? ""
                if !["dd/mm/yyyy", "yyyy-mm-dd", "dd-mm-yyyy", "dd.mm.yyyy"].contains(result.dateFormat) {
                    error(value, name, "unknown date format \"\(result.dateFormat)\" (expected dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy or yyyy-mm-dd)")
                }
            case "separator": result.separator = value.string ?? ";"
            case "defaults": result.defaults = strings(value, name)
            case "values":
                guard let map = value.mapping else { error(value, name, "must map field names to value tables"); continue }
                for (field, table) in map {
                    guard let field = field.string else { continue }
                    if !fields.contains(field) { error(table, "values", "unknown field \"\(field)\"\(Suggestions.hint(for: field, in: fields))") }
                    result.values[field] = strings(table, "values.\(field)")
                }
            case "organisations": result.organisations = strings(value, name)
            default:
                error(key, name, "unknown key\(Suggestions.hint(for: name, in: ["columns", "date_format", "separator", "defaults", "values", "organisations"])) (expected: columns, date_format, separator, defaults, values, organisations)")
            }
        }
        for required in ["id", "title", "parties", "start"] where result.columns[required] == nil {
            error(root, "columns", "no column for \"\(required)\" (it is required)")
        }
        return (problems.isEmpty ? result : nil, problems)
    }

    /// Parses a date in the mapping's format into `YYYY-MM-DD`.
    func date(_ text: String) -> String? {
        if dateFormat == "yyyy-mm-dd" { return Day(iso: text)?.description }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == "-" || $0 == "." }).map(String.init)
        guard parts.count == 3, let day = Int(parts[0]), let month = Int(parts[1]), var year = Int(parts[2]) else { return nil }
        if parts[2].count == 2 { year += 2000 }
        return Day(year: year, month: month, day: day)?.description
    }
}

/// Turns a spreadsheet of agreements into register agreements, checking every cell against the register.
public struct SpreadsheetImport {
    public let register: Register
    public let mapping: ImportMapping
    public let file: String

    public init(register: Register, mapping: ImportMapping, file: String) {
        self.register = register
        self.mapping = mapping
        self.file = file
    }

    /// The agreements in `bytes` (a CSV spreadsheet), or every problem found, each with its row.
    public func agreements(from bytes: [UInt8]) -> ([RegisterDocument.AgreementRow], [Diagnostic]) {
        var problems: [Diagnostic] = []
        var syntax: [CSVTableProblem] = []
        guard let table = CSVTableReader.parse(bytes, problems: &syntax) else {
            return ([], [Diagnostic(.error, file: file, message: "is not a UTF-8 CSV file with a header row")])
        }
        for problem in syntax { problems.append(Diagnostic(.error, file: file, line: problem.line, column: problem.column, message: problem.message)) }
        var positions: [String: Int] = [:]
        for (field, column) in mapping.columns {
            if let position = table.header.firstIndex(of: column) { positions[field] = position } else {
                problems.append(Diagnostic(.error, file: file, line: 1, field: column,
                                           message: "column not found for \(field)\(Suggestions.hint(for: column, in: table.header)) (columns: \(table.header.joined(separator: ", ")))"))
            }
        }
        guard problems.isEmpty else { return ([], problems) }
        var rows: [RegisterDocument.AgreementRow] = []
        for record in 0..<table.recordCount {
            let line = table.lines[record]
            func cell(_ field: String) -> String {
                guard let position = positions[field] else { return mapping.defaults[field] ?? "" }
                let value = table.fields(record)[position].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? (mapping.defaults[field] ?? "") : value
            }
            func error(_ field: String, _ message: String) {
                problems.append(Diagnostic(.error, file: file, line: line, field: mapping.columns[field] ?? field, message: message))
            }
            func items(_ field: String) -> [String] {
                cell(field).components(separatedBy: mapping.separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            /// Maps a value through the mapping's table, then checks it against the register's ids.
            func vocabulary(_ field: String, _ value: String, known: [String]) -> String? {
                let mapped = mapping.values[field]?[value] ?? value
                if known.contains(mapped) { return mapped }
                let tableKeys = Array((mapping.values[field] ?? [:]).keys)
                error(field, "unknown value \"\(value)\"\(Suggestions.hint(for: value, in: tableKeys + known)) (map it under values: \(field): in the mapping)")
                return nil
            }
            func date(_ field: String, required: Bool) -> String? {
                let text = cell(field)
                if text.isEmpty {
                    if required { error(field, "is empty (a date is required)") }
                    return nil
                }
                guard let parsed = mapping.date(text) else {
                    error(field, "\"\(text)\" is not a date in the mapping's format (\(mapping.dateFormat))")
                    return nil
                }
                return parsed
            }
            // Spreadsheet references such as "CAM-ISA-014" become register ids: lower case, other
            // characters as hyphens ("cam-isa-014").
            let id = String(cell("id").lowercased().map { $0.isLetter || $0.isNumber || $0 == "_" ? $0 : "-" })
            if id.isEmpty { error("id", "is empty (every agreement needs an id)") }
            let title = cell("title")
            if title.isEmpty { error("title", "is empty") }
            let purposes = items("purposes").compactMap { vocabulary("purposes", $0, known: register.purposes.terms.map(\.id)) }
            let bases = items("legal_bases").compactMap { vocabulary("legal_bases", $0, known: register.legalBases.map(\.id)) }
            let categories = items("data_categories").compactMap { vocabulary("data_categories", $0, known: register.dataCategories.terms.map(\.id)) }
            let kind = vocabulary("kind", cell("kind").isEmpty ? "isa" : cell("kind"), known: AgreementKind.allCases.map(\.rawValue))
            let onward = vocabulary("onward_sharing", cell("onward_sharing").isEmpty ? "none" : cell("onward_sharing"), known: OnwardSharing.allCases.map(\.rawValue))
            let status = vocabulary("status", cell("status").isEmpty ? "active" : cell("status"), known: AgreementStatus.allCases.map(\.rawValue))
            let dpia = vocabulary("dpia", cell("dpia").isEmpty ? "no" : cell("dpia"), known: DPIAStatus.allCases.map(\.rawValue))
            let area = cell("area").isEmpty ? ["*"] : items("area")
            for code in area where code != "*" && register.areaIndex(id: code) == nil {
                error("area", "unknown area \"\(code)\"\(Suggestions.hint(for: code, in: register.areas.map(\.id)))")
            }
            let start = date("start", required: true)
            let review = date("review", required: false), expires = date("expires", required: false), signed = date("signed", required: false)
            let role = mapping.defaults["party_role"] ?? "both"
            var parties: [RegisterDocument.PartyRow] = []
            for name in items("parties") {
                if let organisation = resolveOrganisation(name) {
                    parties.append(.init(organisation: organisation, role: role, signed: signed))
                } else {
                    let close = Suggestions.closest(to: name, in: register.organisations.map(\.name) + register.organisations.map(\.id), limit: 1)
                    let suggestion = close.first.flatMap { text in register.organisations.first { $0.name == text || $0.id == text }?.id }
                    error("parties", "no organisation matches \"\(name)\"" + (suggestion.map { " (closest: \($0); if that is right, add \"\(name)\": \($0) under organisations: in the mapping)" } ?? ""))
                }
            }
            if parties.count < 2, !items("parties").isEmpty { error("parties", "an agreement needs at least two parties") }
            guard let kind, let onward, let status, let dpia, let start else { continue }
            rows.append(.init(id: id, title: title, kind: kind, purposes: purposes, legalBases: bases, dataCategories: categories, assets: [],
                              onwardSharing: onward, area: area, status: status, start: start, review: review, expires: expires, dpia: dpia,
                              url: cell("url"), notes: cell("notes"), parties: parties))
        }
        return (problems.isEmpty ? rows : [], problems.sorted())
    }

    /// Exact id, then the mapping's organisations table, then name or alias ignoring case. Never fuzzy.
    func resolveOrganisation(_ name: String) -> String? {
        if register.organisationIndex(id: name) != nil { return name }
        if let mapped = mapping.organisations[name], register.organisationIndex(id: mapped) != nil { return mapped }
        let folded = name.lowercased()
        let matches = register.organisations.filter { ([$0.name] + $0.aliases).contains { $0.lowercased() == folded } }
        return matches.count == 1 ? matches[0].id : nil
    }
}
