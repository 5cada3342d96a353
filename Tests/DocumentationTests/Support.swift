import Foundation
import Testing
import TestProcessSupport

/// Where the package is, and the code blocks of its Markdown documents.
enum Repo {
    /// The package root, found from this file's path.
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func url(_ path: String) -> URL { root.appendingPathComponent(path) }

    static func text(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

    /// The fenced code blocks of a Markdown file with the given info string, each as its lines.
    static func codeBlocks(_ path: String, language: String = "swift") throws -> [[String]] {
        var blocks: [[String]] = []
        var current: (info: String, lines: [String])?
        for line in try text(path).split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if let open = current {
                if trimmed == "```" {
                    if open.info == language { blocks.append(open.lines) }
                    current = nil
                } else {
                    current?.lines.append(String(line))
                }
            } else if trimmed.hasPrefix("```") {
                current = (String(trimmed.dropFirst(3)), [])
            }
        }
        return blocks
    }

    /// The lines of this test file between `// <marker>: begin` and `// <marker>: end`, without their
    /// common indentation.
    static func snippet(_ marker: String, in file: String = #filePath) throws -> [String] {
        let lines = try String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let begin = try #require(lines.firstIndex { $0.hasSuffix("// \(marker): begin") })
        let end = try #require(lines.firstIndex { $0.hasSuffix("// \(marker): end") })
        let body = lines[(begin + 1)..<end]
        let indent = body.filter { !$0.isEmpty }.map { $0.prefix(while: { $0 == " " }).count }.min() ?? 0
        return body.map { $0.isEmpty ? $0 : String($0.dropFirst(indent)) }
    }

    private static let directoryLock = NSLock()

    /// Runs `body` with the package root as the current directory, so that the documented relative paths
    /// (`Examples/pages/…`) resolve as they do for a reader in a clone of the repository.
    static func inRoot<T>(_ body: () throws -> T) throws -> T {
        // The current directory is process-wide: one snippet at a time.
        directoryLock.lock()
        defer { directoryLock.unlock() }
        let fm = FileManager.default
        let previous = fm.currentDirectoryPath
        if URL(fileURLWithPath: previous).standardizedFileURL.path != root.standardizedFileURL.path {
            _ = fm.changeCurrentDirectoryPath(root.path)
        }
        defer { _ = fm.changeCurrentDirectoryPath(previous) }
        return try body()
    }
}

/// The example programs, built next to the test bundle.
enum ExampleProgram {
    static func url(_ name: String) -> URL? {
        var candidates: [URL] = []
        if let exe = Bundle.main.executableURL { candidates.append(exe.deletingLastPathComponent().appendingPathComponent(name)) }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(Repo.url(".build/debug/\(name)"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var available: Bool { url("overdue-actions") != nil && url("agenda-to-calendar") != nil }

    typealias Output = ChildProcessResult

    /// Runs a program from the package root and collects its output.
    static func run(_ name: String, _ arguments: [String]) throws -> Output {
        try ChildProcess.run(try #require(url(name)), arguments, currentDirectory: Repo.root)
    }
}
