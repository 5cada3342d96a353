// swift-meeting-notes · Benchmarks
//
// The importers under test, by page form. Each is called through the public `MeetingSource` API only.

import MeetingModel
#if canImport(PlainTextImport)
import PlainTextImport
#endif
#if canImport(ConfluenceHTML)
import ConfluenceHTML
#endif

enum Importers {
    /// The importer for a form, when the package has it.
    static func source(for form: PageForm) -> (any MeetingSource)? {
        switch form {
        case .text:
            #if canImport(PlainTextImport)
            return PlainTextSource()
            #else
            return nil
            #endif
        case .storage:
            #if canImport(ConfluenceHTML)
            return ConfluenceStorageSource()
            #else
            return nil
            #endif
        case .html:
            #if canImport(ConfluenceHTML)
            return ConfluenceHTMLSource()
            #else
            return nil
            #endif
        }
    }

    /// Imports one page; returns a small number derived from the result so the work is not optimised away.
    /// Throws nothing: an import error is counted as a result (benchmarks measure, they do not judge).
    static func run(_ source: any MeetingSource, _ bytes: [UInt8], form: PageForm, options: ImportOptions) -> Int {
        let input = SourceInput(bytes: bytes, fileName: "page." + form.fileExtension)
        do {
            let result = try source.importMeeting(from: input, options: options)
            return result.meeting.actionItems.count &* 1000 &+ result.meeting.agenda.count &+ result.diagnostics.count
        } catch {
            return -1
        }
    }
}
