import ArgumentParser
import SharemapAnalysis
import SharemapModel

/// A mistake in what was typed that only the register can reveal (an unknown name or id): reported as
/// `error: ...` with exit status 2, without the general usage text.
struct UsageError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}

/// Turns what a person typed into register indices, or a usage error (exit 2) that lists close matches.
struct Lookup {
    let register: Register

    func organisation(_ text: String, option: String) throws -> OrganisationIndex {
        do {
            return try OrganisationResolver(register: register).resolve(text)
        } catch {
            throw UsageError("\(option): \(error)")
        }
    }

    func purpose(_ text: String?) throws -> PurposeIndex? {
        guard let text else { return nil }
        if let index = register.purposeIndex(id: text) { return index }
        throw UsageError("--purpose: unknown purpose \"\(text)\"\(Suggestions.hint(for: text, in: register.purposes.terms.map(\.id))) (known: \(register.purposes.terms.map(\.id).joined(separator: ", ")))")
    }

    func category(_ text: String?) throws -> DataCategoryIndex? {
        guard let text else { return nil }
        if let index = register.dataCategoryIndex(id: text) { return index }
        throw UsageError("--category: unknown data category \"\(text)\"\(Suggestions.hint(for: text, in: register.dataCategories.terms.map(\.id))) (known: \(register.dataCategories.terms.map(\.id).joined(separator: ", ")))")
    }

    func area(_ text: String?) throws -> AreaIndex? {
        guard let text else { return nil }
        if let index = register.areaIndex(id: text) { return index }
        if let byName = register.areas.firstIndex(where: { RegisterSearch.fold($0.name) == RegisterSearch.fold(text) }) { return AreaIndex(byName) }
        throw UsageError("--area: unknown area \"\(text)\"\(Suggestions.hint(for: text, in: register.areas.map(\.name))) (use a GSS code such as E09000007 or a name such as Camden)")
    }

    /// A hop as people read it: `Camden Council -> Central North BCU  [camden-safeguarding]`.
    func describe(_ hop: Hop) -> String {
        let from = register.organisationIndex(id: hop.from).map { register[$0].name } ?? hop.from
        let to = register.organisationIndex(id: hop.to).map { register[$0].name } ?? hop.to
        return "\(from) -> \(to)  [\(hop.agreement)]"
    }

    func name(_ id: String) -> String {
        register.organisationIndex(id: id).map { register[$0].name } ?? id
    }
}
