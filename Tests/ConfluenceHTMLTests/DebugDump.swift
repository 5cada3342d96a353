import ConfluenceHTML
import Foundation
import MeetingModel
import Testing

@Test func debugDump() throws {
    guard let name = ProcessInfo.processInfo.environment["DUMP"] else { return }
    let input = name.hasPrefix("/") ? try SourceInput(contentsOf: URL(fileURLWithPath: name)) : try Fixture.input(name)
    let sources: [any MeetingSource] = [ConfluenceStorageSource(), ConfluenceHTMLSource(), ConfluenceRESTSource()]
    let best = sources.max { $0.confidence(for: input) < $1.confidence(for: input) }!
    let r = try best.importMeeting(from: input, options: Fixture.options)
    let out = "SOURCE \(r.sourceIdentifier) isMeeting \(r.isMeeting)\n" + dump(r.meeting)
    try out.write(toFile: "/tmp/cfl-dump.txt", atomically: true, encoding: .utf8)
}
