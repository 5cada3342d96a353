// swift-meeting-notes · HostileInputTests
//
// Encodings: the same page in UTF-8 (with and without BOM), UTF-16 LE/BE with BOM, Windows-1252 and
// Latin-1 (detected, or declared by the caller) gives the same meeting; invalid UTF-8 is replaced and
// reported with its line and column; mixed line endings give the same meeting and the same lines.

import Foundation
import MeetingModel
import Testing

/// A way of writing a page's bytes.
enum Encoding: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case utf8, utf8BOM, utf16LEBOM, utf16BEBOM, windows1252Detected, windows1252Declared, latin1Declared

    var testDescription: String { rawValue }

    func encode(_ text: String) -> [UInt8]? {
        switch self {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf16LEBOM:
            return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0), UInt8(truncatingIfNeeded: $0 >> 8)] }
        case .utf16BEBOM:
            return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8(truncatingIfNeeded: $0 >> 8), UInt8(truncatingIfNeeded: $0)] }
        case .windows1252Detected, .windows1252Declared:
            return text.data(using: .windowsCP1252).map { [UInt8]($0) }
        case .latin1Declared:
            return text.data(using: .isoLatin1).map { [UInt8]($0) }
        }
    }

    var options: ImportOptions {
        switch self {
        case .windows1252Declared: return ImportOptions(declaredEncoding: .windows1252)
        case .latin1Declared: return ImportOptions(declaredEncoding: .latin1)
        default: return ImportOptions()
        }
    }
}

/// A page in each text format, with accented names; the Windows-1252 forms need `’` and `€` too.
enum AccentedPage {
    static let storage = """
        <h2>Réunion budgétaire – café €</h2>
        <h3>Participants</h3>
        <ul><li>Zoë Brontë</li><li>José Núñez</li></ul>
        <h3>Notes</h3>
        <p>L’équipe a validé la maquette. Coût: 1 200 €.</p>
        """
    static let html = "<html><head><title>Réunion budgétaire – café €</title></head><body>\n" + storage + "\n</body></html>"
    static let text = """
        ## Réunion budgétaire – café €

        ### Participants

        - Zoë Brontë
        - José Núñez

        ### Notes

        L’équipe a validé la maquette. Coût: 1 200 €.
        """
    static let latin1Storage = storage.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "€", with: "EUR")
        .replacingOccurrences(of: "–", with: "-")
    static let latin1HTML = html.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "€", with: "EUR")
        .replacingOccurrences(of: "–", with: "-")
    static let latin1Text = text.replacingOccurrences(of: "’", with: "'").replacingOccurrences(of: "€", with: "EUR")
        .replacingOccurrences(of: "–", with: "-")

    static func page(for identifier: String, encoding: Encoding) -> String {
        let latin = encoding == .latin1Declared
        switch identifier {
        case "confluence-storage": return latin ? latin1Storage : storage
        case "confluence-html": return latin ? latin1HTML : html
        default: return latin ? latin1Text : text
        }
    }
}

/// A meeting with what depends on the bytes rather than the text (diagnostics, locations) removed.
func comparable(_ m: Meeting) -> String {
    var m = m
    m.diagnostics = []
    return String(decoding: MeetingJSON.encode(m), as: UTF8.self)
}

@Suite("Encodings")
struct EncodingTests {
    static let readers = ["confluence-storage", "confluence-html", "plain-text"]

    @Test("every encoding of a page gives the meeting UTF-8 gives", arguments: readers, Encoding.allCases)
    func sameMeetingInEveryEncoding(_ identifier: String, _ encoding: Encoding) throws {
        let source = BuiltIn.source(identifier)
        let text = AccentedPage.page(for: identifier, encoding: encoding)
        let reference = try source.importMeeting(from: SourceInput(text: text, fileName: "page"), options: ImportOptions())
        let bytes = try #require(encoding.encode(text))
        let outcome = importPage(source, bytes, fileName: "page", options: encoding.options)
        let result = try #require(outcome.result, "\(outcome.summary)")
        #expect(comparable(result.meeting) == comparable(reference.meeting))
        let json = String(decoding: MeetingJSON.encode(result.meeting), as: UTF8.self)
        for word in ["Brontë", "Núñez", "budgétaire"] {
            #expect(json.contains(word), "'\(word)' did not survive \(encoding)")
        }
        #expect(!json.contains("\u{FFFD}"), "replacement characters in the \(encoding) import")
    }

    @Test("the REST envelope in UTF-8 with a BOM and in UTF-16")
    func restEnvelopeEncodings() throws {
        let body = Hostile.restEnvelope(storage: AccentedPage.storage, title: "Réunion")
        let reference = try #require(importPage(BuiltIn.rest, body, fileName: "page.json").result)
        for encoding in [Encoding.utf8BOM, .utf16LEBOM, .utf16BEBOM] {
            let bytes = try #require(encoding.encode(String(decoding: body, as: UTF8.self)))
            let outcome = importPage(BuiltIn.rest, bytes, fileName: "page.json")
            let result = try #require(outcome.result, "\(encoding): \(outcome.summary)")
            #expect(comparable(result.meeting) == comparable(reference.meeting), "\(encoding)")
        }
    }

    /// Line 3, column 5 holds one invalid byte; line 5 an overlong encoding; line 6 a lone continuation byte.
    /// The valid "é" on line 1 makes the bytes UTF-8 with damage rather than Windows-1252.
    static let invalidUTF8: [UInt8] = Array("## Broken bytes café\n\nabcd".utf8) + [0xFF] + Array(" first repair\n\n".utf8)
        + Array("overlong ".utf8) + [0xC0, 0xAF] + Array(" second\nlone ".utf8) + [0x80] + Array(" third tailword\n".utf8)

    @Test("invalid UTF-8 is replaced and reported with its line and column",
          arguments: ["plain-text", "confluence-storage", "confluence-html"])
    func invalidUTF8(_ identifier: String) throws {
        var bytes = Self.invalidUTF8
        if identifier != "plain-text" {
            // The same damage inside markup, on the same lines.
            bytes = Array("<h2>Broken bytes café</h2>\n\n<p>abcd".utf8) + [0xFF] + Array(" first repair</p>\n\n".utf8)
                + Array("<p>overlong ".utf8) + [0xC0, 0xAF] + Array(" second</p>\n<p>lone ".utf8) + [0x80]
                + Array(" third tailword</p>\n".utf8)
        }
        let outcome = importPage(BuiltIn.source(identifier), bytes, fileName: "broken")
        let r = try #require(outcome.result, "\(outcome.summary)")
        let json = String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        for word in ["first repair", "second", "third tailword"] {
            #expect(json.contains(word), "'\(word)' lost around invalid bytes")
        }
        let lines = Set(r.meeting.diagnostics.compactMap { $0.location?.line })
        #expect(lines.contains(3), "no diagnostic on line 3: \(r.meeting.diagnostics)")
        #expect(lines.contains(5) && lines.contains(6), "no diagnostics on lines 5 and 6: \(r.meeting.diagnostics)")
        let first = r.meeting.diagnostics.first { $0.location?.line == 3 }
        if identifier == "plain-text" { #expect(first?.location?.column == 5, "\(String(describing: first))") }
    }

    static let mixedLineEnds: [(String, String)] = [
        ("confluence-storage", "<h2>Line ends</h2>\n<h3>Participants</h3>\n<ul><li>Ana Silva</li></ul>\n<p>one &bogus; two</p>\n<p>tailword</p>\n"),
        ("confluence-html", "<html><body>\n<h3>Participants</h3>\n<ul><li>Ana Silva</li></ul>\n<p>one <x y=\"1\" y=\"2\">dup</x> two</p>\n<p>tailword</p>\n</body></html>\n"),
        ("plain-text", "## Line ends\n\n### Participants\n\n- Ana Silva\n- Ben Okoro\n\n### Agenda\n\nTime\tTopic\tChair\tNotes\n09:00\tStart\tAna Silva\tFirst words\n10:00\tEnd\tBen Okoro\ttailword\n"),
    ]

    @Test("mixed CRLF, CR and LF line ends give the same meeting and the same lines", arguments: 0..<3)
    func mixedLineEnds(_ index: Int) throws {
        let (identifier, text) = Self.mixedLineEnds[index]
        let source = BuiltIn.source(identifier)
        let lf = try #require(importPage(source, text, fileName: "page").result)
        // CRLF, CR, LF in turn; a bare CR is never followed by a LF (that would be one CRLF line end).
        var mixed: [UInt8] = []
        var n = 0
        let utf8 = Array(text.utf8)
        for (k, b) in utf8.enumerated() {
            guard b == 0x0A else { mixed.append(b); continue }
            let nextIsLF = k + 1 < utf8.count && utf8[k + 1] == 0x0A
            switch n % 3 {
            case 0: mixed += [0x0D, 0x0A]
            case 1: if nextIsLF { mixed += [0x0D, 0x0A] } else { mixed.append(0x0D) }
            default: mixed.append(0x0A)
            }
            n += 1
        }
        let r = try #require(importPage(source, mixed, fileName: "page").result)
        #expect(comparable(r.meeting) == comparable(lf.meeting))
        #expect(r.meeting.diagnostics.map(\.location) == lf.meeting.diagnostics.map(\.location),
                "LF: \(lf.meeting.diagnostics) mixed: \(r.meeting.diagnostics)")
        #expect(String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self).contains("tailword"))
    }
}
