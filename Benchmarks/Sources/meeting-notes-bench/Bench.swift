// swift-meeting-notes · Benchmarks
//
// The benchmark run: generate inputs, time importers against the libxml2 references, measure peak memory
// in child processes, scale over a folder, time the CLI, check the targets, print a table and JSON.

import Dispatch
import Foundation
import MeetingModel

/// What is measured against what.
enum Subject: String, Codable, CaseIterable {
    /// The project's importer for the form.
    case importer
    /// libxml2 building a tree and walking every node.
    case tree = "libxml2-tree"
    /// libxml2's SAX callbacks alone.
    case sax = "libxml2-sax"
    /// Building and freeing the `Meeting` value the importer returns, and nothing else (`ModelFloor`): the
    /// floor for any importer of this model. Its memory figure is the runtime, the input and that value alone.
    case model = "model-floor"
}

struct SizeClass: Codable, Hashable {
    var label: String
    var targetBytes: Int

    static let small = SizeClass(label: "30KB", targetBytes: 30 * 1024)
    static let medium = SizeClass(label: "1MB", targetBytes: 1 << 20)
    static let large = SizeClass(label: "10MB", targetBytes: 10 << 20)
}

struct BenchConfig {
    var quick = false
    var jsonToStdout = false
    var jsonFile: String?
    var cliPath: String?
    var dataDir: String?
    var seed: UInt64 = PageGenerator.defaultSeed
    var toolchain: String?
    /// The project's git revision, for tracking figures over time.
    var revision: String?
    var command = "Scripts/bench.sh"
    /// Pages in the folder (`--pages`), instead of 2,000 (quick: 100).
    var pagesOverride: Int?
    var folderPages: Int { pagesOverride ?? (quick ? 100 : 2000) }
    /// Size classes to run (default: all; quick: 30 KB and 1 MB).
    var sizeLabels: [String]?
    var sizes: [SizeClass] {
        let all: [SizeClass] = quick ? [.small, .medium] : [.small, .medium, .large]
        guard let sizeLabels else { return all }
        return [SizeClass.small, .medium, .large].filter { sizeLabels.contains($0.label) }
    }
    /// Skip the folder and CLI parts.
    var singlesOnly = false
    /// Seconds of interleaved timing rounds per input.
    var budget: Double { quick ? 0.15 : 3.0 }
    var minRounds: Int { quick ? 1 : 5 }
}

// MARK: - Results (the JSON shape)

struct Throughput: Codable {
    var form: String
    var size: String
    var bytes: Int
    var subject: Subject
    var runs: Int
    var medianSeconds: Double
    var bestSeconds: Double
    /// MB = 2^20 bytes, from the median time.
    var mbPerSecond: Double
    var bestMBPerSecond: Double
    /// Peak RSS of a child process that loaded the input and ran the subject once (VmHWM), bytes.
    var peakRSSBytes: Int?
    /// Peak RSS of that child just before the run (runtime + input), bytes.
    var baselineRSSBytes: Int?
    var note: String?
}

struct Ratio: Codable {
    var form: String
    var size: String
    var importerOverTree: Double?
    var importerOverSAX: Double?
}

struct Linearity: Codable {
    var form: String
    /// time(10 MB) / time(1 MB), scaled to an exact 10× size ratio.
    var scaledTimeRatio: Double
}

struct FolderRun: Codable {
    var form: String
    var pages: Int
    var bytes: Int
    var workers: Int
    var seconds: Double
    var mbPerSecond: Double
}

struct CLIRun: Codable {
    var form: String
    var command: String
    var pages: Int
    var bytes: Int
    var wallSeconds: Double
    var oneCoreWallSeconds: Double?
    var speedup: Double?
    var peakRSSBytes: Int
    var note: String?
    /// User + system CPU seconds of the run with the best wall time (both cores).
    var cpuSeconds: Double?
}

struct StartupRun: Codable {
    var form: String
    var bytes: Int
    var medianSeconds: Double
    var bestSeconds: Double
    var runs: Int
    /// `convert --format` other than the default (Markdown), for the 1 MB export runs; nil for start-up runs.
    var format: String? = nil
    /// The page's size class ("30KB" for start-up, "1MB" for the export runs).
    var size: String? = nil
}

struct TargetCheck: Codable {
    var name: String
    var value: String
    var limit: String
    /// nil: could not be measured.
    var met: Bool?
}

struct Report: Codable {
    /// Version of this JSON shape.
    var formatVersion = 1
    var machine: MachineInfo
    var revision: String?
    var command: String
    var quick: Bool
    var seed: UInt64
    var throughput: [Throughput] = []
    var ratios: [Ratio] = []
    var linearity: [Linearity] = []
    var folder: [FolderRun] = []
    var cli: [CLIRun] = []
    /// `actions` over the storage folder named five times, JSON output: peak memory at 5× the pages.
    var cliScale: [CLIRun] = []
    var startup: [StartupRun] = []
    var targets: [TargetCheck] = []
    var crashes: [String] = []
}

// MARK: - Inputs

struct Inputs {
    var dir: URL
    var singles: [PageForm: [SizeClass: URL]] = [:]
    var folders: [PageForm: URL] = [:]
    var folderFiles: [PageForm: [URL]] = [:]
    var usersFile: URL

    static let generatorVersion = 4
    /// Pages grow a whole agenda day at a time; this target makes folder pages ~30 KB of HTML on average.
    static let folderPageTarget = 22 * 1024

    /// Generates (or reuses, when the stamp matches) every input under `dir`.
    static func prepare(_ config: BenchConfig, log: (String) -> Void) throws -> Inputs {
        let dir = URL(fileURLWithPath: config.dataDir
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("meeting-notes-bench").path)
        let fm = FileManager.default
        let allSizes: [SizeClass] = config.quick ? [.small, .medium] : [.small, .medium, .large]
        let stamp = "generator \(generatorVersion) seed \(config.seed) pages \(config.folderPages) sizes \(allSizes.map(\.label))"
        let stampFile = dir.appendingPathComponent("STAMP")
        var inputs = Inputs(dir: dir, usersFile: dir.appendingPathComponent("users.json"))
        let fresh = (try? String(contentsOf: stampFile, encoding: .utf8)) != stamp
        if fresh {
            try? fm.removeItem(at: dir)
            try fm.createDirectory(at: dir, withIntermediateDirectories: true)
            log("generating inputs in \(dir.path) (seed \(config.seed))…")
        }
        let gen = PageGenerator(seed: config.seed)
        if fresh { try Data(gen.userDirectoryJSON).write(to: inputs.usersFile) }
        for form in PageForm.allCases {
            for size in allSizes {
                let url = dir.appendingPathComponent("page-\(size.label).\(form.fileExtension)")
                if fresh { try Data(gen.page(form, targetBytes: size.targetBytes).bytes).write(to: url) }
                inputs.singles[form, default: [:]][size] = url
            }
        }
        // The folder: the same meetings in each form, sized so that their exported HTML averages ~30 KB.
        for form in PageForm.allCases {
            let folder = dir.appendingPathComponent("folder-\(form.rawValue)")
            inputs.folders[form] = folder
            if fresh { try fm.createDirectory(at: folder, withIntermediateDirectories: true) }
        }
        var files: [PageForm: [URL]] = [:]
        for i in 0..<config.folderPages {
            let name = String(format: "meeting-%04d", i + 1)
            if fresh {
                let g = PageGenerator(seed: config.seed &+ UInt64(i + 1) &* 0x9E37_79B9, peopleSeed: config.seed)
                let (html, days) = g.page(.html, targetBytes: folderPageTarget)
                try Data(html).write(to: inputs.folders[.html]!.appendingPathComponent("\(name).html"))
                for form in [PageForm.storage, .text] {
                    try Data(g.page(form, days: days))
                        .write(to: inputs.folders[form]!.appendingPathComponent("\(name).\(form.fileExtension)"))
                }
            }
            for form in PageForm.allCases {
                files[form, default: []].append(inputs.folders[form]!.appendingPathComponent("\(name).\(form.fileExtension)"))
            }
        }
        inputs.folderFiles = files
        if fresh { try stamp.write(to: stampFile, atomically: true, encoding: .utf8) }
        return inputs
    }
}

func readBytes(_ url: URL) -> [UInt8] {
    (try? SourceInput(contentsOf: url))?.bytes ?? []
}

func importOptions(usersFile: URL?) -> ImportOptions {
    var options = ImportOptions()
    if let usersFile, let json = try? Data(contentsOf: usersFile),
       let dir = try? UserDirectory(json: [UInt8](json)) {
        options.userDirectory = dir
    }
    return options
}

/// Runs one subject on one input once; returns a checksum.
func runSubject(_ subject: Subject, form: PageForm, bytes: [UInt8], source: (any MeetingSource)?,
                options: ImportOptions, model: Meeting? = nil) -> Int {
    switch subject {
    case .model:
        guard let model else { return 0 }
        return ModelFloor.buildAndFree(model)
    case .importer:
        guard let source else { return 0 }
        return Importers.run(source, bytes, form: form, options: options)
    case .tree:
        return LibXMLReference.tree(bytes, form: form).checksum
    case .sax:
        return LibXMLReference.sax(bytes, form: form).checksum
    }
}

// MARK: - The run

struct Bench {
    var config: BenchConfig
    var report: Report
    private var stderr = FileHandle.standardError

    init(config: BenchConfig) {
        self.config = config
        self.report = Report(machine: MachineInfo.current(toolchain: config.toolchain), revision: config.revision,
                             command: config.command,
                             quick: config.quick, seed: config.seed)
    }

    func log(_ s: String) {
        FileHandle.standardError.write(Data((s + "\n").utf8))
    }

    mutating func run() throws -> Int32 {
        let inputs = try Inputs.prepare(config, log: log)
        let options = importOptions(usersFile: inputs.usersFile)
        let me = selfExecutablePath()

        // 1. Throughput, interleaved per input so that machine noise hits every subject alike.
        for form in PageForm.allCases {
            let source = Importers.source(for: form)
            let subjects: [Subject] = (source == nil ? [] : [.importer, .model]) + (form == .text ? [] : [.tree, .sax])
            for size in config.sizes {
                guard let url = inputs.singles[form]?[size] else { continue }
                let bytes = readBytes(url)
                let model = source == nil ? nil : ModelFloor.imported(bytes, form: form, options: options)
                var times: [Subject: [Double]] = [:]
                // Warm-up; a run slower than a second needs none and counts as a measurement.
                for s in subjects {
                    let t0 = now()
                    blackHole(runSubject(s, form: form, bytes: bytes, source: source, options: options, model: model))
                    let t = now() - t0
                    if t > 1 { times[s, default: []].append(t) }
                }
                let start = now()
                var rounds = times.isEmpty ? 0 : 1
                func more() -> Bool {
                    let elapsed = now() - start
                    if rounds == 0 { return true }
                    if rounds < config.minRounds { return elapsed < 4 * config.budget }
                    return elapsed < config.budget && rounds < 10_000
                }
                while more() {
                    for s in subjects {
                        let t0 = now()
                        blackHole(runSubject(s, form: form, bytes: bytes, source: source, options: options, model: model))
                        times[s, default: []].append(now() - t0)
                    }
                    rounds += 1
                }
                if source == nil {
                    report.throughput.append(Throughput(form: form.rawValue, size: size.label, bytes: bytes.count,
                                                        subject: .importer, runs: 0, medianSeconds: 0, bestSeconds: 0,
                                                        mbPerSecond: 0, bestMBPerSecond: 0, note: "importer not in this build"))
                }
                for s in subjects {
                    let ts = times[s] ?? []
                    let med = median(ts), best = ts.min() ?? 0
                    let mb = Double(bytes.count) / 1_048_576
                    var t = Throughput(form: form.rawValue, size: size.label, bytes: bytes.count, subject: s, runs: ts.count,
                                       medianSeconds: med, bestSeconds: best,
                                       mbPerSecond: med > 0 ? mb / med : 0, bestMBPerSecond: best > 0 ? mb / best : 0)
                    // 2. Peak memory of the same case, alone in a child process.
                    do {
                        let child = runChild(me, ["measure-one", s.rawValue, form.rawValue, url.path, "--users", inputs.usersFile.path])
                        if child.succeeded, let m = parseMeasureOne(child.stdout) {
                            t.peakRSSBytes = m.peak
                            t.baselineRSSBytes = m.baseline
                        } else {
                            let what = "\(s.rawValue) \(form.rawValue) \(size.label): \(child.failureDescription)"
                            report.crashes.append(what)
                            t.note = "child failed: \(child.failureDescription)"
                        }
                    }
                    report.throughput.append(t)
                }
                let line = subjects.map { s in
                    let t = report.throughput.last { $0.form == form.rawValue && $0.size == size.label && $0.subject == s }
                    return "\(s.rawValue) \(fmt(t?.mbPerSecond ?? 0)) MB/s"
                }.joined(separator: ", ")
                log("\(form.rawValue) \(size.label): \(line)")
            }
        }
        computeRatios()

        // 3. A folder of pages, in process, with one and with two workers.
        for form in PageForm.allCases where !config.singlesOnly {
            guard let source = Importers.source(for: form), let files = inputs.folderFiles[form] else { continue }
            let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
            for workers in [1, 2] {
                var best = Double.infinity, spent = 0.0
                for _ in 0..<(config.quick ? 1 : 3) where spent < 10 {
                    let t = importFolder(files, form: form, source: source, options: options, workers: workers)
                    best = min(best, t)
                    spent += t
                }
                report.folder.append(FolderRun(form: form.rawValue, pages: files.count, bytes: bytes, workers: workers,
                                               seconds: best, mbPerSecond: Double(bytes) / 1_048_576 / best))
                log("folder \(form.rawValue) \(files.count) pages, \(workers) worker(s): \(fmt(best, 3)) s")
            }
        }

        // 4. The CLI: `actions FOLDER` (all cores and one core) and `convert` start-up on a 30 KB page.
        if config.singlesOnly {
            // nothing more
        } else if let cli = config.cliPath, FileManager.default.isExecutableFile(atPath: cli) {
            runCLI(cli, inputs: inputs)
        } else {
            log("no CLI binary (pass --cli PATH): skipping the meeting-notes timings")
        }

        checkTargets()
        return report.crashes.isEmpty ? 0 : 1
    }

    private func importFolder(_ files: [URL], form: PageForm, source: any MeetingSource, options: ImportOptions,
                              workers: Int) -> Double {
        let sums = Slots(count: workers)
        let start = now()
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            var acc = 0
            var i = w
            while i < files.count {
                acc &+= Importers.run(source, readBytes(files[i]), form: form, options: options)
                i += workers
            }
            sums.values[w] = acc
        }
        let elapsed = now() - start
        blackHole(sums.values.reduce(0, &+))
        return elapsed
    }

    private mutating func runCLI(_ cli: String, inputs: Inputs) {
        let taskset = ["/usr/bin/taskset", "/bin/taskset"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let reps = config.quick ? 1 : 3
        for form in [PageForm.html, .storage, .text] {
            guard let folder = inputs.folders[form], let files = inputs.folderFiles[form] else { continue }
            let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
            let args = ["actions", folder.path] + (form == .storage ? ["--users", inputs.usersFile.path] : [])
            var wall = Double.infinity, oneCore = Double.infinity, rss = 0
            var cpu: Double?
            var note: String?
            let errFile = inputs.dir.appendingPathComponent("cli-stderr.txt").path
            var spent = 0.0
            for _ in 0..<reps where spent < 10 {
                var r = runChild(cli, args, captureStdout: false, stderrFile: errFile)
                spent += r.wallSeconds
                // wait4's ru_maxrss of a child spawned from this (large) process starts from this process's
                // RSS; GNU time, itself small, forks the CLI and reports the CLI's own peak.
                if r.succeeded, let peak = peakRSSViaTime(cli, args, dir: inputs.dir) { r.maxRSSBytes = peak }
                if !r.succeeded {
                    note = "meeting-notes \(args.joined(separator: " ")): \(r.failureDescription)"
                    if r.signal != nil { report.crashes.append(note ?? "") }
                    break
                }
                let err = (try? String(contentsOfFile: errFile, encoding: .utf8)) ?? ""
                let skipped = err.split(separator: "\n").filter { $0.contains("skipped") }.count
                if skipped > 0 {
                    note = "the CLI skipped \(skipped) of \(files.count) pages (no source recognised them)"
                    if skipped * 2 > files.count { wall = r.wallSeconds; rss = r.maxRSSBytes; break }
                }
                if r.wallSeconds < wall { cpu = r.cpuSeconds }
                wall = min(wall, r.wallSeconds)
                rss = max(rss, r.maxRSSBytes)
                if let taskset {
                    let one = runChild(taskset, ["-c", "0", cli] + args, captureStdout: false)
                    if one.succeeded { oneCore = min(oneCore, one.wallSeconds) }
                }
            }
            guard wall.isFinite, note == nil || !(note ?? "").hasPrefix("meeting-notes") else {
                report.cli.append(CLIRun(form: form.rawValue, command: "meeting-notes " + args.joined(separator: " "),
                                         pages: files.count, bytes: bytes, wallSeconds: 0, peakRSSBytes: 0, note: note))
                log(note ?? "")
                continue
            }
            report.cli.append(CLIRun(form: form.rawValue, command: "meeting-notes " + args.joined(separator: " "),
                                     pages: files.count, bytes: bytes, wallSeconds: wall,
                                     oneCoreWallSeconds: oneCore.isFinite ? oneCore : nil,
                                     speedup: oneCore.isFinite ? oneCore / wall : nil, peakRSSBytes: rss, note: note,
                                     cpuSeconds: cpu))
            log("meeting-notes actions \(form.rawValue) folder: \(fmt(wall, 3)) s, CPU \(fmt(cpu ?? 0, 3)) s "
                + "(one core \(fmt(oneCore, 3)) s), peak \(rss / 1_048_576) MB")
        }
        // Memory must not grow with the folder: the storage folder named five times (5× the pages, the same
        // rows five times), JSON output (the largest rows), one run under GNU time.
        if let folder = inputs.folders[.storage], let files = inputs.folderFiles[.storage] {
            let bytes = files.reduce(0) { $0 + ((try? FileManager.default.attributesOfItem(atPath: $1.path)[.size] as? Int) ?? 0) }
            let args = ["actions"] + Array(repeating: folder.path, count: 5) + ["--users", inputs.usersFile.path, "--format", "json"]
            let t0 = now()
            let peak = peakRSSViaTime(cli, args, dir: inputs.dir)
            let wall = now() - t0
            report.cliScale.append(CLIRun(form: "storage ×5", command: "meeting-notes actions FOLDER ×5 --users … --format json",
                                           pages: 5 * files.count, bytes: 5 * bytes, wallSeconds: peak == nil ? 0 : wall,
                                           peakRSSBytes: peak ?? 0, note: peak == nil ? "no /usr/bin/time, or the run failed" : nil))
            log("meeting-notes actions storage folder ×5, JSON: \(fmt(wall, 3)) s, peak \((peak ?? 0) / 1_048_576) MB")
        }
        // Start-up: `convert` of each 30 KB page (target); then import and export of each 1 MB page, `convert` to
        // Markdown and to canonical JSON (wall, median; no target).
        let runs: [(SizeClass, String?, Int)] = [(.small, nil, config.quick ? 3 : 15), (.medium, "markdown", config.quick ? 1 : 5),
                                                 (.medium, "json", config.quick ? 1 : 5)]
        for (size, format, count) in runs {
            for form in PageForm.allCases {
                guard let url = inputs.singles[form]?[size] else { continue }
                var args = ["convert", url.path]
                if let format { args += ["--format", format] }
                if form == .storage { args += ["--users", inputs.usersFile.path] }
                var times: [Double] = []
                for _ in 0..<count {
                    let r = runChild(cli, args, captureStdout: false)
                    guard r.succeeded else {
                        let what = "meeting-notes convert \(form.rawValue)" + (format.map { " --format " + $0 } ?? "")
                        if r.signal != nil { report.crashes.append("\(what): \(r.failureDescription)") }
                        log("meeting-notes \(args.joined(separator: " ")): \(r.failureDescription)")
                        break
                    }
                    times.append(r.wallSeconds)
                }
                guard !times.isEmpty else { continue }
                report.startup.append(StartupRun(form: form.rawValue, bytes: readBytes(url).count, medianSeconds: median(times),
                                                 bestSeconds: times.min() ?? 0, runs: times.count, format: format,
                                                 size: size.label))
            }
        }
    }

    private mutating func computeRatios() {
        for form in [PageForm.storage, .html] {
            for size in config.sizes {
                func t(_ s: Subject) -> Throughput? {
                    report.throughput.first { $0.form == form.rawValue && $0.size == size.label && $0.subject == s }
                }
                guard let imp = t(.importer), imp.note == nil, imp.medianSeconds > 0 else { continue }
                report.ratios.append(Ratio(form: form.rawValue, size: size.label,
                                           importerOverTree: t(.tree).map { imp.mbPerSecond / $0.mbPerSecond },
                                           importerOverSAX: t(.sax).map { imp.mbPerSecond / $0.mbPerSecond }))
            }
        }
        for form in PageForm.allCases {
            func t(_ label: String) -> Throughput? {
                report.throughput.first { $0.form == form.rawValue && $0.size == label && $0.subject == .importer && $0.note == nil }
            }
            guard let one = t("1MB"), let ten = t("10MB"), one.medianSeconds > 0 else { continue }
            let scaled = (ten.medianSeconds / one.medianSeconds) * (10 / (Double(ten.bytes) / Double(one.bytes)))
            report.linearity.append(Linearity(form: form.rawValue, scaledTimeRatio: scaled))
        }
    }

    private mutating func checkTargets() {
        var checks: [TargetCheck] = []
        func importer(_ form: PageForm) -> [Throughput] {
            report.throughput.filter { $0.form == form.rawValue && $0.subject == .importer }
        }
        for r in report.ratios {
            checks.append(TargetCheck(name: "\(r.form) \(r.size): importer ≥ libxml2 tree+walk",
                                      value: r.importerOverTree.map { fmt($0, 2) + "×" } ?? "n/a", limit: "≥ 1.00×",
                                      met: r.importerOverTree.map { $0 >= 1 }))
        }
        for r in report.ratios {
            checks.append(TargetCheck(name: "\(r.form) \(r.size): stretch, importer ≥ ½ SAX-only",
                                      value: r.importerOverSAX.map { fmt($0, 2) + "×" } ?? "n/a", limit: "≥ 0.50×",
                                      met: r.importerOverSAX.map { $0 >= 0.5 }))
        }
        for t in importer(.text) {
            checks.append(TargetCheck(name: "text \(t.size): PlainTextImport MB/s", value: t.note ?? fmt(t.mbPerSecond),
                                      limit: "≥ 100", met: t.note == nil ? t.mbPerSecond >= 100 : nil))
        }
        for l in report.linearity {
            checks.append(TargetCheck(name: "\(l.form): linear, time(10 MB) ÷ time(1 MB)", value: fmt(l.scaledTimeRatio, 2) + "×",
                                      limit: "≤ 11×", met: l.scaledTimeRatio <= 11))
        }
        for form in PageForm.allCases {
            for t in importer(form) {
                guard let peak = t.peakRSSBytes else { continue }
                let limit = 3 * t.bytes + 30 * 1_048_576
                checks.append(TargetCheck(name: "\(form.rawValue) \(t.size): importer peak RSS", value: mib(peak),
                                          limit: "< \(mib(limit)) (3× input + 30 MB)", met: peak < limit))
            }
        }
        for c in report.cli {
            let limit = c.form == "storage" ? 0.75 : 1.5
            let full = c.pages >= 2000
            if c.form != "text" {
                checks.append(TargetCheck(name: "meeting-notes actions, \(c.pages) \(c.form) pages: wall",
                                          value: c.note ?? fmt(c.wallSeconds, 3) + " s", limit: "< \(limit) s" + (full ? "" : " (for 2,000 pages)"),
                                          met: c.note != nil || !full ? nil : c.wallSeconds < limit))
                checks.append(TargetCheck(name: "meeting-notes actions, \(c.pages) \(c.form) pages: both cores vs one",
                                          value: c.speedup.map { fmt($0, 2) + "×" } ?? "n/a", limit: "≥ 1.7×" + (full ? "" : " (for 2,000 pages)"),
                                          met: full ? c.speedup.map { $0 >= 1.7 } : nil))
            }
            checks.append(TargetCheck(name: "meeting-notes actions, \(c.form) folder: peak RSS", value: c.note == nil ? mib(c.peakRSSBytes) : "n/a",
                                      limit: "< 100 MB", met: c.note == nil ? c.peakRSSBytes < 100 * 1_048_576 : nil))
        }
        for c in report.cliScale {
            checks.append(TargetCheck(name: "meeting-notes actions, \(c.pages) pages (\(c.form), JSON): peak RSS",
                                      value: c.note == nil ? mib(c.peakRSSBytes) : "n/a", limit: "< 100 MB",
                                      met: c.note == nil ? c.peakRSSBytes < 100 * 1_048_576 : nil))
        }
        for s in report.startup where s.format == nil {
            checks.append(TargetCheck(name: "meeting-notes convert, 30 KB \(s.form) page: wall (median)",
                                      value: fmt(s.medianSeconds * 1000, 1) + " ms", limit: "< 50 ms", met: s.medianSeconds < 0.05))
        }
        report.targets = checks
    }

    // MARK: Output

    func printTable(to out: (String) -> Void) {
        let m = report.machine
        out("meeting-notes benchmark — \(m.date)")
        out("machine: \(m.cpu), \(m.cores) cores, \(m.memoryGiB) GiB, Linux \(m.kernel); libxml2 \(m.libxml2)"
            + (m.toolchain.map { "; \($0)" } ?? ""))
        out("command: \(report.command)\(report.quick ? " (quick: figures are indicative only)" : "")"
            + (report.revision.map { "; revision \($0)" } ?? ""))
        out("MB = 2^20 bytes; MB/s from the median of interleaved runs; peak RSS of a child process doing one run.")
        out("model = the model floor: building and freeing only the Meeting the importer returns (MB/s), and the memory of")
        out("the runtime, the input and that Meeting alone (mem); no importer of this model can beat either.")
        out("")
        var rows: [[String]] = [["form", "size", "bytes", "importer MB/s", "model MB/s", "tree MB/s", "SAX MB/s", "imp÷tree",
                                 "imp÷SAX", "importer peak", "limit", "model mem", "tree peak", "SAX peak"]]
        for form in PageForm.allCases {
            for size in config.sizes {
                func t(_ s: Subject) -> Throughput? {
                    report.throughput.first { $0.form == form.rawValue && $0.size == size.label && $0.subject == s }
                }
                guard let imp = t(.importer) else { continue }
                let ratio = report.ratios.first { $0.form == form.rawValue && $0.size == size.label }
                rows.append([form.rawValue, size.label, "\(imp.bytes)",
                             imp.note == nil ? fmt(imp.mbPerSecond) : "n/a", t(.model).map { fmt($0.mbPerSecond) } ?? "–",
                             t(.tree).map { fmt($0.mbPerSecond) } ?? "–", t(.sax).map { fmt($0.mbPerSecond) } ?? "–",
                             ratio?.importerOverTree.map { fmt($0, 2) } ?? "–", ratio?.importerOverSAX.map { fmt($0, 2) } ?? "–",
                             imp.peakRSSBytes.map(mib) ?? "–", mib(3 * imp.bytes + 30 * 1_048_576),
                             t(.model)?.peakRSSBytes.map(mib) ?? "–", t(.tree)?.peakRSSBytes.map(mib) ?? "–", t(.sax)?.peakRSSBytes.map(mib) ?? "–"])
            }
        }
        table(rows, out)
        if !report.folder.isEmpty {
            out("")
            var f: [[String]] = [["folder (in process)", "pages", "bytes", "workers", "seconds", "MB/s", "speed-up"]]
            for r in report.folder {
                let one = report.folder.first { $0.form == r.form && $0.workers == 1 }
                f.append([r.form, "\(r.pages)", "\(r.bytes)", "\(r.workers)", fmt(r.seconds, 3), fmt(r.mbPerSecond),
                          one.map { fmt($0.seconds / r.seconds, 2) + "×" } ?? "–"])
            }
            table(f, out)
        }
        if !report.cli.isEmpty || !report.startup.isEmpty {
            out("")
            var c: [[String]] = [["meeting-notes", "pages", "bytes", "wall s", "CPU s", "one core s", "speed-up", "peak RSS"]]
            for r in report.cli {
                c.append(["actions " + r.form, "\(r.pages)", "\(r.bytes)", r.wallSeconds > 0 ? fmt(r.wallSeconds, 3) : "failed",
                          r.cpuSeconds.map { fmt($0, 3) } ?? "–",
                          r.oneCoreWallSeconds.map { fmt($0, 3) } ?? "–", r.speedup.map { fmt($0, 2) + "×" } ?? "–",
                          r.peakRSSBytes > 0 ? mib(r.peakRSSBytes) : "–"])
            }
            for r in report.cliScale {
                c.append(["actions " + r.form + " (JSON)", "\(r.pages)", "\(r.bytes)", r.wallSeconds > 0 ? fmt(r.wallSeconds, 3) : "failed",
                          "–", "–", "–", r.peakRSSBytes > 0 ? mib(r.peakRSSBytes) : "–"])
            }
            for s in report.startup {
                c.append(["convert " + s.form + (s.format.map { " → " + $0 } ?? ""), "1", "\(s.bytes)", fmt(s.medianSeconds, 3),
                          "–", "–", "–", "–"])
            }
            table(c, out)
        }
        out("")
        out("targets:")
        for t in report.targets {
            let mark = t.met.map { $0 ? "PASS" : "FAIL" } ?? "n/a "
            out("  [\(mark)] \(t.name): \(t.value) (target \(t.limit))")
        }
        if !report.crashes.isEmpty {
            out("")
            out("CRASHES:")
            for c in report.crashes { out("  " + c) }
        }
    }

    func json() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(report)) ?? Data("{}".utf8)
    }
}

/// The peak RSS of `path args…` as GNU time reports it (`%M`), in bytes; nil without /usr/bin/time.
func peakRSSViaTime(_ path: String, _ args: [String], dir: URL) -> Int? {
    let time = "/usr/bin/time"
    guard FileManager.default.isExecutableFile(atPath: time) else { return nil }
    let out = dir.appendingPathComponent("time-rss.txt").path
    let r = runChild(time, ["-f", "%M", "-o", out, path] + args, captureStdout: false)
    guard r.succeeded, let text = try? String(contentsOfFile: out, encoding: .utf8),
          let kb = Int(text.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").last ?? "") else { return nil }
    return kb * 1024
}

/// One result slot per worker; each worker writes only its own slot.
final class Slots: @unchecked Sendable {
    let values: UnsafeMutableBufferPointer<Int>
    init(count: Int) {
        values = .allocate(capacity: count)
        values.initialize(repeating: 0)
    }
    deinit { values.deallocate() }
}

func parseMeasureOne(_ s: String) -> (baseline: Int, peak: Int)? {
    guard let line = s.split(separator: "\n").last(where: { $0.hasPrefix("{") }),
          let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
          let b = obj["baseline"] as? Int, let p = obj["peak"] as? Int else { return nil }
    return (b, p)
}

func fmt(_ x: Double, _ digits: Int = 1) -> String {
    guard x.isFinite else { return "–" }
    return String(format: "%.\(digits)f", x)
}

func mib(_ bytes: Int) -> String { String(format: "%.1f MB", Double(bytes) / 1_048_576) }

func table(_ rows: [[String]], _ out: (String) -> Void) {
    guard let first = rows.first else { return }
    var widths = Array(repeating: 0, count: first.count)
    for r in rows { for (i, c) in r.enumerated() where i < widths.count { widths[i] = max(widths[i], c.count) } }
    for (n, r) in rows.enumerated() {
        var line = ""
        for (i, c) in r.enumerated() {
            let pad = String(repeating: " ", count: max(0, widths[i] - c.count))
            line += (i < 2 ? c + pad : pad + c) + "  "
        }
        out(line.trimmingCharacters(in: .whitespaces))
        if n == 0 { out(String(repeating: "-", count: widths.reduce(0, +) + 2 * widths.count)) }
    }
}
