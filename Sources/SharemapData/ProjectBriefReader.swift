import Foundation
import SharemapModel
import Yams

/// Looks up the ids a project brief refers to.
protocol ProjectReferenceResolver {
    func organisation(_ id: String) -> OrganisationIndex?
    func purpose(_ id: String) -> PurposeIndex?
    func dataCategory(_ id: String) -> DataCategoryIndex?
    func area(_ id: String) -> AreaIndex?
    /// Known ids of a kind ("organisation", "purpose", "data category", "area"), for suggestions.
    func knownIDs(_ noun: String) -> [String]
}

/// Reads a project brief (YAML) into a `Project`, reporting every problem with its line.
///
/// The brief's keys: `id`, `name` (required), `description`, `purpose` (required, a purpose id),
/// `data_categories` (list), `area` (`"*"` or a list of area ids, required), `organisations` (list of
/// organisation ids), `organisation_kinds` (list of kinds). At least one organisation or kind is required.
struct ProjectBriefReader {
    let file: String
    let resolver: any ProjectReferenceResolver
    var log = DiagnosticLog()

    static let keys = ["id", "name", "description", "purpose", "data_categories", "area", "organisations", "organisation_kinds"]

    mutating func read(_ text: String) -> Project? {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            report(error)
            return nil
        } catch {
            log.error(file, "is not valid YAML: \(error)")
            return nil
        }
        guard let root, let mapping = root.mapping else {
            log.error(file, line: root?.mark?.line ?? 1, "expected a mapping of keys (id, name, purpose, area, ...)")
            return nil
        }
        var values: [String: Node] = [:]
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if !Self.keys.contains(name) {
                log.error(file, line: key.mark?.line, field: name,
                          "unknown key\(Suggestions.hint(for: name, in: Self.keys)) (expected: \(Self.keys.joined(separator: ", ")))")
            }
            values[name] = value
        }
        let id = scalar(values, "id", required: true)
        if let id, !IDPattern.kebab.matches(id) {
            log.error(file, line: values["id"]?.mark?.line, field: "id", "\"\(id)\" is not a valid id (\(IDPattern.kebab.explanation))")
        }
        let name = scalar(values, "name", required: true)
        let description = scalar(values, "description", required: false) ?? ""
        let purposeID = scalar(values, "purpose", required: true)
        let purpose = purposeID.flatMap { resolve($0, noun: "purpose", key: "purpose", node: values["purpose"], resolver.purpose) }
        let categories = list(values, "data_categories").compactMap {
            resolve($0.text, noun: "data category", key: "data_categories", node: $0.node, resolver.dataCategory)
        }
        let area = coverage(values)
        let organisations = list(values, "organisations").compactMap {
            resolve($0.text, noun: "organisation", key: "organisations", node: $0.node, resolver.organisation)
        }
        var kinds: [OrganisationKind] = []
        for item in list(values, "organisation_kinds") {
            if let kind = OrganisationKind(rawValue: item.text) {
                kinds.append(kind)
            } else {
                let allowed = OrganisationKind.allCases.map(\.rawValue)
                log.error(file, line: item.node.mark?.line, field: "organisation_kinds",
                          "unknown kind \"\(item.text)\"\(Suggestions.hint(for: item.text, in: allowed)) (expected one of: \(allowed.joined(separator: ", ")))")
            }
        }
        if values["organisations"] == nil, values["organisation_kinds"] == nil {
            log.error(file, line: root.mark?.line, field: "organisations", "a project needs organisations, organisation_kinds or both")
        }
        guard log.errorCount == 0, let id, let name, let purpose, let area else { return nil }
        return Project(id: id, name: name, description: description, purpose: purpose, dataCategories: categories,
                       area: area, organisations: organisations, organisationKinds: kinds)
    }

    private mutating func report(_ error: YamlError) {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            log.error(file, line: mark.line, column: mark.column, "is not valid YAML: \(problem)")
        default:
            log.error(file, "is not valid YAML: \(error)")
        }
    }

    private mutating func scalar(_ values: [String: Node], _ key: String, required: Bool) -> String? {
        guard let node = values[key] else {
            if required { log.error(file, line: 1, field: key, "is missing (a value is required)") }
            return nil
        }
        guard let text = node.scalar?.string, !text.trimmingWhitespace().isEmpty else {
            log.error(file, line: node.mark?.line, field: key, required ? "must be a non-empty text value" : "must be a text value")
            return nil
        }
        return text.trimmingWhitespace()
    }

    /// A list of scalars; a single scalar is accepted as a one-item list.
    private mutating func list(_ values: [String: Node], _ key: String) -> [(text: String, node: Node)] {
        guard let node = values[key] else { return [] }
        if let scalar = node.scalar {
            return scalar.string.isEmpty ? [] : [(scalar.string, node)]
        }
        guard let sequence = node.sequence else {
            log.error(file, line: node.mark?.line, field: key, "must be a list")
            return []
        }
        var items: [(String, Node)] = []
        for item in sequence {
            if let text = item.scalar?.string { items.append((text, item)) } else {
                log.error(file, line: item.mark?.line, field: key, "list items must be text values")
            }
        }
        return items
    }

    private mutating func coverage(_ values: [String: Node]) -> Coverage? {
        guard values["area"] != nil else {
            log.error(file, line: 1, field: "area", "is missing (\"*\" or a list of area ids)")
            return nil
        }
        let items = list(values, "area")
        if items.map(\.text) == ["*"] { return .everywhere }
        if items.isEmpty {
            log.error(file, line: values["area"]?.mark?.line, field: "area", "is empty (\"*\" or a list of area ids)")
            return nil
        }
        return .of(items.compactMap { resolve($0.text, noun: "area", key: "area", node: $0.node, resolver.area) })
    }

    private mutating func resolve<Index>(
        _ id: String, noun: String, key: String, node: Node?, _ lookup: (String) -> Index?
    ) -> Index? {
        if let index = lookup(id) { return index }
        log.error(file, line: node?.mark?.line, field: key,
                  "unknown \(noun) \"\(id)\"\(Suggestions.hint(for: id, in: resolver.knownIDs(noun)))")
        return nil
    }
}

extension RegisterReader: ProjectReferenceResolver {
    func organisation(_ id: String) -> OrganisationIndex? { organisationIDs.index(of: id) }
    func purpose(_ id: String) -> PurposeIndex? { purposeIDs.index(of: id) }
    func dataCategory(_ id: String) -> DataCategoryIndex? { dataCategoryIDs.index(of: id) }
    func area(_ id: String) -> AreaIndex? { areaIDs.index(of: id) }

    func knownIDs(_ noun: String) -> [String] {
        switch noun {
        case "organisation": return organisationIDs.allIDs
        case "purpose": return purposeIDs.allIDs
        case "data category": return dataCategoryIDs.allIDs
        default: return areaIDs.allIDs
        }
    }

    /// Reads every `projects/*.yaml` (and `.yml`) brief, if the folder exists.
    mutating func readProjects() {
        let folder = path("projects")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        var seen: [String: String] = [:]
        for name in names.sorted() where name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
            let file = folder + "/" + name
            guard let project = readProject(file: file) else { continue }
            if let other = seen[project.id] {
                log.error(file, line: 1, field: "id", "duplicate project id \"\(project.id)\" (also in \(other))")
                continue
            }
            seen[project.id] = file
            projects.append(project)
        }
    }

    /// Reads one brief against the ids read so far, logging its problems.
    mutating func readProject(file: String) -> Project? {
        guard let data = FileManager.default.contents(atPath: file) else {
            log.error(file, FileManager.default.fileExists(atPath: file) ? "cannot be read" : "file does not exist")
            return nil
        }
        guard let text = String(validating: [UInt8](data), as: UTF8.self) else {
            log.error(file, "is not UTF-8 text")
            return nil
        }
        var reader = ProjectBriefReader(file: file, resolver: self)
        let project = reader.read(text)
        log.append(contentsOf: reader.log.diagnostics)
        return project
    }
}

extension Register: ProjectReferenceResolver {
    func organisation(_ id: String) -> OrganisationIndex? { organisationIndex(id: id) }
    func purpose(_ id: String) -> PurposeIndex? { purposeIndex(id: id) }
    func dataCategory(_ id: String) -> DataCategoryIndex? { dataCategoryIndex(id: id) }
    func area(_ id: String) -> AreaIndex? { areaIndex(id: id) }

    func knownIDs(_ noun: String) -> [String] {
        switch noun {
        case "organisation": return organisations.map(\.id)
        case "purpose": return purposes.terms.map(\.id)
        case "data category": return dataCategories.terms.map(\.id)
        default: return areas.map(\.id)
        }
    }
}
