import Testing
@testable import SharemapData

/// The CSV reader: RFC 4180 quoting, positions for every record and every syntax error.
@Suite struct CSVTableTests {
    func parse(_ text: String) -> (CSVTable?, [CSVTable.SyntaxError]) {
        var problems: [CSVTable.SyntaxError] = []
        let table = CSVTable.parse(Array(text.utf8), problems: &problems)
        return (table, problems)
    }

    @Test func quotedFieldsKeepCommasQuotesAndNewlines() throws {
        let (table, problems) = parse("a,b\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\nlast,row\n")
        let parsed = try #require(table)
        #expect(problems.isEmpty)
        #expect(Array(parsed.record(0)) == ["x, y", "say \"hi\""])
        #expect(Array(parsed.record(1)) == ["two\nlines", "z"])
        // A record's line is where it starts; the multi-line field moves the next record down.
        #expect(parsed.lines == [2, 3, 5])
    }

    @Test func crlfAndBOMAreTransparentAndBlankLinesSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a,b\r\n1,2\r\n\r\n3,\"4\r\nx\"\r\n".utf8)
        var problems: [CSVTable.SyntaxError] = []
        let parsed = try #require(CSVTable.parse(bytes, problems: &problems))
        #expect(parsed.header == ["a", "b"])
        #expect(Array(parsed.record(0)) == ["1", "2"])
        #expect(Array(parsed.record(1)) == ["3", "4\nx"])
        #expect(parsed.lines == [2, 4])
    }

    @Test func reportsUnclosedQuoteWithItsPosition() {
        let (_, problems) = parse("a,b\n1,\"never closed\n2,3\n")
        #expect(problems == [CSVTable.SyntaxError(line: 2, column: 3, message: "quoted field is never closed (a \" is missing)")])
    }

    @Test func reportsTextAfterClosingQuote() {
        let (_, problems) = parse("a,b\n\"q\"x,1\n")
        #expect(problems.first?.line == 2)
        #expect(problems.first?.column == 4)
    }

    @Test func columnsCountCharactersNotBytes() {
        let (_, problems) = parse("a,b\nHammersmith & Fülham,x\"y\n")
        #expect(problems.first?.column == 23)  // 24 if "ü" were counted as its two bytes
    }

    @Test func rejectsInvalidUTF8() {
        var problems: [CSVTable.SyntaxError] = []
        #expect(CSVTable.parse([0x61, 0x2C, 0xE9, 0x0A], problems: &problems) == nil)
    }

    @Test func wrongFieldCountIsReportedAndTheRecordSkipped() throws {
        let (table, problems) = parse("a,b\n1,2,3\n4,5\n")
        #expect(problems == [CSVTable.SyntaxError(line: 2, column: 1, message: "expected 2 fields as in the header, found 3")])
        #expect(try #require(table).recordCount == 1)
    }
}
