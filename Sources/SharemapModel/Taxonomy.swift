/// A term in a tree-shaped vocabulary (purposes, data categories).
public protocol TaxonomyTerm: Hashable, Sendable {
    var id: String { get }
    var name: String { get }
    var parent: EntityIndex<Self>? { get }
}

/// A purpose for which data is shared, e.g. `safeguarding_children` under `safeguarding`.
public struct Purpose: TaxonomyTerm {
    public var id: String
    public var name: String
    public var parent: PurposeIndex?

    public init(id: String, name: String, parent: PurposeIndex? = nil) {
        self.id = id
        self.name = name
        self.parent = parent
    }
}

/// A category of data, e.g. `mental_health` under `health`.
public struct DataCategory: TaxonomyTerm {
    public var id: String
    public var name: String
    public var parent: DataCategoryIndex?
    /// Special category or criminal offence data (UK GDPR Articles 9 and 10).
    public var special: Bool

    public init(id: String, name: String, parent: DataCategoryIndex? = nil, special: Bool = false) {
        self.id = id
        self.name = name
        self.parent = parent
        self.special = special
    }
}

/// A tree of terms where a broader term covers all its descendants: an agreement for `safeguarding`
/// also covers `safeguarding_children`.
///
/// The parent links must be acyclic (the loader rejects cycles); ancestor chains are computed once.
public struct Taxonomy<Term: TaxonomyTerm>: Sendable {
    public typealias Index = EntityIndex<Term>

    public let terms: [Term]
    /// For each term, itself followed by its ancestors up to the root.
    private let lineage: [[Index]]

    /// Builds the taxonomy. Parent links that would form a cycle are cut where the cycle closes.
    public init(_ terms: [Term]) {
        self.terms = terms
        self.lineage = terms.indices.map { start in
            var chain = [Index(start)]
            var seen: Set<Int> = [start]
            var current = terms[start].parent
            while let next = current, next.position < terms.count, seen.insert(next.position).inserted {
                chain.append(next)
                current = terms[next.position].parent
            }
            return chain
        }
    }

    public var count: Int { terms.count }

    public subscript(index: Index) -> Term { terms[index.position] }

    /// The term and its ancestors, nearest first.
    public func selfAndAncestors(of term: Index) -> [Index] {
        lineage[term.position]
    }

    /// Whether `broader` is `term` itself or one of its ancestors.
    public func isSelfOrAncestor(_ broader: Index, of term: Index) -> Bool {
        lineage[term.position].contains(broader)
    }

    /// Whether a list of terms (an agreement's purposes, say) covers `term`: one of them is `term` or an ancestor.
    public func covers(_ list: [Index], _ term: Index) -> Bool {
        lineage[term.position].contains { list.contains($0) }
    }

    /// The direct children of `term`.
    public func children(of term: Index) -> [Index] {
        terms.indices.filter { terms[$0].parent == term }.map(Index.init)
    }
}
