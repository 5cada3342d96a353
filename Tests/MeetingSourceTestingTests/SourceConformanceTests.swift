import Foundation
import MeetingModel
import MeetingSourceTesting
import Testing

/// A well-behaved toy format: `TOY` on the first line, then `title: …`, `- Owner: text` action items;
/// any other non-blank line becomes a warning diagnostic carrying its text and line.
struct ToyLineSource: MeetingSource {
    var identifier: String { "toy-lines" }

    func confidence(for input: SourceInput) -> Double {
        if input.bytes.starts(with: Array("TOY\n".utf8)) { return 0.9 }
        return input.fileExtension == "toy" ? 0.3 : 0
    }

    func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        guard !input.bytes.isEmpty else { throw MeetingImportError(.emptyInput, "the input is empty") }
        guard let text = String(validating: input.bytes, as: UTF8.self) else {
            throw MeetingImportError(.undecodableText, "the input is not UTF-8")
        }
        var meeting = Meeting(page: PageMetadata(source: input.fileName, format: identifier))
        for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let location = SourceLocation(line: n + 1)
            if n == 0 && line == "TOY" || line.allSatisfy(\.isWhitespace) { continue }
            if line.hasPrefix("title: ") {
                meeting.title = String(line.dropFirst(7))
            } else if line.hasPrefix("- "), let colon = line.firstIndex(of: ":") {
                let owner = line[line.index(line.startIndex, offsetBy: 2)..<colon]
                let rest = line[line.index(after: colon)...].drop(while: { $0 == " " })
                meeting.actionItems.append(ActionItem(owners: [Person(name: String(owner))], text: String(rest),
                                                      location: location))
            } else {
                meeting.diagnostics.append(Diagnostic(.warning, code: "toy.unknown-line", "line not understood",
                                                      at: location, text: String(line)))
            }
        }
        return ImportResult(meeting: meeting, sourceIdentifier: identifier, isMeeting: !meeting.actionItems.isEmpty)
    }
}

let toySample = SourceInput(text: "TOY\ntitle: Café planning\n- Ana: book the room\n- Bo: send notes\nstray ✓ line\n",
                            fileName: "plan.toy")

/// Wraps the toy source and breaks it in one way.
struct BrokenSource: MeetingSource {
    enum Fault: Sendable { case nondeterministic, confidence15, confidenceNaN, diagnosticWithoutLocation, diagnosticBeyondInput,
                           untypedError, badIdentifier, wrongResultName, dateBeyondJSON, rejectsSamples,
                           neverRecognises }
    var fault: Fault
    let base = ToyLineSource()

    var identifier: String { fault == .badIdentifier ? "Toy_Lines" : "toy-broken" }

    func confidence(for input: SourceInput) -> Double {
        switch fault {
        case .confidence15: return 1.5
        case .confidenceNaN: return .nan
        case .neverRecognises: return 0
        default: return base.confidence(for: input)
        }
    }

    func importMeeting(from input: SourceInput, options: ImportOptions) throws(MeetingImportError) -> ImportResult {
        if fault == .untypedError || fault == .rejectsSamples {
            // A crash-free throw, but with no code worth the name and no message.
            throw MeetingImportError(.init(rawValue: fault == .untypedError ? "Something Broke" : "not-today"),
                                     fault == .untypedError ? "" : "refused")
        }
        var result = try base.importMeeting(from: input, options: options)
        result.sourceIdentifier = fault == .wrongResultName ? "toy-lines" : identifier
        switch fault {
        case .nondeterministic:
            result.meeting.title = UUID().uuidString
        case .diagnosticWithoutLocation:
            result.meeting.diagnostics.append(Diagnostic(.note, code: "toy.note", "somewhere"))
        case .diagnosticBeyondInput:
            result.meeting.diagnostics.append(Diagnostic(.note, code: "toy.note", "far away",
                                                         at: SourceLocation(line: 100_000)))
        case .dateBeyondJSON:
            // Year 10,000 and later cannot be written as YYYY-MM-DD, so the JSON does not decode.
            result.meeting.startDate = CalendarDate(daysSinceEpoch: 3_000_000)
        default:
            break
        }
        return result
    }
}

@Suite struct SourceConformanceTests {
    @Test func aWellBehavedSourcePasses() {
        let failures = SourceConformance(source: ToyLineSource(), samples: [toySample]).run()
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func theTestingConvenienceRecordsNothingForAGoodSource() {
        let failures = SourceConformance(source: ToyLineSource(), samples: [toySample]).expectConformance()
        #expect(failures.isEmpty)
    }

    @Test func theTestingConvenienceRecordsAnIssuePerFailure() {
        let kit = SourceConformance(source: BrokenSource(fault: .confidence15), samples: [toySample])
        var failures: [ConformanceFailure] = []
        withKnownIssue {
            failures = kit.expectConformance()
        } matching: { issue in
            issue.comments.first?.rawValue.hasPrefix("[confidence-in-range] ") == true
        }
        // One failure for the sample and one for each damaged input.
        #expect(failures.count == kit.garbageInputs.count + 1)
    }

    @Test(arguments: [
        (BrokenSource.Fault.nondeterministic, ConformanceCheck.deterministic),
        (.nondeterministic, .concurrentImport),
        (.confidence15, .confidenceInRange),
        (.confidenceNaN, .confidenceInRange),
        (.diagnosticWithoutLocation, .diagnosticHasLocation),
        (.diagnosticBeyondInput, .diagnosticHasLocation),
        (.untypedError, .errorIsTyped),
        (.untypedError, .sampleImports),
        (.rejectsSamples, .sampleImports),
        (.badIdentifier, .identifierIsLowerKebab),
        (.wrongResultName, .resultNamesSource),
        (.dateBeyondJSON, .jsonRoundTrip),
        (.neverRecognises, .sampleRecognised),
    ])
    func reportsEachBrokenBehaviourByName(fault: BrokenSource.Fault, check: ConformanceCheck) {
        let failures = SourceConformance(source: BrokenSource(fault: fault), samples: [toySample]).run()
        #expect(failures.contains { $0.check == check }, "\(fault) should fail \(check.rawValue): \(failures)")
    }

    @Test func eachFaultFailsOnlyItsOwnChecks() {
        let expected: [(BrokenSource.Fault, Set<ConformanceCheck>)] = [
            (.confidence15, [.confidenceInRange]),
            (.diagnosticWithoutLocation, [.diagnosticHasLocation]),
            (.badIdentifier, [.identifierIsLowerKebab]),
            (.wrongResultName, [.resultNamesSource]),
            (.dateBeyondJSON, [.jsonRoundTrip]),
            (.rejectsSamples, [.sampleImports]),
            (.untypedError, [.sampleImports, .errorIsTyped]),
            (.nondeterministic, [.deterministic, .concurrentImport]),
        ]
        for (fault, checks) in expected {
            let failures = SourceConformance(source: BrokenSource(fault: fault), samples: [toySample]).run()
            #expect(Set(failures.map(\.check)) == checks, "\(fault): \(failures)")
        }
    }

    @Test func failuresNameTheCheckAndTheInput() throws {
        let failures = SourceConformance(source: BrokenSource(fault: .diagnosticWithoutLocation), samples: [toySample]).run()
        let first = try #require(failures.first)
        #expect(first.description == "[diagnostic-has-location] sample 1: diagnostic without a location: note: somewhere [toy.note]")
        let confidence = SourceConformance(source: BrokenSource(fault: .confidence15), samples: [toySample]).run()
        #expect(confidence.first?.description == "[confidence-in-range] sample 1: confidence 1.5 is outside 0...1")
        #expect(confidence.contains { $0.input == "empty input" })
        #expect(confidence.contains { $0.input == "random bytes (seed \(0x5EED_2019 as UInt64))" })
    }

    @Test func garbageInputsAreReproducibleAndCoverTheDamageKinds() {
        let kit = SourceConformance(source: ToyLineSource(), samples: [toySample])
        let a = kit.garbageInputs, b = kit.garbageInputs
        #expect(a.map(\.input) == b.map(\.input))
        let names = a.map(\.name)
        #expect(names == ["empty input", "byte-order mark only", "random bytes (seed 1592598553)", "NUL bytes",
                          "one 256 KiB line", "not UTF-8", "sample 1 truncated to a third",
                          "sample 1 truncated to two thirds", "sample 1 cut inside a multi-byte character",
                          "sample 1 with NUL bytes", "sample 1 with CR line ends"])
        #expect(a.allSatisfy { $0.input.fileName == "plan.toy" })
        #expect(a[2].input.bytes.count == 4096)
        #expect(a[2].input.bytes != SourceConformance(source: ToyLineSource(), samples: [toySample], seed: 7)
            .garbageInputs[2].input.bytes)
        // The multi-byte cut ends on the lead byte of "✓" (E2 9C 93), leaving invalid UTF-8.
        #expect(a[8].input.bytes.last == 0xE2)
    }

    @Test func lowerKebabRules() {
        #expect(SourceConformance.isLowerKebab("confluence-storage"))
        #expect(SourceConformance.isLowerKebab("minutes-v1"))
        for bad in ["", "-a", "a-", "a--b", "Plain-Text", "plain_text", "plain text", "é"] {
            #expect(!SourceConformance.isLowerKebab(bad), "\(bad)")
        }
    }
}
