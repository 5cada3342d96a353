// swift-meeting-notes · Benchmarks
//
// Small tools around the benchmark, for importer authors: write one page (generated, or a file repeated to
// a size), time imports of given files on CPU time, and dump each import's canonical JSON to diff two builds.
// (They replace the `plaintext-speed` and `confluence-speed` executables the root package used to have.)

import Foundation
import MeetingModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Tools {
    /// "30KB", "1MB", "10MB", "2.5MB" or a byte count.
    static func parseSize(_ text: String) -> Int? {
        let upper = text.uppercased()
        for (suffix, scale) in [("KB", 1024.0), ("MB", 1_048_576.0), ("B", 1.0)] where upper.hasSuffix(suffix) {
            return Double(upper.dropLast(suffix.count)).map { Int($0 * scale) }
        }
        return Int(text)
    }

    /// The form a file is read as, from its name.
    static func form(ofFile path: String) -> PageForm {
        let lower = path.lowercased()
        if lower.hasSuffix(".html") || lower.hasSuffix(".htm") { return .html }
        if lower.hasSuffix(".txt") || lower.hasSuffix(".md") { return .text }
        return .storage
    }

    /// `page FORM SIZE [--seed N] [--dense] [--repeat FILE]`: one page on standard output, generated (`--dense`:
    /// 4 to 8 action items per agenda row instead of 0 to 3) or FILE repeated, a newline between copies,
    /// until it reaches SIZE.
    static func page(_ args: inout Arguments) -> Int32 {
        let seed = args.option("--seed").flatMap(UInt64.init) ?? PageGenerator.defaultSeed
        let dense = args.flag("--dense")
        let repeated = args.option("--repeat")
        guard args.rest.count == 2, let form = PageForm(rawValue: args.rest[0]), let size = parseSize(args.rest[1]) else { usage() }
        var bytes: [UInt8]
        if let repeated {
            let unit = readBytes(URL(fileURLWithPath: repeated))
            guard !unit.isEmpty else {
                FileHandle.standardError.write(Data("cannot read \(repeated)\n".utf8))
                return 1
            }
            bytes = []
            bytes.reserveCapacity(size + unit.count + 1)
            while bytes.count < size {
                bytes += unit
                bytes.append(0x0A)
            }
        } else {
            var generator = PageGenerator(seed: seed)
            if dense { generator.tasksPerRow = 4...8 }
            bytes = generator.page(form, targetBytes: size).bytes
        }
        FileHandle.standardOutput.write(Data(bytes))
        return 0
    }

    /// `time FORM FILE… [--users FILE]`: imports each file once (FORM's importer) and prints CPU and wall
    /// time, MB/s on CPU time, peak RSS so far and what was found; with two files, the ratio of their times.
    static func time(_ args: inout Arguments) -> Int32 {
        let users = args.option("--users").map { URL(fileURLWithPath: $0) }
        guard args.rest.count >= 2, let form = PageForm(rawValue: args.rest[0]) else { usage() }
        guard let source = Importers.source(for: form) else {
            print("no importer for \(form.rawValue) in this build")
            return 1
        }
        let options = importOptions(usersFile: users)
        var cpuTimes: [Double] = []
        var sizes: [Int] = []
        for path in args.rest.dropFirst() {
            let bytes = readBytes(URL(fileURLWithPath: path))
            let c0 = cpuSeconds(), w0 = now()
            do {
                let r = try source.importMeeting(from: SourceInput(bytes: bytes, fileName: path), options: options)
                let cpu = cpuSeconds() - c0, wall = now() - w0
                let mb = Double(bytes.count) / 1_048_576
                cpuTimes.append(cpu)
                sizes.append(bytes.count)
                print("\(path): \(fmt(mb, 2)) MB, cpu \(fmt(cpu * 1000, 0)) ms, \(fmt(mb / cpu)) MB/s (cpu), "
                      + "wall \(fmt(wall * 1000, 0)) ms, peak RSS \(mib(procStatusBytes("VmHWM") ?? 0)), "
                      + "\(r.meeting.agendaItems.count) agenda items, \(r.meeting.actionItems.count) actions, "
                      + "\(r.diagnostics.count) diagnostics")
            } catch {
                print("\(path): import failed: \(error)")
                return 1
            }
        }
        if cpuTimes.count == 2, cpuTimes[0] > 0, sizes[0] > 0 {
            print("time ratio \(fmt(cpuTimes[1] / cpuTimes[0], 2))× for \(fmt(Double(sizes[1]) / Double(sizes[0]), 2))× the input")
        }
        return 0
    }

    /// `dump OUTDIR FILE… [--users FILE]`: writes each file's import as canonical JSON to
    /// OUTDIR/<file name>.json ("import failed: …" when it fails), the importer chosen by file name.
    static func dump(_ args: inout Arguments) -> Int32 {
        let users = args.option("--users").map { URL(fileURLWithPath: $0) }
        guard args.rest.count >= 2 else { usage() }
        let out = URL(fileURLWithPath: args.rest[0])
        let options = importOptions(usersFile: users)
        do {
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            for path in args.rest.dropFirst() {
                let name = URL(fileURLWithPath: path).lastPathComponent
                var json = Array("import failed: no importer in this build\n".utf8)
                if let source = Importers.source(for: form(ofFile: path)) {
                    do {
                        let input = SourceInput(bytes: readBytes(URL(fileURLWithPath: path)), fileName: name)
                        json = MeetingJSON.encode(try source.importMeeting(from: input, options: options).meeting)
                    } catch {
                        json = Array("import failed: \(error)\n".utf8)
                    }
                }
                try Data(json).write(to: out.appendingPathComponent(name + ".json"))
            }
        } catch {
            FileHandle.standardError.write(Data("dump failed: \(error)\n".utf8))
            return 1
        }
        return 0
    }

    /// This process's CPU time, seconds.
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
