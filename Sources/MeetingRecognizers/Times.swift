// swift-meeting-notes · MeetingRecognizers

import MeetingModel

/// Reads wall-clock times: "09:00", "9:00 AM", "9 pm", "09.00", "9h", "9h30", "17:00".
public enum TimeRecognizer {
    /// The time when `text` is nothing but a time (white space around allowed).
    public static func parse(_ text: some StringProtocol) -> LocalTime? {
        let s = Substring(text).trimmedSub
        guard let (time, rest) = scan(s), rest.trimmedSub.isEmpty else { return nil }
        return time
    }

    /// A time at the start of `line`, and the text after it (with its leading white space).
    public static func leadingTime(in line: Substring) -> (time: LocalTime, rest: Substring)? {
        var s = line
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        return scan(s)
    }

    /// A range "09:00-10:30", "9:00 AM – 10:00 AM", or a single time.
    public static func parseRange(_ text: some StringProtocol) -> (start: LocalTime, end: LocalTime?)? {
        let s = Substring(text).trimmedSub
        guard let (a, rest) = scan(s) else { return nil }
        var r = rest.trimmedSub
        if r.isEmpty { return (a, nil) }
        guard let f = r.first, f == "-" || f == "–" || f == "—" || r.lowercased().hasPrefix("to ") else { return nil }
        r = f == "t" || f == "T" ? r.dropFirst(2) : r.dropFirst()
        guard let b = parse(r) else { return nil }
        return (a, b)
    }

    /// Scans a time at the very start of `s`: ``referenceScan(_:)`` reading the first 12 bytes where they are
    /// (no array copied from them when the text is contiguous, as it nearly always is).
    static func scan(_ s: Substring) -> (LocalTime, Substring)? {
        guard let found = s.utf8.withContiguousStorageIfAvailable({ b in
            scanBytes(UnsafeBufferPointer(rebasing: b.prefix(12)))
        }) else { return referenceScan(s) }
        guard let (time, j) = found else { return nil }
        return (time, s[s.utf8.index(s.startIndex, offsetBy: j)...])
    }

    /// The time at the start of `u` (at most its first 12 bytes are read) and the offset where it ends.
    static func scanBytes(_ u: UnsafeBufferPointer<UInt8>) -> (LocalTime, Int)? {
        var i = 0
        func digits(_ max: Int) -> Int? {
            var v = 0, c = 0
            while i < u.count, c < max, u[i] >= 48, u[i] <= 57 { v = v * 10 + Int(u[i] - 48); i += 1; c += 1 }
            return c == 0 ? nil : v
        }
        guard let h = digits(2) else { return nil }
        var minute = 0
        var hadMinutes = false
        var hadH = false
        if i < u.count, u[i] == 58 || u[i] == 46 {   // ':' or '.'
            let save = i
            i += 1
            let before = i
            if let m = digits(2), i - before == 2 { minute = m; hadMinutes = true } else { i = save }
        } else if i < u.count, u[i] == 104 || u[i] == 72 {   // 'h'
            i += 1
            hadH = true
            let before = i
            if let m = digits(2) {
                if i - before == 2 { minute = m } else { return nil }
            }
        }
        // A following digit or letter means this is not a time ("2019", "9hours").
        var j = i
        var hour = h
        // AM / PM with optional space.
        var k = j
        if k < u.count, u[k] == 32 { k += 1 }
        if k + 1 < u.count, u[k] == 97 || u[k] == 65 || u[k] == 112 || u[k] == 80, u[k + 1] == 109 || u[k + 1] == 77 {
            var end = k + 2
            if end < u.count, u[end] == 46 { end += 1 }   // "a.m" not supported; "am." allowed
            if end >= u.count || !isWordByte(u[end]) {
                let pm = u[k] == 112 || u[k] == 80
                guard h >= 1, h <= 12 else { return nil }
                hour = pm ? (h == 12 ? 12 : h + 12) : (h == 12 ? 0 : h)
                j = end
                hadMinutes = true
            }
        }
        guard hadMinutes || hadH else { return nil }
        if j < u.count, isWordByte(u[j]) { return nil }
        guard let time = LocalTime(hour: hour, minute: minute) else { return nil }
        return (time, j)
    }

    /// ``scan(_:)`` as it was before it read in place: the first 12 bytes copied into an array, then read by the same
    /// byte reader. The fast path only changed where the bytes are read from and how the rest is cut, and the tests
    /// compare exactly that.
    static func referenceScan(_ s: Substring) -> (LocalTime, Substring)? {
        let u = Array(s.utf8.prefix(12))
        guard let (time, j) = u.withUnsafeBufferPointer({ scanBytes($0) }) else { return nil }
        let idx = s.utf8.index(s.startIndex, offsetBy: j)
        return (time, s[idx...])
    }

    @inline(__always) static func isWordByte(_ b: UInt8) -> Bool {
        (b >= 48 && b <= 57) || (b >= 65 && b <= 90) || (b >= 97 && b <= 122)
    }
}
