import Foundation
import Hummingbird
import SharemapAnalysis
import SharemapData
import SharemapGraphviz
import SharemapModel
import SharemapReport

/// The explorer's pages. Each answers HTML or, when asked, the same JSON shapes the CLI prints.
extension Explorer {
    var date: Day { network.date }

    func query(_ request: Request, _ name: String) throws -> String? {
        guard let value = request.uri.queryParameters.get(name)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        guard value.count <= Self.maxQueryLength else { throw BadInput("\(name) is longer than \(Self.maxQueryLength) characters") }
        return value
    }

    struct BadInput: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    func badRequest(_ request: Request, _ message: String) -> Response {
        Page.error(.badRequest, title: "Bad request", message: message, request: request)
    }

    /// Organisation suggestions for a 404 or a failed lookup.
    func suggestions(for text: String) -> [(label: String, href: String)] {
        Suggestions.closest(to: text, in: register.organisations.map(\.id)).map { ($0, "/organisations/\($0)") }
    }

    /// Wraps a handler so over-long or malformed input becomes a 400.
    func guarded(_ request: Request, _ body: () throws -> Response) throws -> Response {
        do { return try body() } catch let error as BadInput { return badRequest(request, error.message) }
    }

    func organisationOptions() -> String {
        "<datalist id=\"organisations\">" + register.organisations.map { "<option value=\"\(HTMLText.escape($0.id))\">\(HTMLText.escape($0.name))</option>" }.joined() + "</datalist>"
    }

    func home(_ request: Request) throws -> Response {
        let stats = RegisterStatistics(register: register, on: date)
        if Page.wantsJSON(request) { return try Page.json(stats) }
        let svg = try svg("network", layout: .sfdp) { NetworkView().graph(of: register, on: date) }
        let figures = [("Organisations", stats.existingOrganisations), ("Agreements in force", stats.inForce), ("Due for review", stats.reviewDue), ("Areas", stats.areas)]
        let body = """
        <form action="/search" method="get" role="search"><label>Search the register<input name="q" type="search" maxlength="200" required></label><button>Search</button></form>
        <div class="figures">\(figures.map { "<div><strong>\($0.1)</strong>\(HTMLText.escape($0.0))</div>" }.joined())</div>
        \(Page.figure(svg, caption: "Agreements in force on \(date). Select an organisation to open its page."))
        """
        return Page.html(title: "Who shares data with whom across London", body: body)
    }

    func organisation(_ request: Request, id: String) throws -> Response {
        guard let index = register.organisationIndex(id: id) else {
            return Page.error(.notFound, title: "No such organisation", message: "There is no organisation \"\(id)\" in the register.", request: request, suggestions: suggestions(for: id))
        }
        let body = register[index]
        let agreements = register.agreementsByOrganisation[index.position].map { register[$0] }
        struct OrganisationJSON: Encodable {
            let id, name, kind: String
            let coverage: [String]
            let exists: Bool
            let contacts: [[String: String]]
            let assets: [String]
            let agreements: [[String: String]]
        }
        if Page.wantsJSON(request) {
            return try Page.json(OrganisationJSON(
                id: body.id, name: body.name, kind: body.kind.rawValue, coverage: register.areas(of: index).map { register[$0].id },
                exists: body.exists(on: date),
                contacts: register.contactsByOrganisation[index.position].map { ["role": register[$0].role.rawValue, "title": register[$0].title, "email": register[$0].email] },
                assets: register.assetsByOrganisation[index.position].map { register[$0].id },
                agreements: agreements.map { ["id": $0.id, "status": $0.isInForce(on: date) ? "in_force" : $0.status.rawValue] }))
        }
        let svg = try svg("ego:\(id)", layout: .sfdp) { EgoView(organisation: index).graph(of: register, on: date) }
        func rows(_ filter: (Agreement) -> Bool) -> [[Page.Cell]] {
            agreements.filter(filter).map { [.link($0.id, "/agreements/\($0.id)"), .text($0.title), .text($0.expires?.description ?? "")] }
        }
        let html = """
        \(Page.facts([("Kind", body.kind.rawValue), ("Covers", register.areas(of: index).map { register[$0].name }.joined(separator: ", ")),
                      ("Also known as", body.aliases.joined(separator: "; ")), ("Exists on \(date)", body.exists(on: date) ? "yes" : "no"),
                      ("Notes", body.notes)]))
        <h2>Contacts</h2>
        \(Page.table(["Role", "Title", "Email"], register.contactsByOrganisation[index.position].map { [.text(register[$0].role.rawValue), .text(register[$0].title), .text(register[$0].email)] }, empty: "No contacts recorded: this body has no DPO or IG lead to approach."))
        <h2>Information assets</h2>
        \(Page.table(["Asset", "System", "Categories"], register.assetsByOrganisation[index.position].map { asset in [.text(register[asset].name), .text(register[asset].system), .text(register[asset].dataCategories.map { register[$0].id }.joined(separator: ", "))] }))
        <h2>Agreements in force</h2>\(Page.table(["Agreement", "Title", "Expires"], rows(isInForce)))
        <h2>Drafts</h2>\(Page.table(["Agreement", "Title", "Expires"], rows { $0.status == .draft }))
        <h2>Expired, suspended or ended</h2>\(Page.table(["Agreement", "Title", "Expires"], rows { !self.isInForce($0) && $0.status != .draft }))
        \(Page.figure(svg, caption: "\(body.name)'s agreements on \(date), by status. Select a box or an organisation to open it."))
        """
        return Page.html(title: body.name, body: html)
    }

    func isInForce(_ agreement: Agreement) -> Bool { agreement.isInForce(on: date) }

    func agreement(_ request: Request, id: String) throws -> Response {
        guard let index = register.agreementIndex(id: id) else {
            let close = Suggestions.closest(to: id, in: register.agreements.map(\.id)).map { ($0, "/agreements/\($0)") }
            return Page.error(.notFound, title: "No such agreement", message: "There is no agreement \"\(id)\" in the register.", request: request, suggestions: close)
        }
        let body = register[index]
        struct AgreementJSON: Encodable {
            let id, title, kind, status, onwardSharing, start, dpia: String
            let inForce: Bool
            let review, expires: String?
            let purposes, legalBases, dataCategories: [String]
            let parties: [[String: String]]
            enum CodingKeys: String, CodingKey {
                case id, title, kind, status, start, dpia, review, expires, purposes, parties
                case onwardSharing = "onward_sharing", inForce = "in_force", legalBases = "legal_bases", dataCategories = "data_categories"
            }
        }
        if Page.wantsJSON(request) {
            return try Page.json(AgreementJSON(
                id: body.id, title: body.title, kind: body.kind.rawValue, status: body.status.rawValue, onwardSharing: body.onwardSharing.rawValue,
                start: body.start.description, dpia: body.dpia.rawValue, inForce: body.isInForce(on: date), review: body.review?.description,
                expires: body.expires?.description, purposes: body.purposes.map { register[$0].id }, legalBases: body.legalBases.map { register[$0].id },
                dataCategories: body.dataCategories.map { register[$0].id },
                parties: body.parties.map { ["organisation": register[$0.organisation].id, "role": $0.role.rawValue, "signed": $0.signed?.description ?? ""] }))
        }
        let html = """
        \(Page.facts([("Kind", body.kind.rawValue), ("Status", body.status.rawValue + (body.isInForce(on: date) ? " (in force on \(date))" : " (not in force on \(date))")),
                      ("Purposes", body.purposes.map { register[$0].name }.joined(separator: ", ")),
                      ("Legal bases", body.legalBases.map { "\(register[$0].name) (\(register[$0].reference))" }.joined(separator: "; ")),
                      ("Data categories", body.dataCategories.map { register[$0].name + (register[$0].special ? " (special)" : "") }.joined(separator: ", ")),
                      ("Onward sharing", body.onwardSharing.rawValue), ("Start", body.start.description), ("Review", body.review?.description ?? "none set"),
                      ("Expires", body.expires?.description ?? "no end date"), ("DPIA", body.dpia.rawValue), ("Notes", body.notes)]))
        <h2>Parties</h2>
        \(Page.table(["Organisation", "Role", "Signed"], body.parties.map { [.link(register[$0.organisation].name, "/organisations/\(register[$0.organisation].id)"), .text($0.role.rawValue), .text($0.signed?.description ?? "NOT SIGNED")] }))
        """
        return Page.html(title: body.title, body: html)
    }

    func path(_ request: Request) throws -> Response {
        try guarded(request) {
            let from = try query(request, "from"), to = try query(request, "to")
            let purpose = try query(request, "purpose"), category = try query(request, "category")
            let alternatives = Int(try query(request, "alternatives") ?? "0") ?? -1
            guard (0...Self.maxAlternatives).contains(alternatives) else { throw BadInput("alternatives must be a number from 0 to \(Self.maxAlternatives)") }
            var form = """
            \(organisationOptions())
            <form action="/path" method="get">
            <label>From<input name="from" list="organisations" value="\(HTMLText.escape(from ?? ""))" required></label>
            <label>To<input name="to" list="organisations" value="\(HTMLText.escape(to ?? ""))" required></label>
            <label>Purpose<select name="purpose"><option value="">any</option>\(register.purposes.terms.map { "<option value=\"\($0.id)\"\($0.id == purpose ? " selected" : "")>\(HTMLText.escape($0.name))</option>" }.joined())</select></label>
            <label>Data category<select name="category"><option value="">any</option>\(register.dataCategories.terms.map { "<option value=\"\($0.id)\"\($0.id == category ? " selected" : "")>\(HTMLText.escape($0.name))</option>" }.joined())</select></label>
            <button>Find a lawful path</button></form>
            """
            guard let from, let to else {
                if Page.wantsJSON(request) { throw BadInput("give from and to") }
                return Page.html(title: "Path finder", body: form)
            }
            let resolver = OrganisationResolver(register: register)
            let source: OrganisationIndex, target: OrganisationIndex
            do { source = try resolver.resolve(from); target = try resolver.resolve(to) } catch {
                throw BadInput("\(error)")
            }
            let purposeIndex = try purpose.map { id in try register.purposeIndex(id: id) ?? { throw BadInput("unknown purpose \"\(id)\"") }() }
            let categoryIndex = try category.map { id in try register.dataCategoryIndex(id: id) ?? { throw BadInput("unknown data category \"\(id)\"") }() }
            let result = network.lawfulPath(from: source, to: target, purpose: purposeIndex, category: categoryIndex, alternatives: alternatives)
            if Page.wantsJSON(request) { return try Page.json(result) }
            let key = "path:\(register[source].id):\(register[target].id):\(purpose ?? ""):\(category ?? ""):\(alternatives)"
            let svg = try svg(key, layout: .dot) { PathView(result).graph(of: register) }
            form += "<p>\(HTMLText.escape(result.found ? "A lawful path exists (\(result.hops.count) hops)." : "No lawful path. \(result.reason ?? "")"))</p>"
            form += Page.table(["From", "To", "Agreement"], result.hops.map { [.link($0.from, "/organisations/\($0.from)"), .link($0.to, "/organisations/\($0.to)"), .link($0.agreement, "/agreements/\($0.agreement)")] }, empty: "")
            form += Page.figure(svg, caption: "The path on \(date); a blocked hop is drawn red and dashed.")
            return Page.html(title: "Path finder", body: form)
        }
    }

    func gaps(_ request: Request) throws -> Response {
        try guarded(request) {
            let partnership = try query(request, "partnership"), area = try query(request, "area"), kind = try query(request, "kind")
            let report = network.gaps()
            var gaps = report.partnershipGaps
            if let partnership { gaps = gaps.filter { $0.partnership == partnership } }
            if let area { gaps = gaps.filter { $0.areas.contains(area) || $0.areas.contains { register.areaIndex(id: $0).map { register[$0].name.lowercased() } == area.lowercased() } } }
            if let kind { gaps = gaps.filter { $0.organisations.contains { register.organisationIndex(id: $0).map { register[$0].kind.rawValue } == kind } } }
            struct GapsJSON: Encodable { let date: Day; let partnershipGaps: [GapReport.PartnershipGap]; enum CodingKeys: String, CodingKey { case date; case partnershipGaps = "partnership_gaps" } }
            if Page.wantsJSON(request) { return try Page.json(partnership == nil && area == nil && kind == nil ? AnyEncodable(report) : AnyEncodable(GapsJSON(date: date, partnershipGaps: gaps))) }
            var body = """
            <form action="/gaps" method="get">
            <label>Partnership<select name="partnership"><option value="">all</option>\(register.partnerships.map { "<option value=\"\($0.id)\"\($0.id == partnership ? " selected" : "")>\(HTMLText.escape($0.name))</option>" }.joined())</select></label>
            <label>Area<select name="area"><option value="">all</option>\(register.areas.map { "<option value=\"\($0.id)\"\($0.id == area ? " selected" : "")>\(HTMLText.escape($0.name))</option>" }.joined())</select></label>
            <label>Kind<select name="kind"><option value="">all</option>\(OrganisationKind.allCases.map { "<option value=\"\($0.rawValue)\"\($0.rawValue == kind ? " selected" : "")>\($0.rawValue)</option>" }.joined())</select></label>
            <button>Filter</button></form>
            """
            body += Page.table(["Partnership", "Organisations", "Areas"], gaps.map { gap in
                [.text(gap.partnership), .text(gap.organisations.map { register.organisationIndex(id: $0).map { register[$0].name } ?? $0 }.joined(separator: " + ")),
                 .text(gap.areas.compactMap { register.areaIndex(id: $0) }.map { register[$0].name }.joined(separator: ", "))]
            }, empty: "No gaps match.")
            if let partnership, let index = register.partnershipIndex(id: partnership) {
                body += Page.figure(try svg("gaps:\(partnership)", layout: .dot) { GapsView(partnership: index).graph(of: network) }, caption: "Red dashed: member pairs with no agreement in force on \(date).")
            }
            return Page.html(title: "Gaps in statutory partnerships", body: body)
        }
    }

    func boundaries(_ request: Request) throws -> Response {
        try guarded(request) {
            let a = try query(request, "a") ?? "police_bcu", b = try query(request, "b") ?? "nhs_icb"
            guard let kindA = OrganisationKind(rawValue: a), let kindB = OrganisationKind(rawValue: b) else { throw BadInput("unknown organisation kind (use one of: \(OrganisationKind.allCases.map(\.rawValue).joined(separator: ", ")))") }
            let result = network.mismatches(kindA, kindB)
            if Page.wantsJSON(request) { return try Page.json(result) }
            func select(_ name: String, _ chosen: OrganisationKind) -> String {
                "<select name=\"\(name)\">" + OrganisationKind.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == chosen ? " selected" : "")>\($0.rawValue)</option>" }.joined() + "</select>"
            }
            let svg = try svg("boundaries:\(a):\(b)", layout: .neato) { BoundariesView(kindA, kindB).graph(of: network) }
            let body = """
            <form action="/boundaries" method="get"><label>Fill\(select("a", kindA))</label><label>Outline\(select("b", kindB))</label><button>Compare</button></form>
            <p>Coterminosity score \(result.score) (share of areas where the two organisations nest).</p>
            \(Page.figure(svg, caption: "\(a) (fill) against \(b) (outline) on \(date)."))
            \(Page.table([a, b, "Shared areas"], result.cells.map { [.link($0.a, "/organisations/\($0.a)"), .link($0.b, "/organisations/\($0.b)"), .text($0.areas.compactMap { register.areaIndex(id: $0) }.map { register[$0].name }.joined(separator: ", "))] }))
            """
            return Page.html(title: "Boundaries", body: body)
        }
    }

    func project(_ request: Request, upload: String?) throws -> Response {
        try guarded(request) {
            let chosen = try query(request, "brief")
            var project: Project?
            if let upload {
                let outcome = RegisterLoader(today: date).loadProject(text: upload, named: "upload.yaml", in: register)
                guard let parsed = outcome.project else {
                    let messages = outcome.diagnostics.map(\.description)
                    if Page.wantsJSON(request) { return try Page.json(Page.ErrorBody(error: "Invalid project brief", message: messages.joined(separator: "\n"), suggestions: []), status: .badRequest) }
                    return Page.html(title: "Invalid project brief", body: "<ul>" + messages.map { "<li>\(HTMLText.escape($0))</li>" }.joined() + "</ul>", status: .badRequest)
                }
                project = parsed
            } else if let chosen {
                guard let found = register.projects.first(where: { $0.id == chosen }) else {
                    return Page.error(.notFound, title: "No such project brief", message: "There is no brief \"\(chosen)\".", request: request,
                                      suggestions: register.projects.map { ($0.id, "/project?brief=\($0.id)") })
                }
                project = found
            }
            let list = "<ul>" + register.projects.map { "<li><a href=\"/project?brief=\(HTMLText.escape($0.id))\">\(HTMLText.escape($0.name))</a></li>" }.joined() + "</ul>"
            let uploadForm = "<form action=\"/project\" method=\"post\" enctype=\"text/plain\"><label>Or paste a brief (YAML)<textarea name=\"brief\" rows=\"8\" cols=\"60\"></textarea></label><button>Review</button></form>"
            guard let project else {
                if Page.wantsJSON(request) { throw BadInput("give brief=ID or post a brief") }
                return Page.html(title: "Project readiness", body: "<p>Pick a brief:</p>" + list + uploadForm)
            }
            let review = network.review(project)
            if Page.wantsJSON(request) { return try Page.json(review) }
            let svg = try svg("project:\(project.id):\(upload?.hashValue ?? 0)", layout: .neato) { ProjectView(review).graph(of: register) }
            let body = """
            <p>\(HTMLText.escape(review.readiness))</p>
            \(Page.table(["Member", "Why", "DPO", "IG lead"], review.members.map { [.link($0.name, "/organisations/\($0.organisation)"), .text($0.reason), .text($0.dpo?.email ?? "MISSING"), .text($0.igLead?.email ?? "MISSING")] }))
            <h2>Agreements to reuse</h2>\(Page.table(["Agreement", "Members"], review.reuse.map { [.link($0.agreement, "/agreements/\($0.agreement)"), .text($0.members.joined(separator: ", "))] }))
            <h2>Pairs to agree</h2>\(Page.table(["Organisations"], review.gaps.map { [.text($0.joined(separator: " + "))] }))
            <p>\(HTMLText.escape(review.dpiaReason))</p>
            \(Page.figure(svg, caption: "\(review.name) on \(date)."))
            """
            return Page.html(title: review.name, body: body)
        }
    }

    func search(_ request: Request) throws -> Response {
        try guarded(request) {
            let text = try query(request, "q")
            let kind = try query(request, "kind").map { value in try OrganisationKind(rawValue: value) ?? { throw BadInput("unknown kind \"\(value)\"") }() }
            let area = try query(request, "area").map { value in try register.areaIndex(id: value) ?? { throw BadInput("unknown area \"\(value)\"") }() }
            let category = try query(request, "category").map { value in try register.dataCategoryIndex(id: value) ?? { throw BadInput("unknown data category \"\(value)\"") }() }
            let result = text.map { RegisterSearch(register: register, on: date).search($0, kind: kind, area: area, category: category) }
            if Page.wantsJSON(request) {
                guard let result else { throw BadInput("give q") }
                return try Page.json(result)
            }
            var body = "<form action=\"/search\" method=\"get\" role=\"search\"><label>Search<input name=\"q\" type=\"search\" maxlength=\"200\" value=\"\(HTMLText.escape(text ?? ""))\"></label>"
            body += "<label>Data category<select name=\"category\"><option value=\"\">any</option>" + register.dataCategories.terms.map { "<option value=\"\($0.id)\">\(HTMLText.escape($0.name))</option>" }.joined() + "</select></label><button>Search</button></form>"
            if let result {
                body += Page.table(["Type", "Title", "Why"], result.hits.map { hit in
                    let href = hit.type == "organisation" ? "/organisations/\(hit.id)" : hit.type == "agreement" ? "/agreements/\(hit.id)" : "/search?q=\(hit.id)"
                    return [.text(hit.type), .link(hit.title, href), .text(hit.why.joined(separator: "; "))]
                }, empty: "Nothing matches.")
            }
            return Page.html(title: "Search the register", body: body)
        }
    }
}

/// Type erasure for JSON responses whose shape depends on the query.
struct AnyEncodable: Encodable {
    let encodeValue: (Encoder) throws -> Void
    init<T: Encodable>(_ value: T) { encodeValue = value.encode }
    func encode(to encoder: Encoder) throws { try encodeValue(encoder) }
}
