/// A whole register, immutable and indexed: entities in arrays addressed by typed indices, with
/// adjacency lists computed once so that analyses never look strings up in hot paths.
///
/// Build one with `init(...)` from entities whose cross-references are already valid indices
/// (`SharemapData` does that when it reads a register folder).
public struct Register: Sendable {
    public let areas: [Area]
    public let organisations: [Organisation]
    public let contacts: [Contact]
    public let assets: [InformationAsset]
    public let agreements: [Agreement]
    public let purposes: Taxonomy<Purpose>
    public let dataCategories: Taxonomy<DataCategory>
    public let legalBases: [LegalBasis]
    public let partnerships: [Partnership]
    public let projects: [Project]

    /// For each organisation, the agreements it is a party to, ascending.
    public let agreementsByOrganisation: [[AgreementIndex]]
    /// For each organisation, its contacts in file order.
    public let contactsByOrganisation: [[ContactIndex]]
    /// For each organisation, its information assets in file order.
    public let assetsByOrganisation: [[AssetIndex]]
    /// For each organisation, the organisations whose parent it is.
    public let childrenByOrganisation: [[OrganisationIndex]]
    /// For each area, the organisations whose coverage includes it (`*` included), ascending.
    public let organisationsByArea: [[OrganisationIndex]]

    private let areaIndexByID: [String: AreaIndex]
    private let organisationIndexByID: [String: OrganisationIndex]
    private let agreementIndexByID: [String: AgreementIndex]
    private let assetIndexByID: [String: AssetIndex]
    private let purposeIndexByID: [String: PurposeIndex]
    private let dataCategoryIndexByID: [String: DataCategoryIndex]
    private let legalBasisIndexByID: [String: LegalBasisIndex]
    private let partnershipIndexByID: [String: PartnershipIndex]

    public init(
        areas: [Area] = [], organisations: [Organisation] = [], contacts: [Contact] = [],
        assets: [InformationAsset] = [], agreements: [Agreement] = [], purposes: [Purpose] = [],
        dataCategories: [DataCategory] = [], legalBases: [LegalBasis] = [], partnerships: [Partnership] = [],
        projects: [Project] = []
    ) {
        self.areas = areas
        self.organisations = organisations
        self.contacts = contacts
        self.assets = assets
        self.agreements = agreements
        self.purposes = Taxonomy(purposes)
        self.dataCategories = Taxonomy(dataCategories)
        self.legalBases = legalBases
        self.partnerships = partnerships
        self.projects = projects

        var byOrganisation = [[AgreementIndex]](repeating: [], count: organisations.count)
        for (position, agreement) in agreements.enumerated() {
            for party in agreement.parties where byOrganisation[party.organisation.position].last?.position != position {
                byOrganisation[party.organisation.position].append(AgreementIndex(position))
            }
        }
        agreementsByOrganisation = byOrganisation

        var contactLists = [[ContactIndex]](repeating: [], count: organisations.count)
        for (position, contact) in contacts.enumerated() {
            contactLists[contact.organisation.position].append(ContactIndex(position))
        }
        contactsByOrganisation = contactLists

        var assetLists = [[AssetIndex]](repeating: [], count: organisations.count)
        for (position, asset) in assets.enumerated() {
            assetLists[asset.organisation.position].append(AssetIndex(position))
        }
        assetsByOrganisation = assetLists

        var children = [[OrganisationIndex]](repeating: [], count: organisations.count)
        var inArea = [[OrganisationIndex]](repeating: [], count: areas.count)
        for (position, organisation) in organisations.enumerated() {
            if let parent = organisation.parent { children[parent.position].append(OrganisationIndex(position)) }
            for area in organisation.coverage.resolved(areaCount: areas.count) {
                inArea[area.position].append(OrganisationIndex(position))
            }
        }
        childrenByOrganisation = children
        organisationsByArea = inArea

        areaIndexByID = Register.index(areas.map(\.id))
        organisationIndexByID = Register.index(organisations.map(\.id))
        agreementIndexByID = Register.index(agreements.map(\.id))
        assetIndexByID = Register.index(assets.map(\.id))
        purposeIndexByID = Register.index(purposes.map(\.id))
        dataCategoryIndexByID = Register.index(dataCategories.map(\.id))
        legalBasisIndexByID = Register.index(legalBases.map(\.id))
        partnershipIndexByID = Register.index(partnerships.map(\.id))
    }

    /// Maps ids to their first position (duplicates are a validation error, caught before this).
    private static func index<Entity>(_ ids: [String]) -> [String: EntityIndex<Entity>] {
        var map = [String: EntityIndex<Entity>](minimumCapacity: ids.count)
        for (position, id) in ids.enumerated() where map[id] == nil {
            map[id] = EntityIndex(position)
        }
        return map
    }

    public func areaIndex(id: String) -> AreaIndex? { areaIndexByID[id] }
    public func organisationIndex(id: String) -> OrganisationIndex? { organisationIndexByID[id] }
    public func agreementIndex(id: String) -> AgreementIndex? { agreementIndexByID[id] }
    public func assetIndex(id: String) -> AssetIndex? { assetIndexByID[id] }
    public func purposeIndex(id: String) -> PurposeIndex? { purposeIndexByID[id] }
    public func dataCategoryIndex(id: String) -> DataCategoryIndex? { dataCategoryIndexByID[id] }
    public func legalBasisIndex(id: String) -> LegalBasisIndex? { legalBasisIndexByID[id] }
    public func partnershipIndex(id: String) -> PartnershipIndex? { partnershipIndexByID[id] }

    public subscript(index: AreaIndex) -> Area { areas[index.position] }
    public subscript(index: OrganisationIndex) -> Organisation { organisations[index.position] }
    public subscript(index: ContactIndex) -> Contact { contacts[index.position] }
    public subscript(index: AssetIndex) -> InformationAsset { assets[index.position] }
    public subscript(index: AgreementIndex) -> Agreement { agreements[index.position] }
    public subscript(index: PurposeIndex) -> Purpose { purposes[index] }
    public subscript(index: DataCategoryIndex) -> DataCategory { dataCategories[index] }
    public subscript(index: LegalBasisIndex) -> LegalBasis { legalBases[index.position] }
    public subscript(index: PartnershipIndex) -> Partnership { partnerships[index.position] }

    /// Every organisation index, ascending.
    public var organisationIndices: [OrganisationIndex] { organisations.indices.map(OrganisationIndex.init) }
    /// Every agreement index, ascending.
    public var agreementIndices: [AgreementIndex] { agreements.indices.map(AgreementIndex.init) }
    /// Every area index, ascending.
    public var areaIndices: [AreaIndex] { areas.indices.map(AreaIndex.init) }

    /// The areas an organisation covers, resolving `*`.
    public func areas(of organisation: OrganisationIndex) -> [AreaIndex] {
        self[organisation].coverage.resolved(areaCount: areas.count)
    }

    /// The organisation itself when it exists on `date`, otherwise the first of its successors (following
    /// the chain, e.g. a merged ICB's successor) that does; nil when none does. Bounded by the number of
    /// organisations, so a successor cycle the loader missed cannot hang it.
    public func existingSelfOrSuccessor(of organisation: OrganisationIndex, on date: Day) -> OrganisationIndex? {
        var current = organisation
        for _ in organisations.indices {
            if self[current].exists(on: date) { return current }
            guard let next = self[current].successor else { return nil }
            current = next
        }
        return nil
    }

    /// The contacts of an organisation that hold `role`.
    public func contacts(of organisation: OrganisationIndex, role: ContactRole) -> [Contact] {
        contactsByOrganisation[organisation.position].map { self[$0] }.filter { $0.role == role }
    }

    /// Whether an agreement's data categories include a special one or a descendant of one.
    public func involvesSpecialCategoryData(_ agreement: AgreementIndex) -> Bool {
        self[agreement].dataCategories.contains { category in
            dataCategories.selfAndAncestors(of: category).contains { dataCategories[$0].special }
        }
    }
}
