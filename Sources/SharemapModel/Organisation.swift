/// A public, voluntary or research body that can be party to data-sharing agreements.
public struct Organisation: Hashable, Sendable {
    /// Lower-case kebab slug, unique in the register (e.g. `lb-camden`).
    public var id: String
    public var name: String
    public var kind: OrganisationKind
    /// The body this one is part of or accountable to (a BCU's parent is the Met).
    public var parent: OrganisationIndex?
    /// Where the body operates.
    public var coverage: Coverage
    /// Other names and codes it is known by (short names, ODS and GSS codes).
    public var aliases: [String]
    public var website: String
    public var notes: String
    /// First day the body exists, if it was created within the register's history.
    public var start: Day?
    /// Last day the body exists, if it has been dissolved or merged.
    public var end: Day?
    /// The body that took over its functions and agreements.
    public var successor: OrganisationIndex?

    public init(
        id: String, name: String, kind: OrganisationKind, parent: OrganisationIndex? = nil,
        coverage: Coverage, aliases: [String] = [], website: String = "", notes: String = "",
        start: Day? = nil, end: Day? = nil, successor: OrganisationIndex? = nil
    ) {
        self.id = id
        self.name = name
        self.kind = kind
        self.parent = parent
        self.coverage = coverage
        self.aliases = aliases
        self.website = website
        self.notes = notes
        self.start = start
        self.end = end
        self.successor = successor
    }

    /// Whether the body exists on `day`: not before its start, not after its end (both inclusive).
    public func exists(on day: Day) -> Bool {
        if let start, start > day { return false }
        if let end, end < day { return false }
        return true
    }
}

/// A governance contact: a role at an organisation, never a named person.
public struct Contact: Hashable, Sendable {
    public var organisation: OrganisationIndex
    public var role: ContactRole
    /// The role's title, e.g. "Data Protection Officer".
    public var title: String
    public var email: String
    public var phone: String

    public init(organisation: OrganisationIndex, role: ContactRole, title: String, email: String, phone: String = "") {
        self.organisation = organisation
        self.role = role
        self.title = title
        self.email = email
        self.phone = phone
    }
}

/// An entry in an organisation's information asset register.
public struct InformationAsset: Hashable, Sendable {
    public var id: String
    public var organisation: OrganisationIndex
    public var name: String
    public var description: String
    /// The system the asset lives in (e.g. a case management product).
    public var system: String
    public var dataCategories: [DataCategoryIndex]
    public var ownerRole: String
    public var retention: String

    public init(
        id: String, organisation: OrganisationIndex, name: String, description: String = "", system: String = "",
        dataCategories: [DataCategoryIndex] = [], ownerRole: String = "", retention: String = ""
    ) {
        self.id = id
        self.organisation = organisation
        self.name = name
        self.description = description
        self.system = system
        self.dataCategories = dataCategories
        self.ownerRole = ownerRole
        self.retention = retention
    }
}

/// A lawful basis for processing, cited by agreements.
public struct LegalBasis: Hashable, Sendable {
    public var id: String
    public var name: String
    /// The provision, e.g. "UK GDPR Art 6(1)(e)".
    public var reference: String

    public init(id: String, name: String, reference: String) {
        self.id = id
        self.name = name
        self.reference = reference
    }
}
