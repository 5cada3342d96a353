// swift-meeting-notes · Fuzz: libFuzzer entry point for MeetingJSONSource (built by Scripts/fuzz.sh)

import MeetingModel
import MeetingExport

private let source = MeetingJSONSource()

/// libFuzzer calls this once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(source, data, size, fileName: "fuzz.json")
    return 0
}
