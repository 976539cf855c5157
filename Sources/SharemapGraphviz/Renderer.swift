import CGraphviz
import Foundation

/// Lays out and renders `Graph` descriptions in process through libcgraph and libgvc.
///
/// Graphviz keeps global state and is not thread-safe, so every call into it, from any `Renderer`, runs
/// under one process-wide lock: renderers can be shared and used from many tasks, and renders simply
/// queue. Each render builds a fresh cgraph graph and frees it (layout, render data and graph) before
/// returning.
///
/// All renderers share one `GVC_t` context, created on first use and kept for the life of the process.
/// Creating and freeing contexts changes cgraph's global attribute defaults (freeing one resets the
/// defaults that graphs created afterwards inherit), so per-renderer contexts made the same graph render
/// differently depending on what else had run; one context makes output deterministic and loads the
/// plugins once. It is reachable until exit, so leak checkers report it as "still reachable", never lost.
public struct Renderer: Sendable {
    /// Serialises all Graphviz calls in the process (see the type's documentation).
    private static let graphvizLock = NSLock()

    /// The process's Graphviz context; only touched under `graphvizLock`.
    nonisolated(unsafe) private static var sharedContext: OpaquePointer?

    public init() {}

    /// The shared context, created on first use. Call only while holding `graphvizLock`.
    private static func context() -> OpaquePointer? {
        if sharedContext == nil { sharedContext = gvContext() }
        return sharedContext
    }

    /// Lays `graph` out with `layout` (unless the format needs none) and renders it as `format`.
    ///
    /// Throws `GraphvizError` with Graphviz's own message when building, layout or rendering fails;
    /// never returns an empty picture silently.
    public func render(_ graph: Graph, layout: LayoutEngine = .dot, format: OutputFormat) throws -> RenderedDiagram {
        try render(graph, layoutEngineName: layout.rawValue, formatName: format.rawValue, needsLayout: format.needsLayout)
    }

    /// The same, with engine and format given by Graphviz's names (for formats sharemap does not type).
    public func render(_ graph: Graph, layoutEngineName: String, formatName: String, needsLayout: Bool = true) throws -> RenderedDiagram {
        Renderer.graphvizLock.lock()
        defer { Renderer.graphvizLock.unlock() }
        // The context exists before any graph is built: creating it sets cgraph's default attributes,
        // which every graph built afterwards inherits.
        guard let context = Renderer.context() else {
            throw GraphvizError.build("Graphviz could not create a context (is libgvc installed with its plugins?)")
        }
        sharemap_begin_job()
        let built = try CGraphBuilder.build(graph)
        defer { agclose(built) }
        if let problem = takeErrors() {
            throw GraphvizError.build(problem)
        }
        if !needsLayout {
            var buffer = sharemap_buffer(data: nil, length: 0, capacity: 0)
            defer { sharemap_buffer_free(&buffer) }
            guard sharemap_write_dot(built, &buffer) == 0, let data = buffer.data else {
                throw GraphvizError.render(format: formatName, message: takeMessages().joined(separator: "; "))
            }
            let bytes = [UInt8](UnsafeBufferPointer(start: UnsafeRawPointer(data).assumingMemoryBound(to: UInt8.self), count: buffer.length))
            return RenderedDiagram(bytes: bytes, warnings: takeMessages())
        }
        guard gvLayout(context, built, layoutEngineName) == 0 else {
            let message = takeMessages().joined(separator: "; ")
            throw GraphvizError.layout(engine: layoutEngineName, message: message.isEmpty ? "layout engine not available" : message)
        }
        defer { gvFreeLayout(context, built) }
        var result: UnsafeMutablePointer<CChar>?
        var length = 0
        let status = sharemap_render_data(context, built, formatName, &result, &length)
        defer { if let result { gvFreeRenderData(result) } }
        guard status == 0, let result, length > 0 else {
            let message = takeMessages().joined(separator: "; ")
            throw GraphvizError.render(format: formatName, message: message.isEmpty ? "format not available or empty output" : message)
        }
        let bytes = [UInt8](UnsafeBufferPointer(start: UnsafeRawPointer(result).assumingMemoryBound(to: UInt8.self), count: length))
        return RenderedDiagram(bytes: bytes, warnings: takeMessages())
    }

    /// Graphviz's messages since the job began, one per line, and empties the buffer.
    private func takeMessages() -> [String] {
        let messages = sharemap_messages()
        guard let pointer = messages, let data = pointer.pointee.data, pointer.pointee.length > 0 else { return [] }
        let text = String(cString: data)
        pointer.pointee.length = 0
        data[0] = 0
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Error-level messages: cgraph counts errors separately from warnings.
    private func takeErrors() -> String? {
        guard agerrors() > 0 else { return nil }
        return takeMessages().joined(separator: "; ")
    }
}
