// swift-meeting-notes · Fuzz: libFuzzer entry point for PlainTextSource (built by Scripts/fuzz.sh)

import MeetingModel
import PlainTextImport

private let source = PlainTextSource()

/// libFuzzer calls this once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(source, data, size, fileName: "fuzz.txt")
    return 0
}
