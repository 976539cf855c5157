import SharemapModel

/// Headline counts of a register on a date: what `sharemap stats` prints.
public struct RegisterStatistics: Codable, Sendable, Equatable {
    public struct KindCount: Codable, Sendable, Equatable {
        public let kind: String
        /// Organisations of the kind in the register, whatever their dates.
        public let total: Int
        /// Those that exist on the analysis date.
        public let existing: Int
    }

    public struct StatusCount: Codable, Sendable, Equatable {
        public let status: String
        public let count: Int
    }

    public let date: Day
    public let areas: Int
    public let organisations: Int
    public let existingOrganisations: Int
    public let organisationsByKind: [KindCount]
    public let agreements: Int
    public let agreementsByStatus: [StatusCount]
    /// Agreements in force on the date (active, started, not expired).
    public let inForce: Int
    public let reviewDue: Int
    public let parties: Int
    public let contacts: Int
    public let assets: Int
    public let partnerships: Int
    public let projects: Int

    enum CodingKeys: String, CodingKey {
        case date, areas, organisations, agreements, parties, contacts, assets, partnerships, projects
        case existingOrganisations = "existing_organisations"
        case organisationsByKind = "organisations_by_kind"
        case agreementsByStatus = "agreements_by_status"
        case inForce = "in_force"
        case reviewDue = "review_due"
    }

    /// Counts `register` as it stands on `date`. Kinds and statuses with no members are left out.
    public init(register: Register, on date: Day) {
        self.date = date
        areas = register.areas.count
        organisations = register.organisations.count
        existingOrganisations = register.organisations.filter { $0.exists(on: date) }.count
        organisationsByKind = OrganisationKind.allCases.compactMap { kind in
            let ofKind = register.organisations.filter { $0.kind == kind }
            guard !ofKind.isEmpty else { return nil }
            return KindCount(kind: kind.rawValue, total: ofKind.count, existing: ofKind.filter { $0.exists(on: date) }.count)
        }
        agreements = register.agreements.count
        agreementsByStatus = AgreementStatus.allCases.compactMap { status in
            let count = register.agreements.filter { $0.status == status }.count
            return count == 0 ? nil : StatusCount(status: status.rawValue, count: count)
        }
        inForce = register.agreements.filter { $0.isInForce(on: date) }.count
        reviewDue = register.agreements.filter { $0.isReviewDue(on: date) }.count
        parties = register.agreements.reduce(0) { $0 + $1.parties.count }
        contacts = register.contacts.count
        assets = register.assets.count
        partnerships = register.partnerships.count
        projects = register.projects.count
    }
}
