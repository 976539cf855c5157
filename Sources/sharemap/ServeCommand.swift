import ArgumentParser
import Hummingbird
import SharemapServer

/// `sharemap serve`: the read-only web explorer.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve a read-only web explorer of the register (HTML pages, and JSON on request).",
        discussion: """
        Loads the register once and serves: home, organisation and agreement pages, path finder, gaps, \
        boundaries, project readiness and search. Every page also answers as JSON (Accept: application/json \
        or ?format=json). Binds to 127.0.0.1 unless --host says otherwise.
        """
    )

    @OptionGroup var register: RegisterOptions
    @Option(help: ArgumentHelp("The port to listen on.", valueName: "port")) var port = 8080
    @Option(help: ArgumentHelp("The address to bind to (default loopback only).", valueName: "host")) var host = "127.0.0.1"

    func validate() throws {
        guard (1...65535).contains(port) else { throw ValidationError("--port must be between 1 and 65535") }
    }

    func run() async throws {
        let loaded = try register.loadRegister()
        let explorer = Explorer(register: loaded, on: register.date)
        printError("sharemap explorer for \(register.data) (true on \(register.date)): open http://\(host):\(port)/ (Ctrl-C to stop)")
        try await explorer.application(host: host, port: port).runService()
    }
}
