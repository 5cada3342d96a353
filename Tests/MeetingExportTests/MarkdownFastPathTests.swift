import Foundation
import Testing
import TestProcessSupport
import MeetingModel
@testable import MeetingExport

/// The Markdown exporter's byte paths against the `Character` definitions they stand in for.
@Suite struct MarkdownFastPathTests {
    /// `RenderingFastPathTests.pieces` plus every character the escaping treats specially, and the shapes around
    /// them where bytes and `Character`s part: a special character with a combining mark after it or a prepended
    /// mark before it, entities with and without their `;`, a `;` extended by a combining mark, CR LF.
    static let pieces = RenderingFastPathTests.pieces + [
        "\\", "`", "*", "_", "[", "]", "<", "|", "~", "&", ";", "#", "-", "+", "=", ">", "1.", "2)", "12345678901.",
        "&amp;", "&#35;", "&x", "&;", "&e\u{301};", "&amp;\u{301}", "*\u{301}", "\u{600}*", "_\u{300}", "\n\u{301}",
        "\r\n", "&" + String(repeating: "a", count: 32) + ";", "&" + String(repeating: "b", count: 33) + ";",
        "&" + String(repeating: "c", count: 34) + ";",
    ]

    static func randomText(_ rng: inout SplitMix64) -> String {
        var s = ""
        for _ in 0..<Int.random(in: 0...12, using: &rng) { s += pieces.randomElement(using: &rng) ?? "" }
        return s
    }

    /// `trimmingSpaces` as it was: `" "` `Character`s off both ends.
    static func referenceTrim(_ text: String) -> String {
        var s = Substring(text)
        while let f = s.first, f == " " { s = s.dropFirst() }
        while let l = s.last, l == " " { s = s.dropLast() }
        return String(s)
    }

    @Test("escaping on bytes gives the Character definition's text on 20,000 random strings, or defers to it")
    func escapingMatchesTheCharacterDefinition() {
        var rng = SplitMix64(seed: 0x3A4D)
        var byBytes = 0
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng)
            let reference = MarkdownEscaping.referenceEscaped(text)
            if let fast = MarkdownEscaping.escapedBytes(text) {
                byBytes += 1
                #expect(Array(fast.utf8) == Array(reference.utf8), "\(text.debugDescription)")
            }
            for lineStart in [true, false] {
                let expected = lineStart ? MarkdownEscaping.escapeLineStart(reference) : reference
                #expect(MarkdownEscaping.inline(text, lineStart: lineStart) == expected)
            }
        }
        // The byte path must carry the common case, not defer everything.
        #expect(byBytes > 5_000)   // 7,418 with this seed: the pieces put many non-ASCII characters next to specials
        #expect(MarkdownEscaping.escapedBytes("plain text — Chloé") == "plain text — Chloé")
        #expect(MarkdownEscaping.escapedBytes("a*b [DM-1] x_y &amp; R&D\r\nz\tq") == "a\\*b \\[DM-1\\] x\\_y \\&amp; R&D z q")
        #expect(MarkdownEscaping.escapedBytes("*\u{301}") == nil)
        #expect(MarkdownEscaping.escapedBytes("&amp;\u{301}") == nil)
    }

    @Test("trimmingSpaces, lines and newlinesAsSpaces give the Character and Foundation definitions' results")
    func stringHelpersMatchTheirDefinitions() {
        var rng = SplitMix64(seed: 0x7121)
        for _ in 0..<20_000 {
            let text = Self.randomText(&rng)
            #expect(Array(text.trimmingSpaces().utf8) == Array(Self.referenceTrim(text).utf8), "\(text.debugDescription)")
            #expect(text.lines() == text.split(separator: "\n", omittingEmptySubsequences: false))
            #expect(Array(text.newlinesAsSpaces().utf8) == Array(text.replacingOccurrences(of: "\n", with: " ").utf8))
        }
        #expect(" a ".trimmingSpaces() == "a")
        #expect("\u{600} ".trimmingSpaces() == "\u{600} ")
        #expect("".lines() == [""])
        #expect("a\n\nb".lines() == ["a", "", "b"])
    }
}
