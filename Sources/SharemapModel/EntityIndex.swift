/// A typed position in one of the register's entity arrays (`register.organisations[index]`).
///
/// The phantom `Entity` parameter keeps an organisation index from being used to look up an agreement.
/// Indices are assigned once at load time, in file order, and are only meaningful for the register
/// that produced them.
public struct EntityIndex<Entity>: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The zero-based position.
    public let rawValue: Int32

    public init(_ rawValue: Int) {
        self.rawValue = Int32(rawValue)
    }

    /// The position as an `Int`, for subscripting arrays.
    @inlinable public var position: Int { Int(rawValue) }

    public var description: String { "#\(rawValue)" }

    public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }
}

public typealias AreaIndex = EntityIndex<Area>
public typealias OrganisationIndex = EntityIndex<Organisation>
public typealias ContactIndex = EntityIndex<Contact>
public typealias AssetIndex = EntityIndex<InformationAsset>
public typealias AgreementIndex = EntityIndex<Agreement>
public typealias PurposeIndex = EntityIndex<Purpose>
public typealias DataCategoryIndex = EntityIndex<DataCategory>
public typealias LegalBasisIndex = EntityIndex<LegalBasis>
public typealias PartnershipIndex = EntityIndex<Partnership>

extension Array {
    /// The element at a typed index.
    @inlinable public subscript(index: EntityIndex<Element>) -> Element {
        self[index.position]
    }
}
