// swift-meeting-notes · MeetingSourceTesting

import MeetingModel
import Testing

extension SourceConformance {
    /// Runs every check and records each failure as a Swift Testing issue at the caller's location.
    ///
    /// ```swift
    /// @Test func conforms() {
    ///     SourceConformance(source: MinutesSource(), samples: [sample]).expectConformance()
    /// }
    /// ```
    /// - Parameter sourceLocation: Where to report the issues; the caller's line by default.
    /// - Returns: The failures, for further assertions.
    @discardableResult
    public func expectConformance(sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [ConformanceFailure] {
        let failures = run()
        for failure in failures {
            Issue.record(Comment(rawValue: failure.description), sourceLocation: sourceLocation)
        }
        return failures
    }
}
