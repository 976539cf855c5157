/// A data-sharing agreement (ISA, DSA, DPA, protocol or MoU) between two or more organisations.
public struct Agreement: Hashable, Sendable {
    public var id: String
    public var title: String
    public var kind: AgreementKind
    public var purposes: [PurposeIndex]
    public var legalBases: [LegalBasisIndex]
    public var dataCategories: [DataCategoryIndex]
    public var assets: [AssetIndex]
    public var onwardSharing: OnwardSharing
    /// The areas the agreement applies to.
    public var area: Coverage
    public var status: AgreementStatus
    public var start: Day
    /// When the agreement is due for review, if set.
    public var review: Day?
    /// The last day the agreement applies, if it has an end.
    public var expires: Day?
    public var dpia: DPIAStatus
    public var url: String
    public var notes: String
    /// The parties, in file order.
    public var parties: [Party]

    public init(
        id: String, title: String, kind: AgreementKind, purposes: [PurposeIndex], legalBases: [LegalBasisIndex] = [],
        dataCategories: [DataCategoryIndex], assets: [AssetIndex] = [], onwardSharing: OnwardSharing,
        area: Coverage = .everywhere, status: AgreementStatus, start: Day, review: Day? = nil, expires: Day? = nil,
        dpia: DPIAStatus = .yes, url: String = "", notes: String = "", parties: [Party] = []
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.purposes = purposes
        self.legalBases = legalBases
        self.dataCategories = dataCategories
        self.assets = assets
        self.onwardSharing = onwardSharing
        self.area = area
        self.status = status
        self.start = start
        self.review = review
        self.expires = expires
        self.dpia = dpia
        self.url = url
        self.notes = notes
        self.parties = parties
    }

    /// In force on `day`: status active, started on or before `day`, and not past its expiry.
    public func isInForce(on day: Day) -> Bool {
        guard status == .active, start <= day else { return false }
        if let expires, expires < day { return false }
        return true
    }

    /// In force on `day` with a review date before `day`.
    public func isReviewDue(on day: Day) -> Bool {
        guard isInForce(on: day), let review else { return false }
        return review < day
    }

    /// Marked active but past its expiry date on `day`.
    public func isExpiredButActive(on day: Day) -> Bool {
        guard status == .active, let expires else { return false }
        return expires < day
    }
}

/// One organisation's participation in an agreement.
public struct Party: Hashable, Sendable {
    public var organisation: OrganisationIndex
    public var role: PartyRole
    /// When the organisation signed, if it has.
    public var signed: Day?

    public init(organisation: OrganisationIndex, role: PartyRole, signed: Day? = nil) {
        self.organisation = organisation
        self.role = role
        self.signed = signed
    }
}
