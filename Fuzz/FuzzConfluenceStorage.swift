// swift-meeting-notes · Fuzz: libFuzzer entry point for ConfluenceStorageSource (built by Scripts/fuzz.sh)

import MeetingModel
import ConfluenceHTML

private let source = ConfluenceStorageSource()

/// libFuzzer calls this once per generated input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzHarness.run(source, data, size, fileName: "fuzz.xhtml")
    return 0
}
