import Testing
import MeetingModel
import TestProcessSupport
@testable import MeetingRecognizers

private func date(_ s: String) -> CalendarDate? { CalendarDate(iso8601: s) }

@Suite struct TextDecodingTests {
    @Test func utf8BOMIsRemovedAndLineEndsNormalised() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8)
        let d = TextDecoding.decode(bytes)
        #expect(d.text == "a\nb\nc\n")
        #expect(d.encoding == .utf8)
        #expect(d.hadByteOrderMark)
        #expect(d.diagnostics.isEmpty)
    }

    @Test func utf16WithAndWithoutBOM() {
        let le: [UInt8] = [0xFF, 0xFE] + "Zoë — 09:00".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(TextDecoding.decode(le).text == "Zoë — 09:00")
        #expect(TextDecoding.decode(le).encoding == .utf16LE)
        let be: [UInt8] = [0xFE, 0xFF] + "Agenda".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(TextDecoding.decode(be).text == "Agenda")
        let noBOM: [UInt8] = "Participants list".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(TextDecoding.decode(noBOM).text == "Participants list")
    }

    @Test func invalidUTF8IsReplacedAndReportedWithLocation() {
        let bytes: [UInt8] = Array("ok\nab".utf8) + [0xC3, 0x28] + Array("cd €".utf8)
        let d = TextDecoding.decode(bytes)
        #expect(d.text == "ok\nab\u{FFFD}(cd €")
        #expect(d.diagnostics.count == 1)
        #expect(d.diagnostics.first?.location == SourceLocation(line: 2, column: 3))
        #expect(d.diagnostics.first?.code == "text.invalid-utf8")
    }

    @Test func windows1252IsDetectedOrDeclared() {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9, 0x20, 0x96, 0x20] + Array("Ren".utf8) + [0xE9]
        let d = TextDecoding.decode(bytes)
        #expect(d.encoding == .windows1252)
        #expect(d.text == "Café – René")
        let declared = TextDecoding.decode([0x93, 0x68, 0x69, 0x94], declared: .windows1252)
        #expect(declared.text == "“hi”")
        #expect(TextDecoding.decode([0xE9], declared: .latin1).text == "é")
    }
}

@Suite struct DateRecognizerTests {
    let r = DateRecognizer(referenceYear: 2019)

    @Test func writtenForms() {
        #expect(r.parse("18 Nov 2019")?.start == date("2019-11-18"))
        #expect(r.parse("18 Nov. 2019")?.start == date("2019-11-18"))
        #expect(r.parse("11. Nov. 2019")?.start == date("2019-11-11"))
        #expect(r.parse("Oct 28, 2019")?.start == date("2019-10-28"))
        #expect(r.parse("2019-11-18")?.start == date("2019-11-18"))
        #expect(r.parse("3 March 2021.")?.start == date("2021-03-03"))
        #expect(r.parse("Nov 18")?.start == date("2019-11-18"))
        #expect(r.parse("Nov 18")?.hasYear == false)
        #expect(r.parse("31 Nov 2019") == nil)
        #expect(DateRecognizer().parse("Nov 18") == nil)
        #expect(r.parse("28 October")?.start == date("2019-10-28"))
        #expect(r.matches(in: "there are 5 may be more, we march 10 miles").isEmpty)
        #expect(r.parse("Tuesday") == nil)
    }

    @Test func numericOrder() {
        #expect(r.parse("18/11/2019")?.start == date("2019-11-18"))
        #expect(r.parse("04/03/2020")?.start == date("2020-03-04"))
        let us = DateRecognizer(numericOrder: .monthFirst)
        #expect(us.parse("04/03/2020")?.start == date("2020-04-03"))
        #expect(us.parse("18/11/2019") == nil)
    }

    @Test func ranges() {
        let a = r.parse("28-30 October 2019")
        #expect(a?.start == date("2019-10-28") && a?.end == date("2019-10-30"))
        let b = r.parse("24–27 February 2020")
        #expect(b?.start == date("2020-02-24") && b?.end == date("2020-02-27"))
        let c = r.firstDate(in: "Team Offsite, 2021-06-07 to 9")
        #expect(c?.start == date("2021-06-07") && c?.end == date("2021-06-09"))
    }

    @Test func findsDatesInProse() throws {
        let text = "Next meeting is 9–12 November 2020; report by 25 Nov 2019 this is now in DM-22416"
        let all = r.matches(in: text)
        #expect(all.map(\.start) == [date("2020-11-09"), date("2019-11-25")].compactMap { $0 })
        let last = try #require(r.lastDate(in: text))
        #expect(text[last.range] == "25 Nov 2019")
        #expect(r.matches(in: "LDM-692 and DMTN-091 in May 2020 at 09:00").isEmpty)
    }
}

@Suite struct TimeRecognizerTests {
    @Test func forms() {
        #expect(TimeRecognizer.parse("09:00")?.description == "09:00")
        #expect(TimeRecognizer.parse("9:00 AM")?.description == "09:00")
        #expect(TimeRecognizer.parse("1:30 pm")?.description == "13:30")
        #expect(TimeRecognizer.parse("12:15 AM")?.description == "00:15")
        #expect(TimeRecognizer.parse("09.00")?.description == "09:00")
        #expect(TimeRecognizer.parse("9h")?.description == "09:00")
        #expect(TimeRecognizer.parse("9h30")?.description == "09:30")
        #expect(TimeRecognizer.parse("17:00")?.description == "17:00")
        #expect(TimeRecognizer.parse("2019") == nil)
        #expect(TimeRecognizer.parse("25:00") == nil)
        #expect(TimeRecognizer.parse("9hours") == nil)
        #expect(TimeRecognizer.parse("2.5") == nil)
    }

    @Test func leadingAndRange() throws {
        let (t, rest) = try #require(TimeRecognizer.leadingTime(in: "16:00 Size and cost"))
        #expect(t.description == "16:00" && rest == " Size and cost")
        #expect(TimeRecognizer.leadingTime(in: "1 I") == nil)
        let range = try #require(TimeRecognizer.parseRange("09:00 - 10:30"))
        #expect(range.start.description == "09:00" && range.end?.description == "10:30")
        let ampm = try #require(TimeRecognizer.parseRange("9:00 AM – 10:30 PM"))
        #expect(ampm.start.description == "09:00" && ampm.end?.description == "22:30")
        #expect(TimeRecognizer.parseRange("09:00 Welcome") == nil)
    }
}

@Suite struct TicketRecognizerTests {
    @Test func contextDecides() {
        let r = TicketRecognizer()
        let text = "Overview of LDM-692. Update LDM-503. Ticket: DM-22089 and DM-22393 - Getting issue details  STATUS"
        #expect(r.tickets(in: text).map(\.key) == ["DM-22089", "DM-22393"])
        let (cleaned, keys) = r.extract(from: "ensure A&A plan. 25 Nov 2019  DM-22368 - Getting issue details  STATUS")
        #expect(keys == ["DM-22368"])
        #expect(cleaned == "ensure A&A plan. 25 Nov 2019")
        #expect(r.tickets(in: "See DMTN-091 and SQR-035.").isEmpty)
    }

    @Test func knownProjectKeys() {
        let r = TicketRecognizer(knownProjectKeys: ["OPS"])
        #expect(r.tickets(in: "fixed in OPS-12, see DOC-7").map(\.key) == ["OPS-12"])
        #expect(r.tickets(in: "DOC-7 - Getting issue details").isEmpty)
    }

    @Test func residue() {
        #expect(TicketRecognizer.isResidue("STATUS"))
        #expect(TicketRecognizer.isResidue("  Getting issue details... "))
        #expect(!TicketRecognizer.isResidue("Status of the review"))
        #expect(TicketRecognizer.keyCandidates(in: "mid-2021 X-1 AB-12x CD-7").map(\.key) == ["CD-7"])
    }
}

@Suite struct PersonRecognizerTests {
    @Test func runTogetherNames() {
        let people = PersonRecognizer.people(inRunTogether: "Ada ByronUnknown User (hpotter)Unknown User (rweasley)Yusuf AlMansour")
        #expect(people.map(\.name) == ["Ada Byron", "hpotter", "rweasley", "Yusuf AlMansour"])
        #expect(people[1].unresolved && people[1].username == "hpotter")
        #expect(PersonRecognizer.splitRunTogether("Carla GruberDmitri MacLeodSam McAdams") == ["Carla Gruber", "Dmitri MacLeod", "Sam McAdams"])
        #expect(PersonRecognizer.splitRunTogether("Tim JonesNia O'Brien") == ["Tim Jones", "Nia O'Brien"])
    }

    @Test func suffixes() {
        let p = PersonRecognizer.person(from: "Maya Ortiz (Remote)")
        #expect(p?.name == "Maya Ortiz" && p?.attendance == .remote)
        #expect(PersonRecognizer.person(from: "Bo Chen (Unlicensed)")?.name == "Bo Chen")
        #expect(PersonRecognizer.person(from: "Bo Chen (Deactivated)")?.name == "Bo Chen")
        #expect(PersonRecognizer.person(from: "   ") == nil)
    }

    @Test func chairLists() {
        #expect(PersonRecognizer.splitNameList("Kian Ho / Unknown User (mb, x)") == ["Kian Ho", "Unknown User (mb, x)"])
        #expect(PersonRecognizer.people(inList: "Ana Silva & Colin Wu and Dee Park, Eve Lin").map(\.name)
                == ["Ana Silva", "Colin Wu", "Dee Park", "Eve Lin"])
        #expect(PersonRecognizer.people(inList: "Ana Silva & the QA-TEAM").map(\.name) == ["Ana Silva"])
    }

    @Test func groups() {
        #expect(PersonRecognizer.isGroup("the DM-SST"))
        #expect(PersonRecognizer.isGroup("Architecture team"))
        #expect(PersonRecognizer.isGroup("DMLT"))
        #expect(!PersonRecognizer.isGroup("Leanne Guy"))
        #expect(!PersonRecognizer.isGroup("Unknown User (abc)"))
        #expect(PersonRecognizer.looksLikeName("Gregory Dubois-Felsmann"))
        #expect(!PersonRecognizer.looksLikeName("compare contents"))
    }

    @Test func fuzzyMatching() {
        let m = PersonMatcher([Person(name: "Wil O'Mullane"), Person(name: "Will Smith"), Person(name: "Jo Park"),
                               Person(name: "mbx", username: "mbx", unresolved: true)])
        let r = m.resolve(Person(name: "Will O'Mullane"))
        #expect(r.name == "Wil O'Mullane" && r.aliases == ["Will O'Mullane"])
        #expect(m.resolve(Person(name: "Jo Parks")).name == "Jo Park")
        #expect(m.resolve(Person(name: "Bill Smith")).aliases.isEmpty)   // first names too far
        #expect(m.resolve(Person(name: "mbx", username: "mbx")).unresolved)
    }
}

@Suite struct ActionItemRecognizerTests {
    let participants = [Person(name: "Wil O'Mullane"), Person(name: "Kian-Tat Lim"), Person(name: "Leanne Guy"),
                        Person(name: "mbutler", username: "mbutler", unresolved: true), Person(name: "Yusra AlSayyad")]
    var r: ActionItemRecognizer { ActionItemRecognizer(dates: DateRecognizer(referenceYear: 2019), participants: participants) }

    @Test func emDashSentence() throws {
        let a = try #require(r.recognize("Nina Kovacs — book the room for the offsite. 18 Nov 2019"))
        #expect(a.owners.map(\.name) == ["Nina Kovacs"])
        #expect(a.text == "book the room for the offsite")
        #expect(a.due == date("2019-11-18"))
        #expect(a.status == .unknown)
    }

    @Test func doneMarkSeveralOwnersAndTicket() throws {
        let a = try #require(r.recognize("✓ Kian-Tat Lim & Leanne Guy — check the A&A setup. 25 Nov 2019  DM-22368 - Getting issue details  STATUS"))
        #expect(a.status == .done)
        #expect(a.owners.map(\.name) == ["Kian-Tat Lim", "Leanne Guy"])
        #expect(a.tickets == ["DM-22368"])
        #expect(a.text == "check the A&A setup")
        #expect(a.due == date("2019-11-25"))
        let b = try #require(r.recognize("☐ Ola Berg – draft the charter. 2 Dec 2019"))
        #expect(b.status == .open && b.owners.first?.name == "Ola Berg")
        let c = try #require(r.recognize("Ola Berg - draft the charter. Ticket: DM-1"))
        #expect(c.tickets == ["DM-1"] && c.text == "draft the charter")
    }

    @Test func fuzzyOwnerAndGroup() throws {
        let a = try #require(r.recognize("Will O'Mullane — identify the structure. DM-22393 - Getting issue details  STATUS"))
        #expect(a.owners.first?.name == "Wil O'Mullane" && a.owners.first?.aliases == ["Will O'Mullane"])
        #expect(a.tickets == ["DM-22393"] && a.due == nil)
        let g = try #require(r.recognize("Unknown User (mbutler) & Architecture team — baseline the tree. 28 Apr 2020"))
        #expect(g.owners.map(\.username) == ["mbutler"] && g.groups == ["Architecture team"])
        let h = try #require(r.recognize("Leanne Guy & the DM-SST — compare contents of LSE-81. 25 Nov 2019"))
        #expect(h.groups == ["the DM-SST"] && h.text == "compare contents of LSE-81")
    }

    @Test func dashlessToForm() throws {
        let a = try #require(r.recognize("Leanne Guy and at least Unknown User (mbutler) and Yusra AlSayyad to determine retention. 18 Nov. 2019"))
        #expect(a.owners.map(\.name) == ["Leanne Guy", "mbutler", "Yusra AlSayyad"])
        #expect(a.text == "determine retention")
        #expect(a.due == date("2019-11-18"))
        #expect(r.recognize("Hoping for a JTM in 2021 in La Serena to meet. 3 May 2021") == nil)
    }

    @Test func severalInOneRun() {
        let run = "Concerns about notebooks, etc. — when can this happen?  V Ana Silva — identify an owner. 18 Nov 2019  V Bo Chen — arrange a demo. 18 Nov 2019  Will O'Mullane — identify the long-term structure.  DM-22393 - Getting issue details  STATUS"
        let all = r.recognizeAll(in: run)
        #expect(all.map { $0.owners.first?.name ?? "" } == ["Ana Silva", "Bo Chen", "Wil O'Mullane"])
        #expect(all.map(\.status) == [.done, .done, .unknown])
        #expect(all[1].text == "arrange a demo")
        #expect(all[2].tickets == ["DM-22393"])
        #expect(r.recognizeAll(in: "Brief overview of Summit, Summit — Base, and Base — LDF status").isEmpty)
        #expect(r.recognizeAll(in: "BUT we should not get hung up on these numbers for now — there are uncertainties").isEmpty)
    }

    @Test func followingFragmentsComplete() throws {
        var a = try #require(r.recognize("Dee Park — consider feedback mechanisms."))
        #expect(a.due == nil)
        #expect(r.absorb("18 Dec 2019", into: &a))
        #expect(r.absorb("11. Nov. 2019 Ticket:", into: &a))
        #expect(r.absorb("DM-22088 - Getting issue details", into: &a))
        #expect(r.absorb("STATUS", into: &a))
        #expect(!r.absorb("Risk of delegation is real.", into: &a))
        #expect(a.due == date("2019-12-18"))
        #expect(a.tickets == ["DM-22088"])
    }
}

@Suite struct WordCoverageTests {
    @Test func measuresMissingWords() {
        let m = Meeting(title: "Weekly sync", sections: [Section(title: "Goals", content: RichText(plain: "Ship v2"))])
        #expect(WordCoverage.missingWords(input: "Weekly sync. Goals: ship v2 soon", meeting: m) == ["soon"])
        #expect(WordCoverage.coverage(input: "Weekly sync", meeting: m) == 1)
    }
}

/// `PersonMatcher.firstAndLastWord` splits on the space byte where that is safe: it must answer exactly as
/// `split(separator: " ")` (first and last word) on any string.
@Suite struct PersonMatcherWordsTests {
    static func plain(_ s: String) -> (String, String)? {
        let w = s.split(separator: " ")
        return w.count >= 2 ? (String(w[0]), String(w[w.count - 1])) : nil
    }

    @Test("first and last word equal the plain split on names and on random strings")
    func wordsMatchSplit() {
        let fixed = ["søren petrović", "chloé d'ávila", "kian-tat lim", "a", "", " ", "a b", " a b ", "a  b", "x \u{301}y",
                     "x\u{301} y", "x \u{600}y", "\u{600} b c", "ab \u{AD}c", "σωκράτης παπ", "i\u{307}lker kaya"]
        for s in fixed {
            let fast = PersonMatcher.firstAndLastWord(s).map { (String($0.first), String($0.last)) }
            #expect(fast.map { [$0.0, $0.1] } == Self.plain(s).map { [$0.0, $0.1] }, "\(s.debugDescription)")
        }
        var rng = SplitMix64(seed: 0xF1257)
        let alphabet = ["a", "B", " ", " ", "é", "ø", "ć", "\u{301}", "\u{600}", "\u{AD}", "\u{200D}", "σ", "ж", "ễ", "'", "\n", "\u{A0}"]
        var twoWords = 0
        for _ in 0..<20_000 {
            let s = (0..<Int(rng.next() % 10)).map { _ in alphabet[Int(rng.next() % UInt64(alphabet.count))] }.joined()
            let fast = PersonMatcher.firstAndLastWord(s).map { (String($0.first), String($0.last)) }
            #expect(fast.map { [$0.0, $0.1] } == Self.plain(s).map { [$0.0, $0.1] }, "\(s.unicodeScalars.map { String($0.value, radix: 16) })")
            if fast != nil { twoWords += 1 }
        }
        #expect(twoWords > 1000)
    }

    @Test("a matcher resolves near spellings of non-ASCII names through the byte split")
    func fuzzyNonASCII() {
        let m = PersonMatcher([Person(name: "Søren Petrović"), Person(name: "Chloé Nakamura")])
        #expect(m.resolve(Person(name: "Sören Petrović")).name == "Søren Petrović")
        #expect(m.resolve(Person(name: "Sören Petrović")).aliases == ["Sören Petrović"])
        #expect(m.resolve(Person(name: "Chloe Nakamura")).name == "Chloé Nakamura")
        #expect(m.resolve(Person(name: "Chloé Tanaka")).name == "Chloé Tanaka")   // last names differ: no match
    }
}
