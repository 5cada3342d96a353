// swift-meeting-notes · HostileInputTests

import ConfluenceHTML
import Foundation
import MeetingExport
import MeetingModel
import MeetingNotes
import PlainTextImport
import Testing

/// Every built-in importer, by identifier.
enum BuiltIn {
    static let storage = ConfluenceStorageSource()
    static let html = ConfluenceHTMLSource()
    static let rest = ConfluenceRESTSource()
    static let plainText = PlainTextSource()
    static let meetingJSON = MeetingJSONSource()

    /// All of them: the standard registry's sources.
    static let all: [any MeetingSource] = MeetingSourceRegistry.standard.sources

    /// The markup importers (libxml2).
    static let markup: [any MeetingSource] = [storage, html]

    static func source(_ identifier: String) -> any MeetingSource {
        all.first { $0.identifier == identifier } ?? plainText
    }
}

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// A page on disk with the source that reads it.
struct FixturePage: Sendable, CustomTestStringConvertible, CustomStringConvertible {
    /// Path relative to the package root (or to the fixtures folder for our own).
    var name: String
    var url: URL
    /// Identifier of the source that reads it.
    var sourceIdentifier: String
    /// Clean pages must keep 100% of their words; messy ones ≥ 99%.
    var isClean: Bool

    var bytes: [UInt8] { (try? [UInt8](Data(contentsOf: url))) ?? [] }
    var input: SourceInput { SourceInput(bytes: bytes, fileName: url.lastPathComponent) }
    var source: any MeetingSource { BuiltIn.source(sourceIdentifier) }
    var testDescription: String { name }
    var description: String { name }

    /// The source that reads a file, by its name.
    static func sourceIdentifier(for fileName: String) -> String? {
        let lower = fileName.lowercased()
        if lower.hasSuffix(".xhtml") || lower.hasSuffix(".storage.xml") { return "confluence-storage" }
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return "confluence-html" }
        if lower.hasSuffix(".rest.json") { return "confluence-rest-json" }
        if lower.hasSuffix(".txt") { return "plain-text" }
        return nil
    }
}

enum Fixtures {
    /// This target's fixtures folder.
    static let folder: URL = Bundle.module.url(forResource: "Fixtures", withExtension: nil)
        ?? packageRoot.appendingPathComponent("Tests/HostileInputTests/Fixtures")

    static func url(_ relative: String) -> URL { folder.appendingPathComponent(relative) }

    static func bytes(_ relative: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: url(relative))) }

    static func input(_ relative: String) throws -> SourceInput {
        SourceInput(bytes: try bytes(relative), fileName: (relative as NSString).lastPathComponent)
    }

    static func files(in folder: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { !$0.hasPrefix(".") && $0 != "README.md" }.map { folder.appendingPathComponent($0) }
    }

    /// Our own pages: `clean/` and `messy/`.
    static let own: [FixturePage] = ["clean", "messy"].flatMap { kind in
        files(in: folder.appendingPathComponent(kind)).compactMap { url in
            FixturePage.sourceIdentifier(for: url.lastPathComponent).map {
                FixturePage(name: "\(kind)/\(url.lastPathComponent)", url: url, sourceIdentifier: $0, isClean: kind == "clean")
            }
        }
    }

    /// Pages other parts of the package keep (example pages, other test targets' fixtures): clean unless
    /// their name says `messy`/`damaged`/`broken`.
    static let package: [FixturePage] = {
        var out: [FixturePage] = []
        var folders = [packageRoot.appendingPathComponent("Examples/pages")]
        let tests = packageRoot.appendingPathComponent("Tests")
        for t in (try? FileManager.default.contentsOfDirectory(atPath: tests.path))?.sorted() ?? []
        where t != "HostileInputTests" {
            folders.append(tests.appendingPathComponent(t).appendingPathComponent("Fixtures"))
        }
        for folder in folders {
            for url in files(in: folder) {
                guard let id = FixturePage.sourceIdentifier(for: url.lastPathComponent) else { continue }
                let rel = String(url.path.dropFirst(packageRoot.path.count + 1))
                let lower = rel.lowercased()
                let messy = ["messy", "damaged", "broken", "seed", "pdftotext"].contains { lower.contains($0) }
                out.append(FixturePage(name: rel, url: url, sourceIdentifier: id, isClean: !messy))
            }
        }
        return out
    }()

    /// Every page we can check words on.
    static let allPages: [FixturePage] = own + package

    /// Saved fuzzer crashers, replayed by ``CrasherReplayTests``.
    static var crashers: [URL] { files(in: folder.appendingPathComponent("crashers")) }
}

/// What one import gave.
enum Outcome {
    case meeting(ImportResult)
    case error(MeetingImportError)

    var result: ImportResult? {
        if case .meeting(let r) = self { return r }
        return nil
    }

    /// Everything the caller can see: canonical JSON of the meeting, or the error with its diagnostics.
    var visibleText: String {
        switch self {
        case .meeting(let r):
            return String(decoding: MeetingJSON.encode(r.meeting), as: UTF8.self)
        case .error(let e):
            return e.description + "\n" + e.diagnostics.map { "\($0) \($0.text ?? "")" }.joined(separator: "\n")
        }
    }

    var summary: String {
        switch self {
        case .meeting(let r): return "meeting with \(r.meeting.diagnostics.count) diagnostics"
        case .error(let e): return "error \(e.code.rawValue): \(e.message)"
        }
    }
}

func importPage(_ source: any MeetingSource, _ bytes: [UInt8], fileName: String? = nil,
                options: ImportOptions = ImportOptions()) -> Outcome {
    do {
        return .meeting(try source.importMeeting(from: SourceInput(bytes: bytes, fileName: fileName), options: options))
    } catch {
        return .error(error)
    }
}

func importPage(_ source: any MeetingSource, _ text: String, fileName: String? = nil,
                options: ImportOptions = ImportOptions()) -> Outcome {
    importPage(source, Array(text.utf8), fileName: fileName, options: options)
}

/// Checks the contract every hostile input must meet: a meeting, or a typed error with a stable code and
/// a message; every diagnostic located within the input.
/// - Parameter withinInput: Whether diagnostics must point inside the input (not so for meeting JSON, whose
///   diagnostics are data about the page it was made from).
func expectModelOrTypedError(_ outcome: Outcome, lines: Int, _ comment: Comment? = nil, withinInput: Bool = true,
                             sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    switch outcome {
    case .meeting(let r):
        for d in r.meeting.diagnostics {
            #expect(d.location != nil, "diagnostic without location: \(d) \(comment ?? "")", sourceLocation: sourceLocation)
            if let l = d.location {
                #expect(l.line >= 1 && l.column >= 1 && (l.line <= lines || !withinInput),
                        "diagnostic outside the input's \(lines) lines: \(d) \(comment ?? "")", sourceLocation: sourceLocation)
            }
        }
        #expect((try? MeetingJSON.decode(MeetingJSON.encode(r.meeting))) == r.meeting,
                "JSON round trip \(comment ?? "")", sourceLocation: sourceLocation)
    case .error(let e):
        #expect(!e.code.rawValue.isEmpty && !e.message.isEmpty, "untyped error \(e) \(comment ?? "")",
                sourceLocation: sourceLocation)
    }
}

/// Line count of bytes, counting LF, CR and CRLF.
func lineCount(_ bytes: [UInt8]) -> Int {
    var lines = 1
    var previousCR = false
    for b in bytes {
        if b == 0x0A { if !previousCR { lines += 1 }; previousCR = false } else if b == 0x0D { lines += 1; previousCR = true } else { previousCR = false }
    }
    return lines
}

/// A temporary file holding a unique marker, for "no file is read" tests.
struct MarkerFile {
    let marker: String
    let url: URL

    init(extension ext: String = "txt", contents: (String) -> String = { $0 }) throws {
        marker = "SECRETMARKER" + UUID().uuidString.replacingOccurrences(of: "-", with: "")
        url = FileManager.default.temporaryDirectory.appendingPathComponent("hostile-\(UUID().uuidString).\(ext)")
        try Data(contents(marker).utf8).write(to: url)
    }

    var path: String { url.path }
    var fileURL: String { url.absoluteString }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// Runs a process and returns its status and output.
struct ProcessResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
}

func runProcess(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> ProcessResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: executable)
    p.arguments = arguments
    if let environment { p.environment = environment }
    // Standard error goes to a file, so that reading standard output to its end cannot deadlock.
    let errURL = FileManager.default.temporaryDirectory.appendingPathComponent("stderr-\(UUID().uuidString)")
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    defer { try? FileManager.default.removeItem(at: errURL) }
    let errHandle = try FileHandle(forWritingTo: errURL)
    let out = Pipe()
    p.standardOutput = out
    p.standardError = errHandle
    try p.run()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    try errHandle.close()
    // FileHandle, not Data(contentsOf:): the latter leaks 4 KiB on an empty file (swift-foundation, Swift 6.3).
    let reader = try FileHandle(forReadingFrom: errURL)
    let errData = try reader.readToEnd() ?? Data()
    try reader.close()
    return ProcessResult(status: p.terminationStatus, stdout: [UInt8](outData), stderr: String(decoding: errData, as: UTF8.self))
}

/// Built executables next to the test bundle.
enum Built {
    static func executable(_ name: String) -> URL? {
        let candidates = [Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent(name),
                          packageRoot.appendingPathComponent(".build/debug/\(name)")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static let cli = executable("meeting-notes")
    static let tool = executable("meeting-notes-safety")
}
