import Foundation
import Testing
import MeetingModel
import MeetingRecognizers
@testable import PlainTextImport

@Suite struct DumpTests {
    @Test func dumpAll() throws {
        var inputs: [(String, [UInt8])] = []
        if Support.seedExists { inputs.append(("seed", try Support.seedBytes())) }
        for f in ["offsite-variant.txt", "classic-meeting-notes.txt", "space-columns.txt"] { inputs.append((f, try Support.fixture(f))) }
        for (name, bytes) in inputs {
            let r = try Support.importBytes(bytes)
            try Data(MeetingJSON.encode(r.meeting)).write(to: URL(fileURLWithPath: "/tmp/\(name).json"))
            let text = String(decoding: bytes, as: UTF8.self)
            print("COVERAGE", name, WordCoverage.coverage(input: text, meeting: r.meeting), WordCoverage.missingWords(input: text, meeting: r.meeting).sorted())
        }
    }
}
