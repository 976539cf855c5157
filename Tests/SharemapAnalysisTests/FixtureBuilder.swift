import SharemapModel

/// Builds small registers in code for analysis tests: names instead of indices, sensible defaults.
struct FixtureBuilder {
    var areas: [Area] = []
    var organisations: [Organisation] = []
    var contacts: [Contact] = []
    var agreements: [Agreement] = []
    var partnerships: [Partnership] = []
    let purposes: [Purpose] = [
        Purpose(id: "safeguarding", name: "Safeguarding"),
        Purpose(id: "safeguarding_children", name: "Safeguarding children", parent: PurposeIndex(0)),
        Purpose(id: "direct_care", name: "Direct care"),
        Purpose(id: "research", name: "Research"),
        Purpose(id: "community_safety", name: "Community safety"),
    ]
    let categories: [DataCategory] = [
        DataCategory(id: "identity_contact", name: "Identity"),
        DataCategory(id: "health", name: "Health", special: true),
        DataCategory(id: "mental_health", name: "Mental health", parent: DataCategoryIndex(1), special: true),
        DataCategory(id: "housing", name: "Housing"),
    ]

    static func day(_ text: String) -> Day { Day(iso: text)! }

    func purpose(_ id: String) -> PurposeIndex { PurposeIndex(purposes.firstIndex { $0.id == id }!) }
    func category(_ id: String) -> DataCategoryIndex { DataCategoryIndex(categories.firstIndex { $0.id == id }!) }
    func org(_ id: String) -> OrganisationIndex { OrganisationIndex(organisations.firstIndex { $0.id == id }!) }
    func area(_ id: String) -> AreaIndex { AreaIndex(areas.firstIndex { $0.id == id }!) }

    mutating func addArea(_ id: String, _ name: String) {
        areas.append(Area(id: id, name: name, kind: .borough, innerOuter: .inner, latitude: 51.5, longitude: -0.1))
    }

    mutating func addOrganisation(_ id: String, _ kind: OrganisationKind = .council, areas covered: [String]? = nil,
                                  parent: String? = nil, start: String? = nil, end: String? = nil, successor: String? = nil,
                                  dpo: Bool = true, igLead: Bool = true) {
        let coverage: Coverage = covered.map { ids in .of(ids.map { area($0) }) } ?? .everywhere
        organisations.append(Organisation(id: id, name: id.capitalized, kind: kind, parent: parent.map(org), coverage: coverage,
                                          start: start.map(Self.day), end: end.map(Self.day)))
        let index = OrganisationIndex(organisations.count - 1)
        if dpo { contacts.append(Contact(organisation: index, role: .dpo, title: "DPO", email: "dpo@\(id).example.org")) }
        if igLead { contacts.append(Contact(organisation: index, role: .igLead, title: "IG lead", email: "ig@\(id).example.org")) }
        if let successor { pendingSuccessors.append((index, successor)) }
    }

    var pendingSuccessors: [(OrganisationIndex, String)] = []

    /// Adds an agreement; parties are "id" (both), "id>" (provider) or ">id" (recipient), optionally "id?" unsigned.
    mutating func addAgreement(_ id: String, _ parties: [String], purposes ids: [String] = ["direct_care"], categories: [String] = ["identity_contact"],
                               onward: OnwardSharing = .any, status: AgreementStatus = .active, start: String = "2020-01-01",
                               review: String? = nil, expires: String? = nil, dpia: DPIAStatus = .yes, area: Coverage = .everywhere) {
        let parsed = parties.map { text -> Party in
            var name = text
            let unsigned = name.hasSuffix("?")
            if unsigned { name.removeLast() }
            let role: PartyRole = name.hasSuffix(">") ? .provider : name.hasPrefix(">") ? .recipient : .both
            name = name.replacingOccurrences(of: ">", with: "")
            return Party(organisation: org(name), role: role, signed: unsigned ? nil : Self.day(start))
        }
        agreements.append(Agreement(id: id, title: id, kind: .isa, purposes: ids.map(purpose), dataCategories: categories.map(category),
                                    onwardSharing: onward, area: area, status: status, start: Self.day(start), review: review.map(Self.day),
                                    expires: expires.map(Self.day), dpia: dpia, parties: parsed))
    }

    func build() -> Register {
        var organisations = self.organisations
        for (index, successor) in pendingSuccessors { organisations[index.position].successor = org(successor) }
        return Register(areas: areas, organisations: organisations, contacts: contacts, agreements: agreements,
                        purposes: purposes, dataCategories: categories, partnerships: partnerships)
    }
}
