// swift-meeting-notes · meeting-notes command-line tool

import ArgumentParser
import Foundation
import MeetingNotes

/// Exit codes, as documented in `--help` and Docs/CLI.md.
enum Exit {
    /// Everything worked.
    static let ok: Int32 = 0
    /// Some input could not be read or imported (the rest was processed).
    static let inputFailed: Int32 = 1
    /// The command line is wrong.
    static let usage: Int32 = 2
}

@main
struct MeetingNotesCommand: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "meeting-notes",
        abstract: "Turn meeting pages (Confluence, plain text, meeting JSON) into minutes, calendars and task reports.",
        discussion: """
        Each command reads meeting pages, finds out their format by looking at them (no need to say), and \
        writes to standard output or to --output FILE.

        Examples:
          meeting-notes convert notes.html --format markdown > minutes.md
          meeting-notes convert notes.txt -f ics --time-zone Europe/Paris
          meeting-notes actions export/ --owner "Kian-Tat Lim" --status open
          meeting-notes actions export/ --overdue-on 2019-12-01 -f csv -o late.csv
          meeting-notes people export/
          meeting-notes inspect notes.txt

        Exit status:
          0  success
          1  some inputs could not be read or imported (the others were processed)
          2  usage error (unknown option, bad value)
        """,
        version: version,
        subcommands: [Convert.self, Actions.self, People.self, Inspect.self]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let exit = exitCode(for: error)
            let message = fullMessage(for: error)
            if exit == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(Exit.ok)
            }
            if !message.isEmpty { Output.error(message) }
            Foundation.exit(exit == .validationFailure ? Exit.usage : exit.rawValue)
        }
    }
}

/// Options shared by the commands that import.
struct ImportFlags: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A JSON user directory mapping Confluence user keys or account ids to names.",
                                            valueName: "FILE"))
    var users: String?

    @Option(name: .long, help: ArgumentHelp("IANA time zone of the agenda times when the page does not say (e.g. Europe/Paris).",
                                            valueName: "TZ"))
    var timeZone: String?

    @Option(name: .long, help: ArgumentHelp("Read with this source instead of sniffing the format (see `inspect`).",
                                            valueName: "SOURCE-ID"))
    var from: String?

    func validate() throws {
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError("unknown time zone '\(timeZone)' (use an IANA name such as America/Los_Angeles)")
        }
        if let from, MeetingSourceRegistry.standard.source(identifier: from) == nil {
            let known = MeetingSourceRegistry.standard.sources.map(\.identifier).joined(separator: ", ")
            throw ValidationError("unknown source '\(from)'; known sources: \(known)")
        }
    }

    /// The import options; a bad user directory is reported and ends the command with status 2.
    func importOptions() throws -> ImportOptions {
        var options = ImportOptions(defaultTimeZone: timeZone)
        if let users {
            do {
                let input = try SourceInput(contentsOf: URL(fileURLWithPath: users))
                options.userDirectory = try UserDirectory(json: input.bytes, file: users)
            } catch {
                Output.error("meeting-notes: --users \(users): \(error.message)")
                throw ExitCode(Exit.usage)
            }
        }
        return options
    }
}

/// Where results go.
struct OutputFlags: ParsableArguments {
    @Option(name: [.short, .long], help: ArgumentHelp("Write to FILE instead of standard output.", valueName: "FILE"))
    var output: String?

    /// Streams output: `body` is given a function that writes a chunk of bytes. The file named by
    /// `--output` is created (emptied) only when `body` starts.
    func stream(_ body: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
        guard let output else {
            try body { FileHandle.standardOutput.write(Data($0)) }
            return
        }
        let handle: FileHandle
        do {
            try Data().write(to: URL(fileURLWithPath: output))
            handle = try FileHandle(forWritingTo: URL(fileURLWithPath: output))
        } catch {
            Output.error("meeting-notes: cannot write \(output): \((error as NSError).localizedDescription)")
            throw ExitCode(Exit.inputFailed)
        }
        defer { try? handle.close() }
        do {
            try body { try handle.write(contentsOf: $0) }
        } catch let code as ExitCode {
            throw code
        } catch {
            Output.error("meeting-notes: cannot write \(output): \((error as NSError).localizedDescription)")
            throw ExitCode(Exit.inputFailed)
        }
    }

    func write(_ text: String) throws {
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: output))
        } catch {
            Output.error("meeting-notes: cannot write \(output): \((error as NSError).localizedDescription)")
            throw ExitCode(Exit.inputFailed)
        }
    }
}

enum Output {
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line.hasSuffix("\n") ? line : line + "\n").utf8))
    }

    /// One line naming the file and what went wrong.
    static func describe(_ error: MeetingImportError, file: String) -> String {
        var e = error
        if e.file == nil { e.file = file }
        return e.description
    }
}

/// Reads and imports one file or standard input ("-").
func importOne(_ path: String, flags: ImportFlags) throws -> ImportResult {
    try importOneWithInput(path, flags: flags).result
}

/// Reads and imports one file or standard input, returning the input too (for ranking sources).
func importOneWithInput(_ path: String, flags: ImportFlags) throws -> (input: SourceInput, result: ImportResult) {
    let options = try flags.importOptions()
    let input: SourceInput
    do throws(MeetingImportError) {
        var isFolder: ObjCBool = false
        if path != "-", FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), isFolder.boolValue {
            throw MeetingImportError(.unreadableFile, "is a folder; give one page (`actions` and `people` read folders)",
                                     file: path)
        }
        if path == "-" {
            // readToEnd() throws where readDataToEndOfFile() would trap (e.g. a read interrupted by a signal).
            let data: Data
            do {
                data = try FileHandle.standardInput.readToEnd() ?? Data()
            } catch {
                throw MeetingImportError(.unreadableFile, "cannot read standard input: \(error.localizedDescription)",
                                         file: "-")
            }
            input = SourceInput(bytes: [UInt8](data), fileName: nil)
        } else {
            input = try SourceInput(contentsOf: URL(fileURLWithPath: path))
        }
        var result = try MeetingSourceRegistry.standard.importMeeting(from: input, options: options, using: flags.from)
        // --time-zone is the zone of pages that name none, whether or not the importer applied it.
        if result.meeting.timeZone == nil { result.meeting.timeZone = flags.timeZone }
        return (input, result)
    } catch {
        Output.error(Output.describe(error, file: path == "-" ? "<stdin>" : path))
        throw ExitCode(Exit.inputFailed)
    }
}

extension ExportFormat: ExpressibleByArgument {}
extension ActionFilter.Status: ExpressibleByArgument {}
extension CalendarDate: ExpressibleByArgument {
    public init?(argument: String) { self.init(iso8601: argument) }
}
