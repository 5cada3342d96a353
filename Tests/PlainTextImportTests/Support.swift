import Foundation
import MeetingModel
@testable import PlainTextImport

/// Locates fixtures and the shared seed for the plain-text tests.
enum Support {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let seedPath = packageRoot.appendingPathComponent("../shared/seeds/dmlt-f2f-2019-10.txt").standardizedFileURL.path
    static var seedExists: Bool { FileManager.default.fileExists(atPath: seedPath) }

    static func seedBytes() throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: seedPath))) }

    static func fixture(_ name: String) throws -> [UInt8] {
        guard let url = Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures") else {
            throw CocoaError(.fileNoSuchFile)
        }
        return [UInt8](try Data(contentsOf: url))
    }

    static func importBytes(_ bytes: [UInt8], name: String = "page.txt", options: ImportOptions = ImportOptions()) throws(MeetingImportError) -> ImportResult {
        try PlainTextSource().importMeeting(from: SourceInput(bytes: bytes, fileName: name), options: options)
    }
}

extension Meeting {
    /// The item of `day` that starts at `hhmm`.
    func item(day: Int, at hhmm: String) -> (AgendaItemReference, AgendaItem)? {
        guard let d = agenda.first(where: { $0.day == day }),
              let i = d.items.firstIndex(where: { $0.start?.description == hhmm }) else { return nil }
        return (AgendaItemReference(day: day, index: i), d.items[i])
    }
    /// The item of `day` whose topic is `topic`.
    func item(day: Int, topic: String) -> (AgendaItemReference, AgendaItem)? {
        guard let d = agenda.first(where: { $0.day == day }),
              let i = d.items.firstIndex(where: { $0.topic == topic }) else { return nil }
        return (AgendaItemReference(day: day, index: i), d.items[i])
    }
    /// Every string in the model, for "no literal markup" checks.
    var allText: String { WordCoverageStrings.of(self) }
}

import MeetingRecognizers
enum WordCoverageStrings {
    static func of(_ m: Meeting) -> String { WordCoverage.strings(of: m).joined(separator: "\n") }
}
