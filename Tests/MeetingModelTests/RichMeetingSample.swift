import MeetingModel

/// A hand-built meeting that uses every part of the model: every block and inline kind, every optional key
/// both present and absent. `Docs/examples/meeting.json` is this meeting as `MeetingJSON.encode` writes it.
/// People and content are invented.
enum RichMeetingSample {
    static func date(_ y: Int, _ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: y, month: m, day: d) }
    static func time(_ h: Int, _ m: Int) -> LocalTime? { LocalTime(hour: h, minute: m) }

    static let ana = Person(name: "Ana Ruiz", username: "aruiz", attendance: .inPerson)
    static let tom = Person(name: "Tom Okafor", username: "tokafor", userKey: "8a7f808a6e1c2b3d016e1c2b3d4e0001",
                            attendance: .inPerson, aliases: ["Tom Okafur"])
    static let mei = Person(name: "Mei Lin", accountID: "557058:0f1e2d3c-aaaa-bbbb-cccc-1234567890ab",
                            attendance: .remote)
    static let ghost = Person(name: "Unknown User (jdoe)", username: "jdoe", unresolved: true)

    static var meeting: Meeting {
        Meeting(
            title: "Survey Data Leadership Team Face-to-Face, 2019-11-12 to 14",
            startDate: date(2019, 11, 12),
            endDate: date(2019, 11, 14),
            timeZone: "America/Phoenix",
            location: "North Campus, Room 2.14",
            sections: [
                Section(title: "Logistics", level: 2, content: [
                    .paragraph([.text("Meet in "), .emphasis(strong: true, [.text("Room 2.14")]), .text(" at "),
                                .date(CalendarDate(year: 2019, month: 11, day: 12) ?? CalendarDate(daysSinceEpoch: 0),
                                      text: "12 Nov 2019"), .text("."), .lineBreak,
                                .text("Dial-in: "), .link(target: "https://example.org/dial-in", [.text("video room")])]),
                    .panel(PanelBlock(kind: "info", title: "Hotel", content: RichText(plain: "Book by 1 Nov."))),
                ], location: SourceLocation(line: 5)),
                Section(title: "Goals", level: 2, content: [
                    .list(ListBlock(ordered: true, items: [
                        ListItem([.text("Agree the 2020 milestones")]),
                        ListItem(blocks: [.paragraph([.text("Review "), .ticket(key: "SDL-1024")]),
                                          .list(ListBlock(items: [ListItem([.status(title: "IN PROGRESS", colour: "Yellow")],
                                                                           checked: false)]))]),
                    ])),
                ], location: SourceLocation(line: 11, column: 1)),
            ],
            participants: [ana, tom, mei, ghost],
            agenda: [
                AgendaDay(day: 1, date: date(2019, 11, 12), title: "Day 1: Tuesday", items: [
                    AgendaItem(start: time(9, 0), end: time(9, 30), topic: "Welcome and agenda", kind: .other,
                               chairs: [ana], discussion: RichText(plain: "Goals for the week"),
                               location: SourceLocation(line: 20)),
                    AgendaItem(start: time(9, 30), end: time(10, 30), topic: "Milestone review", chairs: [tom, mei],
                               discussion: [.table(TableBlock(rows: [
                                   [TableCell(content: RichText(plain: "Milestone"), isHeader: true),
                                    TableCell(content: RichText(plain: "Due"), isHeader: true)],
                                   [TableCell(content: RichText(plain: "Alert stream")),
                                    TableCell(content: [.paragraph([.date(CalendarDate(daysSinceEpoch: 18_322),
                                                                          text: "1 Mar 2020")])])],
                               ]))],
                               notes: [.paragraph([.mention(tom), .text(" showed the plan; "), .code("make plan"),
                                                   .text(" regenerates it.")]),
                                       .code(language: "text", text: "SDL-1024  open\nSDL-1031  done")],
                               location: SourceLocation(line: 21)),
                    AgendaItem(start: time(10, 30), end: time(11, 0), topic: "Coffee", kind: .break,
                               location: SourceLocation(line: 22)),
                ]),
                AgendaDay(day: 2, date: date(2019, 11, 13), items: [
                    AgendaItem(start: time(12, 0), topic: "Lunch", kind: .meal),
                    AgendaItem(topic: "Observatory tour", kind: .social, location: SourceLocation(line: 30)),
                ]),
                AgendaDay(day: 3, date: date(2019, 11, 14), title: "Day 3", items: [
                    AgendaItem(start: time(9, 0), end: time(12, 0), topic: "Planning for 2020", chairs: [ana, ghost],
                               notes: [.heading(level: 4, [.text("Outcome")]),
                                       .paragraph([.text("Tom Okafor — circulate the revised milestone plan. 18 Nov 2019")])],
                               location: SourceLocation(line: 35)),
                ]),
            ],
            actionItems: [
                ActionItem(owners: [tom], text: "circulate the revised milestone plan", due: date(2019, 11, 18),
                           status: .open, agendaItem: AgendaItemReference(day: 3, index: 0),
                           location: SourceLocation(line: 37, column: 1)),
                ActionItem(owners: [mei, ana], text: "close the alert-stream review", due: date(2019, 12, 2),
                           status: .done, tickets: ["SDL-1024", "SDL-1031"],
                           agendaItem: AgendaItemReference(day: 1, index: 1), taskID: "42",
                           location: SourceLocation(line: 21, column: 40)),
                ActionItem(groups: ["the Architecture team"], text: "reach out to the data centre about storage",
                           status: .unknown, section: "Goals", location: SourceLocation(line: 14)),
            ],
            decisions: [Decision(text: "Adopt the two-release plan for 2020", state: "decided",
                                 location: SourceLocation(line: 40)),
                        Decision(text: "Move the spring meeting online")],
            attachments: [
                Attachment(fileName: "milestones-2020.pdf", fileType: "PDF File", modified: date(2019, 11, 11),
                           modifiedBy: tom, comment: "Draft plan", mediaType: "application/pdf",
                           modifiedText: "Nov 11, 2019 by Tom Okafor"),
                Attachment(fileName: "notes.txt"),
            ],
            planningTopics: [
                PlanningTopic(topic: "Storage budget", requestedBy: [ana], timeRequired: TimeRequired(minutes: 45),
                              timeRequiredText: "45 mins", notes: RichText(plain: "Needs the Q4 numbers")),
                PlanningTopic(topic: "Hiring", timeRequiredText: "Wed AM?"),
            ],
            taskSummary: "1 incomplete task.",
            page: PageMetadata(pageID: "123456789", space: "SDL", author: ana, lastModifiedBy: tom,
                               created: date(2019, 10, 1), lastModified: date(2019, 11, 15),
                               labels: ["f2f", "leadership"], source: "sdl-f2f-2019-11.txt", format: "plain-text"),
            diagnostics: [
                Diagnostic(.warning, code: "plain-text.debris-row", "PDF page footer dropped",
                           at: SourceLocation(line: 18, column: 1), text: "Page 2 of 7"),
                Diagnostic(.note, code: "plain-text.time-zone-assumed", "time zone taken from the options"),
            ]
        )
    }
}
