// swift-meeting-notes · MeetingModel

/// A position in an input: 1-based line and column (column counted in Unicode scalars).
public struct SourceLocation: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// 1-based line.
    public var line: Int
    /// 1-based column, in Unicode scalars; 1 when only the line is known.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int = 1) {
        self.line = line
        self.column = column
    }

    /// "line:column".
    public var description: String { "\(line):\(column)" }

    /// Orders by line, then column.
    public static func < (a: Self, b: Self) -> Bool { (a.line, a.column) < (b.line, b.column) }

    static func decode<K: CodingKey>(from c: KeyedDecodingContainer<K>, line: K, column: K) throws -> SourceLocation? {
        guard let l = try c.decodeIfPresent(Int.self, forKey: line) else { return nil }
        return SourceLocation(line: l, column: try c.decodeIfPresent(Int.self, forKey: column) ?? 1)
    }
}

/// Something an importer noticed: content it could not place, markup it repaired, an unknown macro.
///
/// Diagnostics are how "nothing lost" is kept: text that lands nowhere else in the model lands in a
/// diagnostic's ``text`` with its location.
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How serious it is.
    public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
        /// Information: something was interpreted in a non-obvious way.
        case note
        /// Content was repaired or could not be placed.
        case warning
        /// Content could not be read.
        case error

        var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        /// Orders by seriousness: note, warning, error.
        public static func < (a: Self, b: Self) -> Bool { a.rank < b.rank }
    }

    /// How serious it is.
    public var severity: Severity
    /// Stable machine-readable code, `"<area>.<what>"`, e.g. `"plain-text.debris-row"`, `"confluence.unknown-macro"`.
    public var code: String
    /// What happened, for people.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?
    /// The input text the diagnostic is about, when that text landed nowhere else in the model.
    public var text: String?

    /// Creates a diagnostic.
    public init(_ severity: Severity, code: String, _ message: String, at location: SourceLocation? = nil,
                text: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.text = text
    }

    /// "3:14: warning: message [code]".
    public var description: String {
        (location.map { "\($0): " } ?? "") + "\(severity.rawValue): \(message) [\(code)]"
    }

    enum CodingKeys: String, CodingKey { case severity, code, message, line, column, text }
    /// Decodes the canonical JSON form (see ``MeetingJSON``); absent optional keys read as their defaults.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        severity = try c.decode(Severity.self, forKey: .severity)
        code = try c.decodeIfPresent(String.self, forKey: .code) ?? ""
        message = try c.decode(String.self, forKey: .message)
        location = try SourceLocation.decode(from: c, line: .line, column: .column)
        text = try c.decodeIfPresent(String.self, forKey: .text)
    }
    /// Encodes the canonical JSON form (see ``MeetingJSON``).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(severity, forKey: .severity)
        try c.encode(code, forKey: .code)
        try c.encode(message, forKey: .message)
        try c.encode(location?.line, forKey: .line)
        try c.encode(location?.column, forKey: .column)
        try c.encodeIfPresent(text, forKey: .text)
    }
}

/// The error thrown when an input cannot be read at all.
///
/// Importers throw rarely: a page with one bad table still yields a meeting plus a ``Diagnostic``.
/// ``Code`` is an open set (a struct, not an enum) so that third-party sources can add codes without
/// breaking anyone's `switch`.
public struct MeetingImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A stable error code.
    public struct Code: RawRepresentable, Sendable, Hashable, Codable, CustomStringConvertible {
        /// The code's text, e.g. `"empty-input"`.
        public var rawValue: String
        /// Creates a code.
        public init(rawValue: String) { self.rawValue = rawValue }
        /// The input has no content.
        public static let emptyInput = Code(rawValue: "empty-input")
        /// The bytes are not text in any encoding the importer knows.
        public static let undecodableText = Code(rawValue: "undecodable-text")
        /// Markup so broken that nothing could be recovered.
        public static let malformedMarkup = Code(rawValue: "malformed-markup")
        /// No registered source recognises the input.
        public static let unsupportedFormat = Code(rawValue: "unsupported-format")
        /// The input is larger than the importer accepts.
        public static let inputTooLarge = Code(rawValue: "input-too-large")
        /// The input could not be read from disk.
        public static let unreadableFile = Code(rawValue: "unreadable-file")
        /// An option (user directory, time zone) is malformed.
        public static let invalidOption = Code(rawValue: "invalid-option")
        /// The text of the code.
        public var description: String { rawValue }
    }

    /// What went wrong, as a stable code.
    public var code: Code
    /// What went wrong, for people.
    public var message: String
    /// Where, when known.
    public var location: SourceLocation?
    /// The file or URL, when known.
    public var file: String?
    /// Identifier of the source that threw ("confluence-storage").
    public var sourceIdentifier: String?
    /// Diagnostics gathered before giving up.
    public var diagnostics: [Diagnostic]

    /// Creates an error.
    public init(_ code: Code, _ message: String, at location: SourceLocation? = nil, file: String? = nil,
                sourceIdentifier: String? = nil, diagnostics: [Diagnostic] = []) {
        self.code = code
        self.message = message
        self.location = location
        self.file = file
        self.sourceIdentifier = sourceIdentifier
        self.diagnostics = diagnostics
    }

    /// One line: "notes.html:3:14: error: [confluence-storage] malformed-markup: message".
    public var description: String {
        var s = ""
        if let file { s += file + ":" }
        if let location { s += "\(location.line):\(location.column):" }
        if !s.isEmpty { s += " " }
        s += "error: "
        if let sourceIdentifier { s += "[\(sourceIdentifier)] " }
        s += "\(code.rawValue): \(message)"
        return s
    }
}
