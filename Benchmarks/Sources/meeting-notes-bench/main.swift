// swift-meeting-notes · Benchmarks
//
// meeting-notes-bench [run] [--quick] [--json] [--json-file PATH] [--cli PATH] [--data DIR] [--seed N]
//                     [--toolchain TEXT] [--command TEXT] [--sizes 30KB,1MB,10MB] [--singles-only]
// meeting-notes-bench generate [--quick] [--data DIR] [--seed N] [--pages N]
// meeting-notes-bench measure-one SUBJECT FORM FILE [--users FILE]     (child: one run, prints peak RSS)
// meeting-notes-bench loop SUBJECT FORM FILE [--users FILE] [--iterations N]   (for callgrind / perf)
// meeting-notes-bench summary FORM FILE [--users FILE]                 (what the importer found)
// meeting-notes-bench page FORM SIZE [--seed N] [--dense] [--repeat FILE]   (one page on stdout)
// meeting-notes-bench time FORM FILE… [--users FILE]                   (CPU time and MB/s of each import)
// meeting-notes-bench dump OUTDIR FILE… [--users FILE]                 (canonical JSON of each import)
//
// SUBJECT is importer, model-floor, libxml2-tree or libxml2-sax; FORM is storage, html or text.

import Foundation
import MeetingModel

func usage() -> Never {
    FileHandle.standardError.write(Data("""
    usage: meeting-notes-bench [run] [--quick] [--json] [--json-file PATH] [--cli PATH] [--data DIR] [--seed N]
                               [--sizes 30KB,1MB,10MB] [--singles-only] [--toolchain TEXT] [--revision TEXT] [--command TEXT]
           meeting-notes-bench generate [--quick] [--data DIR] [--seed N] [--pages N]
           meeting-notes-bench measure-one SUBJECT FORM FILE [--users FILE]
           meeting-notes-bench loop SUBJECT FORM FILE [--users FILE] [--iterations N]
           meeting-notes-bench summary FORM FILE [--users FILE]
           meeting-notes-bench page FORM SIZE [--seed N] [--dense] [--repeat FILE]
           meeting-notes-bench time FORM FILE... [--users FILE]
           meeting-notes-bench dump OUTDIR FILE... [--users FILE]

    """.utf8))
    exit(2)
}

/// The command line, consumed option by option.
struct Arguments {
    var rest: [String]

    mutating func option(_ name: String) -> String? {
        guard let i = rest.firstIndex(of: name), i + 1 < rest.count else { return nil }
        let v = rest[i + 1]
        rest.removeSubrange(i...(i + 1))
        return v
    }

    mutating func flag(_ name: String) -> Bool {
        guard let i = rest.firstIndex(of: name) else { return false }
        rest.remove(at: i)
        return true
    }

    mutating func subjectFormFile() -> (Subject, PageForm, URL, URL?) {
        let users = option("--users").map { URL(fileURLWithPath: $0) }
        guard rest.count == 3, let s = Subject(rawValue: rest[0]), let f = PageForm(rawValue: rest[1]) else { usage() }
        return (s, f, URL(fileURLWithPath: rest[2]), users)
    }
}

var args = Arguments(rest: Array(CommandLine.arguments.dropFirst()))
let command = args.rest.first.flatMap { $0.hasPrefix("-") ? nil : $0 } ?? "run"
if args.rest.first == command { args.rest.removeFirst() }

switch command {
case "measure-one":
    let (subject, form, file, users) = args.subjectFormFile()
    let options = importOptions(usersFile: users)
    let source = Importers.source(for: form)
    let bytes = readBytes(file)
    if subject == .model {
        // The memory floor: the runtime, the input and the returned meeting, every intermediate freed.
        let before = ModelFloor.residentAfterTrim()
        let t0 = now()
        let model = ModelFloor.imported(bytes, form: form, options: options)
        let seconds = now() - t0
        let after = ModelFloor.residentAfterTrim()
        // The floor's own copy holds as much heap as the importer's result unless the importer shares storage.
        let copy = model.map(ModelFloor.copy)
        let withCopy = ModelFloor.residentAfterTrim()
        withExtendedLifetime((model, copy)) {}
        print("{\"baseline\":\(before.resident),\"peak\":\(after.resident),\"seconds\":\(seconds),\"bytes\":\(bytes.count),"
              + "\"modelHeapBytes\":\(after.heapInUse - before.heapInUse),\"copyHeapBytes\":\(withCopy.heapInUse - after.heapInUse)}")
        exit(0)
    }
    let baseline = procStatusBytes("VmHWM") ?? 0
    let t0 = now()
    blackHole(runSubject(subject, form: form, bytes: bytes, source: source, options: options))
    let seconds = now() - t0
    let peak = procStatusBytes("VmHWM") ?? 0
    print("{\"baseline\":\(baseline),\"peak\":\(peak),\"seconds\":\(seconds),\"bytes\":\(bytes.count)}")

case "loop":
    let iterations = args.option("--iterations").flatMap(Int.init) ?? 10
    let (subject, form, file, users) = args.subjectFormFile()
    let options = importOptions(usersFile: users)
    let source = Importers.source(for: form)
    let bytes = readBytes(file)
    let model = subject == .model ? ModelFloor.imported(bytes, form: form, options: options) : nil
    let t0 = now()
    for _ in 0..<iterations {
        blackHole(runSubject(subject, form: form, bytes: bytes, source: source, options: options, model: model))
    }
    let seconds = now() - t0
    print(String(format: "%@ %@ %d bytes × %d: %.3f s, %.1f MB/s", subject.rawValue, form.rawValue, bytes.count, iterations,
                 seconds, Double(bytes.count * iterations) / 1_048_576 / seconds))

case "summary":
    // What the importer made of a page: a sanity check that the benchmark measures real work.
    let users = args.option("--users").map { URL(fileURLWithPath: $0) }
    guard args.rest.count == 2, let form = PageForm(rawValue: args.rest[0]) else { usage() }
    guard let source = Importers.source(for: form) else {
        print("no importer for \(form.rawValue) in this build")
        exit(0)
    }
    let bytes = readBytes(URL(fileURLWithPath: args.rest[1]))
    do {
        let r = try source.importMeeting(from: SourceInput(bytes: bytes, fileName: args.rest[1]), options: importOptions(usersFile: users))
        let m = r.meeting
        print("\(r.sourceIdentifier): \"\(m.title)\" \(m.startDate.map(\.description) ?? "-")…\(m.endDate.map(\.description) ?? "-"), "
              + "\(m.participants.count) participants, \(m.agenda.count) days, \(m.agendaItems.count) agenda items, "
              + "\(m.actionItems.count) action items, \(m.diagnostics.count) diagnostics")
        var codes: [String: Int] = [:]
        for d in m.diagnostics { codes[d.code, default: 0] += 1 }
        for (c, n) in codes.sorted(by: { $0.value > $1.value }).prefix(8) { print("  \(n) × \(c)") }
        if let a = m.actionItems.first { print("  first action: \(a)") }
    } catch {
        print("import failed: \(error)")
    }

case "page":
    exit(Tools.page(&args))

case "time":
    exit(Tools.time(&args))

case "dump":
    exit(Tools.dump(&args))

case "generate", "run":
    var config = BenchConfig()
    config.quick = args.flag("--quick")
    config.jsonToStdout = args.flag("--json")
    config.jsonFile = args.option("--json-file")
    config.cliPath = args.option("--cli")
    config.dataDir = args.option("--data")
    config.toolchain = args.option("--toolchain")
    config.revision = args.option("--revision")
    if let c = args.option("--command") { config.command = c }
    if let sizes = args.option("--sizes") { config.sizeLabels = sizes.split(separator: ",").map(String.init) }
    config.singlesOnly = args.flag("--singles-only")
    if let pages = args.option("--pages") {
        guard let n = Int(pages), n > 0 else { usage() }
        config.pagesOverride = n
    }
    if let s = args.option("--seed") {
        guard let v = UInt64(s) else { usage() }
        config.seed = v
    }
    guard args.rest.isEmpty else { usage() }
    if command == "generate" {
        do {
            let inputs = try Inputs.prepare(config) { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
            print(inputs.dir.path)
        } catch {
            FileHandle.standardError.write(Data("generate failed: \(error)\n".utf8))
            exit(1)
        }
        exit(0)
    }
    var bench = Bench(config: config)
    let status: Int32
    do {
        status = try bench.run()
    } catch {
        FileHandle.standardError.write(Data("benchmark failed: \(error)\n".utf8))
        exit(1)
    }
    if config.jsonToStdout {
        bench.printTable { FileHandle.standardError.write(Data(($0 + "\n").utf8)) }
        FileHandle.standardOutput.write(bench.json())
        print()
    } else {
        bench.printTable { print($0) }
    }
    if let path = config.jsonFile {
        do { try bench.json().write(to: URL(fileURLWithPath: path)) } catch {
            FileHandle.standardError.write(Data("cannot write \(path): \(error)\n".utf8))
        }
    }
    exit(status)

default:
    usage()
}
