import Foundation
import SharemapModel

/// One search hit, with why it matched.
public struct SearchHit: Codable, Sendable, Equatable {
    /// organisation, asset, agreement, purpose or data_category.
    public let type: String
    public let id: String
    public let title: String
    public let score: Int
    /// The fields that matched, e.g. `alias "the Met"`.
    public let why: [String]
}

/// The results of a register search.
public struct SearchResult: Codable, Sendable, Equatable {
    public let query: String
    public let hits: [SearchHit]
}

/// Case- and accent-insensitive search over organisations (names, ids, aliases), information assets,
/// agreements, purposes and data categories: the searchable information asset register.
///
/// Ranking per query word: exact id or alias 100, name or title starting with it 60, a word starting with
/// it 40, anywhere in the text 20; a hit must match every word; scores add up over words.
public struct RegisterSearch: Sendable {
    public let register: Register
    public let date: Day

    public init(register: Register, on date: Day) {
        self.register = register
        self.date = date
    }

    /// Folds text for comparison: lower case, accents removed, `&` read as `and`.
    public static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .replacingOccurrences(of: "&", with: " and ")
    }

    struct Field {
        let label: String
        let text: String
        let exact: Bool
        let primary: Bool
    }

    /// Scores one item's fields against the query words; nil when some word matches nothing.
    static func score(_ words: [String], _ fields: [Field]) -> (Int, [String])? {
        var total = 0
        var why: [String] = []
        for word in words {
            var best = 0
            var reason = ""
            for field in fields {
                let text = fold(field.text)
                let value: Int
                if field.exact, text == word { value = 100 }
                else if field.primary, text.hasPrefix(word) { value = 60 }
                else if text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).contains(where: { $0.hasPrefix(word) }) { value = 40 }
                else if text.contains(word) { value = 20 }
                else { continue }
                if value > best {
                    best = value
                    reason = "\(field.label) \"\(field.text.count > 60 ? String(field.text.prefix(57)) + "..." : field.text)\""
                }
            }
            guard best > 0 else { return nil }
            total += best
            if !why.contains(reason) { why.append(reason) }
        }
        return (total, why)
    }

    /// Searches for `text`, optionally only items of organisation kind `kind`, in area `area`, or about
    /// data category `category` (or a broader or narrower one). At most `limit` hits, best first.
    public func search(_ text: String, kind: OrganisationKind? = nil, area: AreaIndex? = nil,
                       category: DataCategoryIndex? = nil, limit: Int = 50) -> SearchResult {
        let words = Self.fold(text).split(whereSeparator: { $0.isWhitespace }).map(String.init)
        var hits: [SearchHit] = []
        guard !words.isEmpty else { return SearchResult(query: text, hits: []) }
        func related(_ categories: [DataCategoryIndex]) -> Bool {
            guard let category else { return true }
            return categories.contains {
                register.dataCategories.isSelfOrAncestor($0, of: category) || register.dataCategories.isSelfOrAncestor(category, of: $0)
            }
        }
        func organisationMatches(_ organisation: OrganisationIndex) -> Bool {
            (kind == nil || register[organisation].kind == kind) && (area.map { register[organisation].coverage.contains($0) } ?? true)
        }
        for (position, organisation) in register.organisations.enumerated() where category == nil && organisationMatches(OrganisationIndex(position)) {
            let fields = [Field(label: "id", text: organisation.id, exact: true, primary: true),
                          Field(label: "name", text: organisation.name, exact: true, primary: true)]
                + organisation.aliases.map { Field(label: "alias", text: $0, exact: true, primary: true) }
                + [Field(label: "notes", text: organisation.notes, exact: false, primary: false)]
            if let (score, why) = Self.score(words, fields) {
                hits.append(.init(type: "organisation", id: organisation.id, title: organisation.name, score: score, why: why))
            }
        }
        for asset in register.assets where organisationMatches(asset.organisation) && related(asset.dataCategories) {
            let fields = [Field(label: "id", text: asset.id, exact: true, primary: true),
                          Field(label: "name", text: asset.name, exact: false, primary: true),
                          Field(label: "description", text: asset.description, exact: false, primary: false),
                          Field(label: "system", text: asset.system, exact: true, primary: false),
                          Field(label: "owner", text: register[asset.organisation].name, exact: false, primary: false)]
                + asset.dataCategories.map { Field(label: "category", text: register[$0].name, exact: true, primary: false) }
            if let (score, why) = Self.score(words, fields) {
                hits.append(.init(type: "asset", id: asset.id, title: "\(asset.name) (\(register[asset.organisation].name))", score: score, why: why))
            }
        }
        for agreement in register.agreements where related(agreement.dataCategories)
            && (kind == nil && area == nil || agreement.parties.contains { organisationMatches($0.organisation) }) {
            let fields = [Field(label: "id", text: agreement.id, exact: true, primary: true),
                          Field(label: "title", text: agreement.title, exact: false, primary: true),
                          Field(label: "notes", text: agreement.notes, exact: false, primary: false)]
                + agreement.purposes.map { Field(label: "purpose", text: register[$0].name, exact: true, primary: false) }
            if let (score, why) = Self.score(words, fields) {
                let status = agreement.isInForce(on: date) ? "in force" : agreement.status.rawValue
                hits.append(.init(type: "agreement", id: agreement.id, title: "\(agreement.title) (\(status))", score: score, why: why))
            }
        }
        if kind == nil, area == nil {
            for purpose in register.purposes.terms where category == nil {
                if let (score, why) = Self.score(words, [Field(label: "purpose", text: purpose.id, exact: true, primary: true),
                                                        Field(label: "name", text: purpose.name, exact: true, primary: true)]) {
                    hits.append(.init(type: "purpose", id: purpose.id, title: purpose.name, score: score, why: why))
                }
            }
            for (position, term) in register.dataCategories.terms.enumerated() where related([DataCategoryIndex(position)]) {
                if let (score, why) = Self.score(words, [Field(label: "category", text: term.id, exact: true, primary: true),
                                                        Field(label: "name", text: term.name, exact: true, primary: true)]) {
                    hits.append(.init(type: "data_category", id: term.id, title: term.name + (term.special ? " (special)" : ""), score: score, why: why))
                }
            }
        }
        hits.sort { $0.score != $1.score ? $0.score > $1.score : ($0.type, $0.id) < ($1.type, $1.id) }
        return SearchResult(query: text, hits: Array(hits.prefix(limit)))
    }
}

/// Finds an organisation from what a person types: its id, name or an alias, ignoring case and accents.
public struct OrganisationResolver: Sendable {
    public let register: Register

    public init(register: Register) {
        self.register = register
    }

    /// Why a name did not resolve, with the closest candidates.
    public struct Unresolved: Error, CustomStringConvertible, Equatable {
        public let text: String
        /// Several organisations share this name or alias.
        public let ambiguous: [String]
        public let suggestions: [String]

        public var description: String {
            if !ambiguous.isEmpty {
                return "\"\(text)\" could be any of: \(ambiguous.joined(separator: ", ")) (use an id)"
            }
            let hint = suggestions.isEmpty ? "" : " (did you mean " + suggestions.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
            return "no organisation called \"\(text)\"\(hint)"
        }
    }

    public func resolve(_ text: String) throws(Unresolved) -> OrganisationIndex {
        if let exact = register.organisationIndex(id: text) { return exact }
        let wanted = RegisterSearch.fold(text.trimmingCharacters(in: .whitespaces))
        var matches: [OrganisationIndex] = []
        for index in register.organisationIndices {
            let body = register[index]
            if ([body.id, body.name] + body.aliases).contains(where: { RegisterSearch.fold($0) == wanted }) { matches.append(index) }
        }
        if matches.count == 1 { return matches[0] }
        if matches.count > 1 { throw Unresolved(text: text, ambiguous: matches.map { register[$0].id }, suggestions: []) }
        // A name typed in part ("Barts Health" for "Barts Health NHS Trust") when only one name starts so.
        let starting = register.organisationIndices.filter { RegisterSearch.fold(register[$0].name).hasPrefix(wanted) }
        if wanted.count >= 4, starting.count == 1 { return starting[0] }
        if starting.count > 1 { throw Unresolved(text: text, ambiguous: starting.map { register[$0].id }.sorted(), suggestions: []) }
        var suggestions = Suggestions.closest(to: text, in: register.organisations.map(\.id) + register.organisations.map(\.name))
        if suggestions.isEmpty {
            suggestions = register.organisations.filter { RegisterSearch.fold($0.name).contains(wanted) }.map(\.id).prefix(3).map { $0 }
        }
        throw Unresolved(text: text, ambiguous: [], suggestions: suggestions)
    }
}
