// swift-meeting-notes · MeetingSourceTesting

import Foundation
import MeetingModel

/// A conformance check that ``SourceConformance`` runs against a `MeetingSource`.
///
/// The raw value is the check's stable name, used in ``ConformanceFailure/description``.
public enum ConformanceCheck: String, Sendable, Hashable, Codable, CaseIterable {
    /// `MeetingSource.identifier` is lower-kebab (`"minutes-v1"`): `[a-z0-9]+(-[a-z0-9]+)*`.
    case identifierIsLowerKebab = "identifier-is-lower-kebab"
    /// `MeetingSource.confidence(for:)` is a number in 0...1 for every input, garbage included.
    case confidenceInRange = "confidence-in-range"
    /// Every sample the caller gave is recognised (confidence above 0).
    case sampleRecognised = "sample-recognised"
    /// Every sample the caller gave imports without throwing.
    case sampleImports = "sample-imports"
    /// Importing the same input twice gives byte-identical canonical JSON, or the same error code.
    case deterministic = "deterministic"
    /// Importing the same input from several threads at once gives the same result as importing it once.
    case concurrentImport = "concurrent-import"
    /// `ImportResult.sourceIdentifier` equals the source's identifier.
    case resultNamesSource = "result-names-source"
    /// Every `Diagnostic` has a location with line and column 1 or more, within the input.
    case diagnosticHasLocation = "diagnostic-has-location"
    /// A thrown `MeetingImportError` has a lower-kebab code and a message, and any location is valid.
    case errorIsTyped = "error-is-typed"
    /// The meeting survives `MeetingJSON`: `decode(encode(m)) == m`.
    case jsonRoundTrip = "json-round-trip"
}

/// One way in which a source failed a ``ConformanceCheck`` on one input.
public struct ConformanceFailure: Sendable, Hashable, CustomStringConvertible {
    /// The check that failed.
    public var check: ConformanceCheck
    /// The name of the input it failed on (`"sample 1"`, `"random bytes (seed 42)"`), or `nil` for
    /// checks that concern the source rather than an input.
    public var input: String?
    /// What was wrong, for people.
    public var message: String

    /// Creates a failure.
    public init(_ check: ConformanceCheck, input: String? = nil, _ message: String) {
        self.check = check
        self.input = input
        self.message = message
    }

    /// `"[deterministic] sample 1: two imports gave different JSON"`.
    public var description: String {
        "[\(check.rawValue)] " + (input.map { "\($0): " } ?? "") + message
    }
}

/// Runs every ``ConformanceCheck`` against a `MeetingSource`: the caller's samples and a
/// battery of damaged inputs derived from them.
///
/// ```swift
/// @Test func minutesSourceConforms() {
///     let failures = SourceConformance(source: MinutesSource(), samples: [SourceInput(text: sample)]).run()
///     #expect(failures.isEmpty, "\(failures)")
/// }
/// ```
///
/// The damaged inputs are: empty input, a lone UTF-8 byte-order mark, 4 KiB of random bytes (fixed seed),
/// each sample truncated at a third, at two thirds and in the middle of its last multi-byte character, each
/// sample with NUL bytes inserted, 1 KiB of NUL bytes, one 256 KiB line, a sample's first line repeated with
/// bare carriage returns, and bytes that are not UTF-8. Each carries the file name of the first sample, so
/// that a source which sniffs by extension takes them for its own.
///
/// A source that crashes (a trap, a force unwrap) takes the test process down with it: the crash is the
/// report. The kit cannot time out a hung source; run it under `swift test`'s own time limits.
public struct SourceConformance: Sendable {
    /// The source under test.
    public var source: any MeetingSource
    /// Inputs the source must recognise and import (well-formed pages in its format).
    public var samples: [SourceInput]
    /// Options passed to every import.
    public var options: ImportOptions
    /// The seed of the random-bytes input; a fixed seed keeps runs reproducible.
    public var seed: UInt64

    /// Creates a conformance run.
    /// - Parameters:
    ///   - source: The source under test.
    ///   - samples: Well-formed inputs in the source's format; the damaged inputs are derived from them.
    ///   - options: Options passed to every import.
    ///   - seed: Seed for the random-bytes input.
    public init(source: any MeetingSource, samples: [SourceInput], options: ImportOptions = ImportOptions(),
                seed: UInt64 = 0x5EED_2019) {
        self.source = source
        self.samples = samples
        self.options = options
        self.seed = seed
    }

    /// The damaged inputs the run feeds to the source, each with its name.
    public var garbageInputs: [(name: String, input: SourceInput)] {
        let fileName = samples.first?.fileName
        let mediaType = samples.first?.mediaType
        func input(_ bytes: [UInt8]) -> SourceInput { SourceInput(bytes: bytes, fileName: fileName, mediaType: mediaType) }
        var out: [(name: String, input: SourceInput)] = [
            ("empty input", input([])),
            ("byte-order mark only", input([0xEF, 0xBB, 0xBF])),
            ("random bytes (seed \(seed))", input(SplitMix64(seed: seed).bytes(4096))),
            ("NUL bytes", input([UInt8](repeating: 0, count: 1024))),
            ("one 256 KiB line", input([UInt8](repeating: UInt8(ascii: "a"), count: 256 * 1024))),
            ("not UTF-8", input([0xC3, 0x28, 0xA0, 0xA1, 0xE2, 0x28, 0xA1, 0xF0, 0x28, 0x8C, 0xBC, 0xFF, 0xFE, 0x0A])),
        ]
        for (n, sample) in samples.enumerated() {
            let bytes = sample.bytes
            let name = "sample \(n + 1)"
            out.append(("\(name) truncated to a third", input(Array(bytes.prefix(bytes.count / 3)))))
            out.append(("\(name) truncated to two thirds", input(Array(bytes.prefix(bytes.count * 2 / 3)))))
            if let cut = bytes.lastIndex(where: { $0 >= 0xC0 }) {
                out.append(("\(name) cut inside a multi-byte character", input(Array(bytes[..<(cut + 1)]))))
            }
            var withNULs: [UInt8] = []
            withNULs.reserveCapacity(bytes.count + bytes.count / 16 + 1)
            for (i, b) in bytes.enumerated() {
                if i % 16 == 7 { withNULs.append(0) }
                withNULs.append(b)
            }
            out.append(("\(name) with NUL bytes", input(withNULs)))
            out.append(("\(name) with CR line ends", input(bytes.map { $0 == 0x0A ? 0x0D : $0 })))
        }
        return out
    }

    /// Runs every check.
    /// - Returns: The failures, empty when the source conforms.
    public func run() -> [ConformanceFailure] {
        var failures: [ConformanceFailure] = []
        if !Self.isLowerKebab(source.identifier) {
            failures.append(ConformanceFailure(.identifierIsLowerKebab,
                "identifier \"\(source.identifier)\" is not lower-kebab ([a-z0-9]+(-[a-z0-9]+)*)"))
        }
        for (n, sample) in samples.enumerated() {
            failures += check(sample, named: "sample \(n + 1)", isSample: true)
        }
        for (name, input) in garbageInputs {
            failures += check(input, named: name, isSample: false)
        }
        return failures
    }

    /// The outcome of one import, reduced to what can be compared.
    enum Outcome: Equatable {
        case result(json: [UInt8], isMeeting: Bool, sourceIdentifier: String)
        case error(code: String)

        var summary: String {
            switch self {
            case .result(let json, _, _): return "a meeting (\(json.count) bytes of JSON)"
            case .error(let code): return "error \(code)"
            }
        }
    }

    func outcome(_ input: SourceInput) -> Outcome {
        do {
            let r = try source.importMeeting(from: input, options: options)
            return .result(json: MeetingJSON.encode(r.meeting), isMeeting: r.isMeeting, sourceIdentifier: r.sourceIdentifier)
        } catch {
            return .error(code: error.code.rawValue)
        }
    }

    func check(_ input: SourceInput, named name: String, isSample: Bool) -> [ConformanceFailure] {
        var failures: [ConformanceFailure] = []
        func fail(_ check: ConformanceCheck, _ message: String) {
            failures.append(ConformanceFailure(check, input: name, message))
        }
        let confidence = source.confidence(for: input)
        if !(0...1).contains(confidence) {
            fail(.confidenceInRange, "confidence \(confidence) is outside 0...1")
        } else if isSample && confidence == 0 {
            fail(.sampleRecognised, "confidence is 0 for a sample of the source's own format")
        }
        let lineCount = Self.lineCount(input.bytes)
        let first: Result<ImportResult, MeetingImportError>
        do {
            first = .success(try source.importMeeting(from: input, options: options))
        } catch {
            first = .failure(error)
        }
        switch first {
        case .success(let result):
            if result.sourceIdentifier != source.identifier {
                fail(.resultNamesSource,
                     "result names source \"\(result.sourceIdentifier)\", expected \"\(source.identifier)\"")
            }
            for d in result.meeting.diagnostics {
                guard let loc = d.location else {
                    fail(.diagnosticHasLocation, "diagnostic without a location: \(d)")
                    continue
                }
                if loc.line < 1 || loc.column < 1 || loc.line > lineCount {
                    fail(.diagnosticHasLocation,
                         "diagnostic location \(loc) is not within the input's \(lineCount) line(s): \(d)")
                }
            }
            let json = MeetingJSON.encode(result.meeting)
            do {
                let back = try MeetingJSON.decode(json)
                if back != result.meeting {
                    fail(.jsonRoundTrip, "decode(encode(meeting)) differs from the meeting")
                }
            } catch {
                fail(.jsonRoundTrip, "canonical JSON does not decode: \(error)")
            }
        case .failure(let error):
            if isSample {
                fail(.sampleImports, "a sample of the source's own format threw: \(error)")
            }
            if !Self.isLowerKebab(error.code.rawValue) {
                fail(.errorIsTyped, "error code \"\(error.code.rawValue)\" is not a lower-kebab code")
            }
            if error.message.isEmpty {
                fail(.errorIsTyped, "error \(error.code.rawValue) has an empty message")
            }
            if let loc = error.location, loc.line < 1 || loc.column < 1 || loc.line > lineCount {
                fail(.errorIsTyped, "error location \(loc) is not within the input's \(lineCount) line(s)")
            }
            if let id = error.sourceIdentifier, id != source.identifier {
                fail(.errorIsTyped, "error names source \"\(id)\", expected \"\(source.identifier)\"")
            }
        }
        let once: Outcome
        switch first {
        case .success(let r):
            once = .result(json: MeetingJSON.encode(r.meeting), isMeeting: r.isMeeting, sourceIdentifier: r.sourceIdentifier)
        case .failure(let e):
            once = .error(code: e.code.rawValue)
        }
        let again = outcome(input)
        if again != once {
            fail(.deterministic, "two imports differ: \(once.summary), then \(again.summary)")
        }
        if source.confidence(for: input) != confidence {
            fail(.deterministic, "confidence differs between two calls")
        }
        if isSample {
            let parallel = Outcomes(count: 4)
            DispatchQueue.concurrentPerform(iterations: 4) { i in parallel.set(i, outcome(input)) }
            for (i, o) in parallel.all.enumerated() where o != once {
                fail(.concurrentImport, "concurrent import \(i + 1) of 4 differs: \(o?.summary ?? "none")")
            }
        }
        return failures
    }

    /// Whether `text` is lower-kebab: `[a-z0-9]+(-[a-z0-9]+)*`.
    public static func isLowerKebab(_ text: String) -> Bool {
        var previousWasDash = true
        for b in text.utf8 {
            switch b {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                previousWasDash = false
            case UInt8(ascii: "-"):
                if previousWasDash { return false }
                previousWasDash = true
            default:
                return false
            }
        }
        return !previousWasDash
    }

    /// The number of lines an input has, counting LF, CR and CRLF line ends generously (the larger of the
    /// LF and CR counts, plus one).
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var lf = 0, cr = 0
        for b in bytes {
            if b == 0x0A { lf += 1 } else if b == 0x0D { cr += 1 }
        }
        return max(lf, cr) + 1
    }
}

/// Outcomes written from several threads, one slot each.
final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [SourceConformance.Outcome?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ o: SourceConformance.Outcome) { lock.withLock { slots[i] = o } }
    var all: [SourceConformance.Outcome?] { lock.withLock { slots } }
}

/// A small, fast, reproducible pseudo-random generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    func bytes(_ count: Int) -> [UInt8] {
        var g = self
        var out: [UInt8] = []
        out.reserveCapacity(count)
        while out.count < count {
            var v = g.next()
            for _ in 0..<8 where out.count < count {
                out.append(UInt8(truncatingIfNeeded: v))
                v >>= 8
            }
        }
        return out
    }
}
