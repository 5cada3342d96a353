// swift-meeting-notes · PlainTextImport

import MeetingModel
import MeetingRecognizers

/// Reads meeting pages pasted or extracted as plain text (copy-paste from Confluence, `pdftotext`,
/// Markdown-ish notes): any encoding `TextDecoding` (MeetingRecognizers) knows, tab- or space-separated tables, damaged rows.
///
/// ```swift
/// let result = try PlainTextSource().importMeeting(from: SourceInput(contentsOf: url), options: ImportOptions())
/// print(result.meeting.agenda.count, result.diagnostics.count)
/// ```
///
/// Never crashes on any bytes; cost is linear in the input.
public struct PlainTextSource: MeetingSource {
    /// `"plain-text"`.
    public let identifier = "plain-text"
    /// Inputs larger than this many bytes are refused with `input-too-large`.
    public var maximumInputBytes: Int

    /// Creates the source.
    public init(maximumInputBytes: Int = 64 << 20) {
        self.maximumInputBytes = maximumInputBytes
    }

    /// Moderate-high for plain text (`.txt`/`.md`, `text/plain`, or text that is not markup or JSON);
    /// low for markup and JSON.
    public func confidence(for input: SourceInput) -> Double {
        let head = input.prefix(4096)
        var first: UInt8? = nil
        for b in head where b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D && b != 0xEF && b != 0xBB && b != 0xBF && b != 0 && b != 0xFF && b != 0xFE {
            first = b
            break
        }
        if first == UInt8(ascii: "<") || first == UInt8(ascii: "{") { return 0.05 }
        let media = input.mediaType?.lowercased() ?? ""
        // The input's shared lower-cased head, unless NUL bytes (UTF-16 text) must be dropped to see the keywords.
        let lowerHead = head.contains(0) ? ASCIIScan.lowercasedHead(head, droppingNUL: true) : input.lowercasedHead
        if ASCIIScan.contains(lowerHead, "<html") || ASCIIScan.contains(lowerHead, "<!doctype") || ASCIIScan.contains(lowerHead, "<ac:")
            || ASCIIScan.contains(lowerHead, "<?xml")
            || media.contains("html") || media.contains("xml") || media.contains("json") {
            return 0.05
        }
        if let ext = input.fileExtension, ["html", "htm", "xhtml", "xml", "json"].contains(ext) { return 0.05 }
        if media.hasPrefix("text/plain") || media.hasPrefix("text/markdown") { return 0.8 }
        if let ext = input.fileExtension, ["txt", "text", "md", "markdown"].contains(ext) { return 0.8 }
        if head.isEmpty { return 0.1 }
        // Binary: NUL bytes that are not UTF-16 text.
        let nuls = head.filter { $0 == 0 }.count
        if nuls > 0 && nuls * 4 < head.count { return 0.1 }
        return 0.6
    }

    /// Whether the valid UTF-8 `bytes[start...]` hold a `Character` that is not white space, as
    /// ``referenceHoldsNonWhiteSpace(_:from:)``: an ASCII byte other than white space that starts the text or
    /// follows an ASCII byte begins such a `Character` (only a Prepend scalar, never ASCII, could join it to the one
    /// before); otherwise the `Character`s decide.
    static func holdsNonWhiteSpace(_ bytes: [UInt8], from start: Int) -> Bool {
        let found = bytes.withUnsafeBufferPointer { u -> Bool in
            var previous: UInt8 = 0
            var i = max(0, start)
            while i < u.count {
                let b = u[i]
                if previous < 0x80, b < 0x80, b != 32, b &- 9 >= 5 { return true }
                previous = b
                i += 1
            }
            return false
        }
        return found || referenceHoldsNonWhiteSpace(bytes, from: start)
    }

    /// The plain definition of ``holdsNonWhiteSpace(_:from:)``.
    static func referenceHoldsNonWhiteSpace(_ bytes: [UInt8], from start: Int) -> Bool {
        String(decoding: bytes[min(max(0, start), bytes.count)...], as: UTF8.self).contains(where: { !$0.isWhitespace })
    }

    /// Reads the page.
    /// - Throws: `empty-input` for input without text, `input-too-large` above ``maximumInputBytes``,
    ///   `undecodable-text` in strict mode when bytes had to be replaced.
    public func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        guard input.bytes.count <= maximumInputBytes else {
            throw MeetingImportError(.inputTooLarge, "input is \(input.bytes.count) bytes; the limit is \(maximumInputBytes)",
                                     file: input.fileName, sourceIdentifier: identifier)
        }
        // Bytes that are their own text (valid UTF-8, nothing to normalise: the usual paste) are read in place,
        // line by line; others are decoded first and read from the decoded text's bytes.
        let lines: LineList
        var decodingDiagnostics: [Diagnostic] = []
        if let start = TextDecoding.utf8TextStart(input.bytes, declared: options.declaredEncoding) {
            guard Self.holdsNonWhiteSpace(input.bytes, from: start) else {
                throw MeetingImportError(.emptyInput, "the input has no text", file: input.fileName, sourceIdentifier: identifier)
            }
            lines = LineList.split(input.bytes, from: start)
        } else {
            let decoded = TextDecoding.decode(input.bytes, declared: options.declaredEncoding, code: identifier)
            if options.strictness == .strict, let bad = decoded.diagnostics.first(where: { $0.severity >= .warning }) {
                throw MeetingImportError(.undecodableText, bad.message, at: bad.location, file: input.fileName,
                                         sourceIdentifier: identifier, diagnostics: decoded.diagnostics)
            }
            guard decoded.text.contains(where: { !$0.isWhitespace }) else {
                throw MeetingImportError(.emptyInput, "the input has no text", file: input.fileName, sourceIdentifier: identifier,
                                         diagnostics: decoded.diagnostics)
            }
            decodingDiagnostics = decoded.diagnostics
            lines = LineList.split(Array(decoded.text.utf8))
        }
        var parser = PageParser(options: options)
        var meeting = parser.parse(lines)
        // Prepended only when there are any: the sum would be a second copy of every diagnostic at the import's peak.
        if !decodingDiagnostics.isEmpty { meeting.diagnostics.insert(contentsOf: decodingDiagnostics, at: 0) }
        meeting.page.format = identifier
        meeting.page.source = input.fileName
        let isMeeting = !meeting.agenda.isEmpty || !meeting.participants.isEmpty || !meeting.actionItems.isEmpty
        return ImportResult(meeting: meeting, sourceIdentifier: identifier, isMeeting: isMeeting)
    }
}
