// The canonical JSON writer behind `MeetingJSON`: the model's own `encode(to:)` methods, driven by an `Encoder`
// that builds a small tree and writes it in one pass, with the bytes `JSONEncoder` writes for
// `[.sortedKeys, .withoutEscapingSlashes]` (and `.prettyPrinted`): keys in UTF-8 byte order, `"key" : value` and
// two-space indentation when pretty, an empty array or object as "[\n\n]" / "{\n\n}" there, `"`, `\`, `\b`, `\f`,
// `\n`, `\r`, `\t` and the other C0 controls (`\u001f`) escaped, everything else as it is.
//
// It serves what the model encodes: strings, integers, booleans, null, arrays and objects. Anything else (a
// floating-point number, a value that encodes nothing) makes it give up, and `MeetingJSON` asks `JSONEncoder`,
// so the bytes are the same whatever is encoded. The tests compare both on every fixture and on random models.

import Foundation

/// A JSON value under construction. Objects and arrays are boxes: a nested container is handed out before
/// it is filled.
enum CanonicalJSONNode {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case string(String)
    case object(CanonicalJSONObject)
    case array(CanonicalJSONArray)
}

final class CanonicalJSONObject {
    var keys: [String] = []
    var values: [CanonicalJSONNode] = []
}

final class CanonicalJSONArray {
    var items: [CanonicalJSONNode] = []
}

/// Why the fast writer gave up (never shown: `JSONEncoder` takes over).
struct CanonicalJSONUnsupported: Error {}

/// The `Encoder` that builds a ``CanonicalJSONNode`` tree from `encode(to:)` calls.
final class CanonicalJSONEncoder: Encoder {
    private let parent: CanonicalJSONEncoder?
    private let key: (any CodingKey)?
    /// What this encoder's value became; nil until a container or single value is asked for.
    var node: CanonicalJSONNode?

    init(parent: CanonicalJSONEncoder? = nil, key: (any CodingKey)? = nil) {
        self.parent = parent
        self.key = key
    }

    var codingPath: [any CodingKey] {
        var path: [any CodingKey] = []
        var e: CanonicalJSONEncoder? = self
        while let current = e {
            if let key = current.key { path.append(key) }
            e = current.parent
        }
        return path.reversed()
    }

    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, object: objectBox()))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(encoder: self, array: arrayBox())
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleContainer(encoder: self)
    }

    private func objectBox() -> CanonicalJSONObject {
        if case .object(let box)? = node { return box }
        let box = CanonicalJSONObject()
        node = .object(box)
        return box
    }

    private func arrayBox() -> CanonicalJSONArray {
        if case .array(let box)? = node { return box }
        let box = CanonicalJSONArray()
        node = .array(box)
        return box
    }

    /// The node for one value; the scalar types the model uses are taken without an encoder of their own.
    static func node<T: Encodable>(for value: T, parent: CanonicalJSONEncoder, key: (any CodingKey)?) throws -> CanonicalJSONNode {
        if T.self == String.self, let s = value as? String { return .string(s) }
        if T.self == Int.self, let i = value as? Int { return .int(Int64(i)) }
        if T.self == Bool.self, let b = value as? Bool { return .bool(b) }
        let encoder = CanonicalJSONEncoder(parent: parent, key: key)
        try value.encode(to: encoder)
        guard let node = encoder.node else { throw CanonicalJSONUnsupported() }
        return node
    }

    /// Encodes a value to a tree.
    static func tree<T: Encodable>(_ value: T) throws -> CanonicalJSONNode {
        let encoder = CanonicalJSONEncoder()
        try value.encode(to: encoder)
        guard let node = encoder.node else { throw CanonicalJSONUnsupported() }
        return node
    }

    // MARK: Containers

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: CanonicalJSONEncoder
        let object: CanonicalJSONObject
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func set(_ node: CanonicalJSONNode, _ key: Key) {
            object.keys.append(key.stringValue)
            object.values.append(node)
        }

        mutating func encodeNil(forKey key: Key) throws { set(.null, key) }
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(.bool(value), key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(.string(value), key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { throw CanonicalJSONUnsupported() }
        mutating func encode(_ value: Float, forKey key: Key) throws { throw CanonicalJSONUnsupported() }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(.int(Int64(value)), key) }
        mutating func encode(_ value: Int8, forKey key: Key) throws { set(.int(Int64(value)), key) }
        mutating func encode(_ value: Int16, forKey key: Key) throws { set(.int(Int64(value)), key) }
        mutating func encode(_ value: Int32, forKey key: Key) throws { set(.int(Int64(value)), key) }
        mutating func encode(_ value: Int64, forKey key: Key) throws { set(.int(value), key) }
        mutating func encode(_ value: UInt, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt8, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt16, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt32, forKey key: Key) throws { set(.uint(UInt64(value)), key) }
        mutating func encode(_ value: UInt64, forKey key: Key) throws { set(.uint(value), key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try CanonicalJSONEncoder.node(for: value, parent: encoder, key: key), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let box = CanonicalJSONObject()
            set(.object(box), key)
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: CanonicalJSONEncoder(parent: encoder, key: key),
                                                                    object: box))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let box = CanonicalJSONArray()
            set(.array(box), key)
            return UnkeyedContainer(encoder: CanonicalJSONEncoder(parent: encoder, key: key), array: box)
        }

        mutating func superEncoder() -> any Encoder { SuperEncoder(object: object, key: "super", parent: encoder) }
        mutating func superEncoder(forKey key: Key) -> any Encoder {
            SuperEncoder(object: object, key: key.stringValue, parent: encoder)
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: CanonicalJSONEncoder
        let array: CanonicalJSONArray
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int { array.items.count }

        private var indexKey: IndexKey { IndexKey(intValue: array.items.count) }

        mutating func encodeNil() throws { array.items.append(.null) }
        mutating func encode(_ value: Bool) throws { array.items.append(.bool(value)) }
        mutating func encode(_ value: String) throws { array.items.append(.string(value)) }
        mutating func encode(_ value: Double) throws { throw CanonicalJSONUnsupported() }
        mutating func encode(_ value: Float) throws { throw CanonicalJSONUnsupported() }
        mutating func encode(_ value: Int) throws { array.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { array.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { array.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { array.items.append(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { array.items.append(.int(value)) }
        mutating func encode(_ value: UInt) throws { array.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { array.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { array.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { array.items.append(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { array.items.append(.uint(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            array.items.append(try CanonicalJSONEncoder.node(for: value, parent: encoder, key: indexKey))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let box = CanonicalJSONObject()
            let key = indexKey
            array.items.append(.object(box))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: CanonicalJSONEncoder(parent: encoder, key: key),
                                                                    object: box))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let box = CanonicalJSONArray()
            let key = indexKey
            array.items.append(.array(box))
            return UnkeyedContainer(encoder: CanonicalJSONEncoder(parent: encoder, key: key), array: box)
        }

        mutating func superEncoder() -> any Encoder {
            // Rare and not used by the model: not supported by the fast writer.
            FailingEncoder(codingPath: codingPath)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: CanonicalJSONEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func set(_ node: CanonicalJSONNode) throws {
            // A second value for the same single-value container is a programming error JSONEncoder traps on.
            guard encoder.node == nil else { throw CanonicalJSONUnsupported() }
            encoder.node = node
        }

        mutating func encodeNil() throws { try set(.null) }
        mutating func encode(_ value: Bool) throws { try set(.bool(value)) }
        mutating func encode(_ value: String) throws { try set(.string(value)) }
        mutating func encode(_ value: Double) throws { throw CanonicalJSONUnsupported() }
        mutating func encode(_ value: Float) throws { throw CanonicalJSONUnsupported() }
        mutating func encode(_ value: Int) throws { try set(.int(Int64(value))) }
        mutating func encode(_ value: Int8) throws { try set(.int(Int64(value))) }
        mutating func encode(_ value: Int16) throws { try set(.int(Int64(value))) }
        mutating func encode(_ value: Int32) throws { try set(.int(Int64(value))) }
        mutating func encode(_ value: Int64) throws { try set(.int(value)) }
        mutating func encode(_ value: UInt) throws { try set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt8) throws { try set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt16) throws { try set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt32) throws { try set(.uint(UInt64(value))) }
        mutating func encode(_ value: UInt64) throws { try set(.uint(value)) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            guard encoder.node == nil else { throw CanonicalJSONUnsupported() }
            // The value's own containers land on this encoder (as JSONEncoder does).
            try value.encode(to: encoder)
            guard encoder.node != nil else { throw CanonicalJSONUnsupported() }
        }
    }

    /// `superEncoder(forKey:)`: an encoder whose value becomes the key's entry once it is done; done here when
    /// asked for, since the entry must exist before the object is written.
    private final class SuperEncoder: Encoder {
        let inner: CanonicalJSONEncoder
        init(object: CanonicalJSONObject, key: String, parent: CanonicalJSONEncoder) {
            inner = CanonicalJSONEncoder(parent: parent, key: IndexKey(stringValue: key))
            let box = CanonicalJSONObject()
            inner.node = .object(box)
            object.keys.append(key)
            object.values.append(.object(box))
        }
        var codingPath: [any CodingKey] { inner.codingPath }
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> { inner.container(keyedBy: type) }
        // Anything but an object under a super key is left to JSONEncoder.
        func unkeyedContainer() -> any UnkeyedEncodingContainer { FailingEncoder(codingPath: codingPath).unkeyedContainer() }
        func singleValueContainer() -> any SingleValueEncodingContainer {
            FailingEncoder(codingPath: codingPath).singleValueContainer()
        }
    }

    /// Containers whose every call gives up, for the shapes the fast writer leaves to `JSONEncoder`.
    private struct FailingEncoder: Encoder {
        var codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }
        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            KeyedEncodingContainer(FailingKeyed<Key>(codingPath: codingPath))
        }
        func unkeyedContainer() -> any UnkeyedEncodingContainer { FailingUnkeyed(codingPath: codingPath) }
        func singleValueContainer() -> any SingleValueEncodingContainer { FailingSingle(codingPath: codingPath) }
    }

    private struct FailingKeyed<Key: CodingKey>: KeyedEncodingContainerProtocol {
        var codingPath: [any CodingKey]
        mutating func encodeNil(forKey key: Key) throws { throw CanonicalJSONUnsupported() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw CanonicalJSONUnsupported() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type,
                                                            forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            FailingEncoder(codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            FailingUnkeyed(codingPath: codingPath)
        }
        mutating func superEncoder() -> any Encoder { FailingEncoder(codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { FailingEncoder(codingPath: codingPath) }
    }

    private struct FailingUnkeyed: UnkeyedEncodingContainer {
        var codingPath: [any CodingKey]
        var count: Int { 0 }
        mutating func encodeNil() throws { throw CanonicalJSONUnsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw CanonicalJSONUnsupported() }
        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            FailingEncoder(codingPath: codingPath).container(keyedBy: keyType)
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { FailingEncoder(codingPath: codingPath) }
    }

    private struct FailingSingle: SingleValueEncodingContainer {
        var codingPath: [any CodingKey]
        mutating func encodeNil() throws { throw CanonicalJSONUnsupported() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw CanonicalJSONUnsupported() }
    }

    /// An array index or a literal key in a coding path.
    struct IndexKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init(intValue: Int) { self.intValue = intValue; self.stringValue = "Index \(intValue)" }
        init(stringValue: String) { self.stringValue = stringValue; self.intValue = nil }
    }
}

// MARK: - Writing

/// Writes a ``CanonicalJSONNode`` tree as `JSONEncoder` does with sorted keys and unescaped slashes.
struct CanonicalJSONWriter {
    let pretty: Bool
    var out: [UInt8] = []

    init(pretty: Bool) { self.pretty = pretty }

    mutating func write(_ node: CanonicalJSONNode, depth: Int = 0) {
        switch node {
        case .null: out.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
        case .bool(let b): out.append(contentsOf: b ? Array("true".utf8) : Array("false".utf8))
        case .int(let i): writeInteger(i)
        case .uint(let u): out.append(contentsOf: String(u).utf8)
        case .string(let s): writeString(s)
        case .array(let box): writeArray(box.items, depth: depth)
        case .object(let box): writeObject(box, depth: depth)
        }
    }

    private mutating func writeInteger(_ i: Int64) {
        if i >= 0 && i < 10 { out.append(0x30 + UInt8(i)); return }
        out.append(contentsOf: String(i).utf8)
    }

    private static let spaces = [UInt8](repeating: 0x20, count: 64)

    private mutating func indent(_ depth: Int) {
        var n = depth * 2
        while n > 0 {
            let k = min(n, 64)
            out.append(contentsOf: Self.spaces[0..<k])
            n -= k
        }
    }

    private mutating func writeArray(_ items: [CanonicalJSONNode], depth: Int) {
        out.append(0x5B)
        if pretty {
            out.append(0x0A)
            if items.isEmpty { out.append(0x0A) }
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(contentsOf: [0x2C, 0x0A]) }
                indent(depth + 1)
                write(item, depth: depth + 1)
            }
            if !items.isEmpty { out.append(0x0A) }
            indent(depth)
        } else {
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                write(item, depth: depth + 1)
            }
        }
        out.append(0x5D)
    }

    private mutating func writeObject(_ object: CanonicalJSONObject, depth: Int) {
        // Keys in UTF-8 byte order; a key given twice keeps its last value (as a dictionary would).
        let keys = object.keys
        var order = Array(keys.indices)
        var sorted = true
        for i in order.dropFirst() where !Self.precedes(keys[i - 1], keys[i]) { sorted = false; break }
        if !sorted {
            order.sort { a, b in
                if keys[a] == keys[b] { return a < b }
                return Self.precedes(keys[a], keys[b])
            }
        }
        var entries: [Int] = []
        entries.reserveCapacity(order.count)
        for i in order {
            if let last = entries.last, keys[last] == keys[i] { entries[entries.count - 1] = i } else { entries.append(i) }
        }
        out.append(0x7B)
        if pretty {
            out.append(0x0A)
            if entries.isEmpty { out.append(0x0A) }
            for (n, i) in entries.enumerated() {
                if n > 0 { out.append(contentsOf: [0x2C, 0x0A]) }
                indent(depth + 1)
                writeString(keys[i])
                out.append(contentsOf: [0x20, 0x3A, 0x20])
                write(object.values[i], depth: depth + 1)
            }
            if !entries.isEmpty { out.append(0x0A) }
            indent(depth)
        } else {
            for (n, i) in entries.enumerated() {
                if n > 0 { out.append(0x2C) }
                writeString(keys[i])
                out.append(0x3A)
                write(object.values[i], depth: depth + 1)
            }
        }
        out.append(0x7D)
    }

    /// Whether `a` comes before `b` in UTF-8 byte order (`false` when equal).
    static func precedes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a.withUTF8 { x in
            b.withUTF8 { y in
                let n = min(x.count, y.count)
                if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                    let c = memcmp(px, py, n)
                    if c != 0 { return c < 0 }
                }
                return x.count < y.count
            }
        }
    }

    private static let hex: [UInt8] = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ s: String) {
        out.append(0x22)
        var s = s
        s.withUTF8 { bytes in
            var start = 0
            for i in 0..<bytes.count {
                let b = bytes[i]
                guard b < 0x20 || b == 0x22 || b == 0x5C else { continue }
                if start < i { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i])) }
                start = i + 1
                switch b {
                case 0x22: out.append(contentsOf: [0x5C, 0x22])
                case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
                case 0x08: out.append(contentsOf: [0x5C, 0x62])
                case 0x0C: out.append(contentsOf: [0x5C, 0x66])
                case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
                case 0x0D: out.append(contentsOf: [0x5C, 0x72])
                case 0x09: out.append(contentsOf: [0x5C, 0x74])
                default:
                    out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, Self.hex[Int(b >> 4)], Self.hex[Int(b & 0x0F)]])
                }
            }
            if start < bytes.count { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])) }
        }
        out.append(0x22)
    }
}
