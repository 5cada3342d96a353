// swift-meeting-notes · ConfluenceHTML

internal import MeetingModel

/// The macro handlers the importer ships with.
enum BuiltInMacros {
    static let panelKinds = ["info", "note", "tip", "warning", "panel", "excerpt", "quote"]
    /// Macros whose content is dynamic (computed by Confluence) and absent from the page: noted, nothing lost.
    static let dynamicMacros = ["contributors", "recently-updated", "children", "pagetree", "livesearch",
                                "content-by-label", "create-from-template", "blog-posts", "profile", "search",
                                "contributors-summary", "page-index", "recently-updated-dashboard", "viewfile",
                                "view-file", "gallery", "roadmap", "chart", "include", "excerpt-include",
                                "widget", "iframe", "multimedia", "jiracharts", "jira-chart", "change-history",
                                "popular-labels", "related-labels", "listlabels", "network", "favpages"]

    static let all: [ConfluenceMacroHandler] = {
        var list: [ConfluenceMacroHandler] = []
        list.append(ConfluenceMacroHandler(name: "jira") { macro, draft in
            if let key = macro.parameters["key"], !key.isEmpty {
                draft.inlines = [.ticket(key: key)]
                draft.blocks = [.paragraph([.ticket(key: key)])]
            } else if let jql = macro.parameters["jqlQuery"] ?? macro.parameters["jqlquery"] ?? macro.parameters[""] {
                draft.inlines = [.code(jql)]
                draft.blocks = [.code(language: "jql", text: jql)]
            } else {
                draft.meeting.diagnostics.append(Diagnostic(.warning, code: "confluence.jira-macro",
                    "jira macro without key or JQL query", at: macro.location))
            }
        })
        list.append(ConfluenceMacroHandler(name: "status") { macro, draft in
            let title = macro.parameters["title"] ?? macro.parameters[""] ?? ""
            let status = Inline.status(title: title, colour: macro.parameters["colour"] ?? macro.parameters["color"])
            draft.inlines = [status]
            draft.blocks = [.paragraph([status])]
        })
        list.append(ConfluenceMacroHandler(name: "expand") { macro, draft in
            draft.blocks = [.panel(PanelBlock(kind: "expand", title: macro.parameters["title"] ?? macro.parameters[""],
                                              content: macro.body))]
            draft.inlines = inlinesOf(macro.body)
        })
        for kind in panelKinds {
            list.append(ConfluenceMacroHandler(name: kind) { macro, draft in
                draft.blocks = [.panel(PanelBlock(kind: kind, title: macro.parameters["title"], content: macro.body))]
                draft.inlines = inlinesOf(macro.body)
            })
        }
        for name in ["section", "column", "div", "span", "center", "ui-tabs", "ui-tab", "details-summary"] {
            list.append(ConfluenceMacroHandler(name: name) { macro, draft in
                draft.blocks = macro.body.blocks
                draft.inlines = inlinesOf(macro.body)
            })
        }
        // Page properties: the body stays content; the meeting builder reads its Date / Attendees rows.
        list.append(ConfluenceMacroHandler(name: "details") { macro, draft in
            draft.blocks = [.panel(PanelBlock(kind: "details", title: macro.parameters["id"], content: macro.body))]
        })
        for name in ["code", "noformat", "code-block"] {
            list.append(ConfluenceMacroHandler(name: name) { macro, draft in
                let text = macro.plainTextBody ?? macro.body.plainText
                draft.blocks = [.code(language: macro.parameters["language"], text: text)]
                draft.inlines = [.code(text)]
            })
        }
        list.append(ConfluenceMacroHandler(name: "tasks-report-macro") { macro, draft in
            let params = macro.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            draft.blocks = [.panel(PanelBlock(kind: "tasks-report-macro", title: "Task report",
                                              content: RichText(plain: params.joined(separator: "; "))))]
        })
        list.append(ConfluenceMacroHandler(name: "attachments") { macro, draft in
            let params = macro.parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            draft.blocks = [.panel(PanelBlock(kind: "attachments", title: "Attachments",
                                              content: RichText(plain: params.joined(separator: "; "))))]
        })
        for name in ["toc", "toc-zone", "anchor", "float", "pagebreak"] {
            list.append(ConfluenceMacroHandler(name: name) { macro, draft in
                // Navigation aids, not content; a toc-zone's body is content.
                draft.blocks = macro.body.blocks
            })
        }
        for name in dynamicMacros {
            list.append(ConfluenceMacroHandler(name: name) { macro, draft in
                draft.blocks = macro.body.blocks
                draft.meeting.diagnostics.append(Diagnostic(.note, code: "confluence.dynamic-macro",
                    "macro '\(macro.name)' shows content computed by Confluence, not stored on the page",
                    at: macro.location))
            })
        }
        return list
    }()

    static func inlinesOf(_ text: RichText) -> [Inline] {
        var out: [Inline] = []
        for b in text.blocks {
            if case .paragraph(let i) = b {
                if !out.isEmpty { out.append(.text(" ")) }
                out += i
            } else {
                if !out.isEmpty { out.append(.text(" ")) }
                out.append(.text(b.plainText))
            }
        }
        return out
    }
}
