// swift-meeting-notes · meeting-notes convert

import ArgumentParser
import Foundation
import MeetingNotes

struct Convert: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Convert one meeting page to JSON, Markdown minutes, iCalendar, CSV or JSON Lines.",
        discussion: """
        The input format (Confluence storage XHTML, exported HTML, plain text, meeting JSON) is found by \
        looking at the file; use --from to force one. Use - to read standard input.

        Formats:
          json      the canonical meeting JSON (the default; see Docs/JSONContract.md)
          markdown  minutes: participants, agenda tables, notes, action items as task lists
          ics       iCalendar: one event per agenda item, one to-do per action item
          csv       the action items, one row each (RFC 4180)
          jsonl     the action items, one JSON object per line with the meeting's title and date

        Examples:
          meeting-notes convert notes.html --format markdown -o minutes.md
          cat notes.txt | meeting-notes convert - --format ics --time-zone Europe/Paris
        """
    )

    @Argument(help: ArgumentHelp("The meeting page to read, or - for standard input.", valueName: "FILE"))
    var file: String

    @Option(name: [.short, .long], help: "Output format: json, markdown, ics, csv or jsonl.")
    var format: ExportFormat = .json

    @Option(help: ArgumentHelp("Markdown: link Jira keys to URL + key (e.g. https://jira.example.org/browse/).",
                               valueName: "URL"))
    var ticketURL: String?

    @Option(help: ArgumentHelp("iCalendar: give people with a username the address mailto:username@DOMAIN.",
                               valueName: "DOMAIN"))
    var emailDomain: String?

    @OptionGroup var importFlags: ImportFlags
    @OptionGroup var outputFlags: OutputFlags

    func run() throws {
        let result = try importOne(file, flags: importFlags)
        if !result.isMeeting {
            Output.error("meeting-notes: note: \(file == "-" ? "<stdin>" : file): does not look like meeting notes "
                         + "(read as \(result.sourceIdentifier)); converting anyway")
        }
        let text: String
        switch format {
        case .markdown:
            text = MarkdownExporter(options: .init(ticketBaseURL: ticketURL)).render(result.meeting)
        case .ics:
            text = ICalendarExporter(options: .init(emailDomain: emailDomain)).render(result.meeting)
        default:
            text = format.render(result.meeting)
        }
        try outputFlags.write(text)
    }
}
