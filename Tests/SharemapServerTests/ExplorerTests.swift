import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Testing
import SharemapData
import SharemapModel
@testable import SharemapServer

/// Route tests: every page in HTML and JSON, the bad-input cases, and the security headers.
@Suite struct ExplorerTests {
    static let explorer: Explorer = {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let register = RegisterLoader(today: Day(iso: "2026-11-24")!).load(directory: repository.appendingPathComponent("Data").path).register
        return Explorer(register: register ?? Register(), on: Day(iso: "2026-11-24")!)
    }()

    func app() -> some ApplicationProtocol {
        Application(router: Self.explorer.router())
    }

    struct Case: Sendable, CustomTestStringConvertible {
        let uri: String
        let status: HTTPResponse.Status
        let contains: String
        var testDescription: String { uri }
    }

    static let pages: [Case] = [
        Case(uri: "/", status: .ok, contains: "Who shares data with whom across London"),
        Case(uri: "/organisations/lb-camden", status: .ok, contains: "Camden Council"),
        Case(uri: "/agreements/slam-cris-kcl", status: .ok, contains: "CRIS research access agreement"),
        Case(uri: "/path?from=slam&to=imperial-college&purpose=research", status: .ok, contains: "No lawful path"),
        Case(uri: "/path", status: .ok, contains: "Find a lawful path"),
        Case(uri: "/gaps?partnership=community-safety-partnership", status: .ok, contains: "Bexley"),
        Case(uri: "/boundaries?a=police_bcu&b=nhs_icb", status: .ok, contains: "Coterminosity score"),
        Case(uri: "/project?brief=camden-discharge-to-assess", status: .ok, contains: "Camden hospital discharge to assess"),
        Case(uri: "/search?q=the%20met", status: .ok, contains: "Metropolitan Police Service"),
        Case(uri: "/organisations/lb-camdn", status: .notFound, contains: "lb-camden"),
        Case(uri: "/agreements/nonesuch", status: .notFound, contains: "No such agreement"),
        Case(uri: "/path?from=slam&to=kcl&alternatives=99", status: .badRequest, contains: "alternatives must be a number from 0 to 5"),
        Case(uri: "/path?from=nobody-at-all&to=kcl", status: .badRequest, contains: "no organisation called"),
        Case(uri: "/search?q=" + String(repeating: "a", count: 201), status: .badRequest, contains: "longer than 200 characters"),
        Case(uri: "/boundaries?a=wizards&b=nhs_icb", status: .badRequest, contains: "unknown organisation kind"),
        Case(uri: "/project?brief=nonesuch", status: .notFound, contains: "No such project brief"),
    ]

    @Test(arguments: pages)
    func htmlPages(_ page: Case) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: page.uri, method: .get) { response in
                #expect(response.status == page.status)
                let body = String(buffer: response.body)
                #expect(body.contains(HTMLEscapedProbe.escape(page.contains)) || body.contains(page.contains))
                #expect(response.headers[.contentType]?.hasPrefix("text/html") == true)
                #expect(response.headers[HTTPField.Name("Content-Security-Policy")!]?.contains("frame-ancestors 'none'") == true)
                #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                #expect(!body.contains("<script"))
            }
        }
    }

    @Test(arguments: ["/", "/organisations/lb-camden", "/agreements/slam-cris-kcl", "/path?from=icb-nel&to=ucl&purpose=research",
                      "/gaps", "/boundaries", "/project?brief=camden-discharge-to-assess", "/search?q=camden"])
    func everyPageAnswersAsJSON(_ uri: String) async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: uri, method: .get, headers: [.accept: "application/json"]) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType]?.hasPrefix("application/json") == true)
                #expect((try? JSONSerialization.jsonObject(with: Data(buffer: response.body))) != nil)
            }
        }
    }

    /// The path JSON is the same shape the CLI prints.
    @Test func pathJSONMatchesTheCLIShape() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/path?from=slam&to=imperial-college&purpose=research&format=json", method: .get) { response in
                let object = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                #expect(object["found"] as? Bool == false)
                #expect((object["blocked_by"] as? [String: Any])?["agreement"] as? String == "slam-cris-kcl")
            }
        }
    }

    @Test func aMalformedProjectUploadIsA400WithTheMessages() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/project", method: .post, body: ByteBuffer(string: "id: x\nname: X\npurpose: nonesuch\narea: \"*\"\norganisations: [lb-camden]\n")) { response in
                #expect(response.status == .badRequest)
                #expect(String(buffer: response.body).contains("upload.yaml:3: purpose: unknown purpose &quot;nonesuch&quot;"))
            }
        }
    }

    /// User text never reaches the page unescaped.
    @Test func queryTextIsEscaped() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E", method: .get) { response in
                let body = String(buffer: response.body)
                #expect(!body.contains("<script>alert"))
                #expect(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
            }
        }
    }

    /// Diagram nodes link to the explorer's pages.
    @Test func diagramsLinkToPages() async throws {
        try await app().test(.router) { client in
            try await client.execute(uri: "/organisations/lb-camden", method: .get) { response in
                #expect(String(buffer: response.body).contains("xlink:href=\"/agreements/"))
            }
        }
    }
}

enum HTMLEscapedProbe {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
