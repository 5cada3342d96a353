// swift-meeting-notes · MeetingExport

public import Foundation
import MeetingModel

/// The output formats of an action report, as ``ActionReport`` writes them.
public enum ActionReportFormat: Sendable, Hashable {
    /// ``ActionReport/table(maxTextWidth:)``.
    case table(maxTextWidth: Int = 60)
    /// ``ActionReport/csv()``.
    case csv
    /// ``ActionReport/json()``.
    case json
    /// ``ActionReport/jsonLines()``.
    case jsonLines
}

/// One row of an action report, already written in its format, with only what orders it.
///
/// Render rows where they are made (on the worker that imported the page) and hand them to an
/// ``ActionReportSpool``: the full ``ActionRow`` (people, aliases, tickets, locations) can then be dropped.
public struct RenderedActionRow: Sendable, Hashable {
    /// The due day as `yyyymmdd`, `Int.max` when none (sorts last).
    public var dueKey: Int
    /// The meeting's first day as `yyyymmdd`, `Int.max` when none.
    public var meetingDateKey: Int
    /// The meeting title (compared as ``ActionReport/precedes(_:_:)`` compares it).
    public var meetingTitle: String
    /// The source file ("" when none).
    public var sourceFile: String
    /// Position of the action in its meeting.
    public var ordinal: Int
    /// The row's bytes: a CSV record, a JSON object (pretty, indented as an element of the report's array)
    /// or a JSON line; for the table, the clipped cells, each as a 4-byte little-endian length and UTF-8 bytes.
    public var payload: [UInt8]
    /// For the table, each cell's display width; empty otherwise.
    public var cellWidths: [Int]

    /// Renders `row` in `format`.
    public init(_ row: ActionRow, format: ActionReportFormat) {
        dueKey = RenderedActionRow.key(row.action.due)
        meetingDateKey = RenderedActionRow.key(row.meetingDate)
        meetingTitle = row.meetingTitle
        sourceFile = row.sourceFile ?? ""
        ordinal = row.ordinal
        cellWidths = []
        switch format {
        case .csv:
            payload = []
            payload.reserveCapacity(256)
            ActionReport.appendCSVRecord(row, to: &payload)
        case .json:
            payload = RenderedActionRow.indented(MeetingJSON.encodeValue(row))
        case .jsonLines:
            payload = MeetingJSON.encodeValue(row, pretty: false)
            payload.append(0x0A)
        case .table(let maxTextWidth):
            let cells = ActionReport.tableCells(row, maxTextWidth: maxTextWidth)
            payload = []
            for cell in cells { SpoolCoding.appendBytes(Array(cell.utf8), to: &payload) }
            cellWidths = cells.map(TextTable.displayWidth)
        }
    }

    /// `json` indented two spaces, as the pretty encoder indents an array's elements (empty lines, as in an
    /// empty array, stay empty).
    static func indented(_ json: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(json.count + json.count / 8)
        var start = json.startIndex
        while start < json.endIndex {
            let end = json[start...].firstIndex(of: 0x0A).map { $0 + 1 } ?? json.endIndex
            if json[start] != 0x0A { out += [0x20, 0x20] }
            out += json[start..<end]
            start = end
        }
        return out
    }

    static func key(_ date: CalendarDate?) -> Int {
        guard let date else { return Int.max }
        return date.year * 10_000 + date.month * 100 + date.day
    }
}

/// Collects the rows of an action report over any number of meetings in bounded memory, and writes the
/// report sorted, byte for byte as ``ActionReport`` would write it.
///
/// Rows are kept compact: their rendered bytes in one buffer, titles and file names interned, a few
/// integers to sort by. When the rows held pass `memoryBudget` bytes, they are sorted and written to a
/// temporary file (a run); ``finish(_:)`` merges the runs. A report that fits in the budget (tens of
/// thousands of rows) never touches the disk.
///
/// A reference type because it owns its temporary files, which it deletes when finished or released.
/// It is safe to share between threads: every call holds the spool's lock (a recursive one, so `write`
/// in ``finish(_:)`` may ask the spool for ``count``), so rows added from several threads are taken one
/// at a time, and rows that sort the same keep the order in which they were added.
public final class ActionReportSpool: @unchecked Sendable {
    /// The format written.
    public let format: ActionReportFormat
    /// Bytes of rendered rows held in memory before a run is written to disk.
    public let memoryBudget: Int
    /// Rows added so far.
    public var count: Int { lock.withLock { added } }
    /// Runs written to disk so far.
    public var spilledRuns: Int { lock.withLock { runs.count } }

    // Every stored property below is read and written only with `lock` held (or in `deinit`).
    private let lock = NSRecursiveLock()
    private var added = 0

    private struct Entry {
        var key: RowKey
        var title: Int32
        var file: Int32
        var offset: Int
        var length: Int
    }

    private let directory: URL
    private var arena: [UInt8] = []
    private var entries: [Entry] = []
    private var titles: [String] = []
    private var titleIDs: [String: Int32] = [:]
    private var files: [String] = []
    private var fileIDs: [String: Int32] = [:]
    private var widths: [Int]
    private var runs: [URL] = []

    /// Creates an empty spool; runs go to `temporaryDirectory` when the rows outgrow `memoryBudget`.
    public init(format: ActionReportFormat, memoryBudget: Int = 16 << 20,
                temporaryDirectory: URL = FileManager.default.temporaryDirectory) {
        self.format = format
        self.memoryBudget = max(1, memoryBudget)
        self.directory = temporaryDirectory
        widths = ActionReport.tableHeader.map(TextTable.displayWidth)
    }

    deinit { removeRuns() }

    /// Adds a row; rows added earlier come first among rows that sort the same.
    /// - Throws: when a run cannot be written to the temporary folder.
    public func add(_ row: RenderedActionRow) throws {
        lock.lock()
        defer { lock.unlock() }
        if !entries.isEmpty, arena.count + row.payload.count > memoryBudget { try spill() }
        if arena.capacity == 0 { arena.reserveCapacity(memoryBudget + 4096) }
        for (i, w) in row.cellWidths.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
        entries.append(Entry(key: RowKey(due: row.dueKey, date: row.meetingDateKey, ordinal: row.ordinal, sequence: added),
                             title: intern(row.meetingTitle, &titles, &titleIDs),
                             file: intern(row.sourceFile, &files, &fileIDs),
                             offset: arena.count, length: row.payload.count))
        arena += row.payload
        added += 1
    }

    /// Writes the whole report, in report order, through `write` (called with chunks of about 64 KiB),
    /// then deletes the runs.
    /// - Throws: what `write` throws, or when a run cannot be read back.
    public func finish(_ write: ([UInt8]) throws -> Void) throws {
        lock.lock()
        defer { lock.unlock() }
        defer { removeRuns() }
        var out = Output(format: format, widths: widths)
        out.begin(empty: added == 0)
        if runs.isEmpty {
            sortEntries()
            for e in entries {
                try out.row(arena[e.offset..<(e.offset + e.length)], write)
            }
        } else {
            if !entries.isEmpty { try spill() }
            var readers = try runs.map { try RunReader(url: $0) }
            var heads: [SpoolRecord?] = try readers.indices.map { try readers[$0].next() }
            while true {
                var best: Int?
                for i in heads.indices {
                    guard let h = heads[i] else { continue }
                    if let b = best, let current = heads[b], !h.precedes(current) { continue }
                    best = i
                }
                guard let b = best, let record = heads[b] else { break }
                try out.row(record.payload[...], write)
                heads[b] = try readers[b].next()
            }
        }
        try out.end(empty: added == 0, write)
    }

    // MARK: - Sorting and runs

    private func intern(_ s: String, _ table: inout [String], _ ids: inout [String: Int32]) -> Int32 {
        // Rows come a page at a time: most have the title and file of the row before.
        if let last = table.last, last == s { return Int32(table.count - 1) }
        if let id = ids[s] { return id }
        let id = Int32(table.count)
        table.append(s)
        ids[s] = id
        return id
    }

    private func sortEntries() {
        let titles = self.titles, files = self.files
        entries.sort { a, b in
            RowKey.precedes(a.key, b.key,
                            title: a.title == b.title ? nil : RowKey.order(titles[Int(a.title)], titles[Int(b.title)]),
                            file: a.file == b.file ? nil : RowKey.order(files[Int(a.file)], files[Int(b.file)]))
        }
    }

    /// Sorts what is held, writes it as a run and empties the buffers.
    private func spill() throws {
        sortEntries()
        let url = directory.appendingPathComponent("meeting-notes-actions-\(ProcessInfo.processInfo.processIdentifier)-"
                                                    + UUID().uuidString + ".run")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        runs.append(url)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(1 << 20)
        for e in entries {
            SpoolCoding.appendInt(e.key.due, to: &buffer)
            SpoolCoding.appendInt(e.key.date, to: &buffer)
            SpoolCoding.appendInt(e.key.ordinal, to: &buffer)
            SpoolCoding.appendInt(e.key.sequence, to: &buffer)
            SpoolCoding.appendBytes(Array(titles[Int(e.title)].utf8), to: &buffer)
            SpoolCoding.appendBytes(Array(files[Int(e.file)].utf8), to: &buffer)
            SpoolCoding.appendBytes(arena[e.offset..<(e.offset + e.length)], to: &buffer)
            if buffer.count >= 1 << 20 {
                try handle.write(contentsOf: buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        try handle.write(contentsOf: buffer)
        entries.removeAll(keepingCapacity: true)
        arena.removeAll(keepingCapacity: true)
        titles.removeAll()
        titleIDs.removeAll()
        files.removeAll()
        fileIDs.removeAll()
    }

    private func removeRuns() {
        for url in runs { try? FileManager.default.removeItem(at: url) }
        runs.removeAll()
    }
}

/// The report's framing around its rows, written in chunks.
private struct Output {
    let format: ActionReportFormat
    let widths: [Int]
    var buffer: [UInt8] = []
    var rows = 0
    /// A table row's cells, reused from row to row.
    var cells: [ArraySlice<UInt8>] = []

    init(format: ActionReportFormat, widths: [Int]) {
        self.format = format
        self.widths = widths
        buffer.reserveCapacity(1 << 16)
    }

    mutating func begin(empty: Bool) {
        switch format {
        case .csv: CSV.appendRow(ActionReport.csvHeader, to: &buffer)
        case .json: if !empty { buffer += Array("[\n".utf8) }
        case .jsonLines: break
        case .table: buffer += Array(TextTable.line(ActionReport.tableHeader, widths: widths).utf8)
        }
    }

    mutating func row(_ payload: ArraySlice<UInt8>, _ write: ([UInt8]) throws -> Void) throws {
        switch format {
        case .csv, .jsonLines:
            buffer += payload
        case .json:
            if rows > 0 { buffer += [0x2C, 0x0A] }   // ",\n"
            buffer += payload
        case .table:
            cells.removeAll(keepingCapacity: true)
            var i = payload.startIndex
            while let (bytes, next) = SpoolCoding.readBytes(payload, at: i) {
                cells.append(bytes)
                i = next
            }
            TextTable.appendLine(cells, widths: widths, to: &buffer)
        }
        rows += 1
        if buffer.count >= 1 << 16 {
            try write(buffer)
            buffer.removeAll(keepingCapacity: true)
        }
    }

    mutating func end(empty: Bool, _ write: ([UInt8]) throws -> Void) throws {
        if format == .json {
            buffer += empty ? Array(ActionReport(rows: []).json().utf8) : Array("\n]\n".utf8)
        }
        if !buffer.isEmpty { try write(buffer) }
        buffer.removeAll()
    }
}

/// What orders a row besides its meeting title and file.
private struct RowKey {
    var due: Int
    var date: Int
    var ordinal: Int
    var sequence: Int

    /// Whether `a` < `b` as Strings, nil when they are equal.
    static func order(_ a: String, _ b: String) -> Bool? { a == b ? nil : a < b }

    /// The order of ``ActionReport/precedes(_:_:)``, then the order rows were added; `title` and `file`
    /// tell how the rows' titles and files compare (nil: equal).
    static func precedes(_ a: RowKey, _ b: RowKey, title: @autoclosure () -> Bool?, file: @autoclosure () -> Bool?) -> Bool {
        if a.due != b.due { return a.due < b.due }
        if a.date != b.date { return a.date < b.date }
        if let t = title() { return t }
        if let f = file() { return f }
        if a.ordinal != b.ordinal { return a.ordinal < b.ordinal }
        return a.sequence < b.sequence
    }
}

/// One row read back from a run.
private struct SpoolRecord {
    var key: RowKey
    var title: String
    var file: String
    var payload: [UInt8]

    func precedes(_ other: SpoolRecord) -> Bool {
        RowKey.precedes(key, other.key, title: RowKey.order(title, other.title), file: RowKey.order(file, other.file))
    }
}

/// Reads the records of one run, a buffer at a time.
private struct RunReader {
    let handle: FileHandle
    var buffer: [UInt8] = []
    var position = 0
    var atEnd = false

    init(url: URL) throws { handle = try FileHandle(forReadingFrom: url) }

    /// Makes at least `count` unread bytes available; false when the file ends first.
    mutating func fill(_ count: Int) throws -> Bool {
        while buffer.count - position < count && !atEnd {
            if position > 0 {
                buffer.removeFirst(position)
                position = 0
            }
            let chunk = try handle.read(upToCount: max(1 << 16, count)) ?? Data()
            if chunk.isEmpty {
                atEnd = true
                try? handle.close()
            } else {
                buffer += chunk
            }
        }
        return buffer.count - position >= count
    }

    mutating func int() throws -> Int? {
        guard try fill(8) else { return nil }
        defer { position += 8 }
        return SpoolCoding.readInt(buffer, at: position)
    }

    mutating func bytes() throws -> ArraySlice<UInt8>? {
        guard try fill(4) else { return nil }
        let length = SpoolCoding.readLength(buffer, at: position)
        guard try fill(4 + length) else { return nil }
        defer { position += 4 + length }
        return buffer[(position + 4)..<(position + 4 + length)]
    }

    mutating func next() throws -> SpoolRecord? {
        guard let due = try int() else { return nil }
        guard let date = try int(), let ordinal = try int(), let sequence = try int(),
              let title = try bytes().map({ String(decoding: $0, as: UTF8.self) }),
              let file = try bytes().map({ String(decoding: $0, as: UTF8.self) }),
              let payload = try bytes().map(Array.init) else {
            throw CocoaError(.fileReadCorruptFile)
        }
        return SpoolRecord(key: RowKey(due: due, date: date, ordinal: ordinal, sequence: sequence), title: title, file: file,
                           payload: payload)
    }
}

/// Little-endian integers and length-prefixed byte strings.
enum SpoolCoding {
    static func appendInt(_ value: Int, to out: inout [UInt8]) {
        var v = UInt64(bitPattern: Int64(value))
        for _ in 0..<8 {
            out.append(UInt8(truncatingIfNeeded: v))
            v >>= 8
        }
    }

    static func readInt(_ bytes: [UInt8], at i: Int) -> Int {
        var v: UInt64 = 0
        for k in (0..<8).reversed() { v = v << 8 | UInt64(bytes[i + k]) }
        return Int(Int64(bitPattern: v))
    }

    static func appendBytes<C: Collection<UInt8>>(_ bytes: C, to out: inout [UInt8]) {
        var n = UInt32(truncatingIfNeeded: bytes.count)
        for _ in 0..<4 {
            out.append(UInt8(truncatingIfNeeded: n))
            n >>= 8
        }
        out += bytes
    }

    static func readLength(_ bytes: [UInt8], at i: Int) -> Int {
        var n = 0
        for k in (0..<4).reversed() { n = n << 8 | Int(bytes[i + k]) }
        return n
    }

    /// The length-prefixed bytes at `i` and the index after them; nil at the end or when cut short.
    static func readBytes(_ bytes: ArraySlice<UInt8>, at i: Int) -> (ArraySlice<UInt8>, Int)? {
        guard bytes.endIndex - i >= 4 else { return nil }
        var n = 0
        for k in (0..<4).reversed() { n = n << 8 | Int(bytes[i + k]) }
        guard bytes.endIndex - (i + 4) >= n else { return nil }
        return (bytes[(i + 4)..<(i + 4 + n)], i + 4 + n)
    }
}
