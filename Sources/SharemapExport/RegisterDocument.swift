import SharemapModel

/// The whole register as one JSON document (`sharemap export json`), with ids in place of indices.
///
/// Schema `sharemap-register/1`: top-level `schema`, `areas`, `organisations`, `contacts`, `assets`,
/// `agreements` (each with its `parties`), `purposes`, `data_categories`, `legal_bases`, `partnerships`
/// and `projects`, every field named as in the CSV files. Dates are `YYYY-MM-DD`; coverage is `"*"` or a
/// list of area ids. Importing it (`sharemap import register.json --into DIR`) gives the same register.
public struct RegisterDocument: Codable, Equatable, Sendable {
    public static let schemaName = "sharemap-register/1"

    public struct AreaRow: Codable, Equatable, Sendable {
        public var id, name, kind, innerOuter: String
        public var lat, lon: Double
        enum CodingKeys: String, CodingKey { case id, name, kind, lat, lon; case innerOuter = "inner_outer" }
    }

    public struct OrganisationRow: Codable, Equatable, Sendable {
        public var id, name, kind: String
        public var parent: String?
        public var coverage: [String]
        public var aliases: [String]
        public var website, notes: String
        public var start, end: String?
        public var successor: String?
    }

    public struct ContactRow: Codable, Equatable, Sendable {
        public var organisation, role, title, email, phone: String
    }

    public struct AssetRow: Codable, Equatable, Sendable {
        public var id, organisation, name, description, system: String
        public var dataCategories: [String]
        public var ownerRole, retention: String
        enum CodingKeys: String, CodingKey {
            case id, organisation, name, description, system, retention
            case dataCategories = "data_categories"
            case ownerRole = "owner_role"
        }
    }

    public struct PartyRow: Codable, Equatable, Sendable {
        public var organisation, role: String
        public var signed: String?
    }

    public struct AgreementRow: Codable, Equatable, Sendable {
        public var id, title, kind: String
        public var purposes, legalBases, dataCategories, assets: [String]
        public var onwardSharing: String
        public var area: [String]
        public var status, start: String
        public var review, expires: String?
        public var dpia, url, notes: String
        public var parties: [PartyRow]
        enum CodingKeys: String, CodingKey {
            case id, title, kind, purposes, assets, area, status, start, review, expires, dpia, url, notes, parties
            case legalBases = "legal_bases"
            case dataCategories = "data_categories"
            case onwardSharing = "onward_sharing"
        }
    }

    public struct TermRow: Codable, Equatable, Sendable {
        public var id, name: String
        public var parent: String?
        public var special: Bool?
    }

    public struct LegalBasisRow: Codable, Equatable, Sendable {
        public var id, name, reference: String
    }

    public struct PartnershipRow: Codable, Equatable, Sendable {
        public var id, name, statute: String
        public var purposes: [String]
        public var memberKinds: [String]
        enum CodingKeys: String, CodingKey { case id, name, statute, purposes; case memberKinds = "member_kinds" }
    }

    public struct ProjectRow: Codable, Equatable, Sendable {
        public var id, name, description, purpose: String
        public var dataCategories: [String]
        public var area: [String]
        public var organisations: [String]
        public var organisationKinds: [String]
        enum CodingKeys: String, CodingKey {
            case id, name, description, purpose, area, organisations
            case dataCategories = "data_categories"
            case organisationKinds = "organisation_kinds"
        }
    }

    public var schema: String
    public var areas: [AreaRow]
    public var organisations: [OrganisationRow]
    public var contacts: [ContactRow]
    public var assets: [AssetRow]
    public var agreements: [AgreementRow]
    public var purposes: [TermRow]
    public var dataCategories: [TermRow]
    public var legalBases: [LegalBasisRow]
    public var partnerships: [PartnershipRow]
    public var projects: [ProjectRow]

    enum CodingKeys: String, CodingKey {
        case schema, areas, organisations, contacts, assets, agreements, purposes, partnerships, projects
        case dataCategories = "data_categories"
        case legalBases = "legal_bases"
    }

    /// The document for a register, in file order.
    public init(_ register: Register) {
        func coverage(_ coverage: Coverage) -> [String] {
            switch coverage {
            case .everywhere: return ["*"]
            case .areas(let list): return list.map { register[$0].id }
            }
        }
        schema = Self.schemaName
        areas = register.areas.map { .init(id: $0.id, name: $0.name, kind: $0.kind.rawValue, innerOuter: $0.innerOuter.rawValue, lat: $0.latitude, lon: $0.longitude) }
        organisations = register.organisations.map {
            .init(id: $0.id, name: $0.name, kind: $0.kind.rawValue, parent: $0.parent.map { register[$0].id }, coverage: coverage($0.coverage),
                  aliases: $0.aliases, website: $0.website, notes: $0.notes, start: $0.start?.description, end: $0.end?.description,
                  successor: $0.successor.map { register[$0].id })
        }
        contacts = register.contacts.map { .init(organisation: register[$0.organisation].id, role: $0.role.rawValue, title: $0.title, email: $0.email, phone: $0.phone) }
        assets = register.assets.map {
            .init(id: $0.id, organisation: register[$0.organisation].id, name: $0.name, description: $0.description, system: $0.system,
                  dataCategories: $0.dataCategories.map { register[$0].id }, ownerRole: $0.ownerRole, retention: $0.retention)
        }
        agreements = register.agreements.map { agreement in
            .init(id: agreement.id, title: agreement.title, kind: agreement.kind.rawValue, purposes: agreement.purposes.map { register[$0].id },
                  legalBases: agreement.legalBases.map { register[$0].id }, dataCategories: agreement.dataCategories.map { register[$0].id },
                  assets: agreement.assets.map { register[$0].id }, onwardSharing: agreement.onwardSharing.rawValue, area: coverage(agreement.area),
                  status: agreement.status.rawValue, start: agreement.start.description, review: agreement.review?.description,
                  expires: agreement.expires?.description, dpia: agreement.dpia.rawValue, url: agreement.url, notes: agreement.notes,
                  parties: agreement.parties.map { .init(organisation: register[$0.organisation].id, role: $0.role.rawValue, signed: $0.signed?.description) })
        }
        purposes = register.purposes.terms.map { .init(id: $0.id, name: $0.name, parent: $0.parent.map { register[$0].id }, special: nil) }
        dataCategories = register.dataCategories.terms.map { .init(id: $0.id, name: $0.name, parent: $0.parent.map { register[$0].id }, special: $0.special) }
        legalBases = register.legalBases.map { .init(id: $0.id, name: $0.name, reference: $0.reference) }
        partnerships = register.partnerships.map {
            .init(id: $0.id, name: $0.name, statute: $0.statute, purposes: $0.purposes.map { register[$0].id }, memberKinds: $0.memberSlots.map(\.description))
        }
        projects = register.projects.map {
            .init(id: $0.id, name: $0.name, description: $0.description, purpose: register[$0.purpose].id,
                  dataCategories: $0.dataCategories.map { register[$0].id }, area: coverage($0.area),
                  organisations: $0.organisations.map { register[$0].id }, organisationKinds: $0.organisationKinds.map(\.rawValue))
        }
    }
}
