// swift-meeting-notes · plaintext-speed
//
// Measures `PlainTextSource().importMeeting` on generated pastes. Release build:
//   swift build -c release --product plaintext-speed && .build/release/plaintext-speed [--dense] [--file PATH] [MB ...]
// Prints MB/s (CPU time of the import), wall time, and peak RSS. For instruction counts run it under
// `valgrind --tool=callgrind`.

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import MeetingModel
import PlainTextImport

let names = ["Amara Okafor", "Bruno Lindqvist", "Chiara Rossi", "Dmitri Volkov", "Elena Marchetti", "Farid Haddad",
             "Greta Holm", "Hugo Alvarez", "Isla McAdams", "Jonas Weber", "Keiko Tanaka", "Luis Ortega"]
let topics = ["Telemetry pipeline", "Ground station plans", "Data retention", "Security review", "Release management",
              "Build farm status", "Archive tiers", "Uplink budget", "Staffing for next year", "Calibration plans"]
let verbs = ["write the triage rota", "circulate the antenna risk register", "confirm the storage quota",
             "schedule a review of the uplink budget", "patch the gateway hosts", "draft the retention note"]

/// One page like a pasted Confluence meeting page: contents, participants, agenda rows with HTML notes and
/// action sentences, free-text actions, attachments, planning. `dense` puts many more action items per row.
func page(_ n: Int, dense: Bool) -> String {
    func name(_ k: Int) -> String { names[(n + k) % names.count] }
    let day = 1 + n % 27
    var s = "## Orbital Systems Offsite \(n), 2021-03-\(format2(day)) to \(day + 1)\n\n- Participants\n- Agenda\n  - Day 1: 2021-03-\(format2(day))\n\n"
    s += "### Participants\n\n- \(name(0))\(name(1))Unknown User (jdoe\(n % 7))\n- \(name(2))\n- \(name(3)) (Remote)\n  \(name(4))\n\n"
    s += "### Agenda\n\n\t\t\tDay 1: 2021-03-\(format2(day))\t\nTime (Local!)\tТоріс\tChair\tDiscussion Topics\tNotes and action Items\n"
    let rows = dense ? 10 : 6
    for r in 0..<rows {
        let t = "\(format2(9 + r)):\(r % 2 == 0 ? "00" : "30")"
        let topic = topics[(n + r) % topics.count]
        var notes = "<ul> <li>Backlog is growing &amp; needs <b>triage</b> before the \(topic.lowercased()) work.</li>"
        notes += " <li>\(name(r)) — \(verbs[(n + r) % verbs.count]). \(1 + r) Apr 2021</li>"
        if dense {
            for k in 0..<4 {
                notes += " <li>\(name(r + k + 1)) &amp; \(name(r + k + 2)) — \(verbs[(r + k) % verbs.count]) for OPS-\(n % 900 + k). \(10 + k) Apr. 2021</li>"
                notes += " <li>OPS-\(500 + k + r) - Getting issue details</li> <li>STATUS</li>"
            }
        }
        notes += " </ul>"
        if r % 3 == 2 {
            notes = "• Plans agreed in principle. • Risks noted for the \(topic.lowercased()).  V \(name(r + 3)) — \(verbs[r % verbs.count]). 1 Apr 2021  OPS-\(77 + r) - Getting issue details  STATUS"
        }
        s += "\(t)\t\(topic)\t\(name(r + 1))\tHow do we handle \(topic.lowercased()) in the next cycle?     Slides\t\(notes)\n"
        if r == 2 { s += "\(format2(10 + r)):15\tBreak (Coffee Provided\t) (E\t\t\n\n\t1\tI\t\t\n" }
    }
    s += "17:00\tClose\t\t\t\n\n### Actions\n\n"
    for k in 0..<(dense ? 8 : 3) {
        s += "- \(name(k)) — \(verbs[k % verbs.count]) before the review. \(1 + k) May 2021\n"
    }
    s += "\n### Attached Documents\n\nFile\tModified\n"
    s += "PDF File Offsite \(n) plan.pdf\tMar 2, 2021 by \(name(5))\nJPEG File harbour-\(n).jpg\tMar 3, 2021 by jdoe\(n % 7)\n\n"
    s += "# **Pre-Meeting Planning**\n\nТоріс\tRequested by\tTime required (estimate)\tNotes\n"
    s += "\(topics[n % topics.count])\t\(name(6))\t30 minutes\tWhat is the status of the work?\n\n"
    return s
}

func format2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }

func paste(bytes: Int, dense: Bool, file: [UInt8]?) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes + 8192)
    var n = 0
    while out.count < bytes {
        if let file { out += file; out.append(10) } else { out += Array(page(n, dense: dense).utf8) }
        n += 1
    }
    return out
}

func cpuSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
func wallSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
func peakRSSMB() -> Double {
    var u = rusage()
    #if canImport(Darwin)
    getrusage(RUSAGE_SELF, &u)
    return Double(u.ru_maxrss) / 1_048_576
    #else
    getrusage(RUSAGE_SELF.rawValue, &u)
    return Double(u.ru_maxrss) / 1024
    #endif
}

var args = Array(CommandLine.arguments.dropFirst())
var dense = false
var file: [UInt8]? = nil
var sizes: [Double] = []
while let a = args.first {
    args.removeFirst()
    if a == "--dense" { dense = true; continue }
    if a == "--file", let path = args.first {
        args.removeFirst()
        guard let f = fopen(path, "rb") else { print("cannot open \(path)"); exit(1) }
        var bytes: [UInt8] = []
        var buf = [UInt8](repeating: 0, count: 65536)
        while true { let k = fread(&buf, 1, buf.count, f); if k <= 0 { break }; bytes += buf[0..<k] }
        fclose(f)
        file = bytes
        continue
    }
    if let v = Double(a) { sizes.append(v) }
}
if sizes.isEmpty { sizes = [1, 10] }
let kind = file != nil ? "file" : (dense ? "dense" : "seed-like")
var rates: [Double] = []
for mb in sizes {
    let input = paste(bytes: Int(mb * 1_048_576), dense: dense, file: file)
    let c0 = cpuSeconds(), w0 = wallSeconds()
    do {
        let r = try PlainTextSource().importMeeting(from: SourceInput(bytes: input), options: ImportOptions())
        let cpu = cpuSeconds() - c0, wall = wallSeconds() - w0
        let size = Double(input.count) / 1_048_576
        rates.append(cpu)
        print(String(describing: kind), "\(Double(Int(size * 100)) / 100) MB:", "cpu \(Int(cpu * 1000)) ms,",
              "\(Double(Int(size / cpu * 10)) / 10) MB/s (cpu), wall \(Int(wall * 1000)) ms, peak RSS \(Int(peakRSSMB())) MB,",
              "items \(r.meeting.agendaItems.count), actions \(r.meeting.actionItems.count)")
    } catch {
        print("import failed: \(error)")
        exit(1)
    }
}
if rates.count == 2, sizes[0] > 0 { print("time ratio \(sizes[1] / sizes[0])x input: \(Double(Int(rates[1] / rates[0] * 100)) / 100)") }
