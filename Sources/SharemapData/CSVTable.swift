/// A parsed CSV file: a header and records, each record remembering the line it starts on.
///
/// Hand-written rather than taken from a library because none available here reports the line and
/// column of a record or of a syntax error (CSV.swift and SwiftCSV both lose positions, and the
/// former traps on some inputs), and registers reach a million rows, so the parser works on bytes
/// and stores fields in one flat array. It is strict RFC 4180 with two tolerances spreadsheets
/// need: a UTF-8 byte order mark is skipped and CRLF line endings are accepted.
struct CSVTable: Sendable {
    /// The header row's fields.
    let header: [String]
    /// Every record's fields, concatenated; record `r` is `fields[r * width ..< (r + 1) * width]`.
    private let fields: [String]
    /// The line each record starts on (one-based; the header is line 1).
    let lines: [Int]

    var width: Int { header.count }
    var recordCount: Int { lines.count }

    /// The fields of record `record`.
    func record(_ record: Int) -> ArraySlice<String> {
        fields[record * width ..< (record + 1) * width]
    }

    /// One field of a record, by its position in the header.
    @inline(__always) func field(_ record: Int, _ position: Int) -> String {
        fields[record * width + position]
    }

    /// A syntax problem, located by line and column.
    struct SyntaxError: Error, Equatable, Sendable {
        let line: Int
        let column: Int
        let message: String
    }

    /// Parses `bytes`. Records whose field count differs from the header's are reported in `problems`
    /// and left out; a syntax error ends parsing (what follows it cannot be trusted) and is reported too.
    /// Returns nil only when the file is not UTF-8 or has no header row.
    static func parse(_ bytes: [UInt8], problems: inout [SyntaxError]) -> CSVTable? {
        guard String(validating: bytes, as: UTF8.self) != nil else { return nil }
        var parser = Parser(bytes: bytes)
        guard let header = parser.nextRecord(problems: &problems) else { return nil }
        var fields: [String] = []
        var lines: [Int] = []
        fields.reserveCapacity(bytes.count / 8)
        while true {
            let startLine = parser.line
            guard let record = parser.nextRecord(problems: &problems) else { break }
            if record.count == 1, record[0].isEmpty { continue }  // a blank line
            guard record.count == header.count else {
                problems.append(SyntaxError(
                    line: startLine, column: 1,
                    message: "expected \(header.count) fields as in the header, found \(record.count)"
                ))
                continue
            }
            fields.append(contentsOf: record)
            lines.append(startLine)
        }
        return CSVTable(header: header, fields: fields, lines: lines)
    }

    private struct Parser {
        let bytes: [UInt8]
        var offset = 0
        var line = 1
        var lineStart = 0
        var failed = false

        init(bytes: [UInt8]) {
            self.bytes = bytes
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
                offset = 3
                lineStart = 3
            }
        }

        private static let quote = UInt8(ascii: "\"")
        private static let comma = UInt8(ascii: ",")
        private static let newline = UInt8(ascii: "\n")
        private static let carriageReturn = UInt8(ascii: "\r")

        /// Column (one-based, in characters) of byte offset `position` on the current line.
        private func column(at position: Int) -> Int {
            1 + bytes[lineStart..<position].lazy.filter { $0 & 0xC0 != 0x80 }.count
        }

        private mutating func consumeLineEnd() -> Bool {
            if offset < bytes.count, bytes[offset] == Parser.carriageReturn,
               offset + 1 < bytes.count, bytes[offset + 1] == Parser.newline {
                offset += 2
            } else if offset < bytes.count, bytes[offset] == Parser.newline {
                offset += 1
            } else if offset == bytes.count {
                return true
            } else {
                return false
            }
            line += 1
            lineStart = offset
            return true
        }

        mutating func nextRecord(problems: inout [SyntaxError]) -> [String]? {
            guard !failed, offset < bytes.count else { return nil }
            var record: [String] = []
            while true {
                if offset < bytes.count, bytes[offset] == Parser.quote {
                    // A quoted field: "" is a literal quote; newlines are part of the value.
                    let openLine = line
                    let openColumn = column(at: offset)
                    offset += 1
                    var value: [UInt8] = []
                    var closed = false
                    while offset < bytes.count {
                        let byte = bytes[offset]
                        if byte == Parser.quote {
                            if offset + 1 < bytes.count, bytes[offset + 1] == Parser.quote {
                                value.append(Parser.quote)
                                offset += 2
                                continue
                            }
                            offset += 1
                            closed = true
                            break
                        }
                        if byte == Parser.newline {
                            line += 1
                            lineStart = offset + 1
                        }
                        if byte == Parser.carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == Parser.newline {
                            offset += 1
                            continue  // CRLF inside a quoted value becomes LF
                        }
                        value.append(byte)
                        offset += 1
                    }
                    guard closed else {
                        problems.append(SyntaxError(
                            line: openLine, column: openColumn,
                            message: "quoted field is never closed (a \" is missing)"
                        ))
                        failed = true
                        return nil
                    }
                    record.append(String(decoding: value, as: UTF8.self))
                    if offset < bytes.count, bytes[offset] != Parser.comma,
                       bytes[offset] != Parser.newline, bytes[offset] != Parser.carriageReturn {
                        problems.append(SyntaxError(
                            line: line, column: column(at: offset),
                            message: "unexpected text after a closing quote (quote the whole field and double any \" inside it)"
                        ))
                        failed = true
                        return nil
                    }
                } else {
                    let start = offset
                    while offset < bytes.count {
                        let byte = bytes[offset]
                        if byte == Parser.comma || byte == Parser.newline { break }
                        if byte == Parser.carriageReturn, offset + 1 < bytes.count, bytes[offset + 1] == Parser.newline { break }
                        if byte == Parser.quote {
                            problems.append(SyntaxError(
                                line: line, column: column(at: offset),
                                message: "a \" inside an unquoted field (quote the whole field and double the \")"
                            ))
                            failed = true
                            return nil
                        }
                        offset += 1
                    }
                    record.append(String(decoding: bytes[start..<offset], as: UTF8.self))
                }
                if offset < bytes.count, bytes[offset] == Parser.comma {
                    offset += 1
                    continue
                }
                _ = consumeLineEnd()
                return record
            }
        }
    }
}
