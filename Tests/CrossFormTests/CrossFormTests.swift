// The same meeting read from its three forms (pasted text, Confluence storage format, exported HTML)
// must give the same people, agenda items, action items and tickets, except for what a form does not carry.

import ConfluenceHTML
import Foundation
import MeetingModel
import PlainTextImport
import Testing

enum ExamplePages {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Examples/pages")

    static func input(_ name: String) throws -> SourceInput {
        try SourceInput(contentsOf: root.appendingPathComponent(name))
    }

    static func options() throws -> ImportOptions {
        let users = try input("users.json")
        return ImportOptions(userDirectory: try UserDirectory(json: users.bytes, file: users.fileName))
    }

    static func all() throws -> [(form: String, meeting: Meeting)] {
        let options = try options()
        return [
            ("plain-text", try PlainTextSource().importMeeting(
                from: input("harbour-survey-workshop-2024-03.txt"), options: options).meeting),
            ("storage", try ConfluenceStorageSource().importMeeting(
                from: input("harbour-survey-workshop-2024-03.storage.xhtml"), options: options).meeting),
            ("html", try ConfluenceHTMLSource().importMeeting(
                from: input("harbour-survey-workshop-2024-03.html"), options: options).meeting),
        ]
    }
}

/// A form-neutral view of what every form carries.
struct Essentials: Equatable, CustomStringConvertible {
    struct Item: Equatable { var day: Int; var date: String?; var start: String?; var topic: String; var kind: String; var chairs: [String] }
    struct Action: Equatable { var owners: [String]; var text: String; var due: String?; var tickets: [String]; var agendaItem: String? }
    var title: String
    var dates: String
    var participants: [String]
    var remote: [String]
    var items: [Item]
    var actions: [Action]

    init(_ m: Meeting) {
        // People are compared by the participant they resolve to, so "Unknown User (epark)" in text and
        // <ri:user ri:username="epark"/> in storage are one person.
        title = m.title
        dates = "\(m.startDate.map(String.init(describing:)) ?? "-")…\(m.endDate.map(String.init(describing:)) ?? "-")"
        participants = m.participants.map { Person.normalizedName($0.name) }.sorted()
        remote = m.participants.filter { $0.attendance == .remote }.map { Person.normalizedName($0.name) }
        items = m.agenda.flatMap { day in day.items.map {
            Item(day: day.day, date: day.date?.description, start: $0.start?.description, topic: $0.topic,
                 kind: $0.kind.rawValue, chairs: $0.chairs.map { Person.normalizedName((m.participant(matching: $0) ?? $0).name) })
        } }
        actions = m.actionItems.map { a in
            var text = a.text.trimmingCharacters(in: .whitespaces)
            while let last = text.last, last == "." || last == " " || last == "—" { text.removeLast() }
            return Action(owners: a.owners.map { Person.normalizedName((m.participant(matching: $0) ?? $0).name) }.sorted(),
                          text: text, due: a.due?.description, tickets: a.tickets.sorted(),
                          agendaItem: a.agendaItem?.description)
        }
    }

    var description: String {
        "title: \(title)\ndates: \(dates)\nparticipants: \(participants)\nremote: \(remote)\n"
            + items.map { "item \($0)" }.joined(separator: "\n") + "\n"
            + actions.map { "action \($0)" }.joined(separator: "\n")
    }
}

@Suite struct CrossFormTests {
    @Test func everyFormGivesTheSameMeeting() throws {
        let forms = try ExamplePages.all()
        let reference = Essentials(forms[0].meeting)
        #expect(reference.participants.count == 6)
        #expect(reference.items.count == 10)
        #expect(reference.actions.count == 5)
        for (form, meeting) in forms.dropFirst() {
            let e = Essentials(meeting)
            #expect(e.title == reference.title, "\(form) title")
            #expect(e.dates == reference.dates, "\(form) dates")
            #expect(e.participants == reference.participants, "\(form) participants")
            #expect(e.remote == reference.remote, "\(form) remote attendance")
            #expect(e.items == reference.items, "\(form) agenda items")
            #expect(e.actions == reference.actions, "\(form) action items")
        }
    }

    @Test func specificValuesHoldInEveryForm() throws {
        for (form, m) in try ExamplePages.all() {
            #expect(m.title == "Harbour Survey Steering Group Workshop, 2024-03-11 to 12", "\(form)")
            #expect(m.startDate?.description == "2024-03-11" && m.endDate?.description == "2024-03-12", "\(form)")
            #expect(m.agenda.map(\.date?.description) == ["2024-03-11", "2024-03-12"], "\(form)")
            let calibration = try #require(m.agenda.first?.items.first { $0.topic == "Sonar calibration results" }, "\(form)")
            #expect(calibration.chairs.count == 2, "\(form)")
            let agreement = try #require(m.actionItems.first { $0.tickets == ["HSV-398"] }, "\(form)")
            #expect(agreement.status == .done, "\(form)")
            #expect(agreement.due?.description == "2024-03-15", "\(form)")
            #expect(agreement.agendaItem == AgendaItemReference(day: 1, index: 3), "\(form)")
            let crew = try #require(m.actionItems.first { $0.text.contains("crew rotation") }, "\(form)")
            #expect(crew.owners.count == 2, "\(form)")
            let archive = try #require(m.actionItems.first { $0.text.contains("archive size") }, "\(form)")
            #expect(archive.owners.first?.unresolved == true || archive.owners.first?.username == "epark", "\(form)")
            #expect(archive.agendaItem == AgendaItemReference(day: 2, index: 1), "\(form)")
            let kinds = m.agenda[0].items.map(\.kind)
            #expect(kinds == [.session, .session, .break, .session, .meal, .session, .other], "\(form)")
        }
    }
}
