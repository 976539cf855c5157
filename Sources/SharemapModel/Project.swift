/// A proposed data-sharing initiative, as written in a project brief (`projects/*.yaml`).
public struct Project: Hashable, Sendable {
    public var id: String
    public var name: String
    public var description: String
    public var purpose: PurposeIndex
    public var dataCategories: [DataCategoryIndex]
    /// The areas the project operates in.
    public var area: Coverage
    /// Organisations named in the brief.
    public var organisations: [OrganisationIndex]
    /// Kinds whose organisations covering the project area are members too.
    public var organisationKinds: [OrganisationKind]

    public init(
        id: String, name: String, description: String = "", purpose: PurposeIndex,
        dataCategories: [DataCategoryIndex] = [], area: Coverage, organisations: [OrganisationIndex] = [],
        organisationKinds: [OrganisationKind] = []
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.purpose = purpose
        self.dataCategories = dataCategories
        self.area = area
        self.organisations = organisations
        self.organisationKinds = organisationKinds
    }
}
