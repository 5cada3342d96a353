// swift-meeting-notes · Benchmarks
//
// Clocks, child processes and memory readings.

import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Monotonic seconds.
@inline(__always)
func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Keeps a value alive so the optimiser cannot remove the work that made it.
@inline(never)
func blackHole<T>(_ value: T) { withExtendedLifetime(value) {} }

/// Median of a non-empty sample (0 when empty).
func median(_ xs: [Double]) -> Double {
    guard !xs.isEmpty else { return 0 }
    let s = xs.sorted()
    return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Reads a `Vm…:` line of `/proc/self/status`, in bytes (nil where there is no procfs).
func procStatusBytes(_ key: String) -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in text.split(separator: "\n") where line.hasPrefix(key + ":") {
        let digits = line.dropFirst(key.count + 1).filter(\.isNumber)
        return Int(digits).map { $0 * 1024 }
    }
    return nil
}

/// The outcome of a child process.
struct ChildOutcome {
    /// Exit code, when it exited.
    var exitCode: Int32?
    /// Signal number, when a signal ended it (a crash).
    var signal: Int32?
    /// Wall time from spawn to reaped.
    var wallSeconds: Double
    /// Peak resident set size of that child alone (wait4's ru_maxrss), bytes.
    var maxRSSBytes: Int
    /// What it wrote on stdout, when captured.
    var stdout: String
    /// CPU time of the child, user + system (wait4's rusage), seconds: on a shared machine, steadier than wall.
    var cpuSeconds: Double = 0

    var succeeded: Bool { exitCode == 0 }
    var failureDescription: String {
        if let signal { return "killed by signal \(signal)" }
        return "exit \(exitCode ?? -1)"
    }
}

/// Runs `path args…`, stdout to a file (captured) or /dev/null, stderr to /dev/null unless `showStderr`.
/// Uses posix_spawn + wait4 so the peak RSS is this child's, not the maximum over all children.
func runChild(_ path: String, _ args: [String], captureStdout: Bool = true, showStderr: Bool = false,
              stderrFile: String? = nil) -> ChildOutcome {
    let outPath = captureStdout
        ? FileManager.default.temporaryDirectory.appendingPathComponent("mnb-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).out").path
        : "/dev/null"
    defer { if captureStdout { unlink(outPath) } }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    if let stderrFile {
        posix_spawn_file_actions_addopen(&actions, 2, stderrFile, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    } else if !showStderr {
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    let argv: [UnsafeMutablePointer<CChar>?] = ([path] + args).map { strdup($0) } + [nil]
    defer { for p in argv { free(p) } }
    var pid: pid_t = 0
    let start = now()
    let rc = argv.withUnsafeBufferPointer { buf -> Int32 in
        guard let base = buf.baseAddress else { return EINVAL }
        return posix_spawn(&pid, path, &actions, nil, UnsafeMutablePointer(mutating: base), environ)
    }
    guard rc == 0 else {
        return ChildOutcome(exitCode: 127, signal: nil, wallSeconds: 0, maxRSSBytes: 0, stdout: "spawn failed: \(rc)")
    }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    let wall = now() - start
    let termSignal = status & 0x7f
    let out = captureStdout ? ((try? String(contentsOfFile: outPath, encoding: .utf8)) ?? "") : ""
    #if os(Linux)
    let rssBytes = Int(usage.ru_maxrss) * 1024   // kilobytes on Linux
    #else
    let rssBytes = Int(usage.ru_maxrss)          // bytes on macOS
    #endif
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
        + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    return ChildOutcome(exitCode: termSignal == 0 ? (status >> 8) & 0xff : nil,
                        signal: termSignal == 0 ? nil : termSignal,
                        wallSeconds: wall, maxRSSBytes: rssBytes, stdout: out, cpuSeconds: cpu)
}

/// This executable's path, to re-run it as a child.
func selfExecutablePath() -> String {
    #if os(Linux)
    if let p = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") { return p }
    #endif
    return CommandLine.arguments[0]
}

/// A short description of the machine for the report.
struct MachineInfo: Codable {
    var cpu: String
    var cores: Int
    var memoryGiB: Int
    var kernel: String
    var libxml2: String
    var toolchain: String?
    var date: String

    static func current(toolchain: String?) -> MachineInfo {
        var cpu = "unknown CPU"
        if let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
           let line = info.split(separator: "\n").first(where: { $0.hasPrefix("model name") }),
           let colon = line.firstIndex(of: ":") {
            cpu = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var uts = utsname()
        uname(&uts)
        let kernel = withUnsafeBytes(of: &uts.release) { String(decoding: $0.prefix(while: { $0 != 0 }), as: UTF8.self) }
        let formatter = ISO8601DateFormatter()
        return MachineInfo(cpu: cpu, cores: ProcessInfo.processInfo.activeProcessorCount,
                           memoryGiB: Int((Double(ProcessInfo.processInfo.physicalMemory) / 1_073_741_824).rounded()),
                           kernel: kernel, libxml2: libxml2Version(), toolchain: toolchain,
                           date: formatter.string(from: Date()))
    }
}
