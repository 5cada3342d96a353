// swift-meeting-notes · MeetingRecognizers

import MeetingModel

/// Text decoded from bytes: the string (line ends normalised to `\n`), the encoding used, and what
/// was repaired on the way.
public struct DecodedText: Sendable, Hashable {
    /// The text, with CRLF and lone CR turned into LF and any byte-order mark removed.
    public var text: String
    /// The encoding the bytes were read as.
    public var encoding: ImportOptions.TextEncoding
    /// Whether a byte-order mark announced the encoding.
    public var hadByteOrderMark: Bool
    /// Repairs (invalid sequences replaced with U+FFFD), each with its line and column.
    public var diagnostics: [Diagnostic]

    /// Creates decoded text.
    public init(text: String, encoding: ImportOptions.TextEncoding, hadByteOrderMark: Bool = false,
                diagnostics: [Diagnostic] = []) {
        self.text = text
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.diagnostics = diagnostics
    }
}

/// Turns bytes into text: byte-order-mark detection (UTF-8, UTF-16 LE/BE), a declared encoding, or
/// detection of UTF-16 without BOM and Windows-1252; invalid UTF-8 is replaced with U+FFFD and reported.
///
/// Linear in the input; never fails.
public enum TextDecoding {
    /// At most this many invalid-sequence diagnostics are reported one by one; the rest are summed up.
    public static let maximumReportedRepairs = 50

    /// Decodes `bytes`.
    /// - Parameters:
    ///   - bytes: The raw input.
    ///   - declared: The encoding the caller knows the bytes have (used when there is no BOM).
    ///   - code: Diagnostic-code prefix, e.g. `"plain-text"`.
    public static func decode(_ bytes: [UInt8], declared: ImportOptions.TextEncoding? = nil,
                              code: String = "text") -> DecodedText {
        var result: DecodedText
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            result = decodeUTF8(bytes[3...], code: code)
            result.hadByteOrderMark = true
        } else if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
            result = decodeUTF16(bytes[2...], littleEndian: true, code: code)
            result.hadByteOrderMark = true
        } else if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
            result = decodeUTF16(bytes[2...], littleEndian: false, code: code)
            result.hadByteOrderMark = true
        } else if let declared {
            switch declared {
            case .utf8: result = decodeUTF8(bytes[...], code: code)
            case .utf16LE: result = decodeUTF16(bytes[...], littleEndian: true, code: code)
            case .utf16BE: result = decodeUTF16(bytes[...], littleEndian: false, code: code)
            case .windows1252: result = decodeSingleByte(bytes[...], windows: true)
            case .latin1: result = decodeSingleByte(bytes[...], windows: false)
            }
        } else if let le = looksLikeUTF16(bytes) {
            result = decodeUTF16(bytes[...], littleEndian: le, code: code)
        } else if let text = validUTF8String(bytes) {
            // What `decodeUTF8` gives valid bytes, without checking them a second time.
            result = DecodedText(text: text, encoding: .utf8)
        } else if looksLikeSingleByte(bytes) {
            result = decodeSingleByte(bytes[...], windows: true)
            result.diagnostics.append(Diagnostic(.note, code: code + ".encoding-detected",
                "bytes are not UTF-8; read as Windows-1252", at: SourceLocation(line: 1)))
        } else {
            result = decodeUTF8(bytes[...], code: code)
        }
        result.text = normalizeLineEnds(result.text)
        return result
    }

    /// Where the text ``decode(_:declared:code:)`` gives for `bytes` starts in `bytes`, when that text is exactly the
    /// rest of the bytes: valid UTF-8 after an optional UTF-8 byte-order mark, no UTF-16 mark or look, no other
    /// encoding declared, no CR to normalise (so nothing repaired and no diagnostic). `nil` otherwise. A caller
    /// holding the bytes can then read the text from them instead of from a decoded copy.
    package static func utf8TextStart(_ bytes: [UInt8], declared: ImportOptions.TextEncoding? = nil) -> Int? {
        let start: Int
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            start = 3
        } else if bytes.count >= 2, (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF) {
            return nil
        } else if let declared {
            guard declared == .utf8 else { return nil }
            start = 0
        } else if looksLikeUTF16(bytes) != nil {
            return nil
        } else {
            start = 0
        }
        let hasCR = bytes.withUnsafeBufferPointer { ASCIIScan.firstIndex(of: 13, in: $0, from: start) != nil }
        guard !hasCR, isValidUTF8(bytes[start...]) else { return nil }
        return start
    }

    /// Replaces CRLF and lone CR with LF.
    public static func normalizeLineEnds(_ text: String) -> String {
        let hasCR = text.utf8.withContiguousStorageIfAvailable { ASCIIScan.firstIndex(of: 13, in: $0, from: 0) != nil }
            ?? text.utf8.contains(13)
        guard hasCR else { return text }
        var out = [UInt8]()
        out.reserveCapacity(text.utf8.count)
        var previousCR = false
        for b in text.utf8 {
            if b == 13 { out.append(10); previousCR = true; continue }
            if b == 10 && previousCR { previousCR = false; continue }
            previousCR = false
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool { isValidUTF8(bytes[...]) }

    /// The text of `bytes` when they are valid UTF-8, else `nil`: `String(decoding:)` (which checks the bytes as it
    /// copies them) compared with the bytes eight at a time; a repair would have changed them. Equal to
    /// `isValidUTF8(bytes) ? String(decoding: bytes, as: UTF8.self) : nil` with one check of the bytes instead of two.
    static func validUTF8String(_ bytes: [UInt8]) -> String? {
        var text = String(decoding: bytes, as: UTF8.self)
        let same = text.withUTF8 { p in bytes.withUnsafeBufferPointer { q in ASCIIScan.equalBytes(p, q) } }
        return same ? text : nil
    }

    /// Whether `bytes` are valid UTF-8: eight ASCII bytes at a time, sequence by sequence elsewhere.
    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        let fast = bytes.withContiguousStorageIfAvailable { buf -> Bool in
            var i = 0
            let n = buf.count
            guard let base = buf.baseAddress else { return true }
            let raw = UnsafeRawPointer(base)
            while i < n {
                if i + 8 <= n, raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
                let len = sequenceLength(buf, i)
                if len == 0 { return false }
                i += len
            }
            return true
        }
        if let fast { return fast }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let len = sequenceLength(bytes, i)
            if len == 0 { return false }
            i += len
        }
        return true
    }

    /// Length of the valid UTF-8 sequence at `i`, or 0 when it is invalid.
    @inline(__always)
    static func sequenceLength<C: RandomAccessCollection>(_ b: C, _ i: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        let n = b.endIndex
        let c0 = b[i]
        if c0 < 0x80 { return 1 }
        func cont(_ k: Int) -> Bool { i + k < n && b[i + k] & 0xC0 == 0x80 }
        if c0 >= 0xC2 && c0 <= 0xDF { return cont(1) ? 2 : 0 }
        if c0 >= 0xE0 && c0 <= 0xEF {
            guard cont(1), cont(2) else { return 0 }
            let c1 = b[i + 1]
            if c0 == 0xE0 && c1 < 0xA0 { return 0 }
            if c0 == 0xED && c1 >= 0xA0 { return 0 }
            return 3
        }
        if c0 >= 0xF0 && c0 <= 0xF4 {
            guard cont(1), cont(2), cont(3) else { return 0 }
            let c1 = b[i + 1]
            if c0 == 0xF0 && c1 < 0x90 { return 0 }
            if c0 == 0xF4 && c1 >= 0x90 { return 0 }
            return 4
        }
        return 0
    }

    static func decodeUTF8(_ bytes: ArraySlice<UInt8>, code: String) -> DecodedText {
        // Valid input (the usual case) needs no repairs and no line/column bookkeeping.
        if isValidUTF8(bytes) { return DecodedText(text: String(decoding: bytes, as: UTF8.self), encoding: .utf8) }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var diagnostics: [Diagnostic] = []
        var repairs = 0
        var line = 1, column = 1
        var i = bytes.startIndex
        let n = bytes.endIndex
        var runStart: Int? = nil
        var runLocation = SourceLocation(line: 1)
        var firstUnreported: SourceLocation?
        func flushRun(_ end: Int) {
            guard let s = runStart else { return }
            repairs += 1
            if repairs == maximumReportedRepairs + 1 { firstUnreported = runLocation }
            if repairs <= maximumReportedRepairs {
                let hex = bytes[s..<end].prefix(8).map { byte -> String in
                    let h = String(byte, radix: 16, uppercase: true)
                    return h.count == 1 ? "0" + h : h
                }.joined(separator: " ")
                diagnostics.append(Diagnostic(.warning, code: code + ".invalid-utf8",
                    "invalid UTF-8 bytes \(hex) replaced with U+FFFD", at: runLocation))
            }
            runStart = nil
        }
        while i < n {
            let len = sequenceLength(bytes, i)
            if len == 0 {
                if runStart == nil {
                    runStart = i
                    runLocation = SourceLocation(line: line, column: column)
                    out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                    column += 1
                }
                i += 1
                continue
            }
            flushRun(i)
            let b = bytes[i]
            out.append(contentsOf: bytes[i..<(i + len)])
            if b == 10 { line += 1; column = 1 } else if b == 13 {
                if i + 1 < n, bytes[i + 1] == 10 { } else { line += 1; column = 1 }
            } else { column += 1 }
            i += len
        }
        flushRun(n)
        if repairs > maximumReportedRepairs {
            diagnostics.append(Diagnostic(.warning, code: code + ".invalid-utf8",
                "\(repairs - maximumReportedRepairs) more invalid UTF-8 sequences replaced with U+FFFD, the first at \(firstUnreported ?? runLocation)",
                at: firstUnreported ?? runLocation))
        }
        return DecodedText(text: String(decoding: out, as: UTF8.self), encoding: .utf8, diagnostics: diagnostics)
    }

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, littleEndian: Bool, code: String) -> DecodedText {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var i = bytes.startIndex
        while i + 1 < bytes.endIndex {
            let a = UInt16(bytes[i]), b = UInt16(bytes[i + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            i += 2
        }
        var diagnostics: [Diagnostic] = []
        if bytes.count % 2 == 1 {
            diagnostics.append(Diagnostic(.warning, code: code + ".odd-utf16-length",
                "UTF-16 input has an odd number of bytes; the last byte was dropped",
                at: SourceLocation(line: units.reduce(1) { $0 + ($1 == 0x0A ? 1 : 0) })))
        }
        var unpaired = 0
        var k = 0
        var unitLine = 1
        var firstUnpairedLine = 1
        while k < units.count {
            let u = units[k]
            if u == 0x0A { unitLine += 1 }
            if unpaired == 0 { firstUnpairedLine = unitLine }
            if u >= 0xD800 && u <= 0xDBFF {
                if k + 1 < units.count, units[k + 1] >= 0xDC00, units[k + 1] <= 0xDFFF { k += 2; continue }
                unpaired += 1
            } else if u >= 0xDC00 && u <= 0xDFFF { unpaired += 1 }
            k += 1
        }
        if unpaired > 0 {
            diagnostics.append(Diagnostic(.warning, code: code + ".invalid-utf16",
                "\(unpaired) unpaired UTF-16 surrogates replaced with U+FFFD", at: SourceLocation(line: firstUnpairedLine)))
        }
        return DecodedText(text: String(decoding: units, as: UTF16.self),
                           encoding: littleEndian ? .utf16LE : .utf16BE, diagnostics: diagnostics)
    }

    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func decodeSingleByte(_ bytes: ArraySlice<UInt8>, windows: Bool) -> DecodedText {
        var s = String.UnicodeScalarView()
        for b in bytes {
            let v: UInt32 = (windows && b >= 0x80 && b <= 0x9F) ? cp1252High[Int(b) - 0x80] : UInt32(b)
            s.append(Unicode.Scalar(v) ?? "\u{FFFD}")
        }
        return DecodedText(text: String(s), encoding: windows ? .windows1252 : .latin1)
    }

    /// UTF-16 without BOM: many NUL bytes at even or odd positions among the first KB.
    static func looksLikeUTF16(_ bytes: [UInt8]) -> Bool? {
        let sample = bytes.prefix(2048)
        guard sample.count >= 4 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for (i, b) in sample.enumerated() where b == 0 {
            if i % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
        }
        let pairs = sample.count / 2
        if oddZeros * 10 >= pairs * 3 && evenZeros * 10 < pairs { return true }
        if evenZeros * 10 >= pairs * 3 && oddZeros * 10 < pairs { return false }
        return nil
    }

    /// Single-byte text: high bytes stand alone (not in UTF-8 sequence shapes) most of the time.
    static func looksLikeSingleByte(_ bytes: [UInt8]) -> Bool {
        var high = 0, lone = 0, valid = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b >= 0x80 {
                high += 1
                let len = sequenceLength(bytes, i)
                if len == 0 { lone += 1; i += 1; continue }
                valid += 1
                i += len
                continue
            }
            i += 1
        }
        return lone > 0 && valid == 0
    }
}
