// swift-meeting-notes · MeetingExport

public import MeetingModel

/// What an importer understood of one input, and what it did not.
public struct InspectionReport: Sendable, Hashable, Encodable {
    /// The counts of what the model holds.
    public struct Counts: Sendable, Hashable, Codable {
        /// Free sections.
        public var sections: Int
        /// Participants.
        public var participants: Int
        /// Agenda days.
        public var days: Int
        /// Agenda items over all days.
        public var agendaItems: Int
        /// Action items.
        public var actionItems: Int
        /// Decisions.
        public var decisions: Int
        /// Attachments.
        public var attachments: Int
        /// Pre-meeting planning topics.
        public var planningTopics: Int
    }

    /// The file or URL.
    public var file: String?
    /// The identifier of the source that read it.
    public var sourceIdentifier: String
    /// Every source's confidence for the input, best first.
    public var ranking: [SourceScore]
    /// Whether the page looks like meeting notes.
    public var isMeeting: Bool
    /// The meeting's title.
    public var title: String
    /// Counts.
    public var counts: Counts
    /// Every diagnostic, in input order.
    public var diagnostics: [Diagnostic]
    /// Words of diagnostic texts that appear nowhere else in the model, in first-seen order.
    public var wordsOnlyInDiagnostics: [String]

    /// A source identifier with its confidence.
    public struct SourceScore: Sendable, Hashable, Encodable {
        /// The source's identifier.
        public var identifier: String
        /// Its confidence, 0...1.
        public var confidence: Double
        /// Creates a score.
        public init(identifier: String, confidence: Double) {
            self.identifier = identifier
            self.confidence = confidence
        }
    }

    /// Builds the report for an import result.
    public init(result: ImportResult, ranking: [SourceScore] = [], file: String? = nil) {
        let m = result.meeting
        self.file = file ?? m.page.source
        self.sourceIdentifier = result.sourceIdentifier
        self.ranking = ranking
        self.isMeeting = result.isMeeting
        self.title = m.title
        self.counts = Counts(sections: m.sections.count, participants: m.participants.count, days: m.agenda.count,
                             agendaItems: m.agendaItems.count, actionItems: m.actionItems.count,
                             decisions: m.decisions.count, attachments: m.attachments.count,
                             planningTopics: m.planningTopics.count)
        self.diagnostics = m.diagnostics.enumerated().sorted {
            switch ($0.element.location, $1.element.location) {
            case let (a?, b?): return a != b ? a < b : $0.offset < $1.offset
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return $0.offset < $1.offset
            }
        }.map(\.element)
        var placed = m
        placed.diagnostics = []
        let modelWords = Set(InspectionReport.words(in: String(decoding: MeetingJSON.encode(placed, pretty: false),
                                                                 as: UTF8.self)).map { $0.lowercased() })
        var seen: Set<String> = []
        var only: [String] = []
        for d in m.diagnostics {
            guard let text = d.text else { continue }
            for w in InspectionReport.words(in: text) {
                let key = w.lowercased()
                if !modelWords.contains(key), seen.insert(key).inserted { only.append(w) }
            }
        }
        self.wordsOnlyInDiagnostics = only
    }

    /// Runs of letters and digits (apostrophes and hyphens inside a word kept).
    static func words(in text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for ch in text {
            if ch.isLetter || ch.isNumber || ((ch == "'" || ch == "-" || ch == "’") && !current.isEmpty) {
                current.append(ch)
            } else if !current.isEmpty {
                out.append(current.trimmingWordPunctuation())
                current = ""
            }
        }
        if !current.isEmpty { out.append(current.trimmingWordPunctuation()) }
        return out.filter { !$0.isEmpty }
    }

    enum CodingKeys: String, CodingKey {
        case file, sourceIdentifier, ranking, isMeeting, title, counts, diagnostics, wordsOnlyInDiagnostics
    }

    /// The report as canonical JSON (sorted keys; confidences as numbers), ending with a newline.
    public func json() -> String {
        String(decoding: MeetingJSON.encodeValue(self), as: UTF8.self) + "\n"
    }

    /// The report for people.
    public func render() -> String {
        var out = ""
        out += "file:        \(file ?? "-")\n"
        out += "source:      \(sourceIdentifier)"
        if let score = ranking.first(where: { $0.identifier == sourceIdentifier }) {
            out += " (confidence " + InspectionReport.format(score.confidence) + ")"
        }
        out += "\n"
        if ranking.count > 1 {
            out += "candidates:  " + ranking.map { "\($0.identifier) " + InspectionReport.format($0.confidence) }
                .joined(separator: ", ") + "\n"
        }
        out += "meeting:     \(isMeeting ? "yes" : "no (not meeting notes)")\n"
        out += "title:       \(title.isEmpty ? "-" : title)\n"
        out += "counts:\n"
        let rows: [(String, Int)] = [("sections", counts.sections), ("participants", counts.participants),
                                     ("days", counts.days), ("agenda items", counts.agendaItems),
                                     ("action items", counts.actionItems), ("decisions", counts.decisions),
                                     ("attachments", counts.attachments), ("planning topics", counts.planningTopics)]
        for (name, n) in rows { out += "  " + name + String(repeating: " ", count: 17 - name.count) + "\(n)\n" }
        out += "diagnostics: \(diagnostics.count)\n"
        for d in diagnostics {
            out += "  " + d.description + "\n"
            if let text = d.text, !text.isEmpty {
                out += "      text: " + text.replacingNewlines() + "\n"
            }
        }
        out += "words only in diagnostics: \(wordsOnlyInDiagnostics.count)\n"
        if !wordsOnlyInDiagnostics.isEmpty { out += "  " + wordsOnlyInDiagnostics.joined(separator: " ") + "\n" }
        return out
    }

    static func format(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        return "\(hundredths / 100)." + (hundredths % 100 < 10 ? "0" : "") + "\(hundredths % 100)"
    }
}

extension String {
    func trimmingWordPunctuation() -> String {
        var s = Substring(self)
        while let l = s.last, l == "'" || l == "-" || l == "’" { s = s.dropLast() }
        return String(s)
    }

    func replacingNewlines() -> String {
        var out = ""
        for ch in self { out.append(ch == "\n" || ch == "\r\n" || ch == "\r" ? " " : ch) }
        return out
    }
}
