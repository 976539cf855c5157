import SharemapModel

/// The IG lead's view of a proposed project: who is involved, whom to contact, what can be reused, what
/// must be agreed, and where boundaries will cause trouble.
public struct ProjectReview: Codable, Sendable, Equatable {
    public struct Member: Codable, Sendable, Equatable {
        public let organisation: String
        public let name: String
        public let kind: String
        /// Why it is involved: "named" in the brief, or "kind" (of a kind the brief names, covering its area).
        public let reason: String
        public let dpo: ContactSummary?
        public let igLead: ContactSummary?
        /// Areas outside the project area that it also covers (its footprint extends beyond the project).
        public let beyondProjectArea: Int

        enum CodingKeys: String, CodingKey {
            case organisation, name, kind, reason, dpo
            case igLead = "ig_lead"
            case beyondProjectArea = "beyond_project_area"
        }
    }

    public struct ContactSummary: Codable, Sendable, Equatable {
        public let title: String
        public let email: String
    }

    /// An agreement in force that already covers the project's purpose between members.
    public struct Reuse: Codable, Sendable, Equatable {
        public let agreement: String
        public let title: String
        public let members: [String]
        /// Whether it also covers every data category the project needs.
        public let coversAllCategories: Bool
        public let reviewDue: Bool

        enum CodingKeys: String, CodingKey {
            case agreement, title, members
            case coversAllCategories = "covers_all_categories"
            case reviewDue = "review_due"
        }
    }

    public struct MissingKind: Codable, Sendable, Equatable {
        public let area: String
        public let name: String
        public let kind: String
    }

    public let project: String
    public let name: String
    public let date: Day
    public let purpose: String
    public let members: [Member]
    public let missingContacts: [String]
    public let reuse: [Reuse]
    /// Member pairs with no agreement in force covering the purpose, each sorted by id.
    public let gaps: [[String]]
    /// Project areas with no member of a kind the brief requires.
    public let areasWithoutKind: [MissingKind]
    public let dpiaNeeded: Bool
    public let dpiaReason: String
    public let readiness: String

    enum CodingKeys: String, CodingKey {
        case project, name, date, purpose, members, reuse, gaps, readiness
        case missingContacts = "missing_contacts"
        case areasWithoutKind = "areas_without_kind"
        case dpiaNeeded = "dpia_needed"
        case dpiaReason = "dpia_reason"
    }
}

extension SharingNetwork {
    /// Reviews a project brief against the register on this network's date.
    public func review(_ project: Project) -> ProjectReview {
        let projectAreas = Set(project.area.resolved(areaCount: register.areas.count))
        var reasons: [OrganisationIndex: String] = [:]
        for organisation in project.organisations where exists[organisation.position] { reasons[organisation] = "named" }
        for organisation in register.organisationIndices
        where exists[organisation.position] && project.organisationKinds.contains(register[organisation].kind)
            && !projectAreas.isDisjoint(with: register.areas(of: organisation)) && reasons[organisation] == nil {
            reasons[organisation] = "kind"
        }
        let members = reasons.keys.sorted { register[$0].id < register[$1].id }
        func contact(_ organisation: OrganisationIndex, _ role: ContactRole) -> ProjectReview.ContactSummary? {
            register.contacts(of: organisation, role: role).first.map { .init(title: $0.title, email: $0.email) }
        }
        let memberRows = members.map { organisation in
            ProjectReview.Member(organisation: register[organisation].id, name: register[organisation].name,
                                 kind: register[organisation].kind.rawValue, reason: reasons[organisation] ?? "named",
                                 dpo: contact(organisation, .dpo), igLead: contact(organisation, .igLead),
                                 beyondProjectArea: Set(register.areas(of: organisation)).subtracting(projectAreas).count)
        }
        var missing: [String] = []
        for row in memberRows {
            if row.dpo == nil { missing.append("\(row.organisation) has no DPO contact") }
            if row.igLead == nil { missing.append("\(row.organisation) has no IG lead contact") }
        }
        let memberSet = Set(members)
        var reuse: [ProjectReview.Reuse] = []
        var connected = Set<[OrganisationIndex]>()
        for (position, agreement) in register.agreements.enumerated() where inForce[position] {
            let index = AgreementIndex(position)
            guard covers(index, purpose: project.purpose, category: nil) else { continue }
            let involved = Array(Set(agreement.parties.map(\.organisation)).intersection(memberSet)).sorted { register[$0].id < register[$1].id }
            guard involved.count >= 2 else { continue }
            for (offset, first) in involved.enumerated() { for second in involved[(offset + 1)...] { connected.insert([first, second]) } }
            reuse.append(.init(agreement: agreement.id, title: agreement.title, members: involved.map { register[$0].id },
                               coversAllCategories: project.dataCategories.allSatisfy { covers(index, purpose: nil, category: $0) },
                               reviewDue: agreement.isReviewDue(on: date)))
        }
        var gaps: [[String]] = []
        for (offset, first) in members.enumerated() {
            for second in members[(offset + 1)...] where !connected.contains([first, second]) {
                gaps.append([register[first].id, register[second].id])
            }
        }
        var areasWithoutKind: [ProjectReview.MissingKind] = []
        for area in projectAreas.sorted() {
            for kind in project.organisationKinds where !members.contains(where: { register[$0].kind == kind && register[$0].coverage.contains(area) }) {
                areasWithoutKind.append(.init(area: register[area].id, name: register[area].name, kind: kind.rawValue))
            }
        }
        let special = project.dataCategories.filter { category in
            register.dataCategories.selfAndAncestors(of: category).contains { register[$0].special }
        }.map { register[$0].id }
        let dpiaReason = special.isEmpty
            ? "No special category or criminal offence data is listed; a DPIA is still advisable if the processing is large-scale or novel."
            : "Special category or criminal offence data (\(special.joined(separator: ", "))): a DPIA is required before sharing (UK GDPR Art 35)."
        var actions: [String] = []
        if !missing.isEmpty { actions.append("find \(missing.count) missing contact\(missing.count == 1 ? "" : "s")") }
        if !gaps.isEmpty { actions.append("agree sharing for \(gaps.count) member pair\(gaps.count == 1 ? "" : "s")") }
        if !areasWithoutKind.isEmpty { actions.append("find members for \(areasWithoutKind.count) area/kind gap\(areasWithoutKind.count == 1 ? "" : "s")") }
        if !special.isEmpty { actions.append("complete a DPIA") }
        let readiness = actions.isEmpty
            ? "Ready: every member pair already shares under an agreement in force for \(register[project.purpose].id)."
            : "Not ready: \(actions.joined(separator: ", ")); \(reuse.count) agreement\(reuse.count == 1 ? "" : "s") in force can be reused."
        return ProjectReview(project: project.id, name: project.name, date: date, purpose: register[project.purpose].id,
                             members: memberRows, missingContacts: missing, reuse: reuse, gaps: gaps,
                             areasWithoutKind: areasWithoutKind, dpiaNeeded: !special.isEmpty, dpiaReason: dpiaReason, readiness: readiness)
    }
}
