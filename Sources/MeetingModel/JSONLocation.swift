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

    /// Foundation's message and the byte offset it names (the end of the input for "end of file" messages; the
    /// first byte when it names none).
    func syntaxError() -> (message: String, offset: Int) {
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
