// swift-meeting-notes · MeetingRecognizersTests

import Testing
import TestProcessSupport
import MeetingModel
@testable import MeetingRecognizers

/// The time scan reads the bytes where they are; it must find what copying them into an array found.
@Suite struct TimeScanTests {
    @Test("scan equals referenceScan on random texts (time and the rest after it)")
    func sameScan() {
        let pieces = ["0", "9", "1", "2", "3", "5", ":", ".", "h", "H", " ", "am", "PM", "pm.", "a", "m", "x", "é", "\u{301}", "–",
                      "-", "to ", "\t", "12", "24", "60", "09:00", "9h30", "\u{37E}"]
        var rng = SplitMix64(seed: 0x71AE_0001)
        var times = 0
        for _ in 0..<30_000 {
            let text = (0..<(rng.nextInt() % 9)).map { _ in pieces[rng.nextInt() % pieces.count] }.joined()
            for sub in [text[...], text.dropFirst()] {
                let fast = TimeRecognizer.scan(sub), reference = TimeRecognizer.referenceScan(sub)
                #expect(fast?.0 == reference?.0 && fast?.1 == reference?.1 && fast?.1.startIndex == reference?.1.startIndex,
                        "\(text.debugDescription)")
                if fast != nil { times += 1 }
            }
        }
        #expect(times > 2_000)
        #expect(TimeRecognizer.parse("9:30 pm") == LocalTime(hour: 21, minute: 30))
        #expect(TimeRecognizer.parseRange("09:00-10:30")?.end == LocalTime(hour: 10, minute: 30))
        #expect(TimeRecognizer.parse("2019") == nil)
    }
}
