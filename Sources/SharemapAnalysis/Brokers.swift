import Dispatch
import SharemapModel

/// Who holds the in-force network together: degree and betweenness centrality, connected components, and
/// the organisations whose loss would cut others off (articulation points).
public struct BrokerReport: Codable, Sendable, Equatable {
    public struct Centrality: Codable, Sendable, Equatable {
        public let organisation: String
        public let name: String
        /// Organisations it sends data to / receives data from under agreements in force.
        public let outDegree: Int
        public let inDegree: Int
        /// Brandes betweenness on the directed network, normalised to 0...1 by (n-1)(n-2).
        public let betweenness: Double

        enum CodingKeys: String, CodingKey {
            case organisation, name, betweenness
            case outDegree = "out_degree"
            case inDegree = "in_degree"
        }
    }

    public struct Component: Codable, Sendable, Equatable {
        public let size: Int
        /// Up to ten members, by id.
        public let sample: [String]
    }

    public struct ArticulationPoint: Codable, Sendable, Equatable {
        public let organisation: String
        /// Organisations that would be cut off from the largest remaining part if it left.
        public let disconnects: Int
    }

    public let date: Day
    /// Organisations in the network (existing, party to an agreement in force).
    public let organisations: Int
    /// Whether betweenness was computed exactly or estimated from sampled sources.
    public let betweennessSources: Int
    public let exact: Bool
    public let top: [Centrality]
    public let components: [Component]
    public let articulationPoints: [ArticulationPoint]

    enum CodingKeys: String, CodingKey {
        case date, organisations, exact, top, components
        case betweennessSources = "betweenness_sources"
        case articulationPoints = "articulation_points"
    }
}

extension SharingNetwork {
    /// Organisation-level adjacency: who sends to whom under any agreement in force (no duplicates).
    func organisationAdjacency() -> (outgoing: [[Int32]], incoming: [[Int32]]) {
        let count = register.organisations.count
        var outgoing = [[Int32]](repeating: [], count: count)
        for position in register.agreements.indices where inForce[position] {
            for provider in providers[position] {
                for recipient in recipients[position] where recipient != provider {
                    outgoing[provider.position].append(recipient.rawValue)
                }
            }
        }
        var incoming = [[Int32]](repeating: [], count: count)
        for node in 0..<count {
            outgoing[node] = Array(Set(outgoing[node])).sorted()
            for target in outgoing[node] { incoming[Int(target)].append(Int32(node)) }
        }
        return (outgoing, incoming)
    }

    /// Brokers on this network's date. Betweenness is exact up to `exactLimit` organisations; above it,
    /// it is estimated from `samples` evenly spread sources (scaled up), which is what makes it feasible at
    /// national scale. `top` limits the centrality list.
    public func brokers(top limit: Int = 20, exactLimit: Int = 3_000, samples: Int = 256) -> BrokerReport {
        let (outgoing, incoming) = organisationAdjacency()
        let nodes = (0..<outgoing.count).filter { exists[$0] && !(outgoing[$0].isEmpty && incoming[$0].isEmpty) }
        let n = nodes.count
        let exact = n <= exactLimit
        let sources = exact ? nodes : stride(from: 0, to: n, by: max(1, n / max(1, samples))).map { nodes[$0] }
        let betweenness = brandes(outgoing: outgoing, sources: sources)
        let scale = (exact ? 1 : Double(n) / Double(max(1, sources.count))) / Double(max(1, (n - 1) * (n - 2)))
        var centrality: [BrokerReport.Centrality] = nodes.map { node in
            let value: Double = (betweenness[node] * scale * 1e6).rounded() / 1e6
            return BrokerReport.Centrality(organisation: register.organisations[node].id, name: register.organisations[node].name,
                                           outDegree: outgoing[node].count, inDegree: incoming[node].count, betweenness: value)
        }
        centrality.sort(by: Self.moreCentral)
        // Undirected view for components and articulation points.
        var neighbours = [[Int32]](repeating: [], count: outgoing.count)
        for node in nodes { neighbours[node] = Array(Set(outgoing[node] + incoming[node])).sorted() }
        let components = connectedComponents(nodes: nodes, neighbours: neighbours)
        let cuts = articulationPoints(nodes: nodes, neighbours: neighbours)
        return BrokerReport(date: date, organisations: n, betweennessSources: sources.count, exact: exact,
                            top: Array(centrality.prefix(limit)),
                            components: components.map { members in
                                .init(size: members.count, sample: members.map { register.organisations[$0].id }.sorted().prefix(10).map { $0 })
                            },
                            articulationPoints: cuts.map { .init(organisation: register.organisations[$0.node].id, disconnects: $0.disconnects) }
                                .sorted { $0.disconnects != $1.disconnects ? $0.disconnects > $1.disconnects : $0.organisation < $1.organisation })
    }

    /// Higher betweenness first, then higher degree, then id.
    static func moreCentral(_ lhs: BrokerReport.Centrality, _ rhs: BrokerReport.Centrality) -> Bool {
        if lhs.betweenness != rhs.betweenness { return lhs.betweenness > rhs.betweenness }
        let left = lhs.outDegree + lhs.inDegree, right = rhs.outDegree + rhs.inDegree
        if left != right { return left > right }
        return lhs.organisation < rhs.organisation
    }

    /// Brandes' algorithm for unweighted directed graphs, from the given sources, in parallel across cores.
    func brandes(outgoing: [[Int32]], sources: [Int]) -> [Double] {
        let count = outgoing.count
        let workers = max(1, min(sources.count, 8))
        // Each worker writes only its own slot, and the slots are read after concurrentPerform returns.
        nonisolated(unsafe) let partials = UnsafeMutableBufferPointer<[Double]>.allocate(capacity: workers)
        partials.initialize(repeating: [])
        defer { partials.deallocate() }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var total = [Double](repeating: 0, count: count)
            var sigma = [Double](repeating: 0, count: count)
            var distance = [Int32](repeating: -1, count: count)
            var delta = [Double](repeating: 0, count: count)
            var order: [Int32] = []
            var queue: [Int32] = []
            order.reserveCapacity(count)
            queue.reserveCapacity(count)
            for sourceIndex in stride(from: worker, to: sources.count, by: workers) {
                let source = sources[sourceIndex]
                order.removeAll(keepingCapacity: true)
                queue.removeAll(keepingCapacity: true)
                sigma[source] = 1
                distance[source] = 0
                queue.append(Int32(source))
                var head = 0
                while head < queue.count {
                    let v = Int(queue[head]); head += 1
                    order.append(Int32(v))
                    for w32 in outgoing[v] {
                        let w = Int(w32)
                        if distance[w] < 0 {
                            distance[w] = distance[v] + 1
                            queue.append(w32)
                        }
                        if distance[w] == distance[v] + 1 { sigma[w] += sigma[v] }
                    }
                }
                for w32 in order.reversed() {
                    let w = Int(w32)
                    for v32 in outgoing[w] {
                        let v = Int(v32)
                        if distance[v] == distance[w] + 1, sigma[v] > 0 {
                            delta[w] += sigma[w] / sigma[v] * (1 + delta[v])
                        }
                    }
                    if w != source { total[w] += delta[w] }
                }
                for w32 in order {
                    let w = Int(w32)
                    sigma[w] = 0; distance[w] = -1; delta[w] = 0
                }
            }
            partials[worker] = total
        }
        var result = [Double](repeating: 0, count: count)
        for partial in partials { for (node, value) in partial.enumerated() { result[node] += value } }
        return result
    }

    /// Weakly connected components, largest first.
    func connectedComponents(nodes: [Int], neighbours: [[Int32]]) -> [[Int]] {
        var seen = [Bool](repeating: false, count: neighbours.count)
        var components: [[Int]] = []
        for start in nodes where !seen[start] {
            var members: [Int] = []
            var stack = [start]
            seen[start] = true
            while let node = stack.popLast() {
                members.append(node)
                for next in neighbours[node] where !seen[Int(next)] {
                    seen[Int(next)] = true
                    stack.append(Int(next))
                }
            }
            components.append(members)
        }
        return components.sorted { $0.count != $1.count ? $0.count > $1.count : ($0.min() ?? 0) < ($1.min() ?? 0) }
    }

    /// Articulation points (iterative Tarjan) with how many organisations each would cut off from the
    /// largest remaining part of its component.
    func articulationPoints(nodes: [Int], neighbours: [[Int32]]) -> [(node: Int, disconnects: Int)] {
        let count = neighbours.count
        var discovery = [Int32](repeating: -1, count: count)
        var low = [Int32](repeating: 0, count: count)
        var subtree = [Int32](repeating: 1, count: count)
        var timer: Int32 = 0
        var pieces: [Int: [Int]] = [:]  // articulation point -> sizes of the subtrees it separates
        var componentSize: [Int: Int] = [:]
        for root in nodes where discovery[root] < 0 {
            var stack: [(node: Int, parent: Int, next: Int)] = [(root, -1, 0)]
            discovery[root] = timer; low[root] = timer; timer += 1
            var visited = 1
            var rootChildren: [Int] = []
            while !stack.isEmpty {
                let top = stack.count - 1
                let (node, parent, next) = stack[top]
                if next < neighbours[node].count {
                    stack[top].next += 1
                    let child = Int(neighbours[node][next])
                    if discovery[child] < 0 {
                        discovery[child] = timer; low[child] = timer; timer += 1
                        visited += 1
                        stack.append((child, node, 0))
                    } else if child != parent {
                        low[node] = min(low[node], discovery[child])
                    }
                } else {
                    stack.removeLast()
                    if parent >= 0 {
                        low[parent] = min(low[parent], low[node])
                        subtree[parent] += subtree[node]
                        if parent == root {
                            rootChildren.append(Int(subtree[node]))
                        } else if low[node] >= discovery[parent] {
                            pieces[parent, default: []].append(Int(subtree[node]))
                        }
                    }
                }
            }
            if rootChildren.count > 1 { pieces[root] = rootChildren }
            for node in pieces.keys where componentSize[node] == nil { componentSize[node] = visited }
        }
        return pieces.map { node, separated in
            let total = (componentSize[node] ?? 1) - 1
            let rest = total - separated.reduce(0, +)
            let largest = max(rest, separated.max() ?? 0)
            return (node, total - largest)
        }.filter { $0.1 > 0 }
    }
}
