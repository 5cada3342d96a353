// swift-meeting-notes · Examples/overdue-actions
//
// Reads every meeting page in a folder (Confluence storage format, exported HTML, plain text, canonical
// JSON) and prints the action items still open and due before a given day, oldest first.
//
//     swift run overdue-actions Examples/pages 2024-04-01
//
// The day defaults to today (UTC). Exit status: 0 when nothing is overdue, 1 when something is,
// 2 on a usage error.

import Foundation
import MeetingNotes

let arguments = CommandLine.arguments.dropFirst()
guard let folder = arguments.first, arguments.count <= 2 else {
    FileHandle.standardError.write(Data("usage: overdue-actions FOLDER [YYYY-MM-DD]\n".utf8))
    exit(2)
}

let day: CalendarDate
if let text = arguments.dropFirst().first {
    guard let parsed = CalendarDate(iso8601: text) else {
        FileHandle.standardError.write(Data("overdue-actions: '\(text)' is not a YYYY-MM-DD date\n".utf8))
        exit(2)
    }
    day = parsed
} else {
    let now = Date().timeIntervalSince1970
    day = CalendarDate(daysSinceEpoch: Int((now / 86_400).rounded(.down)))
}

// A users.json in the folder resolves Confluence user keys to names (and is not read as a page).
var options = ImportOptions()
let usersFile = URL(fileURLWithPath: folder).appendingPathComponent("users.json").path
if let users = try? SourceInput(contentsOf: URL(fileURLWithPath: usersFile)) {
    options.userDirectory = (try? UserDirectory(json: users.bytes, file: usersFile)) ?? UserDirectory()
}

// Import every page in the folder on every core; keep only the open rows due before `day`.
let filter = ActionFilter(overdueOn: day)
var batch = MeetingBatch(registry: .standard, options: options)
batch.excludedFiles = [MeetingBatch.standardized(usersFile)]
let outcomes = batch.run(paths: [folder]) { result, path in
    ActionRow.rows(of: result.meeting, sourceFile: path).filter(filter.matches)
}

var rows: [ActionRow] = []
for file in outcomes {
    switch file.outcome {
    case .value(let found): rows += found
    case .skipped: break
    case .failed(let error): FileHandle.standardError.write(Data("\(file.path): \(error)\n".utf8))
    }
}
rows.sort { a, b in    // oldest due day first, then by file and position on the page
    let (x, y) = (a.action.due ?? day, b.action.due ?? day)
    return x != y ? x < y : (a.sourceFile ?? "", a.ordinal) < (b.sourceFile ?? "", b.ordinal)
}

for row in rows {
    let due = row.action.due ?? day    // ActionFilter(overdueOn:) keeps dated items only
    let owners = row.ownerNames.isEmpty ? "(no owner)" : row.ownerNames.joined(separator: ", ")
    let late = day.daysSinceEpoch - due.daysSinceEpoch
    print("\(due)  \(late) day\(late == 1 ? "" : "s") late  \(owners): \(row.action.text)")
    let file = URL(fileURLWithPath: row.sourceFile ?? "?").lastPathComponent
    print("            \(row.meetingTitle)\(row.agendaItem.map { " › \($0)" } ?? "") (\(file))")
}
print(rows.isEmpty ? "Nothing overdue on \(day)." : "\(rows.count) open action items overdue on \(day).")
exit(rows.isEmpty ? 0 : 1)
