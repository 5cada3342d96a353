// swift-meeting-notes · test support
//
// Runs a program and collects what it writes: shared by the test targets that run the CLI and the example
// programs (MeetingExportTests, DocumentationTests). The target also holds the tests' shared SplitMix64.

public import Foundation

/// What a child process did.
public struct ChildProcessResult: Sendable, Equatable {
    /// Its exit status (or the signal number, when a signal ended it).
    public var status: Int32
    /// Everything it wrote on standard output, decoded as UTF-8.
    public var stdout: String
    /// Everything it wrote on standard error, decoded as UTF-8.
    public var stderr: String

    /// Creates a result.
    public init(status: Int32, stdout: String, stderr: String) {
        self.status = status
        self.stdout = stdout
        self.stderr = stderr
    }
}

/// Runs programs for tests.
public enum ChildProcess {
    /// Runs `executable` with `arguments`, feeding it `stdin` (then end of file; nothing when nil), in
    /// `currentDirectory` when given, and waits for it. Both output pipes are read concurrently so that
    /// neither fills up.
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil,
                           currentDirectory: URL? = nil) throws -> ChildProcessResult {
        let p = Process()
        p.executableURL = executable
        p.arguments = arguments
        if let currentDirectory { p.currentDirectoryURL = currentDirectory }
        let out = Pipe(), err = Pipe(), inp = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = inp
        try p.run()
        if let stdin { inp.fileHandleForWriting.write(stdin) }
        try inp.fileHandleForWriting.close()
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        p.waitUntilExit()
        return ChildProcessResult(status: p.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                  stderr: String(decoding: errData, as: UTF8.self))
    }
}
