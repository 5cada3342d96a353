import Foundation
import Testing
import MeetingModel
import MeetingExport
import MeetingNotes

/// `ActionReportSpool` writes what `ActionReport` writes, byte for byte, whether it keeps every row in memory
/// or spills sorted runs to disk and merges them.
@Suite struct ActionReportSpoolTests {
    /// Rows from many meetings whose sort keys collide on every level: shared due days, meeting dates and
    /// titles, undated rows, a title with a combining accent, and one file read twice.
    static func rows() -> [ActionRow] {
        var all: [ActionRow] = []
        for i in 0..<60 {
            var m = Sample.rich()
            m.title = ["Weekly sync", "Planning", "Café review", "Cafe\u{301} review", ""][i % 5]
            m.startDate = i % 7 == 0 ? nil : Sample.date("2026-01-01").adding(days: i % 4)
            for k in m.actionItems.indices {
                m.actionItems[k].due = (i + k) % 3 == 0 ? nil : Sample.date("2026-02-01").adding(days: (i + k) % 5)
                m.actionItems[k].text += " (meeting \(i))"
            }
            let file = "space/\(i % 9)/page-\(i % 30).html"   // pages 0...29 twice each, under one or two names
            all += ActionRow.rows(of: m, sourceFile: file)
        }
        return all
    }

    static func spooled(_ rows: [ActionRow], _ format: ActionReportFormat, budget: Int) throws -> (String, Int) {
        let spool = ActionReportSpool(format: format, memoryBudget: budget)
        for r in rows { try spool.add(RenderedActionRow(r, format: format)) }
        let runs = spool.spilledRuns
        var out: [UInt8] = []
        try spool.finish { out += $0 }
        return (String(decoding: out, as: UTF8.self), runs)
    }

    static func expected(_ rows: [ActionRow], _ format: ActionReportFormat) -> String {
        var report = ActionReport(rows: rows)
        report.sort()
        switch format {
        case .csv: return report.csv()
        case .json: return report.json()
        case .jsonLines: return report.jsonLines()
        case .table(let width): return report.table(maxTextWidth: width)
        }
    }

    @Test(arguments: [ActionReportFormat.csv, .json, .jsonLines, .table(), .table(maxTextWidth: 12)])
    func sameBytesInMemoryAndSpilled(format: ActionReportFormat) throws {
        let rows = ActionReportSpoolTests.rows()
        #expect(rows.count == 240)
        let want = ActionReportSpoolTests.expected(rows, format)
        let (inMemory, noRuns) = try ActionReportSpoolTests.spooled(rows, format, budget: 16 << 20)
        #expect(noRuns == 0)
        #expect(inMemory == want)
        // A budget of a few rows: many runs, merged.
        let (spilled, runs) = try ActionReportSpoolTests.spooled(rows, format, budget: 2_000)
        #expect(runs > 4)
        #expect(spilled == want)
    }

    @Test(arguments: [ActionReportFormat.csv, .json, .jsonLines, .table()])
    func emptyReportsMatch(format: ActionReportFormat) throws {
        let (text, _) = try ActionReportSpoolTests.spooled([], format, budget: 100)
        #expect(text == ActionReportSpoolTests.expected([], format))
    }

    @Test func runsAreDeletedWhenFinished() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let spool = ActionReportSpool(format: .csv, memoryBudget: 500, temporaryDirectory: folder)
        for r in ActionReportSpoolTests.rows().prefix(50) { try spool.add(RenderedActionRow(r, format: .csv)) }
        #expect(spool.spilledRuns > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).count == spool.spilledRuns)
        var bytes = 0
        try spool.finish { bytes += $0.count }
        #expect(bytes > 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }
}

@Suite struct MeetingBatchStreamingTests {
    @Test func forEachDeliversInFileOrderWithAShortWindow() throws {
        let root = try GeneratedSpace.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let space = root.appendingPathComponent("space").path
        let missing = root.appendingPathComponent("nope").path
        let batch = MeetingBatch(registry: .standard, width: 2)
        let reduce: @Sendable (ImportResult, String) -> Int = { result, _ in result.meeting.actionItems.count }
        let collected = batch.run(paths: [space, missing], reduce)
        var delivered: [(String, String)] = []
        batch.forEach(paths: [space, missing], window: 3, reduce) { o in
            let what: String
            switch o.outcome {
            case .value(let n): what = "value \(n)"
            case .skipped: what = "skipped"
            case .failed(let e): what = "failed \(e.code.rawValue)"
            }
            delivered.append((o.path, what))
        }
        #expect(delivered.count == 201)
        #expect(delivered.map(\.0) == collected.map(\.path))
        #expect(delivered.last?.0 == missing)
        #expect(delivered.last?.1 == "failed unreadable-file")
        #expect(delivered.filter { $0.1 == "skipped" }.count == 10)
        #expect(delivered.filter { $0.1 == "value 3" }.count == 190)
    }

    /// The example of MeetingExport.docc ("Reading many pages"), writing to a buffer instead of stdout.
    @Test func documentedSpoolExampleWritesWhatActionReportWrites() throws {
        let root = try GeneratedSpace.write()
        defer { try? FileManager.default.removeItem(at: root) }
        let batch = MeetingBatch(registry: .standard)
        let space = root.appendingPathComponent("space").path
        var written: [UInt8] = []

        let spool = ActionReportSpool(format: .csv)
        var spoolError: (any Error)?
        batch.forEach(paths: [space], { result, path in
            ActionRow.rows(of: result.meeting, sourceFile: path).map { RenderedActionRow($0, format: .csv) }
        }) { outcome in
            guard case .value(let rows) = outcome.outcome, spoolError == nil else { return }
            do { for row in rows { try spool.add(row) } } catch { spoolError = error }
        }
        if let spoolError { throw spoolError }
        try spool.finish { written += $0 }

        var report = ActionReport(rows: batch.run(paths: [space]) { result, path in
            ActionRow.rows(of: result.meeting, sourceFile: path)
        }.flatMap { o -> [ActionRow] in if case .value(let rows) = o.outcome { return rows } else { return [] } })
        report.sort()
        #expect(spool.count == 570)
        #expect(String(decoding: written, as: UTF8.self) == report.csv())
    }

    @Test("rows added from several threads at once give the same report, in memory and spilled")
    func concurrentAdds() throws {
        let rows = ActionReportSpoolTests.rows()
        let want = ActionReportSpoolTests.expected(rows, .csv)
        for budget in [16 << 20, 2_000] {
            let spool = ActionReportSpool(format: .csv, memoryBudget: budget)
            // Four threads, each adding whole meetings (rows of one meeting keep their order).
            let chunks = stride(from: 0, to: rows.count, by: 60).map { Array(rows[$0..<min(rows.count, $0 + 60)]) }
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: chunks.count) { i in
                for r in chunks[i] {
                    do { try spool.add(RenderedActionRow(r, format: .csv)) } catch { failures.note() }
                }
            }
            #expect(failures.count == 0)
            #expect(spool.count == rows.count)
            var out: [UInt8] = []
            try spool.finish { out += $0 }
            #expect(String(decoding: out, as: UTF8.self) == want, "budget \(budget)")
        }
    }

    /// A counter several threads may bump.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func note() { lock.withLock { n += 1 } }
        var count: Int { lock.withLock { n } }
    }
}
