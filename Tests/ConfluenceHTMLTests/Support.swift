// swift-meeting-notes · ConfluenceHTMLTests

import ConfluenceHTML
import Foundation
import MeetingModel
import Testing

enum Fixture {
    static func bytes(_ name: String) throws -> [UInt8] {
        let parts = name.split(separator: ".", maxSplits: 1).map(String.init)
        let url = try #require(Bundle.module.url(forResource: parts[0], withExtension: parts.count > 1 ? parts[1] : nil,
                                                 subdirectory: "Fixtures"))
        return [UInt8](try Data(contentsOf: url))
    }

    static func input(_ name: String) throws -> SourceInput {
        SourceInput(bytes: try bytes(name), fileName: name)
    }

    /// The directory used to resolve the fixtures' user keys and account ids.
    static let directory = UserDirectory([
        "8a7f808a6c1d2e3f016c1d2e3f4a0001": DirectoryEntry(username: "bkeller", displayName: "Bruno Keller"),
        "557058:1b2c3d4e-aaaa-bbbb-cccc-000000000003": DirectoryEntry(username: "cwei", displayName: "Chen Wei"),
        "lfischer": DirectoryEntry(username: "lfischer", displayName: "Lena Fischer"),
    ])

    static var options: ImportOptions { ImportOptions(userDirectory: directory) }
}

/// Package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let corpusURL = packageRoot.appendingPathComponent("../shared/corpus").standardizedFileURL
let corpusPresent = FileManager.default.fileExists(atPath: corpusURL.path)

func dump(_ m: Meeting) -> String {
    String(decoding: MeetingJSON.encode(m), as: UTF8.self)
}
