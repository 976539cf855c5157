import Foundation
import HTTPTypes
import Hummingbird
import SharemapAnalysis
import SharemapData
import SharemapGraphviz
import SharemapModel
import SharemapReport
import Synchronization

/// The read-only web explorer: loads the register once and serves pages (HTML, or JSON with
/// `Accept: application/json` or `?format=json`) for organisations, agreements, paths, gaps, boundaries,
/// projects and search. Diagrams are inline SVG rendered in process and cached, since Graphviz renders
/// one at a time.
public struct Explorer: Sendable {
    public let register: Register
    public let network: SharingNetwork
    let renderer = Renderer()
    let diagrams = DiagramCache()

    /// Bounds on what a request may ask for, each answered with a 400 when exceeded.
    static let maxQueryLength = 200
    static let maxAlternatives = 5
    static let maxUpload = 64 * 1024

    public init(register: Register, on date: Day) {
        self.register = register
        self.network = SharingNetwork(register: register, on: date)
    }

    /// The routes, with security headers on every response.
    public func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: SecurityHeaders())
        router.get("/") { request, _ in try self.home(request) }
        router.get("/style.css") { _, _ in Self.css() }
        router.get("/organisations/{id}") { request, context in try self.organisation(request, id: context.parameters.get("id") ?? "") }
        router.get("/agreements/{id}") { request, context in try self.agreement(request, id: context.parameters.get("id") ?? "") }
        router.get("/path") { request, _ in try self.path(request) }
        router.get("/gaps") { request, _ in try self.gaps(request) }
        router.get("/boundaries") { request, _ in try self.boundaries(request) }
        router.get("/project") { request, _ in try self.project(request, upload: nil) }
        router.post("/project") { request, _ in
            let buffer = try await request.body.collect(upTo: Self.maxUpload + 1)
            guard buffer.readableBytes <= Self.maxUpload else {
                return Page.error(.badRequest, title: "Brief too large", message: "A project brief may be at most \(Self.maxUpload / 1024) KiB.", request: request)
            }
            return try self.project(request, upload: String(buffer: buffer))
        }
        router.get("/search") { request, _ in try self.search(request) }
        return router
    }

    /// An application serving the explorer on `host:port`.
    public func application(host: String, port: Int) -> some ApplicationProtocol {
        Application(router: router(), configuration: .init(address: .hostname(host, port: port), serverName: "sharemap"))
    }

    /// A diagram as inline SVG whose node links lead to the explorer's pages, cached by `key`.
    func svg(_ key: String, layout: LayoutEngine, _ graph: () -> Graph) throws -> String {
        if let cached = diagrams.get(key) { return cached }
        let text = try renderer.render(graph(), layout: layout, format: .svg).text
        // Views link to report anchors (#org-ID, #agreement-ID, #area-ID); here they lead to pages.
        let linked = text.replacingOccurrences(of: "xlink:href=\"#org-", with: "xlink:href=\"/organisations/")
            .replacingOccurrences(of: "xlink:href=\"#agreement-", with: "xlink:href=\"/agreements/")
        let inline = String(linked[(linked.range(of: "<svg")?.lowerBound ?? linked.startIndex)...])
        diagrams.set(key, inline)
        return inline
    }
}

/// Rendered diagrams by key, bounded so that a stream of different queries cannot exhaust memory.
final class DiagramCache: Sendable {
    private let storage = Mutex<[String: String]>([:])
    static let capacity = 512

    func get(_ key: String) -> String? { storage.withLock { $0[key] } }

    func set(_ key: String, _ value: String) {
        storage.withLock { cache in
            if cache.count >= Self.capacity { cache.removeAll(keepingCapacity: true) }
            cache[key] = value
        }
    }
}

/// Security headers on every response: a content security policy without inline script, no sniffing,
/// no framing, no referrer.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        response.headers[HTTPField.Name("Content-Security-Policy")!] = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        response.headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        return response
    }
}
