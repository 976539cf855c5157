/// A local authority area: the geographic unit every coverage and boundary is expressed in.
public struct Area: Hashable, Sendable {
    /// The ONS GSS code, e.g. `E09000007` for Camden.
    public var id: String
    public var name: String
    public var kind: AreaKind
    public var innerOuter: InnerOuter
    /// Centroid latitude in degrees (WGS84).
    public var latitude: Double
    /// Centroid longitude in degrees (WGS84).
    public var longitude: Double

    public init(id: String, name: String, kind: AreaKind, innerOuter: InnerOuter, latitude: Double, longitude: Double) {
        self.id = id
        self.name = name
        self.kind = kind
        self.innerOuter = innerOuter
        self.latitude = latitude
        self.longitude = longitude
    }
}

/// The areas a body operates in, or an agreement applies to.
public enum Coverage: Hashable, Sendable {
    /// Every area in the register (`*` in the CSV files).
    case everywhere
    /// The listed areas, sorted by index and without duplicates. Empty means no territorial footprint.
    case areas([AreaIndex])

    /// A coverage of these areas, sorted and deduplicated.
    public static func of(_ areas: some Sequence<AreaIndex>) -> Coverage {
        .areas(Array(Set(areas)).sorted())
    }

    /// Whether the coverage includes `area`.
    public func contains(_ area: AreaIndex) -> Bool {
        switch self {
        case .everywhere: return true
        case .areas(let list): return list.binarySearch(area)
        }
    }

    /// The covered areas, given how many areas the register has.
    public func resolved(areaCount: Int) -> [AreaIndex] {
        switch self {
        case .everywhere: return (0..<areaCount).map(AreaIndex.init)
        case .areas(let list): return list
        }
    }

    /// Whether the coverage is `*`.
    public var isEverywhere: Bool {
        if case .everywhere = self { return true }
        return false
    }
}

extension Array where Element: Comparable {
    /// Whether a sorted array contains `value`, in O(log n).
    func binarySearch(_ value: Element) -> Bool {
        var low = 0
        var high = count
        while low < high {
            let mid = (low + high) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < count && self[low] == value
    }
}
