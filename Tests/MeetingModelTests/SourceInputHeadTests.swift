import Testing
import TestProcessSupport
@testable import MeetingModel

/// `SourceInput.lowercasedHead` (eight bytes at a time) against its plain definition.
@Suite struct SourceInputHeadTests {
    /// The plain definition: the first 4,096 bytes, "A"…"Z" lower-cased one byte at a time.
    static func plainHead(_ bytes: [UInt8]) -> [UInt8] {
        bytes.prefix(4096).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }

    @Test("lowercasedHead equals the byte-by-byte definition for every byte value, at every length and alignment")
    func equalsPlainDefinition() {
        var rng = SplitMix64(seed: 0x4EAD)
        func next() -> UInt64 { rng.next() }
        // Every byte value at every position of an eight-byte word.
        var all: [UInt8] = []
        for v in 0...255 { for pad in 0..<8 { all += Array(repeating: 0x61, count: pad) + [UInt8(v)] } }
        #expect(SourceInput(bytes: all).lowercasedHead == Self.plainHead(all))
        for length in [0, 1, 7, 8, 9, 15, 16, 17, 4095, 4096, 4097, 5000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: next()) }
            #expect(SourceInput(bytes: bytes).lowercasedHead == Self.plainHead(bytes), "length \(length)")
        }
        let head = SourceInput(text: "<!DOCTYPE HTML><Html>ÀÉ ZAza@[`{").lowercasedHead
        #expect(String(decoding: head, as: UTF8.self) == "<!doctype html><html>ÀÉ zaza@[`{")
    }

    @Test("lowercasedHead follows the bytes when they change")
    func followsBytes() {
        var input = SourceInput(text: "ABC")
        #expect(input.lowercasedHead == Array("abc".utf8))
        input.bytes = Array("<AC:Task>".utf8)
        #expect(input.lowercasedHead == Array("<ac:task>".utf8))
        input.bytes.append(contentsOf: Array("XY".utf8))
        #expect(input.lowercasedHead == Array("<ac:task>xy".utf8))
        #expect(input == SourceInput(text: "<AC:Task>XY"))
    }
}
