/// A statutory or expected partnership whose members must be able to share data in every area,
/// e.g. a community safety partnership under the Crime and Disorder Act 1998.
public struct Partnership: Hashable, Sendable {
    public var id: String
    public var name: String
    public var statute: String
    public var purposes: [PurposeIndex]
    /// One slot per member role, e.g. council; police; health.
    public var memberSlots: [MemberSlot]

    public init(id: String, name: String, statute: String, purposes: [PurposeIndex], memberSlots: [MemberSlot]) {
        self.id = id
        self.name = name
        self.statute = statute
        self.purposes = purposes
        self.memberSlots = memberSlots
    }
}

/// A member role of a partnership, filled in each area by organisations of one kind.
///
/// Written `police_bcu|police_force` in `partnerships.csv`: the first kind is preferred; a later kind
/// fills the slot only in areas where no organisation of an earlier kind operates, and then only by
/// organisations that name the area explicitly in their coverage (a territorial body such as the City of
/// London Police, not a London-wide or national one such as British Transport Police).
public struct MemberSlot: Hashable, Sendable, CustomStringConvertible {
    /// The kinds that can fill the slot, most preferred first. Never empty.
    public var kinds: [OrganisationKind]

    public init(kinds: [OrganisationKind]) {
        self.kinds = kinds
    }

    public var description: String { kinds.map(\.rawValue).joined(separator: "|") }
}
