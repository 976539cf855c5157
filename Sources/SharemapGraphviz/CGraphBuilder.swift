import CGraphviz

typealias CGraph = UnsafeMutablePointer<Agraph_t>
typealias CNode = UnsafeMutablePointer<Agnode_t>

/// Calls `body` with a mutable C copy of `text` (cgraph's API takes `char *` but copies what it keeps).
/// NUL characters, which C strings cannot hold, are dropped.
func withMutableCString<Result>(_ text: String, _ body: (UnsafeMutablePointer<CChar>) throws -> Result) rethrows -> Result {
    var bytes = Array(text.utf8.filter { $0 != 0 }.map { CChar(bitPattern: $0) }) + [0]
    return try bytes.withUnsafeMutableBufferPointer { buffer in
        guard let base = buffer.baseAddress else { preconditionFailure("a non-empty array always has storage") }
        return try body(base)
    }
}

/// Builds a cgraph graph from a `Graph` description, setting every attribute through `agsafeset` so that
/// Graphviz does all quoting. The caller owns the result and must `agclose` it.
enum CGraphBuilder {
    static func build(_ graph: Graph) throws -> CGraph {
        let description: Agdesc_t
        switch (graph.directed, graph.strict) {
        case (true, false): description = sharemap_directed()
        case (true, true): description = sharemap_strict_directed()
        case (false, false): description = sharemap_undirected()
        case (false, true): description = sharemap_strict_undirected()
        }
        guard let root = sharemap_open(graph.name, description) else {
            throw GraphvizError.build("agopen failed for graph \"\(graph.name)\"")
        }
        var builder = Builder(root: root)
        do {
            for (name, value) in graph.graphAttributes { builder.set(UnsafeMutableRawPointer(root), name, value) }
            // Defaults first, so that they apply to every node and edge created afterwards.
            for (name, value) in graph.nodeDefaults.attributes { builder.declare(Int32(AGNODE), name, value) }
            for (name, value) in graph.edgeDefaults.attributes { builder.declare(Int32(AGEDGE), name, value) }
            for subgraph in graph.subgraphs { try builder.add(subgraph, to: root) }
            for node in graph.nodes { try builder.add(node, to: root) }
            for edge in graph.edges { try builder.add(edge) }
        } catch {
            agclose(root)
            throw error
        }
        return root
    }

    private struct Builder {
        let root: CGraph
        var nodesByID: [String: CNode] = [:]

        /// Sets an attribute, declaring it with an empty default if the graph has not seen it.
        func set(_ object: UnsafeMutableRawPointer, _ name: String, _ value: String) {
            withMutableCString(name) { name in
                withMutableCString(value) { value in
                    withMutableCString("") { empty in _ = agsafeset(object, name, value, empty) }
                }
            }
        }

        /// Declares a default for every node or edge.
        func declare(_ kind: Int32, _ name: String, _ value: String) {
            withMutableCString(name) { name in
                withMutableCString(value) { value in _ = agattr(root, kind, name, value) }
            }
        }

        func setHTML(_ object: UnsafeMutableRawPointer, _ name: String, _ label: HTMLLabel) {
            withMutableCString(label.markup) { markup in
                guard let html = agstrdup_html(root, markup) else { return }
                withMutableCString(name) { name in
                    withMutableCString("") { empty in _ = agsafeset(object, name, html, empty) }
                }
                agstrfree(root, html)
            }
        }

        mutating func node(_ id: String, in graph: CGraph) throws -> CNode {
            let created = withMutableCString(id) { agnode(graph, $0, 1) }
            guard let created else { throw GraphvizError.build("agnode failed for \"\(id)\"") }
            nodesByID[id] = created
            return created
        }

        mutating func add(_ node: Node, to graph: CGraph) throws {
            let created = try self.node(node.id, in: graph)
            for (name, value) in node.plainAttributes { set(UnsafeMutableRawPointer(created), name, value) }
            if case .html(let label) = node.label { setHTML(UnsafeMutableRawPointer(created), "label", label) }
        }

        mutating func add(_ subgraph: Subgraph, to parent: CGraph) throws {
            let created = withMutableCString(subgraph.graphvizName) { agsubg(parent, $0, 1) }
            guard let created else { throw GraphvizError.build("agsubg failed for \"\(subgraph.name)\"") }
            for (name, value) in subgraph.graphvizAttributes { set(UnsafeMutableRawPointer(created), name, value) }
            for nested in subgraph.subgraphs { try add(nested, to: created) }
            for node in subgraph.nodes { try add(node, to: created) }
        }

        mutating func add(_ edge: Edge) throws {
            let tail = try nodesByID[edge.from] ?? node(edge.from, in: root)
            let head = try nodesByID[edge.to] ?? node(edge.to, in: root)
            // No key: a non-strict graph gets a new edge each time, so parallel edges stay apart.
            guard let created = agedge(root, tail, head, nil, 1) else {
                throw GraphvizError.build("agedge failed for \"\(edge.from)\" -> \"\(edge.to)\"")
            }
            for (name, value) in edge.graphvizAttributes { set(UnsafeMutableRawPointer(created), name, value) }
        }
    }
}
