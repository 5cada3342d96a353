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

/// Runs a batch over the paths, with notes for skipped files, errors for failed ones and a progress bar.
func runBatch<Value: Sendable>(_ paths: [String], flags: ImportFlags,
                               _ reduce: @escaping @Sendable (ImportResult, String) -> Value) throws -> (values: [Value], failed: Int) {
    let options = try flags.importOptions()
    var batch = MeetingBatch(registry: .standard, options: options, sourceIdentifier: flags.from)
    if let users = flags.users { batch.excludedFiles = [MeetingBatch.standardized(users)] }
    let progress = ProgressBar()
    let outcomes = batch.run(paths: paths, progress: { done, total in progress.update(done, total) }, reduce)
    progress.finish()
    var values: [Value] = []
    var failed = 0
    for o in outcomes {
        switch o.outcome {
        case .value(let v): values.append(v)
        case .skipped(let reason): Output.error("meeting-notes: note: \(o.path): skipped: \(reason)")
        case .failed(let e):
            failed += 1
            Output.error(Output.describe(e, file: o.path))
        }
    }
    return (values, failed)
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
        let (values, failed) = try runBatch(inputs.paths, flags: importFlags) { result, path in
            ActionRow.rows(of: result.meeting, sourceFile: path).filter(filter.matches)
        }
        var report = ActionReport(rows: values.flatMap { $0 })
        report.sort()
        let text: String
        switch format {
        case .table: text = report.rows.isEmpty ? "No action items.\n" : report.table()
        case .csv: text = report.csv()
        case .json: text = report.json()
        case .jsonl: text = report.jsonLines()
        }
        try outputFlags.write(text)
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
        let (values, failed) = try runBatch(inputs.paths, flags: importFlags) { result, _ in
            PeopleReport(meetings: [result.meeting])
        }
        var report = PeopleReport()
        for v in values { report.merge(v) }
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

    func finish() {
        lock.lock(); defer { lock.unlock() }
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
