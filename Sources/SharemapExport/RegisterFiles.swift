import SharemapData
import Yams

/// Writes CSV fields per RFC 4180: a field with a comma, quote, line break or surrounding space is quoted,
/// with quotes doubled.
public enum CSVText {
    public static func field(_ text: String) -> String {
        let needsQuotes = text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
            || text.first == " " || text.last == " "
        return needsQuotes ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    public static func row(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    public static func table(header: [String], rows: [[String]]) -> String {
        row(header) + rows.map(row).joined()
    }
}

/// The files of a register folder for a `RegisterDocument`: CSV text per file name, and project briefs as
/// YAML under `projects/`.
public enum RegisterFiles {
    public static func files(for document: RegisterDocument) throws -> [String: String] {
        let list = { (items: [String]) in items.joined(separator: ";") }
        var files: [String: String] = [:]
        files["areas.csv"] = CSVText.table(header: ["id", "name", "kind", "inner_outer", "lat", "lon"], rows: document.areas.map {
            [$0.id, $0.name, $0.kind, $0.innerOuter, number($0.lat), number($0.lon)]
        })
        files["organisations.csv"] = CSVText.table(
            header: ["id", "name", "kind", "parent", "coverage", "aliases", "website", "notes", "start", "end", "successor"],
            rows: document.organisations.map {
                [$0.id, $0.name, $0.kind, $0.parent ?? "", list($0.coverage), list($0.aliases), $0.website, $0.notes, $0.start ?? "", $0.end ?? "", $0.successor ?? ""]
            })
        files["contacts.csv"] = CSVText.table(header: ["organisation", "role", "title", "email", "phone"], rows: document.contacts.map {
            [$0.organisation, $0.role, $0.title, $0.email, $0.phone]
        })
        files["assets.csv"] = CSVText.table(
            header: ["id", "organisation", "name", "description", "system", "data_categories", "owner_role", "retention"],
            rows: document.assets.map { [$0.id, $0.organisation, $0.name, $0.description, $0.system, list($0.dataCategories), $0.ownerRole, $0.retention] })
        files["agreements.csv"] = CSVText.table(
            header: ["id", "title", "kind", "purposes", "legal_bases", "data_categories", "assets", "onward_sharing", "area", "status", "start",
                     "review", "expires", "dpia", "url", "notes"],
            rows: document.agreements.map {
                [$0.id, $0.title, $0.kind, list($0.purposes), list($0.legalBases), list($0.dataCategories), list($0.assets), $0.onwardSharing,
                 list($0.area), $0.status, $0.start, $0.review ?? "", $0.expires ?? "", $0.dpia, $0.url, $0.notes]
            })
        files["agreement_parties.csv"] = CSVText.table(header: ["agreement", "organisation", "role", "signed"], rows: document.agreements.flatMap { agreement in
            agreement.parties.map { [agreement.id, $0.organisation, $0.role, $0.signed ?? ""] }
        })
        files["purposes.csv"] = CSVText.table(header: ["id", "name", "parent"], rows: document.purposes.map { [$0.id, $0.name, $0.parent ?? ""] })
        files["data_categories.csv"] = CSVText.table(header: ["id", "name", "parent", "special"], rows: document.dataCategories.map {
            [$0.id, $0.name, $0.parent ?? "", $0.special == true ? "yes" : "no"]
        })
        files["legal_bases.csv"] = CSVText.table(header: ["id", "name", "reference"], rows: document.legalBases.map { [$0.id, $0.name, $0.reference] })
        files["partnerships.csv"] = CSVText.table(header: ["id", "name", "statute", "purposes", "member_kinds"], rows: document.partnerships.map {
            [$0.id, $0.name, $0.statute, list($0.purposes), list($0.memberKinds)]
        })
        for project in document.projects {
            var brief: [String: Any] = ["id": project.id, "name": project.name, "purpose": project.purpose,
                                        "area": project.area == ["*"] ? "*" as Any : project.area as Any]
            if !project.description.isEmpty { brief["description"] = project.description }
            if !project.dataCategories.isEmpty { brief["data_categories"] = project.dataCategories }
            if !project.organisations.isEmpty { brief["organisations"] = project.organisations }
            if !project.organisationKinds.isEmpty { brief["organisation_kinds"] = project.organisationKinds }
            files["projects/\(project.id).yaml"] = try Yams.dump(object: brief, sortKeys: true)
        }
        return files
    }

    /// A coordinate without float noise.
    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}

import Foundation
