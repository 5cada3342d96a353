// `MeetingJSON` writes canonical JSON with the model's own writer (CanonicalJSONEncoder.swift); the contract is the
// bytes `JSONEncoder` writes with the canonical options. These tests hold the two to the same bytes on real imports
// and on the edge cases of the format, and check that what the fast writer does not serve falls back.

import ConfluenceHTML
import Foundation
@testable import MeetingModel
import PlainTextImport
import Testing

@Suite struct CanonicalJSONWriterTests {
    static let packageRoot = ExamplePages.root.deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static let seed = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds/dmlt-f2f-2019-10.txt")

    static func expectSameBytes<T: Encodable>(_ value: T, _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for pretty in [true, false] {
            let fast = MeetingJSON.encodeValue(value, pretty: pretty)
            let reference = MeetingJSON.foundationEncoded(value, pretty: pretty)
            #expect(fast == reference, "\(what), pretty: \(pretty)", sourceLocation: sourceLocation)
        }
    }

    static func importAny(_ url: URL, options: ImportOptions = ImportOptions()) -> Meeting? {
        guard let input = try? SourceInput(contentsOf: url) else { return nil }
        let registry = MeetingSourceRegistry([ConfluenceStorageSource(), ConfluenceHTMLSource(), PlainTextSource()])
        return try? registry.importMeeting(from: input, options: options).meeting
    }

    @Test("the example meeting in all three forms: the same bytes as JSONEncoder, pretty and compact")
    func examplePages() throws {
        for (form, meeting) in try ExamplePages.all() {
            // The fast writer serves the whole model (no fallback).
            #expect((try? CanonicalJSONEncoder.tree(meeting)) != nil)
            Self.expectSameBytes(meeting, form)
            Self.expectSameBytes(meeting.actionItems, "\(form) action items")
            Self.expectSameBytes(meeting.agenda, "\(form) agenda")
        }
    }

    @Test("every page of the shared corpus: the same bytes as JSONEncoder",
          .enabled(if: FileManager.default.fileExists(atPath: CanonicalJSONWriterTests.corpus.path)))
    func corpusPages() throws {
        let files = FileManager.default.enumerator(at: Self.corpus, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { !$0.hasDirectoryPath && $0.pathExtension != "tsv" } ?? []
        var imported = 0
        for url in files.sorted(by: { $0.path < $1.path }) {
            guard let meeting = Self.importAny(url) else { continue }
            imported += 1
            Self.expectSameBytes(meeting, url.lastPathComponent)
        }
        #expect(imported >= 5)
    }

    @Test("the seed page: the same bytes as JSONEncoder",
          .enabled(if: FileManager.default.fileExists(atPath: CanonicalJSONWriterTests.seed.path)))
    func seedPage() throws {
        let meeting = try #require(Self.importAny(Self.seed))
        #expect(meeting.actionItems.count >= 20)
        Self.expectSameBytes(meeting, "seed")
    }

    @Test("strings with every escape, control character, quote, backslash, slash and non-ASCII letter")
    func escaping() {
        var text = ""
        for scalar in (0...0x7F).compactMap(Unicode.Scalar.init) { text.unicodeScalars.append(scalar) }
        text += "é\u{301}\u{2028}\u{2029}\u{FEFF}😀👍🏽 “quoted” </script> \\n"
        var meeting = Meeting(title: text)
        meeting.actionItems = [ActionItem(owners: [Person(name: text)], text: text, tickets: ["DM-1", text])]
        meeting.location = "\u{0}\u{1F}\u{7F}"
        Self.expectSameBytes(meeting, "escapes")
        Self.expectSameBytes(text, "a bare string")
        Self.expectSameBytes([text, "", "\""], "an array of strings")
    }

    /// A value that encodes the same key twice, a nested keyed and unkeyed container and a super encoder.
    struct Unusual: Encodable {
        enum Key: String, CodingKey { case b, a, Z, é, nested, list, extra }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: Key.self)
            try c.encode(1, forKey: .b)
            try c.encode("first", forKey: .a)
            try c.encode("second", forKey: .a)
            try c.encode(UInt8(7), forKey: .Z)
            try c.encode(Int64.min, forKey: .é)
            var nested = c.nestedContainer(keyedBy: Key.self, forKey: .nested)
            try nested.encode(true, forKey: .b)
            try nested.encodeNil(forKey: .a)
            var list = c.nestedUnkeyedContainer(forKey: .list)
            try list.encode(-1)
            try list.encode(UInt64.max)
            var inner = list.nestedContainer(keyedBy: Key.self)
            try inner.encode([String](), forKey: .a)
            try inner.encode([String: Int](), forKey: .b)
            try list.encode(Optional<Int>.none)
            let sup = c.superEncoder(forKey: .extra)
            var s = sup.container(keyedBy: Key.self)
            try s.encode("under super", forKey: .a)
        }
    }

    @Test("repeated keys, nested containers, extreme integers, empty arrays and objects, a super encoder")
    func unusualShapes() {
        #expect((try? CanonicalJSONEncoder.tree(Unusual())) != nil)
        Self.expectSameBytes(Unusual(), "unusual")
        Self.expectSameBytes(["zeta": 1, "Alpha": 2, "alpha": 3, "éclair": 4, "a10": 5, "a2": 6, "": 7], "dictionary keys")
        Self.expectSameBytes([[Int]](), "an empty array")
        Self.expectSameBytes(Optional<Meeting>.none, "null")
        Self.expectSameBytes(Meeting(title: ""), "an empty meeting")
    }

    struct WithDouble: Encodable { var ratio = 0.1; var name = "x" }
    struct EncodesNothing: Encodable { func encode(to encoder: any Encoder) throws {} }

    @Test("what the fast writer does not serve falls back to JSONEncoder: floating point, a value that encodes nothing")
    func fallback() throws {
        #expect(throws: CanonicalJSONUnsupported.self) { try CanonicalJSONEncoder.tree(WithDouble()) }
        #expect(throws: CanonicalJSONUnsupported.self) { try CanonicalJSONEncoder.tree(EncodesNothing()) }
        Self.expectSameBytes(WithDouble(), "a double")
        Self.expectSameBytes([WithDouble(), WithDouble(ratio: 1e300)], "doubles in an array")
        // (At the top level JSONEncoder refuses a value that encodes nothing; inside an array it writes "{}".)
        Self.expectSameBytes([EncodesNothing()], "nothing, in an array")
        #expect(String(decoding: MeetingJSON.encodeValue(WithDouble(), pretty: false), as: UTF8.self) == #"{"name":"x","ratio":0.1}"#)
    }
}
