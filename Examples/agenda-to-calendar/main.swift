// swift-meeting-notes · Examples/agenda-to-calendar
//
// Reads one meeting page in any supported form and writes its agenda as an iCalendar file: one event per
// agenda item, one to-do per action item. Then prints where each item landed.
//
//     swift run agenda-to-calendar Examples/pages/harbour-survey-workshop-2024-03.html workshop.ics \
//         --users Examples/pages/users.json --time-zone Europe/Oslo
//
// Exit status: 0 on success, 1 when the page cannot be read, 2 on a usage error.

import Foundation
import MeetingNotes

func fail(_ message: String, _ status: Int32) -> Never {
    FileHandle.standardError.write(Data("agenda-to-calendar: \(message)\n".utf8))
    exit(status)
}

// PAGE OUTPUT [--users FILE] [--time-zone ZONE]
var positional: [String] = []
var usersFile: String?
var timeZone: String?
var rest = CommandLine.arguments.dropFirst()
while let argument = rest.popFirst() {
    switch argument {
    case "--users":
        guard let file = rest.popFirst() else { fail("--users needs a file", 2) }
        usersFile = file
    case "--time-zone":
        guard let zone = rest.popFirst() else { fail("--time-zone needs a zone such as Europe/Oslo", 2) }
        timeZone = zone
    default: positional.append(argument)
    }
}
guard positional.count == 2 else {
    fail("usage: agenda-to-calendar PAGE OUTPUT.ics [--users users.json] [--time-zone ZONE]", 2)
}

do {
    // A user directory resolves Confluence user keys and account ids to names.
    var options = ImportOptions(defaultTimeZone: timeZone)
    if let usersFile {
        let users = try SourceInput(contentsOf: URL(fileURLWithPath: usersFile))
        options.userDirectory = try UserDirectory(json: users.bytes, file: usersFile)
    }
    let input = try SourceInput(contentsOf: URL(fileURLWithPath: positional[0]))
    let result = try MeetingSourceRegistry.standard.importMeeting(from: input, options: options)
    guard result.isMeeting else { fail("\(positional[0]) does not look like meeting notes", 1) }

    let exporter = ICalendarExporter(options: .init(timeZone: timeZone))
    let calendar = exporter.render(result.meeting)
    guard FileManager.default.createFile(atPath: positional[1], contents: Data(calendar.utf8)) else {
        fail("cannot write \(positional[1])", 1)
    }

    let meeting = result.meeting
    print("\(meeting.title) (read as \(result.sourceIdentifier)) → \(positional[1])")
    for placed in exporter.placements(for: meeting) {
        let when = placed.start.map { "\($0)–\(placed.end?.description ?? "?")" } ?? "all day    "
        print("  \(placed.date) \(when)  \(meeting.agendaItem(placed.reference)?.topic ?? "")")
    }
    print("\(meeting.actionItems.count) action items as to-dos")
} catch {
    fail("\(error)", 1)
}
