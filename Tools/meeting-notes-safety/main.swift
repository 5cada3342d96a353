// swift-meeting-notes · meeting-notes-safety: helpers for Scripts/safety.sh (leak loop, JSON dumps, replays)

import Foundation
import MeetingNotes

/// Every built-in source.
let registry = MeetingSourceRegistry.standard
let sources = registry.sources

func fail(_ message: String, status: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data(("meeting-notes-safety: " + message + "\n").utf8))
    exit(status)
}

/// Resident set size in KiB, from /proc/self/status (0 where there is no /proc).
func residentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmRSS:") {
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
    return 0
}

func read(_ path: String) -> SourceInput {
    do {
        return try SourceInput(contentsOf: URL(fileURLWithPath: path))
    } catch {
        fail(error.description)
    }
}

func importOnce(_ input: SourceInput, using id: String?) -> Result<ImportResult, MeetingImportError> {
    do {
        return .success(try registry.importMeeting(from: input, using: id == "auto" ? nil : id))
    } catch {
        return .failure(error)
    }
}

let usage = """
usage: meeting-notes-safety json SOURCE-ID|auto FILE     canonical JSON of the import (error: one line, status 1)
       meeting-notes-safety loop SOURCE-ID|auto FILE N   imports FILE N times; prints RSS at start, 10%, end
       meeting-notes-safety replay FILE...               imports each file with every source; prints outcomes
       meeting-notes-safety sources                      lists the source identifiers
"""

var args = Array(CommandLine.arguments.dropFirst())
guard let command = args.first else { fail(usage) }
args.removeFirst()

switch command {
case "sources":
    for s in sources { print(s.identifier) }

case "json":
    guard args.count == 2 else { fail(usage) }
    switch importOnce(read(args[1]), using: args[0]) {
    case .success(let r):
        FileHandle.standardOutput.write(Data(MeetingJSON.encode(r.meeting)))
        FileHandle.standardOutput.write(Data("\n".utf8))
    case .failure(let e):
        fail(e.description, status: 1)
    }

case "loop":
    guard args.count == 3, let count = Int(args[2]), count > 0 else { fail(usage) }
    let input = read(args[1])
    var start = 0, warm = 0
    var failures = 0
    let clock = ContinuousClock()
    let began = clock.now
    for i in 0..<count {
        if i == 0 { start = residentKiB() }
        if case .failure = importOnce(input, using: args[0]) { failures += 1 }
        if i == max(0, count / 10 - 1) { warm = residentKiB() }
    }
    let end = residentKiB()
    let elapsed = clock.now - began
    print("imports=\(count) failures=\(failures) rss_start_kib=\(start) rss_warm_kib=\(warm) rss_end_kib=\(end) "
          + "growth_after_warmup_kib=\(end - warm) seconds=\(elapsed.components.seconds)")

case "replay":
    var crashedNothing = 0
    for path in args {
        let input = read(path)
        for s in sources {
            let outcome: String
            do {
                let r = try s.importMeeting(from: input, options: ImportOptions())
                outcome = "meeting, \(r.meeting.diagnostics.count) diagnostics, \(MeetingJSON.encode(r.meeting).count) JSON bytes"
            } catch {
                outcome = "error \(error.code.rawValue)"
            }
            print("\(path)\t\(s.identifier)\t\(outcome)")
            crashedNothing += 1
        }
    }
    print("replayed \(args.count) files × \(sources.count) sources = \(crashedNothing) imports, none crashed")

default:
    fail(usage)
}
