// swift-meeting-notes · MeetingModel

import Foundation

/// Turns what Foundation's JSON decoders report about an error into a ``SourceLocation`` in the input.
///
/// - Syntax errors: swift-corelibs-foundation's `JSONDecoder` (Swift 6.3, Linux) says only "The given data was
///   not valid JSON." with no underlying error, so the bytes are given to `JSONSerialization`, whose
///   `NSDebugDescription` names a 0-based byte offset ("Invalid value around character 31.", "Invalid UTF-8
///   sequence 2 bytes starting from character 7.") or the end of the input ("Unexpected end of file during JSON
///   parse."). The offset becomes a line and a column.
/// - Type, key and value errors (`DecodingError` with a coding path): a small linear scanner walks the JSON text
///   along the coding path and reports where that value (for a missing key, the object that lacks it) starts.
///
/// Lines count LF; columns count Unicode scalars, like every ``SourceLocation``. Iterative and linear in the
/// input: no recursion, however deep the JSON.
struct JSONLocator {
    let bytes: [UInt8]

    /// What went wrong and where: the message (one line) and the location.
    func describe(_ error: any Error) -> (message: String, location: SourceLocation) {
        guard let error = error as? DecodingError else {
            return ("\(error)".replacingOccurrences(of: "\n", with: " "), location(ofByte: 0))
        }
        switch error {
        case .dataCorrupted(let c) where c.codingPath.isEmpty:
            let (message, offset) = syntaxError()
            return ("invalid JSON: " + message, location(ofByte: offset))
        case .dataCorrupted(let c):
            return ("bad value at \(Self.pathString(c.codingPath)): \(c.debugDescription)", location(ofValueAt: c.codingPath))
        case .typeMismatch(_, let c):
            return ("wrong type at \(Self.pathString(c.codingPath)): \(c.debugDescription)", location(ofValueAt: c.codingPath))
        case .valueNotFound(_, let c):
            return ("missing value at \(Self.pathString(c.codingPath)): \(c.debugDescription)", location(ofValueAt: c.codingPath))
        case .keyNotFound(let key, let c):
            let container = c.codingPath.isEmpty ? "the top-level object" : Self.pathString(c.codingPath)
            return ("missing key \"\(key.stringValue)\" in \(container)", location(ofValueAt: c.codingPath))
        @unknown default:
            return ("\(error)".replacingOccurrences(of: "\n", with: " "), location(ofByte: 0))
        }
    }

    /// "agenda[0].items[2].start", or "the top level".
    static func pathString(_ path: [any CodingKey]) -> String {
        var s = ""
        for key in path {
            if let i = key.intValue, key.stringValue.hasPrefix("Index ") || key.stringValue == "\(i)" {
                s += "[\(i)]"
            } else {
                s += (s.isEmpty ? "" : ".") + key.stringValue
            }
        }
        return s.isEmpty ? "the top level" : s
    }

    // MARK: Syntax errors

    /// What is wrong and the byte offset where: this type's own check of the JSON grammar
    /// (``firstSyntaxError()``) when it finds the fault, so the message and place are the same on every platform
    /// and exact where Foundation's are vague ("end of file" for `tru`, no place at all for `1e999`); otherwise
    /// Foundation's message and the offset it names (the end of the input for "end of file" messages; the first
    /// byte when it names none), e.g. for nesting deeper than Foundation accepts.
    func syntaxError() -> (message: String, offset: Int) {
        if let fault = firstSyntaxError() { return (fault.reason, fault.offset) }
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
        } catch {
            let ns = error as NSError
            let text = (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
            let message = text.replacingOccurrences(of: "\n", with: " ")
            if let offset = Self.characterOffset(in: text) { return (message, min(max(offset, 0), bytes.count)) }
            if text.localizedCaseInsensitiveContains("end of file") { return (message, bytes.count) }
            return (message, 0)
        }
        // JSONSerialization accepted what JSONDecoder did not: no better place than the start.
        return ("the decoder rejected the JSON text", 0)
    }

    /// The first byte at which `bytes` stop being one JSON text (RFC 8259, any value at the top, an optional
    /// UTF-8 byte order mark, and like Foundation a trailing comma before `]` or `}`), and why; `nil` when they are
    /// JSON. Strings must be valid UTF-8 without control characters or lone surrogate escapes, and numbers must
    /// fit a `Double`, as Foundation requires. One pass,
    /// iterative (an explicit stack of open containers), so any depth and any size are safe.
    func firstSyntaxError() -> (offset: Int, reason: String)? {
        enum Expect { case value, valueOrClose, key, keyOrClose, colon, commaOrClose, end }
        let n = bytes.count
        var i = 0
        if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        var inObject: [Bool] = []   // the open containers, innermost last: true for an object, false for an array
        var expect = Expect.value
        while true {
            i = skipSpace(i)
            guard i < n else {
                if expect == .end { return nil }
                return (n, inObject.isEmpty && expect == .value ? "there is no JSON value" : "the JSON text ends early")
            }
            let b = bytes[i]
            switch expect {
            case .end:
                return (i, "unexpected text after the JSON value")
            case .colon:
                guard b == UInt8(ascii: ":") else { return (i, "expected ':' after an object key") }
                i += 1
                expect = .value
            case .commaOrClose:
                let object = inObject.last ?? false
                if b == UInt8(ascii: ",") {
                    i += 1
                    expect = object ? .keyOrClose : .valueOrClose   // Foundation accepts a trailing comma
                } else if b == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    inObject.removeLast()
                    i += 1
                    expect = inObject.isEmpty ? .end : .commaOrClose
                } else {
                    return (i, object ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array")
                }
            case .key, .keyOrClose:
                if b == UInt8(ascii: "}"), expect == .keyOrClose {
                    inObject.removeLast()
                    i += 1
                    expect = inObject.isEmpty ? .end : .commaOrClose
                } else if b == UInt8(ascii: "\"") {
                    switch scanString(i) {
                    case .success(let end): i = end
                    case .failure(let fault): return (fault.offset, fault.reason)
                    }
                    expect = .colon
                } else {
                    return (i, "expected a string as an object key")
                }
            case .value, .valueOrClose:
                if b == UInt8(ascii: "]"), expect == .valueOrClose {
                    inObject.removeLast()
                    i += 1
                    expect = inObject.isEmpty ? .end : .commaOrClose
                    continue
                }
                switch b {
                case UInt8(ascii: "{"):
                    inObject.append(true)
                    i += 1
                    expect = .keyOrClose
                    continue
                case UInt8(ascii: "["):
                    inObject.append(false)
                    i += 1
                    expect = .valueOrClose
                    continue
                case UInt8(ascii: "\""):
                    switch scanString(i) {
                    case .success(let end): i = end
                    case .failure(let fault): return (fault.offset, fault.reason)
                    }
                case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    switch scanNumber(i) {
                    case .success(let end): i = end
                    case .failure(let fault): return (fault.offset, fault.reason)
                    }
                case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                    let word: [UInt8] = b == UInt8(ascii: "t") ? Array("true".utf8)
                        : b == UInt8(ascii: "f") ? Array("false".utf8) : Array("null".utf8)
                    guard i + word.count <= n, bytes[i..<(i + word.count)].elementsEqual(word) else {
                        return (i, "invalid literal (expected true, false or null)")
                    }
                    i += word.count
                default:
                    return (i, "expected a value")
                }
                expect = inObject.isEmpty ? .end : .commaOrClose
            }
        }
    }

    /// A fault found by the grammar check: where and why.
    struct SyntaxFault: Error {
        var offset: Int
        var reason: String
    }

    /// The index after the string whose opening quote is at `start`, or the first fault in it.
    private func scanString(_ start: Int) -> Result<Int, SyntaxFault> {
        let n = bytes.count
        var i = start + 1
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= n else { return nil }
            var v: UInt32 = 0
            for k in at..<(at + 4) {
                let c = bytes[k]
                let d: UInt8
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = c - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = c - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = c - UInt8(ascii: "A") + 10
                default: return nil
                }
                v = v << 4 | UInt32(d)
            }
            return v
        }
        while i < n {
            let c = bytes[i]
            switch c {
            case UInt8(ascii: "\""):
                return .success(i + 1)
            case UInt8(ascii: "\\"):
                guard i + 1 < n else {
                    i = n   // a backslash as the last byte: the string never ends
                    continue
                }
                switch bytes[i + 1] {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                     UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    i += 2
                case UInt8(ascii: "u"):
                    guard let v = hex4(i + 2) else { return .failure(SyntaxFault(offset: i, reason: "\\u must be followed by four hex digits")) }
                    if (0xDC00...0xDFFF).contains(v) {
                        return .failure(SyntaxFault(offset: i, reason: "a low surrogate escape without a high one before it"))
                    }
                    if (0xD800...0xDBFF).contains(v) {
                        guard i + 7 < n, bytes[i + 6] == UInt8(ascii: "\\"), bytes[i + 7] == UInt8(ascii: "u"),
                              let low = hex4(i + 8), (0xDC00...0xDFFF).contains(low) else {
                            return .failure(SyntaxFault(offset: i, reason: "a high surrogate escape without a low one after it"))
                        }
                        i += 12
                    } else {
                        i += 6
                    }
                default:
                    return .failure(SyntaxFault(offset: i, reason: "invalid escape in a string"))
                }
            case 0x00..<0x20:
                return .failure(SyntaxFault(offset: i, reason: "a control character (U+\(String(format: "%04X", Int(c)))) inside a string must be escaped"))
            case 0x80...:
                // The standard library's UTF-8 parser says how long the scalar starting here is, or that it is not one.
                var rest = bytes[i...].makeIterator()
                var parser = Unicode.UTF8.ForwardParser()
                guard case .valid(let scalar) = parser.parseScalar(from: &rest) else {
                    return .failure(SyntaxFault(offset: i, reason: "invalid UTF-8 in a string"))
                }
                i += scalar.count
            default:
                i += 1
            }
        }
        let opened = location(ofByte: start)
        return .failure(SyntaxFault(offset: n, reason: "the string that starts at line \(opened.line), column \(opened.column) never ends"))
    }

    /// The index after the number starting at `start`, or the first fault in it (a malformed number, or one too
    /// large for a `Double`).
    private func scanNumber(_ start: Int) -> Result<Int, SyntaxFault> {
        let n = bytes.count
        var i = start
        func isDigit(_ k: Int) -> Bool { k < n && bytes[k] >= UInt8(ascii: "0") && bytes[k] <= UInt8(ascii: "9") }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard isDigit(i) else { return .failure(SyntaxFault(offset: i, reason: "expected a digit in a number")) }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { while isDigit(i) { i += 1 } }
        if i < n, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard isDigit(i) else { return .failure(SyntaxFault(offset: i, reason: "expected a digit after the decimal point")) }
            while isDigit(i) { i += 1 }
        }
        if i < n, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < n, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard isDigit(i) else { return .failure(SyntaxFault(offset: i, reason: "expected a digit in the exponent")) }
            while isDigit(i) { i += 1 }
        }
        let text = String(decoding: bytes[start..<i], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            return .failure(SyntaxFault(offset: start, reason: "the number \(text) is too large to represent"))
        }
        return .success(i)
    }

    /// The number after "character " in a Foundation JSON message.
    static func characterOffset(in text: String) -> Int? {
        guard let r = text.range(of: "character ") else { return nil }
        let digits = text[r.upperBound...].prefix { $0.isASCII && $0.isNumber }
        return Int(digits)
    }

    // MARK: Positions

    /// The line and column of the byte at `offset` (0-based; `bytes.count` is the position after the last byte).
    func location(ofByte offset: Int) -> SourceLocation {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var column = 1
        var i = 0
        while i < end {
            let b = bytes[i]
            if b == 0x0A {
                line += 1
                column = 1
            } else if b & 0xC0 != 0x80 {
                column += 1   // a scalar starts here (continuation bytes do not count)
            }
            i += 1
        }
        return SourceLocation(line: line, column: column)
    }

    /// Where the value at `path` starts; as deep as the path could be followed when part of it is absent.
    func location(ofValueAt path: [any CodingKey]) -> SourceLocation {
        location(ofByte: offset(ofValueAt: path))
    }

    func offset(ofValueAt path: [any CodingKey]) -> Int {
        var i = skipSpace(0)
        for key in path {
            guard i < bytes.count else { return i }
            let container = i
            guard let next = child(of: i, key: key) else { return container }
            i = next
        }
        return i
    }

    /// The start of the member `key` of the object at `i`, or of element `key.intValue` of the array at `i`.
    private func child(of start: Int, key: any CodingKey) -> Int? {
        let n = bytes.count
        if bytes[start] == UInt8(ascii: "{") {
            var i = skipSpace(start + 1)
            while i < n, bytes[i] == UInt8(ascii: "\"") {
                let keyEnd = skipString(i)
                let name = keyText(i, keyEnd)
                i = skipSpace(keyEnd)
                guard i < n, bytes[i] == UInt8(ascii: ":") else { return nil }
                i = skipSpace(i + 1)
                if name == key.stringValue { return i }
                i = skipSpace(skipValue(i))
                guard i < n, bytes[i] == UInt8(ascii: ",") else { return nil }
                i = skipSpace(i + 1)
            }
            return nil
        }
        if bytes[start] == UInt8(ascii: "["), let index = key.intValue {
            var i = skipSpace(start + 1)
            var k = 0
            while i < n, bytes[i] != UInt8(ascii: "]") {
                if k == index { return i }
                i = skipSpace(skipValue(i))
                guard i < n, bytes[i] == UInt8(ascii: ",") else { return nil }
                i = skipSpace(i + 1)
                k += 1
            }
        }
        return nil
    }

    private func skipSpace(_ start: Int) -> Int {
        var i = start
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// The index after the string starting (with its quote) at `start`.
    private func skipString(_ start: Int) -> Int {
        var i = start + 1
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "\\") { i += 2; continue }
            if bytes[i] == UInt8(ascii: "\"") { return i + 1 }
            i += 1
        }
        return bytes.count
    }

    /// The index after the value starting at `start`: a string, an object or array (brackets counted, strings
    /// skipped, no recursion) or a literal/number.
    private func skipValue(_ start: Int) -> Int {
        let n = bytes.count
        guard start < n else { return n }
        switch bytes[start] {
        case UInt8(ascii: "\""): return skipString(start)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var i = start
            while i < n {
                switch bytes[i] {
                case UInt8(ascii: "\""): i = skipString(i); continue
                case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 { return i + 1 }
                default: break
                }
                i += 1
            }
            return n
        default:
            var i = start
            while i < n, !(bytes[i] == UInt8(ascii: ",") || bytes[i] == UInt8(ascii: "}") || bytes[i] == UInt8(ascii: "]")
                           || bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) { i += 1 }
            return i
        }
    }

    /// The text of the key string `bytes[start..<end]` (quotes included), escapes resolved.
    private func keyText(_ start: Int, _ end: Int) -> String {
        let raw = bytes[start..<end]
        if !raw.contains(UInt8(ascii: "\\")) {
            return String(decoding: raw.dropFirst().dropLast(), as: UTF8.self)
        }
        return (try? JSONDecoder().decode(String.self, from: Data(raw))) ?? String(decoding: raw, as: UTF8.self)
    }
}
