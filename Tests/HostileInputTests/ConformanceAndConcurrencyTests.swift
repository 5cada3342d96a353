// swift-meeting-notes · HostileInputTests
//
// Every built-in source passes the conformance kit with our fixture pages as samples; many pages import
// concurrently with the same results as one by one (run under ThreadSanitizer by Scripts/safety.sh).

import Foundation
import MeetingModel
import MeetingNotes
import MeetingSourceTesting
import Testing

@Suite("Conformance and concurrency")
struct ConformanceAndConcurrencyTests {
    /// Sample pages per source identifier: our clean fixtures, plus canonical JSON made from one of them.
    static func samples(for identifier: String) throws -> [SourceInput] {
        if identifier == "meeting-json" {
            let r = try BuiltIn.storage.importMeeting(from: try Fixtures.input("clean/lab-sync.storage.xhtml"),
                                                      options: ImportOptions())
            return [SourceInput(bytes: MeetingJSON.encode(r.meeting), fileName: "lab-sync.json")]
        }
        return Fixtures.own.filter { $0.sourceIdentifier == identifier && $0.isClean }.map(\.input)
    }

    @Test("the standard registry holds every built-in importer")
    func registryHoldsEveryImporter() {
        #expect(Set(MeetingSourceRegistry.standard.sources.map(\.identifier))
                == ["confluence-storage", "confluence-html", "confluence-rest-json", "meeting-json", "plain-text"])
    }

    @Test("every built-in source passes the conformance kit",
          arguments: MeetingSourceRegistry.standard.sources.map(\.identifier))
    func conformance(_ identifier: String) throws {
        let samples = try Self.samples(for: identifier)
        try #require(!samples.isEmpty, "no sample for \(identifier)")
        let source = try #require(MeetingSourceRegistry.standard.source(identifier: identifier))
        SourceConformance(source: source, samples: samples).expectConformance()
    }

    @Test("200 imports of 8 pages on every core give the results of one-by-one imports")
    func concurrentImports() async throws {
        var pages: [(source: any MeetingSource, input: SourceInput)] = Fixtures.own.map { ($0.source, $0.input) }
        pages.append((BuiltIn.storage, SourceInput(bytes: Hostile.unclosedEverywhere(count: 50), fileName: "u.xhtml")))
        pages.append((BuiltIn.html, SourceInput(bytes: Hostile.nulBytes(), fileName: "n.html")))
        let expected = pages.map { p in importPage(p.source, p.input.bytes, fileName: p.input.fileName).visibleText }
        let results = await withTaskGroup(of: (Int, String).self) { group in
            for i in 0..<200 {
                let k = i % pages.count
                let page = pages[k]
                group.addTask { (k, importPage(page.source, page.input.bytes, fileName: page.input.fileName).visibleText) }
            }
            var out: [(Int, String)] = []
            for await r in group { out.append(r) }
            return out
        }
        #expect(results.count == 200)
        for (k, text) in results {
            #expect(text == expected[k], "concurrent import of page \(k) differs")
        }
    }

    @Test("the registry sniffs and imports concurrently from plain threads")
    func concurrentRegistryFromThreads() throws {
        let inputs = Fixtures.own.map(\.input)
        let registry = MeetingSourceRegistry.standard
        let expected = inputs.map { (try? registry.importMeeting(from: $0)).map { MeetingJSON.encode($0.meeting) } ?? [] }
        let box = ResultBox(count: 64)
        DispatchQueue.concurrentPerform(iterations: 64) { i in
            let input = inputs[i % inputs.count]
            box.set(i, (try? registry.importMeeting(from: input)).map { MeetingJSON.encode($0.meeting) } ?? [])
        }
        for i in 0..<64 { #expect(box.get(i) == expected[i % inputs.count], "thread \(i)") }
    }
}

/// Results written from several threads.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[UInt8]]
    init(count: Int) { slots = Array(repeating: [], count: count) }
    func set(_ i: Int, _ v: [UInt8]) { lock.withLock { slots[i] = v } }
    func get(_ i: Int) -> [UInt8] { lock.withLock { slots[i] } }
}

@Suite("Crashers")
struct CrasherReplayTests {
    @Test("every saved fuzzer crasher now imports or throws a typed error, with every source")
    func replay() throws {
        let files = Fixtures.crashers
        for url in files {
            let bytes = [UInt8](try Data(contentsOf: url))
            for source in BuiltIn.all {
                let outcome = importPage(source, bytes, fileName: url.lastPathComponent)
                expectModelOrTypedError(outcome, lines: lineCount(bytes), "\(url.lastPathComponent) via \(source.identifier)",
                                        withinInput: source.identifier != "meeting-json")
            }
        }
        // The first crasher (fuzzing, 2026-11-29): meeting JSON with "column": 0 gave a model with a 0-based location.
        let first = Fixtures.folder.appendingPathComponent("crashers/meeting-json-crash-0af5bd4362a7")
        if let bytes = try? [UInt8](Data(contentsOf: first)) {
            let outcome = importPage(BuiltIn.meetingJSON, bytes, fileName: "crash.json")
            if case .error(let e) = outcome {
                #expect(e.code == .malformedMarkup && e.message.contains("1-based"), "\(e)")
            } else {
                Issue.record("the column-0 meeting JSON was accepted: \(outcome.summary)")
            }
        }
        // The folder is part of the contract: Scripts/fuzz.sh saves new crashers there.
        #expect(FileManager.default.fileExists(atPath: Fixtures.folder.appendingPathComponent("crashers").path))
    }
}
