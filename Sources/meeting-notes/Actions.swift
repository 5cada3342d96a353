// swift-meeting-notes · meeting-notes actions / people

import ArgumentParser
import Foundation
import MeetingNotes

/// Output formats of the reports over many meetings.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case table, csv, json, jsonl
}

/// Output formats of `inspect`.
enum InspectFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// Inputs of the commands that read many pages.
struct PathsArguments: ParsableArguments {
    @Argument(help: ArgumentHelp(
        "Meeting pages and folders; folders are searched recursively for .html .htm .xml .xhtml .txt .md .json files.",
        valueName: "PATH"))
    var paths: [String]
}

/// Runs a batch over the paths and hands each page's value to `consume`, in file order, as pages finish;
/// notes for skipped files and errors for failed ones go to standard error in the same order, around a
/// progress bar. Returns how many files failed.
func runBatch<Value: Sendable>(_ paths: [String], flags: ImportFlags,
                               _ reduce: @escaping @Sendable (ImportResult, String) -> Value,
                               consume: (Value) throws -> Void) throws -> Int {
    let options = try flags.importOptions()
    var batch = MeetingBatch(registry: .standard, options: options, sourceIdentifier: flags.from)
    if let users = flags.users { batch.excludedFiles = [MeetingBatch.standardized(users)] }
    let progress = ProgressBar()
    var failed = 0
    var consumeError: (any Error)?
    batch.forEach(paths: paths, progress: { done, total in progress.update(done, total) }, reduce) { o in
        switch o.outcome {
        case .value(let v):
            guard consumeError == nil else { return }
            do { try consume(v) } catch { consumeError = error }
        case .skipped(let reason): progress.note("meeting-notes: note: \(o.path): skipped: \(reason)")
        case .failed(let e):
            failed += 1
            progress.note(Output.describe(e, file: o.path))
        }
    }
    progress.finish()
    if let consumeError { throw consumeError }
    return failed
}

struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the action items of many meetings: who owes what, by when.",
        discussion: """
        Reads every page given (folders recursively, e.g. a Confluence space export), skips pages that are \
        not meeting notes (with a note on standard error), and lists the action items sorted by due date \
        (items without one last), then by meeting date.

        Owners match by name, alias or username, ignoring case. "open" includes items whose status the \
        page does not state.

        Examples:
          meeting-notes actions export/ --owner ktl --status open
          meeting-notes actions export/ --overdue-on 2019-12-01
          meeting-notes actions a.html b.txt --ticket DM-22368 --format json
          meeting-notes actions export/ --format csv -o actions.csv
        """
    )

    @OptionGroup var inputs: PathsArguments

    @Option(help: ArgumentHelp("Only items owned by this person (name, alias or username) or group.", valueName: "NAME"))
    var owner: String?

    @Option(help: "Only open, only done, or all items.")
    var status: ActionFilter.Status = .all

    @Option(help: ArgumentHelp("Only items due before this day (YYYY-MM-DD).", valueName: "DATE"))
    var dueBefore: CalendarDate?

    @Option(help: ArgumentHelp("Only items not done and due before this day (YYYY-MM-DD).", valueName: "DATE"))
    var overdueOn: CalendarDate?

    @Option(help: ArgumentHelp("Only items naming this Jira ticket (e.g. DM-22368).", valueName: "KEY"))
    var ticket: String?

    @Option(name: [.short, .long], help: "Output format: table, csv, json or jsonl.")
    var format: ReportFormat = .table

    @OptionGroup var importFlags: ImportFlags
    @OptionGroup var outputFlags: OutputFlags

    func run() throws {
        let filter = ActionFilter(owner: owner, status: status, dueBefore: dueBefore, overdueOn: overdueOn, ticket: ticket)
        let rendering: ActionReportFormat
        switch format {
        case .table: rendering = .table()
        case .csv: rendering = .csv
        case .json: rendering = .json
        case .jsonl: rendering = .jsonLines
        }
        // Rows are rendered on the workers and kept compact (spilled to sorted runs on disk past the budget),
        // so memory does not grow with the number of pages; the output is what ActionReport writes.
        let spool = ActionReportSpool(format: rendering)
        let failed = try runBatch(inputs.paths, flags: importFlags, { result, path in
            ActionRow.rows(of: result.meeting, sourceFile: path).filter(filter.matches)
                .map { RenderedActionRow($0, format: rendering) }
        }, consume: { rows in
            for row in rows { try spool.add(row) }
        })
        if format == .table && spool.count == 0 {
            try outputFlags.write("No action items.\n")
        } else {
            try outputFlags.stream { write in try spool.finish(write) }
        }
        if failed > 0 { throw ExitCode(Exit.inputFailed) }
    }
}

struct People: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Tally who attended, chaired and owns how many open and done action items.",
        discussion: """
        People are merged across meetings by username, account id, user key, name or alias.

        Examples:
          meeting-notes people export/
          meeting-notes people export/ --format csv -o people.csv
        """
    )

    @OptionGroup var inputs: PathsArguments

    @Option(name: [.short, .long], help: "Output format: table, csv or json.")
    var format: ReportFormat = .table

    @OptionGroup var importFlags: ImportFlags
    @OptionGroup var outputFlags: OutputFlags

    func validate() throws {
        if format == .jsonl { throw ValidationError("people supports --format table, csv or json") }
    }

    func run() throws {
        var report = PeopleReport()
        let failed = try runBatch(inputs.paths, flags: importFlags, { result, _ in
            PeopleReport(meetings: [result.meeting])
        }, consume: { report.merge($0) })
        let text: String
        switch format {
        case .table, .jsonl: text = report.tallies.isEmpty ? "No people.\n" : report.table()
        case .csv: text = report.csv()
        case .json: text = report.json()
        }
        try outputFlags.write(text)
        if failed > 0 { throw ExitCode(Exit.inputFailed) }
    }
}

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show what the importer understood of a page, and what it did not.",
        discussion: """
        Prints the source chosen and how sure each source was, whether the page looks like meeting notes, \
        counts of what was found, every diagnostic with its line and column, and the words that landed \
        only in diagnostics (text the model could not place).

        Example:
          meeting-notes inspect notes.txt
        """
    )

    @Argument(help: ArgumentHelp("The meeting page to inspect, or - for standard input.", valueName: "FILE"))
    var file: String

    @Option(name: [.short, .long], help: "Output format: text or json.")
    var format: InspectFormat = .text

    @OptionGroup var importFlags: ImportFlags
    @OptionGroup var outputFlags: OutputFlags

    func run() throws {
        let (input, result) = try importOneWithInput(file, flags: importFlags)
        let ranking = MeetingSourceRegistry.standard.rank(input)
            .map { InspectionReport.SourceScore(identifier: $0.source.identifier, confidence: $0.confidence) }
        let report = InspectionReport(result: result, ranking: ranking, file: file == "-" ? "<stdin>" : file)
        try outputFlags.write(format == .json ? report.json() : report.render())
    }
}

/// A progress bar on standard error, shown only when it is a terminal and the work lasts over 0.5 s.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let started = DispatchTime.now().uptimeNanoseconds
    private let enabled = isatty(STDERR_FILENO) != 0
    private var shown = false
    private var lastWidth = -1

    func update(_ done: Int, _ total: Int) {
        guard enabled, total > 0 else { return }
        lock.lock(); defer { lock.unlock() }
        let elapsed = DispatchTime.now().uptimeNanoseconds &- started
        guard elapsed > 500_000_000 else { return }
        let width = 30
        let filled = done * width / total
        guard filled != lastWidth || done == total else { return }
        lastWidth = filled
        shown = true
        let bar = String(repeating: "#", count: filled) + String(repeating: " ", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
    }

    /// Writes one line to standard error, clearing the bar first (it is drawn again on the next update).
    func note(_ line: String) {
        lock.lock(); defer { lock.unlock() }
        if shown {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
            shown = false
            lastWidth = -1
        }
        Output.error(line)
    }

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
