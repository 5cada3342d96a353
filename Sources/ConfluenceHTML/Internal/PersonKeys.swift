// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// ``Person/MatchKeys`` with every string replaced by its id in one ``PersonKeyTable``: comparing two keys compares
/// integers, not strings. Ids are those of one table (the same string always has the same id there, and two
/// different strings never share one), so `a.matches(b)` is exactly `a`'s person's `matchKeys.matches` of `b`'s
/// for keys made by the same table.
struct FoldedKeys: Equatable {
    /// Id of the account id, -1 when there is none.
    var accountID: Int32 = -1
    /// Id of the lower-cased user key, -1 when there is none.
    var userKey: Int32 = -1
    /// Id of the lower-cased username, -1 when there is none.
    var username: Int32 = -1
    /// Id of the normalised name.
    var name: Int32 = -1
    /// Ids of the normalised aliases (usually none: no allocation).
    var aliases: [Int32] = []

    /// `Person.MatchKeys.matches`, on ids: the names are the name followed by the aliases.
    func matches(_ other: FoldedKeys) -> Bool {
        if accountID >= 0, other.accountID >= 0 { return accountID == other.accountID }
        if userKey >= 0, other.userKey >= 0 { return userKey == other.userKey }
        if username >= 0, username == other.username { return true }
        if other.holdsName(name) { return true }
        for a in aliases where other.holdsName(a) { return true }
        if username >= 0, other.holdsName(username) { return true }
        if other.username >= 0, holdsName(other.username) { return true }
        return false
    }

    /// Whether `id` is the name or one of the aliases.
    @inline(__always)
    func holdsName(_ id: Int32) -> Bool {
        id == name || (!aliases.isEmpty && aliases.contains(id))
    }
}

/// The ``FoldedKeys`` of each person met, and the ids of the strings folded for them.
///
/// Each worker thread keeps one table across imports (``forCurrentThread()``): the people of a Confluence space
/// recur on every page, so their names are folded once per thread, not once per page; no lock is taken and two
/// workers never share a table. A table holding more than ``personLimit`` people or ``stringLimit`` strings is
/// replaced by an empty one when the next import starts (never during an import, whose ids must stay stable).
/// Only one thread ever uses a table, and no access to a property overlaps another (no property is passed
/// `inout` or read while a call that mutates it runs): the properties are `@exclusivity(unchecked)`.
final class PersonKeyTable {
    static let personLimit = 4096
    static let stringLimit = 16384

    /// String → id (folded names, lower-cased usernames and user keys, account ids share one id space).
    @exclusivity(unchecked) private(set) var ids: [String: Int32] = [:]
    /// The people met, in the order first met; `keys[i]` are `people[i]`'s.
    @exclusivity(unchecked) private(set) var people: [Person] = []
    @exclusivity(unchecked) private(set) var keys: [FoldedKeys] = []
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Open addressing: index in `people` + 1, 0 for an empty slot. Power-of-two size.
    @exclusivity(unchecked) private var slots: [Int32] = Array(repeating: 0, count: 64)

    init() {}

    var isOverLimit: Bool { people.count > Self.personLimit || ids.count > Self.stringLimit }

    func intern(_ s: String) -> Int32 {
        if let id = ids[s] { return id }
        let id = Int32(ids.count)
        ids[s] = id
        return id
    }

    /// A cheap hash of the name's bytes (people sharing a name are told apart by `==`). Names that are equal as
    /// `String`s (canonically equivalent: "e\u{301}" and "é", "\u{212A}im" and "Kim") must hash alike: an ASCII
    /// string without "K", ";" and "`" equals no other string (no other character decomposes to ASCII alone), so
    /// its bytes are hashed; any other name is hashed by `String`'s own, canonical, hashing.
    @inline(__always)
    static func hash(_ name: String) -> UInt64 {
        var copy = name
        let bytes: UInt64? = copy.withUTF8 { u in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            for b in u {
                if b >= 0x80 || b == 0x4B || b == 0x3B || b == 0x60 { return nil }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
            }
            return h ^ (h >> 29)
        }
        return bytes ?? UInt64(UInt(bitPattern: name.hashValue))
    }

    /// The index of `p` in ``people`` (added, with its keys folded, when first met).
    func entry(_ p: Person) -> Int {
        let h = Self.hash(p.name)
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = Int(slots[i])
            if s == 0 { break }
            if hashes[s - 1] == h, people[s - 1] == p { return s - 1 }
            i = (i + 1) & mask
        }
        let e = people.count
        people.append(p)
        hashes.append(h)
        keys.append(fold(p))
        slots[i] = Int32(e + 1)
        if people.count * 2 > slots.count { grow() }
        return e
    }

    /// `p`'s keys.
    func keys(_ p: Person) -> FoldedKeys {
        let e = entry(p)   // may append to `keys`: done before `keys` is read
        return keys[e]
    }

    /// `p.matchKeys` with each string interned.
    func fold(_ p: Person) -> FoldedKeys {
        let m = p.matchKeys
        var k = FoldedKeys()
        if let a = m.accountID { k.accountID = intern(a) }
        if let u = m.userKey { k.userKey = intern(u) }
        if let u = m.username { k.username = intern(u) }
        k.name = intern(m.names[0])
        if m.names.count > 1 { k.aliases = m.names.dropFirst().map(intern) }
        return k
    }

    private func grow() {
        var new = [Int32](repeating: 0, count: slots.count * 2)
        let mask = new.count - 1
        for e in people.indices {
            var i = Int(truncatingIfNeeded: hashes[e]) & mask
            while new[i] != 0 { i = (i + 1) & mask }
            new[i] = Int32(e + 1)
        }
        slots = new
    }

    /// This thread's table (a new one when the last grew past its limits, or when the platform has no
    /// thread-specific storage left).
    static func forCurrentThread() -> PersonKeyTable {
        guard let key = threadKey else { return PersonKeyTable() }
        if let raw = pthread_getspecific(key) {
            let table = Unmanaged<PersonKeyTable>.fromOpaque(raw).takeUnretainedValue()
            if !table.isOverLimit { return table }
            _ = pthread_setspecific(key, nil)
            Unmanaged<PersonKeyTable>.fromOpaque(raw).release()
        }
        let table = PersonKeyTable()
        if pthread_setspecific(key, Unmanaged.passRetained(table).toOpaque()) != 0 {
            Unmanaged.passUnretained(table).release()   // not stored: this import's own table
        }
        return table
    }

    /// The thread-specific slot holding each thread's table (released when the thread ends).
    private static let threadKey: pthread_key_t? = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        let made = pthread_key_create(&key) { raw in Unmanaged<PersonKeyTable>.fromOpaque(raw).release() }
        #else
        let made = pthread_key_create(&key) { raw in
            if let raw { Unmanaged<PersonKeyTable>.fromOpaque(raw).release() }
        }
        #endif
        return made == 0 ? key : nil
    }()
}

/// One `String` per distinct run of text: `collapseWhitespace(bytes, trim:)` for runs that have nothing to
/// collapse, drop or trim (most), shared by every later run of the same bytes. Long pages repeat the same
/// sentences on many rows ("share the processing backlog."): each repeat would be a string of its own, alive in
/// the model. Only runs too long for a small (inline) string and of at most ``longest`` bytes are kept.
///
/// Each worker thread keeps one memo across imports (the pages of a space share their phrasing too), replaced by
/// an empty one when an import starts and the memo holds more than ``byteLimit`` bytes or ``countLimit`` runs.
/// Only its thread uses it, and no access to a property overlaps another: the properties are
/// `@exclusivity(unchecked)`.
final class TextMemo {
    static let longest = 1024
    /// Kept small: the memo outlives the import. With 4 MB and 65,536 runs the peak RSS of `meeting-notes actions`
    /// over 2,000 storage pages rose by 13 MB (two workers holding their texts); with these, by ≈ 2.7 MB (128 KB
    /// and 2,048 runs: ≈ 0.6 MB, but 10 M more instructions over 200 pages). One import alone may grow it past them.
    static let byteLimit = 512 << 10
    static let countLimit = 8192

    @exclusivity(unchecked) private var values: [String] = []
    @exclusivity(unchecked) private var hashes: [UInt64] = []
    /// Open addressing: index in `values` + 1, 0 for an empty slot. Power-of-two size.
    @exclusivity(unchecked) private var slots = [Int32](repeating: 0, count: 256)
    @exclusivity(unchecked) private(set) var byteCount = 0

    init() {}

    var count: Int { values.count }
    var isOverLimit: Bool { byteCount > Self.byteLimit || values.count > Self.countLimit }

    /// `collapseWhitespace(bytes, trim: trim)`, the same string for the same clean bytes.
    func text(_ bytes: ArraySlice<UInt8>, trim: Bool) -> String {
        let n = bytes.count
        guard n > 15, n <= Self.longest else { return collapseWhitespace(bytes, trim: trim) }
        // `collapseWhitespace`'s test for a run to keep as it is, and the hash, in one pass (nil: not clean).
        let hashed: UInt64? = bytes.withUnsafeBufferPointer { u in
            var h: UInt64 = 0xcbf2_9ce4_8422_2325
            var previousSpace = trim
            var k = 0
            let end = u.count
            while k < end {
                let b = u[k]
                if b == 0x20 {
                    if previousSpace { return nil }
                    previousSpace = true
                } else {
                    if b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C
                        || (b == 0xC2 && k + 1 < end && u[k + 1] == 0xA0)
                        || (b == 0xE2 && k + 2 < end && u[k + 1] == 0x80 && u[k + 2] == 0x8B) {
                        return nil
                    }
                    previousSpace = false
                }
                h = (h ^ UInt64(b)) &* 0x100_0000_01b3
                k += 1
            }
            return h
        }
        guard let h = hashed else { return collapseWhitespace(bytes, trim: trim) }
        if trim && bytes.last == 0x20 { return collapseWhitespace(bytes, trim: trim) }
        // Clean: the string is the bytes as they are (repaired when they are not UTF-8; such a string's bytes
        // differ from the run's, so a later run of the same bytes misses and is decoded again).
        let mask = slots.count - 1
        var i = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        while slots[i] != 0 {
            let e = Int(slots[i]) - 1
            if hashes[e] == h {
                var s = values[e]
                if s.utf8.count == n, s.withUTF8({ a in bytes.withUnsafeBufferPointer { b in
                    guard let x = a.baseAddress, let y = b.baseAddress else { return false }
                    return memcmp(x, y, n) == 0
                } }) { return s }
            }
            i = (i + 1) & mask
        }
        let s = String(decoding: bytes, as: UTF8.self)
        values.append(s)
        hashes.append(h)
        byteCount += n
        slots[i] = Int32(values.count)
        if values.count * 2 > slots.count {
            var new = [Int32](repeating: 0, count: slots.count * 2)
            let m = new.count - 1
            for e in hashes.indices {
                var j = Int(truncatingIfNeeded: hashes[e] ^ (hashes[e] >> 29)) & m
                while new[j] != 0 { j = (j + 1) & m }
                new[j] = Int32(e + 1)
            }
            slots = new
        }
        return s
    }

    /// This thread's memo (a new one when the last outgrew its limits, or when the platform has no
    /// thread-specific storage left).
    static func forCurrentThread() -> TextMemo {
        guard let key = threadKey else { return TextMemo() }
        if let raw = pthread_getspecific(key) {
            let memo = Unmanaged<TextMemo>.fromOpaque(raw).takeUnretainedValue()
            if !memo.isOverLimit { return memo }
            _ = pthread_setspecific(key, nil)
            Unmanaged<TextMemo>.fromOpaque(raw).release()
        }
        let memo = TextMemo()
        if pthread_setspecific(key, Unmanaged.passRetained(memo).toOpaque()) != 0 {
            Unmanaged.passUnretained(memo).release()   // not stored: this import's own memo
        }
        return memo
    }

    /// The thread-specific slot holding each thread's memo (released when the thread ends).
    private static let threadKey: pthread_key_t? = {
        var key = pthread_key_t()
        #if canImport(Darwin)
        let made = pthread_key_create(&key) { raw in Unmanaged<TextMemo>.fromOpaque(raw).release() }
        #else
        let made = pthread_key_create(&key) { raw in
            if let raw { Unmanaged<TextMemo>.fromOpaque(raw).release() }
        }
        #endif
        return made == 0 ? key : nil
    }()
}
