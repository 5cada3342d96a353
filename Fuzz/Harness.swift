// swift-meeting-notes · Fuzz: shared harness, compiled into every fuzzer (see Scripts/fuzz.sh)

import MeetingModel

/// Feeds one fuzzer input to a source and checks what must hold for any bytes.
///
/// A crash, a hang (libFuzzer `-timeout`), a leak (LeakSanitizer) or a broken invariant below is a finding;
/// libFuzzer saves the input and Scripts/fuzz.sh copies it to Tests/HostileInputTests/Fixtures/crashers/.
enum FuzzHarness {
    static func run(_ source: any MeetingSource, _ data: UnsafePointer<UInt8>?, _ size: Int, fileName: String) {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        // The first byte picks strict or lenient mode, so both paths are explored.
        let strict = (bytes.first ?? 0) & 1 == 1
        let options = ImportOptions(strictness: strict ? .strict : .lenient)
        let confidence = source.confidence(for: SourceInput(bytes: bytes, fileName: fileName))
        precondition(confidence >= 0 && confidence <= 1, "confidence \(confidence) outside 0...1")
        do {
            let result = try source.importMeeting(from: SourceInput(bytes: bytes, fileName: fileName), options: options)
            for d in result.meeting.diagnostics {
                if let l = d.location { precondition(l.line >= 1 && l.column >= 1, "diagnostic at \(l)") }
            }
            let json = MeetingJSON.encode(result.meeting, pretty: false)
            precondition(!json.isEmpty)
        } catch {
            precondition(!error.code.rawValue.isEmpty && !error.message.isEmpty, "untyped error")
        }
    }
}
