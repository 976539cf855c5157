import SharemapModel

/// Reading typed values out of a sheet's fields, reporting every malformed value to the log.
extension RegisterReader {
    /// The field's text; an error when it is required and empty.
    mutating func text<C>(_ sheet: Sheet<C>, _ record: Int, _ column: C, required: Bool = false) -> String {
        let value = sheet[record, column]
        if required, value.isEmpty {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue, "is empty (a value is required)")
        }
        return value
    }

    /// A `;`-separated list, items trimmed, empty items dropped.
    func list<C>(_ sheet: Sheet<C>, _ record: Int, _ column: C) -> [String] {
        let value = sheet[record, column]
        guard !value.isEmpty else { return [] }
        return value.splitItems(on: UInt8(ascii: ";"))
    }

    /// A value of a closed vocabulary; an error naming the allowed values otherwise.
    mutating func vocabulary<C, V: RawRepresentable<String> & CaseIterable>(
        _ sheet: Sheet<C>, _ record: Int, _ column: C, _ type: V.Type, default fallback: V? = nil
    ) -> V? {
        let value = sheet[record, column]
        if value.isEmpty, let fallback { return fallback }
        guard !value.isEmpty else {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue,
                      "is empty (expected one of: \(V.allCases.map(\.rawValue).joined(separator: ", ")))")
            return nil
        }
        return vocabularyValue(value, V.self, file: sheet.file, line: sheet.line(record), field: column.rawValue)
    }

    /// Parses one vocabulary word, reporting an unknown one with the allowed values and a close match.
    mutating func vocabularyValue<V: RawRepresentable<String> & CaseIterable>(
        _ value: String, _ type: V.Type, file: String, line: Int?, field: String
    ) -> V? {
        if let parsed = V(rawValue: value) { return parsed }
        let allowed = V.allCases.map(\.rawValue)
        log.error(file, line: line, field: field,
                  "unknown value \"\(value)\"\(Suggestions.hint(for: value, in: allowed)) (expected one of: \(allowed.joined(separator: ", ")))")
        return nil
    }

    /// A `YYYY-MM-DD` date; nil when empty (an error when required) or malformed (an error).
    mutating func day<C>(_ sheet: Sheet<C>, _ record: Int, _ column: C, required: Bool = false) -> Day? {
        let value = sheet[record, column]
        if value.isEmpty {
            if required {
                log.error(sheet.file, line: sheet.line(record), field: column.rawValue, "is empty (a date YYYY-MM-DD is required)")
            }
            return nil
        }
        guard let day = Day(iso: value) else {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue, "\"\(value)\" is not a date (expected YYYY-MM-DD)")
            return nil
        }
        return day
    }

    /// A decimal number within `range`.
    mutating func number<C>(_ sheet: Sheet<C>, _ record: Int, _ column: C, in range: ClosedRange<Double>) -> Double? {
        let value = sheet[record, column]
        guard let number = Double(value), number.isFinite else {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue,
                      value.isEmpty ? "is empty (a number is required)" : "\"\(value)\" is not a number")
            return nil
        }
        guard range.contains(number) else {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue,
                      "\(value) is out of range (expected \(range.lowerBound) to \(range.upperBound))")
            return nil
        }
        return number
    }

    /// Resolves an id against a table of known ids; an "unknown X" error with close matches otherwise.
    mutating func reference<Entity>(
        _ id: String, in ids: IDTable<Entity>, file: String, line: Int?, field: String
    ) -> EntityIndex<Entity>? {
        if let index = ids.index(of: id) { return index }
        guard ids.isAvailable else { return nil }  // its file could not be read: one error for that is enough
        log.error(file, line: line, field: field,
                  "unknown \(ids.noun) \"\(id)\"\(Suggestions.hint(for: id, in: ids.allIDs))")
        return nil
    }

    /// Resolves each id of a list, dropping unknown ones (each reported).
    mutating func references<Entity, C>(
        _ sheet: Sheet<C>, _ record: Int, _ column: C, in ids: IDTable<Entity>
    ) -> [EntityIndex<Entity>] {
        list(sheet, record, column).compactMap {
            reference($0, in: ids, file: sheet.file, line: sheet.line(record), field: column.rawValue)
        }
    }

    /// A coverage: `*`, or a `;`-list of area ids.
    mutating func coverage<C>(_ sheet: Sheet<C>, _ record: Int, _ column: C, required: Bool) -> Coverage {
        let items = list(sheet, record, column)
        if items == ["*"] { return .everywhere }
        if items.contains("*") {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue,
                      "\"*\" means every area and cannot be combined with area ids")
            return .everywhere
        }
        if required, items.isEmpty {
            log.error(sheet.file, line: sheet.line(record), field: column.rawValue,
                      "is empty (expected \"*\" or a ;-separated list of area ids)")
        }
        return .of(items.compactMap {
            reference($0, in: areaIDs, file: sheet.file, line: sheet.line(record), field: column.rawValue)
        })
    }
}

/// Ids of one kind of entity mapped to their positions, remembering where each was defined.
struct IDTable<Entity> {
    /// What the entity is called in messages ("organisation", "purpose").
    let noun: String
    private var positions: [String: Int] = [:]
    /// False when the file defining these ids could not be read, so references to them are not checked.
    var isAvailable = true
    private(set) var allIDs: [String] = []

    init(noun: String) {
        self.noun = noun
    }

    func index(of id: String) -> EntityIndex<Entity>? {
        positions[id].map(EntityIndex.init)
    }

    /// Adds an id at the next position; returns false (adding nothing) if it is already there.
    mutating func add(_ id: String) -> Bool {
        guard positions[id] == nil else { return false }
        positions[id] = allIDs.count
        allIDs.append(id)
        return true
    }

    var count: Int { allIDs.count }
}
