import Foundation
import Testing
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

@Suite struct DumpTests {
    @Test(.enabled(if: Support.seedExists)) func dumpSeed() throws {
        let bytes = try Support.seedBytes()
        let r = try Support.importBytes(bytes)
        let json = MeetingJSON.encode(r.meeting)
        try Data(json).write(to: URL(fileURLWithPath: "/tmp/seed.json"))
        let text = String(decoding: bytes, as: UTF8.self)
        print("COVERAGE", WordCoverage.coverage(input: text, meeting: r.meeting), WordCoverage.missingWords(input: text, meeting: r.meeting).sorted())
    }
}
