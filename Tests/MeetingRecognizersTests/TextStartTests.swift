// swift-meeting-notes · MeetingRecognizersTests

import Testing
import TestProcessSupport
import MeetingModel
@testable import MeetingRecognizers

/// `TextDecoding.utf8TextStart` says when the decoded text is the input's own bytes; it must never say so wrongly.
@Suite struct TextStartTests {
    @Test("utf8TextStart: where it answers, decode gives exactly the rest of the bytes and no diagnostic")
    func agreesWithDecode() {
        let pieces: [[UInt8]] = [[0x41], [0x20], [0x0A], [0x0D], [0x0D, 0x0A], [0x09], [0x00], [0xC3, 0xA9], [0xE2, 0x80, 0x94],
                                 [0xF0, 0x9F, 0x91, 0x8D], [0xFF], [0xFE], [0xC3], [0x80], [0xED, 0xA0, 0x80], [0xEF, 0xBB, 0xBF],
                                 [0xC0, 0xAF], Array("Ana 09:00".utf8), [0x00, 0x41], [0x41, 0x00]]
        let declared: [ImportOptions.TextEncoding?] = [nil, nil, nil, .utf8, .utf16LE, .utf16BE, .windows1252, .latin1]
        var rng = SplitMix64(seed: 0x7E57_0001)
        var inPlace = 0, withMark = 0
        for round in 0..<20_000 {
            var bytes = (0..<(rng.nextInt() % 14)).flatMap { _ in pieces[rng.nextInt() % pieces.count] }
            if round % 7 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
            if round % 11 == 0 { bytes = [0xFF, 0xFE] + bytes }
            let d = declared[rng.nextInt() % declared.count]
            guard let start = TextDecoding.utf8TextStart(bytes, declared: d) else {
                // Valid UTF-8 without CR, marks or NUL bytes must be read in place when nothing else is declared.
                if d == nil || d == .utf8, !bytes.contains(13), !bytes.contains(0), bytes.first != 0xFF, bytes.first != 0xFE,
                   bytes.first != 0xEF, TextDecoding.isValidUTF8(bytes) {
                    Issue.record("valid UTF-8 not read in place: \(bytes)")
                }
                continue
            }
            let decoded = TextDecoding.decode(bytes, declared: d, code: "t")
            #expect(Array(decoded.text.utf8) == Array(bytes[start...]), "\(bytes) \(String(describing: d))")
            #expect(decoded.diagnostics.isEmpty && decoded.encoding == .utf8)
            inPlace += 1
            if start == 3 { withMark += 1 }
        }
        #expect(inPlace > 1_500)
        #expect(withMark > 100)
        #expect(TextDecoding.utf8TextStart(Array("a\r\nb".utf8)) == nil)
        #expect(TextDecoding.utf8TextStart([0xEF, 0xBB, 0xBF, 0x41]) == 3)
        #expect(TextDecoding.utf8TextStart(Array("Zoë".utf8), declared: .latin1) == nil)
        #expect(TextDecoding.utf8TextStart(Array("Zoë".utf8)) == 0)
    }
}
