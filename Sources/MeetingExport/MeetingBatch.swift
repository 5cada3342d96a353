// swift-meeting-notes · MeetingExport

public import Foundation
public import MeetingModel

/// Reads many meeting pages (files and whole folders) and reduces each to a small value, on every core.
///
/// Each page is read, imported, reduced by the caller's closure and dropped, so memory holds one page
/// per worker plus the reduced values, never all pages at once.
///
/// ```swift
/// let batch = MeetingBatch(registry: .standard)
/// let outcomes = batch.run(paths: ["space-export/"]) { ActionRow.rows(of: $0.meeting, sourceFile: $1) }
/// ```
public struct MeetingBatch: Sendable {
    /// What became of one file.
    public enum Outcome<Value: Sendable>: Sendable {
        /// Imported as a meeting and reduced.
        case value(Value)
        /// Read, but not meeting notes; or, for a file found in a folder, a format no source knows or
        /// one no source is at least 0.5 sure of and that failed to import (a stray JSON or XML file).
        case skipped(reason: String)
        /// Could not be read or imported.
        case failed(MeetingImportError)
    }

    /// One file and its outcome.
    public struct FileOutcome<Value: Sendable>: Sendable {
        /// The path.
        public var path: String
        /// Whether the path was found by walking a folder (rather than named directly).
        public var fromFolder: Bool
        /// The outcome.
        public var outcome: Outcome<Value>
    }

    /// A file to read.
    public struct FileEntry: Sendable, Hashable {
        /// The path.
        public var path: String
        /// Found by walking a folder.
        public var fromFolder: Bool
    }

    /// Below this best confidence, a file found in a folder that fails to import is skipped, not failed.
    public static let pageConfidence = 0.5

    /// File extensions read when walking folders.
    public static let defaultExtensions: Set<String> = ["html", "htm", "xml", "xhtml", "txt", "md", "json"]

    /// The sources to import with.
    public var registry: MeetingSourceRegistry
    /// Import options for every file.
    public var options: ImportOptions
    /// Force one source by identifier instead of sniffing.
    public var sourceIdentifier: String?
    /// Extensions read when walking folders (lower case, no dot).
    public var extensions: Set<String>
    /// How many files are read at once (at least 1).
    public var width: Int
    /// Files never read when walking folders (e.g. the user directory given with `--users`), compared
    /// as standardized absolute paths.
    public var excludedFiles: Set<String> = []

    /// Creates a batch reader; `width` defaults to the number of active processors.
    public init(registry: MeetingSourceRegistry, options: ImportOptions = ImportOptions(), sourceIdentifier: String? = nil,
                extensions: Set<String> = MeetingBatch.defaultExtensions,
                width: Int = ProcessInfo.processInfo.activeProcessorCount) {
        self.registry = registry
        self.options = options
        self.sourceIdentifier = sourceIdentifier
        self.extensions = extensions
        self.width = max(1, width)
    }

    /// The files named by `paths`: files as given (whatever their extension), folders walked recursively
    /// for files with one of ``extensions`` (hidden entries skipped), sorted by path within each folder.
    /// Paths that do not exist come back as failures.
    public func files(in paths: [String]) -> (files: [FileEntry], missing: [MeetingImportError]) {
        var files: [FileEntry] = []
        var missing: [MeetingImportError] = []
        let fm = FileManager.default
        for path in paths {
            var isDir: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
                missing.append(MeetingImportError(.unreadableFile, "no such file or folder", file: path))
                continue
            }
            if !isDir.boolValue {
                files.append(FileEntry(path: path, fromFolder: false))
                continue
            }
            guard let walker = fm.enumerator(atPath: path) else {
                missing.append(MeetingImportError(.unreadableFile, "cannot list folder", file: path))
                continue
            }
            _ = walker
            var found: [String] = []
            // Resolving a path (realpath) for every file to compare it with the excluded ones cost as much as
            // listing the folder: only a file with an excluded file's name, or a symbolic link (which may point
            // at one), can be an excluded file.
            let excludedNames = Set(excludedFiles.map { $0.split(separator: "/").last.map(String.init) ?? $0 })
            // Listed with readdir (FileManager's enumerator cost ≈ 76,000 instructions an entry, before any worker starts).
            for rel in MeetingBatch.relativeEntries(below: path) {
                // The last component and its extension, without bridging to NSString for each entry.
                let name = rel.utf8.lastIndex(of: UInt8(ascii: "/")).map { rel[rel.utf8.index(after: $0)...] } ?? rel[...]
                if name.utf8.first == UInt8(ascii: ".") { continue }   // hidden (its descendants are not listed)
                let ext = name.utf8.lastIndex(of: UInt8(ascii: ".")).map { name[name.utf8.index(after: $0)...] } ?? ""
                guard extensions.contains(ext.lowercased()) else { continue }
                let full = (path as NSString).appendingPathComponent(rel)
                var info = stat()
                let linkInfo = lstat(full, &info) == 0 ? info.st_mode & S_IFMT : nil
                if linkInfo != nil && linkInfo != S_IFLNK {
                    // Not a link: lstat says what stat (fileExists) would.
                    if !excludedFiles.isEmpty, excludedNames.contains(String(name)),
                       excludedFiles.contains(MeetingBatch.standardized(full)) { continue }
                    if linkInfo != S_IFDIR { found.append(full) }
                    continue
                }
                if !excludedFiles.isEmpty, excludedFiles.contains(MeetingBatch.standardized(full)) { continue }
                var sub: ObjCBool = false
                if fm.fileExists(atPath: full, isDirectory: &sub), !sub.boolValue { found.append(full) }
            }
            files += found.sorted().map { FileEntry(path: $0, fromFolder: true) }
        }
        return (files, missing)
    }

    /// The entries below the folder `root`, as paths relative to it: what `FileManager.enumerator(atPath:)` lists,
    /// except below entries whose name starts with "." (hidden folders are not entered). Folders are entered, symbolic
    /// links to folders are listed but not followed; a folder that cannot be read lists nothing. Order is unspecified.
    static func relativeEntries(below root: String) -> [String] {
        var out: [String] = []
        var pending: [String] = [""]
        while let rel = pending.popLast() {
            let folder = rel.isEmpty ? root : root + "/" + rel
            guard let dir = opendir(folder) else { continue }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String in
                    let bytes = raw.prefix { $0 != 0 }
                    return String(decoding: bytes, as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = rel.isEmpty ? name : rel + "/" + name
                out.append(child)
                if name.utf8.first == UInt8(ascii: ".") { continue }
                var isFolder = entry.pointee.d_type == UInt8(DT_DIR)
                if entry.pointee.d_type == UInt8(DT_UNKNOWN) {
                    var info = stat()
                    isFolder = lstat(root + "/" + child, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
                }
                if isFolder { pending.append(child) }
            }
            closedir(dir)
        }
        return out
    }

    /// An absolute, standardized form of `path`, for comparing paths.
    public static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// Imports one file and reduces it.
    public func process<Value: Sendable>(_ entry: FileEntry,
                                         _ reduce: (ImportResult, String) -> Value) -> Outcome<Value> {
        let input: SourceInput
        if let bytes = MeetingBatch.readRegularFile(entry.path) {
            input = SourceInput(bytes: bytes, fileName: URL(fileURLWithPath: entry.path).path)
        } else {
            // Not a plain regular file, or it could not be read: the ordinary way, with its error message.
            do {
                input = try SourceInput(contentsOf: URL(fileURLWithPath: entry.path))
            } catch {
                return .failed(error)
            }
        }
        if input.bytes.isEmpty && entry.fromFolder { return .skipped(reason: "empty file") }
        do {
            let result = try registry.importMeeting(from: input, options: options, using: sourceIdentifier)
            guard result.isMeeting else {
                return .skipped(reason: "not meeting notes (read as \(result.sourceIdentifier))")
            }
            return .value(reduce(result, entry.path))
        } catch {
            if entry.fromFolder && error.code == .unsupportedFormat {
                return .skipped(reason: "no source recognises this file")
            }
            if entry.fromFolder, sourceIdentifier == nil,
               let best = registry.rank(input).first, best.confidence < MeetingBatch.pageConfidence {
                return .skipped(reason: "not recognised as a page (\(best.source.identifier) guessed "
                                + "\(InspectionReport.format(best.confidence)) and failed: \(error.message))")
            }
            var e = error
            if e.file == nil { e.file = entry.path }
            return .failed(e)
        }
    }

    /// The bytes of a regular file, read straight into an array of the file's size (no `Data`, no `FileHandle`);
    /// nil when the path is not a regular file, cannot be opened or read, or its size changes while it is read.
    /// `process(_:_:)` then reads it with `SourceInput(contentsOf:)`, which reports why it fails.
    static func readRegularFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        let size = Int(info.st_size)
        guard size > 0 else { return size == 0 ? MeetingBatch.readsNothing(fd) : nil }
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            guard let base = buffer.baseAddress else { return }
            while count < size {
                let n = read(fd, base + count, size - count)
                if n > 0 {
                    count += n
                } else if n == 0 {
                    break
                } else if errno != EINTR {
                    failed = true
                    break
                }
            }
        }
        guard !failed, bytes.count == size, readsNothing(fd) != nil else { return nil }
        return bytes
    }

    /// `[]` when the file has nothing more to read, else nil.
    private static func readsNothing(_ fd: Int32) -> [UInt8]? {
        var extra: UInt8 = 0
        while true {
            let n = read(fd, &extra, 1)
            if n == 0 { return [] }
            if n < 0 && errno == EINTR { continue }
            return nil
        }
    }

    /// Processes every file named by `paths` (see ``files(in:)``), ``width`` at a time, and returns the
    /// outcomes in file order. `progress` is called (from worker threads) with done and total counts.
    public func run<Value: Sendable>(paths: [String],
                                     progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                                     _ reduce: @escaping @Sendable (ImportResult, String) -> Value) -> [FileOutcome<Value>] {
        let (files, missing) = files(in: paths)
        var outcomes = map(files, progress: progress) { entry in
            FileOutcome(path: entry.path, fromFolder: entry.fromFolder, outcome: process(entry, reduce))
        }
        outcomes += missing.map { FileOutcome(path: $0.file ?? "", fromFolder: false, outcome: .failed($0)) }
        return outcomes
    }

    /// Processes every file named by `paths` (see ``files(in:)``), ``width`` at a time, and hands each
    /// outcome to `deliver` on the calling thread, in file order, as soon as it and every file before it are
    /// done; paths that do not exist come last, as failures.
    ///
    /// Unlike ``run(paths:progress:_:)``, nothing is kept once delivered: at most `window` finished
    /// outcomes wait for an earlier, slower file, so memory does not grow with the number of files.
    /// `progress` is called (from worker threads) with done and total counts.
    public func forEach<Value: Sendable>(paths: [String], window: Int = 64,
                                         progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil,
                                         _ reduce: @escaping @Sendable (ImportResult, String) -> Value,
                                         deliver: (FileOutcome<Value>) -> Void) {
        let (files, missing) = files(in: paths)
        ordered(files, window: window, progress: progress, { entry in
            FileOutcome(path: entry.path, fromFolder: entry.fromFolder, outcome: self.process(entry, reduce))
        }, deliver: deliver)
        for e in missing { deliver(FileOutcome(path: e.file ?? "", fromFolder: false, outcome: .failed(e))) }
    }

    /// A bounded concurrent map: `width` workers pull the next index until none is left.
    public func map<T: Sendable>(_ items: [FileEntry], progress: (@Sendable (Int, Int) -> Void)? = nil,
                                 _ transform: @Sendable (FileEntry) -> T) -> [T] {
        var values: [T] = []
        values.reserveCapacity(items.count)
        // `ordered` waits for its workers before it returns.
        withoutActuallyEscaping(transform) { transform in
            ordered(items, window: items.count, progress: progress, transform) { values.append($0) }
        }
        return values
    }

    /// `width` workers transform `items`, at most `window` ahead of `deliver`, which gets the results in
    /// item order on the calling thread.
    private func ordered<T: Sendable>(_ items: [FileEntry], window: Int, progress: (@Sendable (Int, Int) -> Void)?,
                                      _ transform: @escaping @Sendable (FileEntry) -> T, deliver: (T) -> Void) {
        let pipe = OrderedPipe<T>(count: items.count, window: max(window, width))
        let group = DispatchGroup()
        for _ in 0..<min(width, items.count) {
            DispatchQueue.global().async(group: group) {
                while let i = pipe.claim() {
                    let done = pipe.put(transform(items[i]), at: i)
                    progress?(done, items.count)
                }
            }
        }
        while let value = pipe.take() { deliver(value) }
        group.wait()
    }
}

/// Hands finished items from worker threads to one consumer in index order, letting workers run at most
/// `window` items ahead of the consumer.
private final class OrderedPipe<T: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let count: Int
    private let window: Int
    private var next = 0
    private var delivered = 0
    private var done = 0
    private var ready: [Int: T] = [:]

    init(count: Int, window: Int) {
        self.count = count
        self.window = max(1, window)
    }

    /// The next index to work on; waits while the consumer is `window` items behind; nil when none is left.
    func claim() -> Int? {
        condition.lock(); defer { condition.unlock() }
        while next < count && next >= delivered + window { condition.wait() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores a finished item; returns how many are finished.
    func put(_ value: T, at index: Int) -> Int {
        condition.lock(); defer { condition.unlock() }
        ready[index] = value
        done += 1
        condition.broadcast()
        return done
    }

    /// The next item in index order, waiting for it; nil after the last.
    func take() -> T? {
        condition.lock(); defer { condition.unlock() }
        guard delivered < count else { return nil }
        while ready[delivered] == nil { condition.wait() }
        let value = ready.removeValue(forKey: delivered)
        delivered += 1
        condition.broadcast()
        return value
    }
}
