// swift-meeting-notes · PlainTextImportTests

import Testing
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

/// The agenda's one chair memo (``AgendaAssembler/chairs(_:_:)``) against its plain definition: ``chairLike(_:_:)``,
/// then ``referenceChairPeople(_:_:)`` when the cell is chair-like.
@Suite struct ChairMemoTests {
    static let pieces = ["Ana Pérez", "Bo Lindqvist", "Chen Wei", "Dara O'Neill", "Unknown User (jdoe)", "the team",
                         "DMLT", "Ops", "all", "Wil O'Mullane", "ana pérez", "van der Berg", "Élodie Marchand",
                         "Project Science Team", "x", "K.-T. Lim", "Q&A", "Lunch", "TBD", "Mary-Jane Watson"]
    static let separators = [" & ", ", ", " / ", " and ", "; ", " + ", " (", ") ", "  ", ",", "/"]

    @Test func memoAnswersAsThePlainDefinition() {
        var parser = PageParser(options: ImportOptions())
        parser.matcher = PersonMatcher([Person(name: "Ana Pérez"), Person(name: "Wil O'Mullane"), Person(name: "Ops")])
        var assembler = AgendaAssembler()
        var rng = SystemRandomNumberGenerator()
        var cells: [String] = []
        for _ in 0..<3_000 {
            var s = Self.pieces.randomElement(using: &rng) ?? ""
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                s += (Self.separators.randomElement(using: &rng) ?? "") + (Self.pieces.randomElement(using: &rng) ?? "")
            }
            cells.append(s)
        }
        var chairLike = 0, notChairLike = 0
        // Every cell asked twice, in a random order: the second answer comes from the memo.
        for s in (cells + cells).shuffled(using: &rng) {
            let expected: [Person]? = assembler.chairLike(s, parser) ? assembler.referenceChairPeople(s, parser) : nil
            let got = assembler.chairs(s, parser)
            #expect(got == expected, "\(s)")
            if expected == nil { notChairLike += 1 } else { chairLike += 1 }
        }
        // Both answers were met.
        #expect(chairLike > 100)
        #expect(notChairLike > 100)
        #expect(assembler.chairs("Ana Pérez & Bo Lindqvist", parser)?.map(\.name) == ["Ana Pérez", "Bo Lindqvist"])
        #expect(assembler.chairs("Lunch", parser) == nil)
    }
}
