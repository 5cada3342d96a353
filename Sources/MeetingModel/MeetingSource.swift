// swift-meeting-notes · MeetingModel

import Foundation

/// The bytes of one page to import, with what is known about where they came from.
public struct SourceInput: Sendable, Hashable {
    /// The raw bytes, in whatever encoding the file has.
    public var bytes: [UInt8] { didSet { lowercasedHead = SourceInput.lowercasedHead(of: bytes) } }
    /// The first 4,096 bytes (``prefix(_:)``) with the ASCII letters A–Z lower-cased and every other byte as it
    /// is, made once per input (when it is created and whenever ``bytes`` change): every source's sniffer
    /// searches the head for ASCII keywords, and a registry asks every source about every file.
    /// Every change to ``bytes`` makes the head again (up to 4 KB of work), so build the bytes first and assign
    /// them once rather than appending to ``bytes`` a few bytes at a time.
    public private(set) var lowercasedHead: [UInt8]
    /// The file name or URL, for sniffing by extension and for messages.
    public var fileName: String?
    /// A media type, when the caller knows it ("text/html", "application/json").
    public var mediaType: String?

    /// Creates an input from bytes.
    public init(bytes: [UInt8], fileName: String? = nil, mediaType: String? = nil) {
        self.bytes = bytes
        self.lowercasedHead = SourceInput.lowercasedHead(of: bytes)
        self.fileName = fileName
        self.mediaType = mediaType
    }

    /// Equal when the bytes, file name and media type are; ``lowercasedHead`` follows from the bytes and is not
    /// compared again.
    public static func == (a: SourceInput, b: SourceInput) -> Bool {
        a.bytes == b.bytes && a.fileName == b.fileName && a.mediaType == b.mediaType
    }

    /// Hashes what equality compares: the bytes, the file name and the media type.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(bytes)
        hasher.combine(fileName)
        hasher.combine(mediaType)
    }

    /// ``lowercasedHead`` of `bytes`: eight bytes at a time (a byte from "A" to "Z" gets its 0x20 bit).
    static func lowercasedHead(of bytes: [UInt8]) -> [UInt8] {
        let count = min(bytes.count, 4096)
        return bytes.withUnsafeBufferPointer { src in
            [UInt8](unsafeUninitializedCapacity: count) { dst, initialized in
                initialized = 0
                guard let s = src.baseAddress, let d = dst.baseAddress else { return }
                var i = 0
                while i + 8 <= count {
                    let w = UnsafeRawPointer(s + i).loadUnaligned(as: UInt64.self)
                    let low = w & 0x7F7F_7F7F_7F7F_7F7F
                    // High bit of each byte: set when the byte is under 0x80 and its low seven bits are 0x41…0x5A.
                    let atLeastA = low &+ 0x3F3F_3F3F_3F3F_3F3F
                    let pastZ = low &+ 0x2525_2525_2525_2525
                    let upper = atLeastA & ~pastZ & ~w & 0x8080_8080_8080_8080
                    UnsafeMutableRawPointer(d + i).storeBytes(of: w | (upper >> 2), as: UInt64.self)
                    i += 8
                }
                while i < count {
                    let b = s[i]
                    d[i] = b &- 0x41 < 26 ? b | 0x20 : b
                    i += 1
                }
                initialized = count
            }
        }
    }

    /// Creates an input from a string (UTF-8).
    public init(text: String, fileName: String? = nil, mediaType: String? = nil) {
        self.init(bytes: Array(text.utf8), fileName: fileName, mediaType: mediaType)
    }

    /// Reads a file.
    /// - Throws: ``MeetingImportError`` with code `unreadable-file` naming the file and why.
    public init(contentsOf url: URL, mediaType: String? = nil) throws(MeetingImportError) {
        do {
            // FileHandle rather than Data(contentsOf:), which leaks a 4 KiB buffer on empty files on Linux
            // (swift-foundation, Swift 6.3; LeakSanitizer reports it). See Docs/Safety.md.
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            let data = try handle.readToEnd() ?? Data()
            self.init(bytes: [UInt8](data), fileName: url.path, mediaType: mediaType)
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
            throw MeetingImportError(.unreadableFile, "cannot read file: \(reason)", file: url.path)
        }
    }

    /// The first `count` bytes, for sniffing.
    public func prefix(_ count: Int = 4096) -> ArraySlice<UInt8> { bytes.prefix(count) }

    /// The lower-cased file extension, without the dot ("html"), when the file name has one.
    public var fileExtension: String? {
        guard let name = fileName, let dot = name.lastIndex(of: "."),
              !name[dot...].contains("/") else { return nil }
        return String(name[name.index(after: dot)...]).lowercased()
    }
}

/// A person the user directory knows.
public struct DirectoryEntry: Sendable, Hashable, Codable {
    /// Username.
    public var username: String?
    /// Display name.
    public var displayName: String?
    /// Creates an entry.
    public init(username: String? = nil, displayName: String? = nil) {
        self.username = username
        self.displayName = displayName
    }
}

/// Maps Confluence user keys and account ids (and usernames) to people.
///
/// Storage format names users by key only (`<ri:user ri:userkey="8a…"/>`); the directory turns those
/// into names. Its JSON file form is `{"<userkey or account id>": {"username": …, "displayName": …}}`.
public struct UserDirectory: Sendable, Hashable, Codable {
    /// Entries by user key, account id or username.
    public var entries: [String: DirectoryEntry] { didSet { index = CaseFoldedIndex(entries) } }

    /// Lower-cased keys and usernames, built once per directory: a lookup that misses the exact key is a
    /// hash probe rather than a scan of every entry (importers look up every mention on a page).
    private var index: CaseFoldedIndex

    private struct CaseFoldedIndex: Sendable {
        var keys: [String: DirectoryEntry] = [:]
        var usernames: [String: DirectoryEntry] = [:]
        init(_ entries: [String: DirectoryEntry]) {
            // The first match in iteration order wins, as the scans this replaces did.
            for (k, v) in entries {
                let lower = k.lowercased()
                if keys[lower] == nil { keys[lower] = v }
            }
            for v in entries.values {
                if let u = v.username?.lowercased(), usernames[u] == nil { usernames[u] = v }
            }
        }
    }

    /// Creates a directory.
    public init(_ entries: [String: DirectoryEntry] = [:]) {
        self.entries = entries
        self.index = CaseFoldedIndex(entries)
    }

    /// Directories are equal when their entries are.
    public static func == (a: UserDirectory, b: UserDirectory) -> Bool { a.entries == b.entries }

    /// Hashes the entries.
    public func hash(into hasher: inout Hasher) { hasher.combine(entries) }

    /// Reads the JSON file form.
    /// - Throws: ``MeetingImportError`` `invalid-option` when the JSON is not of that shape.
    public init(json bytes: [UInt8], file: String? = nil) throws(MeetingImportError) {
        do {
            let decoded = try JSONDecoder().decode([String: DirectoryEntry].self, from: Data(bytes))
            entries = decoded
            index = CaseFoldedIndex(decoded)
        } catch {
            throw MeetingImportError(.invalidOption,
                "user directory must be a JSON object {\"<userkey or account id>\": {\"username\": …, \"displayName\": …}}: \(error)",
                file: file)
        }
    }

    /// The entry for a user key, account id or username (keys compared case-insensitively).
    public func lookup(_ key: String) -> DirectoryEntry? {
        if let e = entries[key] { return e }
        let lower = key.lowercased()
        if let e = entries[lower] { return e }
        if let e = index.keys[lower] { return e }
        return index.usernames[lower]
    }

    /// Decodes the directory's JSON file form.
    public init(from decoder: any Decoder) throws {
        let decoded = try decoder.singleValueContainer().decode([String: DirectoryEntry].self)
        entries = decoded
        index = CaseFoldedIndex(decoded)
    }
    /// Encodes the directory's JSON file form.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(entries)
    }
}

/// Options every importer understands.
public struct ImportOptions: Sendable, Hashable {
    /// How hard to be on damaged input.
    public enum Strictness: String, Sendable, Hashable, CaseIterable {
        /// Recover from everything, reporting diagnostics (the default).
        case lenient
        /// Throw on markup errors instead of recovering.
        case strict
    }

    /// How to read a numeric date such as 03/04/2019.
    public enum NumericDateOrder: String, Sendable, Hashable, CaseIterable {
        /// 03/04/2019 is 3 April (most of the world).
        case dayFirst
        /// 03/04/2019 is 4 March (United States).
        case monthFirst
    }

    /// Text encodings a caller can declare for bytes without a byte-order mark.
    public enum TextEncoding: String, Sendable, Hashable, CaseIterable {
        /// UTF-8.
        case utf8
        /// UTF-16 little-endian.
        case utf16LE
        /// UTF-16 big-endian.
        case utf16BE
        /// Windows code page 1252 (a superset of Latin-1's printable range).
        case windows1252
        /// ISO 8859-1.
        case latin1
    }

    /// Resolves user keys and account ids to people.
    public var userDirectory: UserDirectory
    /// IANA time zone for the agenda's wall-clock times when the page does not say.
    public var defaultTimeZone: String?
    /// Jira project keys to recognise ("DM"); empty means any `ABC-123` shaped key.
    public var knownProjectKeys: Set<String>
    /// How hard to be on damaged input.
    public var strictness: Strictness
    /// How to read numeric dates such as 03/04/2019.
    public var numericDateOrder: NumericDateOrder
    /// The encoding of bytes without a byte-order mark, when the caller knows it; detected otherwise.
    public var declaredEncoding: TextEncoding?
    /// The year assumed for dates written without one ("Nov 18"), when the page gives none.
    public var referenceYear: Int?
    /// Confluence tasks answered by `/wiki/api/v2/tasks`, raw JSON; enriches task status and assignees by id.
    public var tasksJSON: [UInt8]?

    /// Creates options.
    public init(userDirectory: UserDirectory = UserDirectory(), defaultTimeZone: String? = nil,
                knownProjectKeys: Set<String> = [], strictness: Strictness = .lenient,
                numericDateOrder: NumericDateOrder = .dayFirst, declaredEncoding: TextEncoding? = nil,
                referenceYear: Int? = nil, tasksJSON: [UInt8]? = nil) {
        self.userDirectory = userDirectory
        self.defaultTimeZone = defaultTimeZone
        self.knownProjectKeys = knownProjectKeys
        self.strictness = strictness
        self.numericDateOrder = numericDateOrder
        self.declaredEncoding = declaredEncoding
        self.referenceYear = referenceYear
        self.tasksJSON = tasksJSON
    }
}

/// What an import produced: the meeting, plus how sure the source is that the page is a meeting.
public struct ImportResult: Sendable, Hashable {
    /// The meeting, with its ``Meeting/diagnostics``.
    public var meeting: Meeting
    /// Identifier of the source that produced it.
    public var sourceIdentifier: String
    /// Whether the page looks like meeting notes (an agenda, participants, action items or a
    /// meeting-notes layout) rather than some other page.
    public var isMeeting: Bool

    /// Creates a result.
    public init(meeting: Meeting, sourceIdentifier: String, isMeeting: Bool) {
        self.meeting = meeting
        self.sourceIdentifier = sourceIdentifier
        self.isMeeting = isMeeting
    }

    /// The meeting's diagnostics.
    public var diagnostics: [Diagnostic] { meeting.diagnostics }
}

/// A type that turns one kind of input into a ``Meeting``.
///
/// Conform to plug a new format into any tool built on the SDK, then register it with a
/// ``MeetingSourceRegistry``. See the "Implementing a MeetingSource" article and `Docs/Plugins.md`.
///
/// The protocol is synchronous: fetching bytes is the caller's job. Implementations must be safe to
/// call from several threads at once and must never crash or hang on any bytes.
public protocol MeetingSource: Sendable {
    /// Stable lower-kebab identifier used in diagnostics and `--from`, e.g. `"confluence-storage"`.
    var identifier: String { get }

    /// How likely `input` is in this format, 0...1. Look at the first few KB, the file name and media type only.
    func confidence(for input: SourceInput) -> Double

    /// Reads `input`, recovering where possible.
    /// - Returns: The meeting plus non-fatal ``Diagnostic``s.
    /// - Throws: ``MeetingImportError`` only when nothing usable can be produced.
    func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult
}

/// A set of sources that picks the best one for an input by sniffing.
///
/// ```swift
/// var registry = MeetingSourceRegistry.standard   // from the MeetingNotes module
/// registry.register(MyWikiSource())
/// let result = try registry.importMeeting(from: SourceInput(contentsOf: url))
/// ```
public struct MeetingSourceRegistry: Sendable {
    /// The registered sources, in registration order (earlier wins ties).
    public private(set) var sources: [any MeetingSource]

    /// Creates a registry with sources.
    public init(_ sources: [any MeetingSource] = []) { self.sources = sources }

    /// Adds a source; a source with the same identifier is replaced.
    public mutating func register(_ source: any MeetingSource) {
        if let i = sources.firstIndex(where: { $0.identifier == source.identifier }) {
            sources[i] = source
        } else {
            sources.append(source)
        }
    }

    /// The source with this identifier.
    public func source(identifier: String) -> (any MeetingSource)? {
        sources.first { $0.identifier == identifier }
    }

    /// Every source's confidence for `input`, best first (ties keep registration order).
    public func rank(_ input: SourceInput) -> [(source: any MeetingSource, confidence: Double)] {
        let scored = sources.enumerated().map { (offset: $0.offset, source: $0.element,
                                                 confidence: min(1, max(0, $0.element.confidence(for: input)))) }
        return scored.sorted { ($0.confidence, -$0.offset) > ($1.confidence, -$1.offset) }
            .map { (source: $0.source, confidence: $0.confidence) }
    }

    /// The most likely source for `input`, if any is more than 0 sure.
    public func bestSource(for input: SourceInput) -> (any MeetingSource)? {
        guard let top = rank(input).first, top.confidence > 0 else { return nil }
        return top.source
    }

    /// Imports with the best source, or the one named by `identifier`.
    /// - Throws: ``MeetingImportError`` `unsupported-format` when no source recognises the input, or
    ///   whatever the chosen source throws.
    public func importMeeting(from input: SourceInput, options: ImportOptions = ImportOptions(),
                              using identifier: String? = nil) throws(MeetingImportError) -> ImportResult {
        let chosen: (any MeetingSource)?
        if let identifier {
            guard let s = source(identifier: identifier) else {
                throw MeetingImportError(.unsupportedFormat,
                    "no source named \(identifier); known: \(sources.map(\.identifier).joined(separator: ", "))",
                    file: input.fileName)
            }
            chosen = s
        } else {
            chosen = bestSource(for: input)
        }
        guard let chosen else {
            throw MeetingImportError(.unsupportedFormat, "no registered source recognises this input", file: input.fileName)
        }
        do {
            return try chosen.importMeeting(from: input, options: options)
        } catch {
            var e = error
            if e.file == nil { e.file = input.fileName }
            if e.sourceIdentifier == nil { e.sourceIdentifier = chosen.identifier }
            throw e
        }
    }
}

/// The canonical JSON form of a ``Meeting``: a public contract (`Docs/JSONContract.md`,
/// `Docs/meeting.schema.json`).
///
/// Output is deterministic: sorted keys, no floating point, no locale or time-zone dependence, so
/// the same model always gives the same bytes.
public enum MeetingJSON {
    /// The version of the JSON contract this library writes.
    public static let schemaVersion = 1

    /// Encodes a meeting as canonical JSON (pretty-printed, sorted keys, UTF-8).
    public static func encode(_ meeting: Meeting, pretty: Bool = true) -> [UInt8] {
        encodeValue(meeting, pretty: pretty)
    }

    /// Encodes any `Encodable` part of the model the same canonical way.
    public static func encodeValue(_ value: some Encodable, pretty: Bool = true) -> [UInt8] {
        // The model's own writer (CanonicalJSONEncoder.swift) gives JSONEncoder's bytes several times faster; for
        // anything it does not serve (a floating-point number, say) JSONEncoder writes the value.
        if let tree = try? CanonicalJSONEncoder.tree(value) {
            var writer = CanonicalJSONWriter(pretty: pretty)
            writer.write(tree)
            return writer.out
        }
        return foundationEncoded(value, pretty: pretty)
    }

    /// The value as `JSONEncoder` writes it with the canonical options: the definition the fast writer is tested
    /// against, and its fallback.
    static func foundationEncoded(_ value: some Encodable, pretty: Bool) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return [UInt8](try encoder.encode(value))
        } catch {
            // The model's encoders never throw: every value is a string, integer, bool, array or object.
            preconditionFailure("canonical JSON encoding failed: \(error)")
        }
    }

    /// Decodes canonical JSON back into a meeting.
    /// - Throws: ``MeetingImportError`` `malformed-markup` with the decoder's reason and the line and column of the
    ///   damage: for a syntax error, the byte the JSON parser stopped at; for a value of the wrong type, a missing
    ///   key or a rejected value, where that value (for a missing key, the object lacking it) starts.
    public static func decode(_ bytes: [UInt8]) throws(MeetingImportError) -> Meeting {
        do {
            return try JSONDecoder().decode(Meeting.self, from: Data(bytes))
        } catch {
            let (message, location) = JSONLocator(bytes: bytes).describe(error)
            throw MeetingImportError(.malformedMarkup, "not canonical meeting JSON: \(message)", at: location)
        }
    }
}
