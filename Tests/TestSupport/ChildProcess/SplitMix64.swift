// swift-meeting-notes · test support
//
// The reproducible pseudo-random generator the randomised tests share, so that a failure reproduces from its
// seed (MeetingModelTests, MeetingRecognizersTests, PlainTextImportTests, MeetingExportTests).

/// SplitMix64: a small, fast, reproducible pseudo-random generator.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state; the seed before the first number.
    public var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The next random non-negative `Int` (the top 63 bits).
    public mutating func nextInt() -> Int { Int(truncatingIfNeeded: next() >> 1) }
}
