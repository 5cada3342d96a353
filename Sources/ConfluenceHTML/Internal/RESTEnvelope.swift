// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel
internal import MeetingRecognizers
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#elseif canImport(ucrt)
import ucrt
#endif

/// The REST JSON envelope (v1 content and v2 pages).
enum RESTEnvelope {
    static func importMeeting(_ input: SourceInput, options: ImportOptions, confluence: ConfluenceImportOptions,
                              identifier: String) throws(MeetingImportError) -> ImportResult {
        guard let json = JSONValue.parse(input.bytes), json.isObject else {
            throw MeetingImportError(.malformedMarkup, "not a JSON object", file: input.fileName, sourceIdentifier: identifier)
        }
        // A search answer wrapping one page: {"results":[{…}]}.
        let page = json["body"] == nil ? (json["results"]?.array?.first ?? json) : json
        var info = Pipeline.PageInfo()
        info.title = page["title"]?.string
        info.metadata.pageID = page["id"]?.string ?? page["id"]?.numberString
        info.metadata.source = input.fileName ?? page.path("_links.webui")?.string
        info.metadata.space = page.path("space.key")?.string ?? page.path("space.name")?.string
            ?? page["spaceId"]?.string ?? page["spaceId"]?.numberString
        let directory = options.userDirectory
        func person(_ v: JSONValue?) -> Person? {
            guard let v else { return nil }
            if let s = v.string {   // v2: an account id
                let e = directory.lookup(s)
                return Person(name: e?.displayName ?? s, username: e?.username, accountID: s, unresolved: e == nil)
            }
            let account = v["accountId"]?.string
            let username = v["username"]?.string
            let key = v["userKey"]?.string
            let display = v["displayName"]?.string ?? v["publicName"]?.string
            let lookupKey = account ?? key ?? username ?? ""
            let e = directory.lookup(lookupKey)
            let name = display ?? e?.displayName ?? username ?? lookupKey
            guard !name.isEmpty else { return nil }
            return Person(name: name, username: username ?? e?.username, accountID: account, userKey: key,
                          unresolved: display == nil && e == nil && username == nil)
        }
        info.metadata.author = person(page.path("history.createdBy")) ?? person(page["authorId"]) ?? person(page["ownerId"])
        info.metadata.lastModifiedBy = person(page.path("version.by")) ?? person(page.path("version.authorId"))
            ?? person(page.path("history.lastUpdated.by"))
        info.metadata.created = date(page.path("history.createdDate") ?? page["createdAt"])
        info.metadata.lastModified = date(page.path("version.when") ?? page.path("version.createdAt")
                                          ?? page.path("history.lastUpdated.when"))
        let labels = page.path("metadata.labels.results")?.array ?? page.path("labels.results")?.array ?? []
        info.metadata.labels = labels.compactMap { $0["name"]?.string ?? $0["label"]?.string }

        var result: ImportResult
        if let storage = page.path("body.storage.value")?.string {
            result = try Pipeline.storage(Array(storage.utf8), fileName: input.fileName, options: options,
                                          confluence: confluence, identifier: identifier, page: info)
        } else if let html = page.path("body.export_view.value")?.string ?? page.path("body.view.value")?.string
                    ?? page.path("body.styled_view.value")?.string {
            result = try Pipeline.html(Array(html.utf8), fileName: input.fileName, options: options,
                                       confluence: confluence, identifier: identifier, page: info)
        } else if let adf = page.path("body.atlas_doc_format.value")?.string {
            throw MeetingImportError(.unsupportedFormat,
                "the envelope carries only atlas_doc_format (\(adf.utf8.count) bytes); request body-format=storage",
                file: input.fileName, sourceIdentifier: identifier)
        } else {
            throw MeetingImportError(.malformedMarkup, "the envelope has no body.storage.value (request expand=body.storage)",
                                     file: input.fileName, sourceIdentifier: identifier)
        }
        // Attachments from children.attachment when expanded (v1), or an "attachments" array (v2 with include).
        let atts = page.path("children.attachment.results")?.array ?? page.path("attachments.results")?.array ?? []
        for a in atts {
            guard let name = a["title"]?.string else { continue }
            let type = a.path("metadata.mediaType")?.string ?? a.path("extensions.mediaType")?.string ?? a["mediaType"]?.string
            let comment = a.path("metadata.comment")?.string ?? a.path("extensions.comment")?.string ?? a["comment"]?.string
            let attachment = Attachment(fileName: name, fileType: type,
                                        modified: date(a.path("version.when") ?? a.path("version.createdAt") ?? a["createdAt"]),
                                        modifiedBy: person(a.path("version.by")) ?? person(a.path("version.authorId")),
                                        comment: comment?.isEmpty == true ? nil : comment, mediaType: type)
            if let i = result.meeting.attachments.firstIndex(where: { $0.fileName == name }) {
                result.meeting.attachments[i] = attachment
            } else {
                result.meeting.attachments.append(attachment)
            }
        }
        if result.meeting.title.isEmpty, let t = info.title { result.meeting.title = t }
        return result
    }

    static func date(_ v: JSONValue?) -> CalendarDate? {
        guard let s = v?.string else { return nil }
        return CalendarDate(iso8601: s.prefix(10))
    }
}

/// Format sniffing on the first few KB: ASCII keywords searched in the head's bytes, ASCII letters lower-cased
/// (no decoding, no Unicode case mapping: the registry asks every source about every file).
enum Sniff {
    /// The input's shared ``SourceInput/lowercasedHead`` (made once per input, not once per sniffer).
    static func head(_ input: SourceInput) -> [UInt8] {
        input.lowercasedHead
    }

    /// `ASCIIScan.contains(haystack, needle)`: the needle's first byte looked for eight bytes at a time, the
    /// rest compared where it occurs (the sniffers search every file's 4 KB head for several keywords that most
    /// heads lack).
    static func contains(_ haystack: [UInt8], _ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { n in
            haystack.withUnsafeBufferPointer { h in find(h, n) }
        }
    }

    /// Which of the tags the sniffers look for occur in a head: `contains(head, "<ac:")` etc. for all four in one
    /// pass over the head's "<" bytes.
    struct Tags: OptionSet {
        let rawValue: UInt8
        static let ac = Tags(rawValue: 1), ri = Tags(rawValue: 2), html = Tags(rawValue: 4), doctypeHTML = Tags(rawValue: 8)
    }

    static func tags(_ haystack: [UInt8]) -> Tags {
        haystack.withUnsafeBufferPointer { h in
            var found: Tags = []
            guard let base = h.baseAddress else { return found }
            let end = base + h.count
            /// Whether the bytes at `p` are `word`'s.
            func at(_ p: UnsafePointer<UInt8>, _ word: StaticString) -> Bool {
                let count = word.utf8CodeUnitCount
                return end - p >= count && memcmp(p, word.utf8Start, count) == 0
            }
            var p = base
            while p < end, let hit = memchr(p, 0x3C, end - p) {   // the next "<"
                let lt = UnsafePointer(hit.assumingMemoryBound(to: UInt8.self))
                p = lt + 1
                guard p < end else { break }
                switch p.pointee {
                case 0x61: if at(p + 1, "c:") { found.insert(.ac) }
                case 0x72: if at(p + 1, "i:") { found.insert(.ri) }
                case 0x68: if at(p + 1, "tml") { found.insert(.html) }
                case 0x21: if at(p + 1, "doctype html") { found.insert(.doctypeHTML) }
                default: break
                }
            }
            return found
        }
    }

    static func find(_ h: UnsafeBufferPointer<UInt8>, _ n: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = n.first else { return true }
        guard h.count >= n.count, let base = h.baseAddress else { return false }
        let last = h.count - n.count   // the last position a match can start at
        let pattern = UInt64(first) &* 0x0101_0101_0101_0101
        var i = 0
        while i <= last {
            // Skip eight positions at a time while none holds the first byte.
            if i + 8 <= h.count {
                let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                    continue
                }
            }
            if h[i] == first {
                var k = 1
                while k < n.count && h[i + k] == n[k] { k += 1 }
                if k == n.count { return true }
            }
            i += 1
        }
        return false
    }

    static func storage(_ input: SourceInput) -> Double {
        let h = head(input)
        if h.isEmpty { return 0 }
        let trimmed = ASCIIScan.droppingLeadingSpace(h)
        if ASCIIScan.hasPrefix(trimmed, "{") || ASCIIScan.hasPrefix(trimmed, "[") { return 0 }
        let tags = tags(h)
        let acTags = tags.contains(.ac) || tags.contains(.ri)
        let htmlShell = tags.contains(.html) || tags.contains(.doctypeHTML)
        if acTags && !htmlShell { return 0.95 }
        if acTags { return 0.4 }
        if input.fileExtension == "xhtml" || input.fileExtension == "xml" { return ASCIIScan.hasPrefix(trimmed, "<") ? 0.5 : 0.1 }
        if !htmlShell, ASCIIScan.hasPrefix(trimmed, "<p") || ASCIIScan.hasPrefix(trimmed, "<h") || ASCIIScan.hasPrefix(trimmed, "<table") { return 0.3 }
        return 0
    }

    static func html(_ input: SourceInput) -> Double {
        let h = head(input)
        if h.isEmpty { return 0 }
        let trimmed = ASCIIScan.droppingLeadingSpace(h)
        if ASCIIScan.hasPrefix(trimmed, "{") { return 0 }
        let tags = tags(h)
        let shell = ASCIIScan.hasPrefix(trimmed, "<!doctype html") || tags.contains(.html)
        let ext = input.fileExtension == "html" || input.fileExtension == "htm" || input.mediaType?.contains("html") == true
        let acTags = tags.contains(.ac)
        var score = 0.0
        if shell { score = 0.8 } else if ext { score = 0.6 } else if ASCIIScan.hasPrefix(trimmed, "<") && !acTags { score = 0.3 }
        if score > 0, contains(h, "confluence") || contains(h, "main-content") || contains(h, "wiki-content") {
            score += 0.15
        }
        if acTags && !shell { score = min(score, 0.2) }
        return min(score, 1)
    }

    static func rest(_ input: SourceInput) -> Double {
        let h = head(input)
        let trimmed = ASCIIScan.droppingLeadingSpace(h)
        guard ASCIIScan.hasPrefix(trimmed, "{") else { return 0 }
        if contains(h, "\"storage\"") || contains(h, "\"body\"") { return 0.95 }
        if contains(h, "\"type\":\"page\"") || contains(h, "\"type\": \"page\"") { return 0.8 }
        return input.fileExtension == "json" ? 0.2 : 0.1
    }
}
