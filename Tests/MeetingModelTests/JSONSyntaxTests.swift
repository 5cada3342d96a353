import Foundation
import Testing
@testable import MeetingModel
import TestProcessSupport

/// The grammar check that locates syntax errors in meeting JSON (`JSONLocator.firstSyntaxError`): exact places
/// and reasons where Foundation gives none or a vague one, and the same accept/reject answer as Foundation's
/// `JSONSerialization` on many random near-JSON texts.
@Suite("Meeting JSON syntax errors")
struct JSONSyntaxTests {
    func error(_ json: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> MeetingImportError {
        let e = #expect(throws: MeetingImportError.self, sourceLocation: sourceLocation) { try MeetingJSON.decode(Array(json.utf8)) }
        return try #require(e, sourceLocation: sourceLocation)
    }

    @Test("a number too large for a Double is located at the number, not at 1:1")
    func hugeNumber() throws {
        let e = try error("{\n  \"title\": \"1e999\",\n  \"schemaVersion\": 1e999\n}")
        #expect(e.location == MeetingModel.SourceLocation(line: 3, column: 20), "\(e)")
        #expect(e.message == "not canonical meeting JSON: invalid JSON: the number 1e999 is too large to represent", "\(e)")
    }

    @Test("a misspelt literal is located at the literal (Foundation says 'end of file')")
    func badLiteral() throws {
        let e = try error("{\"schemaVersion\": 1, \"title\": tru}")
        #expect(e.location == MeetingModel.SourceLocation(line: 1, column: 31), "\(e)")
        #expect(e.message.contains("invalid literal"), "\(e)")
    }

    @Test("a lone surrogate escape is located at the escape (Foundation says 'end of file')")
    func loneSurrogate() throws {
        let e = try error("{\"title\": \"ab\\ud800cd\"}")
        #expect(e.location == MeetingModel.SourceLocation(line: 1, column: 14), "\(e)")
        #expect(e.message.contains("high surrogate"), "\(e)")
    }

    @Test("reasons name what was expected, at the byte that broke the grammar")
    func reasons() throws {
        let cases: [(String, MeetingModel.SourceLocation, String)] = [
            ("{\"a\" 1}", MeetingModel.SourceLocation(line: 1, column: 6), "expected ':'"),
            ("[1 2]", MeetingModel.SourceLocation(line: 1, column: 4), "expected ',' or ']'"),
            ("{\"a\": 1 \"b\": 2}", MeetingModel.SourceLocation(line: 1, column: 9), "expected ',' or '}'"),
            ("{1: 2}", MeetingModel.SourceLocation(line: 1, column: 2), "expected a string as an object key"),
            ("{\"a\": 01}", MeetingModel.SourceLocation(line: 1, column: 8), "expected ',' or '}'"),
            ("{\"a\": 1.}", MeetingModel.SourceLocation(line: 1, column: 9), "after the decimal point"),
            ("{\"a\": \"x\ty\"}", MeetingModel.SourceLocation(line: 1, column: 9), "control character (U+0009)"),
            ("{\"a\": \"\\q\"}", MeetingModel.SourceLocation(line: 1, column: 8), "invalid escape"),
            ("{}\n{}", MeetingModel.SourceLocation(line: 2, column: 1), "after the JSON value"),
            ("  \n ", MeetingModel.SourceLocation(line: 2, column: 2), "no JSON value"),
            ("{\"a\": [1, 2", MeetingModel.SourceLocation(line: 1, column: 12), "ends early"),
        ]
        for (json, place, reason) in cases {
            let bytes = Array(json.utf8)
            let locator = JSONLocator(bytes: bytes)
            let fault = try #require(locator.firstSyntaxError(), "\(json)")
            #expect(locator.location(ofByte: fault.offset) == place, "\(json): \(fault)")
            #expect(fault.reason.contains(reason), "\(json): \(fault)")
        }
        // Through MeetingJSON.decode when the fault is where the decoder reads (it skips unknown keys' values).
        let e = try error("{\"title\": \"a\tb\", \"schemaVersion\": 1}")
        #expect(e.location == MeetingModel.SourceLocation(line: 1, column: 13), "\(e)")
        #expect(e.message == "not canonical meeting JSON: invalid JSON: a control character (U+0009) inside a string must be escaped", "\(e)")
        // Trailing commas are accepted, as Foundation accepts them.
        #expect(JSONLocator(bytes: Array("{\"a\": [1, 2,],}".utf8)).firstSyntaxError() == nil)
        // Invalid UTF-8 inside a string: at the bad byte, counted in scalars ("é" is one column).
        var bytes = Array("{\"title\": \"é".utf8)
        bytes += [0xFF]
        bytes += Array("\"}".utf8)
        let bad = #expect(throws: MeetingImportError.self) { try MeetingJSON.decode(bytes) }
        #expect(bad?.location == MeetingModel.SourceLocation(line: 1, column: 13), "\(String(describing: bad))")
        #expect(bad?.message.contains("invalid UTF-8") == true, "\(String(describing: bad))")
    }

    @Test("an unterminated string is reported at the end of the input and names where it opened")
    func unterminatedString() throws {
        // A backslash as the very last byte (an escape cut off) ends the check too.
        let cut = JSONLocator(bytes: Array("{\"title\": \"a\\".utf8)).firstSyntaxError()
        #expect(cut?.offset == 13)
        #expect(cut?.reason == "the string that starts at line 1, column 11 never ends")
        let e = try error("{\"schemaVersion\": 1,\n  \"title\": \"open")
        #expect(e.location == MeetingModel.SourceLocation(line: 2, column: 17), "\(e)")
        #expect(e.message.contains("starts at line 2, column 12 never ends"), "\(e)")
    }

    @Test("accepts exactly what JSONSerialization accepts, on 20,000 random near-JSON texts")
    func agreesWithFoundation() throws {
        var rng = SplitMix64(seed: 0x15_0A_2026)
        let pieces = ["{", "}", "[", "]", ":", ",", " ", "\n", "\"a\"", "\"é\"", "\"\\n\"", "\"\\u00e9\"", "\"\\ud83d\\ude00\"",
                      "\"\\ud800\"", "\"\\q\"", "\"x", "1", "-0", "0.5", "1e3", "-2.5E-3", "01", "1.", "-", "1e999", "true",
                      "false", "null", "tru", "nul", "\t", "\u{7F}", "\"\u{01}\"", "\\", "\"\\"]
        var disagreements: [String] = []
        for round in 0..<20_000 {
            var text: String
            if round % 2 == 0 {
                // Well-formed documents with one random edit.
                var chars = Array("{\"title\": \"Weekly\", \"n\": [1, 2.5, -3e2, true, null], \"o\": {\"k\": \"v\"}}".unicodeScalars)
                let at = Int(rng.next() % UInt64(chars.count))
                switch rng.next() % 3 {
                case 0: chars.remove(at: at)
                case 1: chars.insert(contentsOf: pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars, at: at)
                default: chars[at] = pieces[Int(rng.next() % UInt64(pieces.count))].unicodeScalars.first ?? " "
                }
                text = String(String.UnicodeScalarView(chars))
            } else {
                text = ""
                for _ in 0..<Int(rng.next() % 12) { text += pieces[Int(rng.next() % UInt64(pieces.count))] }
            }
            let bytes = Array(text.utf8)
            let foundation = (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil
            let ours = JSONLocator(bytes: bytes).firstSyntaxError() == nil
            if foundation != ours { disagreements.append(text) }
        }
        #expect(disagreements.isEmpty, "\(disagreements.count) disagreements, e.g. \(disagreements.prefix(5))")
    }

    @Test("very deep nesting is checked without recursion")
    func deepNesting() {
        let bytes = Array(String(repeating: "[", count: 200_000).utf8) + Array(String(repeating: "]", count: 199_999).utf8)
        let fault = JSONLocator(bytes: bytes).firstSyntaxError()
        #expect(fault?.offset == bytes.count)
        #expect(fault?.reason == "the JSON text ends early")
    }
}
