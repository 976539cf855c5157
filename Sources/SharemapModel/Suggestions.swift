/// "Did you mean" hints for misspelt ids and names.
public enum Suggestions {
    /// Up to `limit` candidates closest to `text` by edit distance (case-insensitive), closest first,
    /// keeping only those within a third of the text's length (at least 2 edits), or that contain it.
    public static func closest(to text: String, in candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let needle = Array(text.lowercased().unicodeScalars)
        let allowed = max(2, needle.count / 3)
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let lowered = candidate.lowercased()
            let hay = Array(lowered.unicodeScalars)
            if abs(hay.count - needle.count) > allowed, !lowered.contains(text.lowercased()) { continue }
            let distance = editDistance(needle, hay, bound: allowed)
            if distance <= allowed {
                scored.append((distance, candidate))
            } else if needle.count >= 3, lowered.contains(text.lowercased()) {
                scored.append((allowed + 1, candidate))
            }
        }
        scored.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.candidate < $1.candidate }
        var seen = Set<String>()
        return scored.map(\.candidate).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// ` (did you mean "a" or "b"?)`, or an empty string when nothing is close.
    public static func hint(for text: String, in candidates: some Sequence<String>) -> String {
        let close = closest(to: text, in: candidates)
        guard !close.isEmpty else { return "" }
        return " (did you mean " + close.map { "\"\($0)\"" }.joined(separator: " or ") + "?)"
    }

    /// Levenshtein distance, giving up (returning `bound + 1`) once every path exceeds `bound`.
    public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], bound: Int) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                rowMinimum = min(rowMinimum, current[j])
            }
            if rowMinimum > bound { return bound + 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
