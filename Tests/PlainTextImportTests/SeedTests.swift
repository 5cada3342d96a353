import Foundation
import Testing
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

/// Assertions on the real seed page (skipped when ../shared is absent).
@Suite(.enabled(if: Support.seedExists)) struct SeedTests {
    let result: ImportResult
    var m: Meeting { result.meeting }

    init() throws {
        result = try Support.importBytes(try Support.seedBytes(), name: "dmlt-f2f-2019-10.txt")
    }

    @Test func titleDatesLocationAndSections() throws {
        #expect(m.title == "DM Leadership Team Face-to-Face Meeting, 2019-10-28 to 30")
        #expect(m.startDate?.description == "2019-10-28")
        #expect(m.endDate?.description == "2019-10-30")
        #expect(m.location == "SLAC National Accelerator Laboratory. (B51/ Kavli 3rd floor conference room)")
        #expect(m.sections.map(\.title) == ["Logistics", "Date", "Accommodation", "Location", "BlueJeans", "Slides"])
        let accommodation = try #require(m.sections.first { $0.title == "Accommodation" })
        guard case .list(let list)? = accommodation.content.blocks.first else { Issue.record("no list"); return }
        #expect(list.items.count == 2)
        #expect(m.sections.first { $0.title == "Date" }?.content.blocks.count == 4)
        #expect(result.isMeeting)
        #expect(result.sourceIdentifier == "plain-text")
        #expect(m.diagnostics.contains { $0.code == "plain-text.contents" && $0.location?.line == 3 })
    }

    @Test func participants() throws {
        #expect(m.participants.count == 18)
        let names = m.participants.map(\.name)
        #expect(names.prefix(4) == ["Leanne Guy", "gcomoretto", "mbutler", "John Swinbank"])
        #expect(names.filter { $0 == "Jim Bosch" }.count == 1)
        let frossie = try #require(m.participants.first { $0.name == "Frossie Economou" })
        #expect(frossie.attendance == .remote)
        #expect(m.participants.filter { $0.attendance == .remote }.map(\.name) == ["Frossie Economou", "Gregory Dubois-Felsmann"])
        let npease = try #require(m.participants.first { $0.username == "npease" })
        #expect(npease.unresolved)
        let wil = try #require(m.participants.first { $0.name == "Wil O'Mullane" })
        #expect(wil.aliases == ["Will O'Mullane"])
    }

    @Test func agendaDaysAndItems() throws {
        #expect(m.agenda.map(\.day) == [1, 2, 3])
        #expect(m.agenda.map { $0.date?.description } == ["2019-10-28", "2019-10-29", "2019-10-30"])
        #expect(m.agendaItems.count == 32)
        #expect(m.agenda.map(\.items.count) == [14, 11, 7])
        #expect(m.diagnostics.contains { $0.code == "plain-text.day-from-clock" && $0.location?.line == 97 })
        let day1 = m.agenda[0].items
        #expect(day1[1].topic == "Project news & Data Facility updates" && day1[1].start == nil)
        #expect(day1[3].kind == .break)
        #expect(day1[7].kind == .meal && day1[7].topic.hasPrefix("Lunch ("))
        #expect(day1[7].chairs.isEmpty)
        let (_, sdm) = try #require(m.item(day: 1, at: "11:30"))
        #expect(sdm.chairs.map(\.name) == ["Yusra AlSayyad", "Colin Slater"])
        #expect(sdm.end?.description == "12:15")
        let (_, lunch2) = try #require(m.item(day: 2, at: "11:45"))
        #expect(lunch2.kind == .meal && lunch2.chairs.isEmpty)
        #expect(m.item(day: 2, topic: "Visit to the Camera")?.1.kind == .social)
        let (_, close2) = try #require(m.item(day: 2, at: "17:00"))
        #expect(close2.topic.hasPrefix("Close [Adjourn to Alpine Inn") && close2.kind == .other)
        let (_, size) = try #require(m.item(day: 2, at: "16:00"))
        #expect(size.topic == "Size and cost model updates")
        #expect(size.chairs.first?.name == "Kian-Tat Lim")
        #expect(size.chairs.map(\.username).last == "mbutler")
        let (_, ppdb) = try #require(m.item(day: 3, at: "09:00"))
        #expect(ppdb.chairs.map(\.name) == ["Fritz Mueller", "Colin Slater"])
        // PDF debris rows are diagnostics with their lines.
        let debris = m.diagnostics.filter { $0.code == "plain-text.debris-row" }
        #expect(debris.map { $0.location?.line } == [77, 82])
        #expect(debris.map(\.text) == ["I .", "1 I"])
    }

    @Test func configurationManagementItem() throws {
        let (ref, item) = try #require(m.item(day: 2, at: "13:45"))
        #expect(item.topic == "Configuration Management")
        #expect(item.chairs.first?.name == "Wil O'Mullane")
        let actions = m.actionItems(in: ref)
        #expect(actions.count == 3)
        let deploy = try #require(actions.first { $0.tickets == ["DM-22416"] })
        #expect(deploy.owners.first?.name == "Wil O'Mullane")
        #expect(deploy.text == "ensure that a standardized deployment mechanism is documented and required across subsystems.")
        let aa = try #require(actions.first { $0.text.contains("A&A") })
        #expect(aa.status == .done)
        #expect(aa.owners.map(\.name) == ["Kian-Tat Lim"])
        #expect(aa.due?.description == "2019-11-25")
        #expect(aa.tickets == ["DM-22368"])
        #expect(aa.text == "ensure that A&A systems are managed following the SQR-035 plan.")
    }

    @Test func actionItems() throws {
        #expect(m.actionItems.count == 22)
        #expect(m.actionItems.allSatisfy { $0.agendaItem != nil })
        #expect(m.actionItems.filter { $0.status == .done }.count == 4)
        #expect(!m.actionItems.contains { $0.text.contains("Getting issue details") || $0.text.contains("STATUS") })
        let first = m.actionItems[0]
        #expect(first.owners.map(\.name) == ["Fritz Mueller"])
        #expect(first.due?.description == "2019-12-18")   // from the following list item
        let will = try #require(m.actionItems.first { $0.tickets == ["DM-22393"] })
        #expect(will.owners.first?.name == "Wil O'Mullane" && will.owners.first?.aliases == ["Will O'Mullane"])
        let three = try #require(m.actionItems.first { $0.owners.count == 3 })
        #expect(three.owners.map(\.name) == ["Leanne Guy", "mbutler", "Yusra AlSayyad"])
        #expect(three.due?.description == "2019-11-18" && three.tickets == ["DM-22528"])
        let dotted = try #require(m.actionItems.first { $0.tickets == ["DM-22088"] })
        #expect(dotted.due?.description == "2019-11-11")
        let ticketLabel = try #require(m.actionItems.first { $0.tickets == ["DM-22089"] })
        #expect(ticketLabel.text.hasPrefix("update LDM-503") && ticketLabel.due?.description == "2019-11-18")
        let group = try #require(m.actionItems.first { $0.groups == ["Architecture team"] })
        #expect(group.owners.map(\.username) == ["gcomoretto"] && group.due?.description == "2020-04-28")
        let sst = try #require(m.actionItems.first { $0.groups == ["the DM-SST"] })
        #expect(sst.tickets == ["DM-22082"] && sst.agendaItem == AgendaItemReference(day: 2, index: 9))
        // Document handles in prose are not tickets.
        #expect(!m.actionItems.flatMap(\.tickets).contains { $0.hasPrefix("LDM") || $0.hasPrefix("DMTN") || $0.hasPrefix("SQR") })
        #expect(m.actionItems.flatMap(\.tickets).count == 7)
    }

    @Test func notesAreRichTextNotTags() throws {
        let text = m.allText
        #expect(!text.contains("<li>") && !text.contains("</ul>") && !text.contains("&amp;") && !text.contains("<b>"))
        let (_, datasets) = try #require(m.item(day: 1, at: "13:30"))
        guard case .list(let list)? = datasets.notes.blocks.first else { Issue.record("notes are not a list"); return }
        #expect(list.items.count == 11)   // two lone "STATUS" items of the Jira macro are dropped
        #expect(list.items[8].blocks == [.paragraph([.ticket(key: "DM-22528")])])
        #expect(!datasets.notes.plainText.contains("Getting issue details") && !datasets.notes.plainText.contains("STATUS"))
        #expect(m.diagnostics.contains { $0.code == "plain-text.jira-residue" && $0.location?.line == 87 })
        guard case .list(let nested)? = list.items[1].blocks.last else { Issue.record("no nested list"); return }
        #expect(nested.items.count == 2)
        let (_, future) = try #require(m.item(day: 1, at: "11:00"))
        guard case .list(let bullets)? = future.notes.blocks.first else { Issue.record("• runs are not a list"); return }
        #expect(bullets.items.count == 3)
    }

    @Test func attachmentsPlanningAndTaskReport() throws {
        #expect(m.attachments.count == 22)
        let a = m.attachments[3]
        #expect(a.fileType == "PDF File")
        #expect(a.fileName == "LDM-692 Verification Control Document DMLT-F2F Oct 2019.pdf")
        #expect(a.modified?.description == "2019-10-28")
        #expect(a.modifiedBy?.username == "gcomoretto")
        #expect(m.attachments[1].fileType == "Microsoft Powerpoint Presentation")
        #expect(m.attachments[9].fileType == "File" && m.attachments[9].fileName == "Arch S20 Plans.key")
        #expect(m.attachments[0].fileType == "JPEG File" && m.attachments[0].modified?.description == "2019-10-10")
        let last = try #require(m.attachments.last)
        #expect(last.fileName == "dmlt_2019_10.pdf" && last.comment == "SQuaRE slides")
        #expect(last.modifiedBy?.name == "Frossie Economou")
        #expect(m.taskSummary == "Looking good, no incomplete tasks.")
        #expect(m.planningTopics.count == 17)
        #expect(m.planningTopics[0].topic == "Verification Control Document")
        #expect(m.planningTopics[0].timeRequired?.minutes == 15)
        #expect(m.planningTopics.first { $0.topic == "Influx/EFD" }?.timeRequired?.minutes == 30)
        let tcam = try #require(m.planningTopics.first { $0.topic == "T/CAM Plans for Next Cycle" })
        #expect(tcam.timeRequired == nil && tcam.timeRequiredText == "Wed AM?")
        #expect(m.planningTopics.first { $0.topic == "Third party packages in Conda" }?.requestedBy.map(\.name)
                == ["Leanne Guy", "John Swinbank"])
        #expect(m.planningTopics.filter { $0.timeRequired == nil }.count == 5)
    }

    @Test func nothingLost() throws {
        let text = String(decoding: try Support.seedBytes(), as: UTF8.self)
        let coverage = WordCoverage.coverage(input: text, meeting: m)
        #expect(coverage >= 0.99, "missing: \(WordCoverage.missingWords(input: text, meeting: m).sorted())")
    }
}
