import Foundation
import MeetingModel
import Testing

/// A JSON value that keeps booleans and integers apart (which `JSONSerialization`'s `NSNumber` does not).
indirect enum JSONValue: Decodable, Equatable {
    case null, bool(Bool), int(Int), double(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(_ bytes: [UInt8]) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(bytes)) }

    var typeName: String {
        switch self {
        case .null: "null"
        case .bool: "boolean"
        case .int: "integer"
        case .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }
}

/// A validator for the subset of JSON Schema 2020-12 that `Docs/meeting.schema.json` uses: `type` (a name
/// or a list), `properties`, `required`, `additionalProperties: false`, `items`, `minItems`, `enum`, `const`,
/// `$ref` to `#/$defs/…`, `oneOf` and `pattern`. Unknown keywords are an error, so the schema cannot
/// silently grow past what this checks.
struct SchemaValidator {
    let root: JSONValue
    static let annotations: Set<String> = ["$schema", "$id", "title", "description", "$defs"]
    static let known: Set<String> = ["type", "properties", "required", "additionalProperties", "items", "minItems",
                                     "enum", "const", "$ref", "oneOf", "pattern"]

    /// Every violation, as "path: what", empty when `value` is valid.
    func errors(_ value: JSONValue) -> [String] {
        var out: [String] = []
        validate(value, against: root, at: "$", into: &out)
        return out
    }

    func validate(_ value: JSONValue, against schema: JSONValue, at path: String, into out: inout [String]) {
        guard case .object(let s) = schema else { out.append("\(path): schema is not an object"); return }
        for key in s.keys where !Self.known.contains(key) && !Self.annotations.contains(key) {
            out.append("\(path): unsupported schema keyword \(key)")
        }
        if case .string(let r)? = s["$ref"] {
            let name = r.replacingOccurrences(of: "#/$defs/", with: "")
            guard case .object(let root) = root, case .object(let defs)? = root["$defs"], let target = defs[name] else {
                out.append("\(path): unresolved $ref \(r)"); return
            }
            validate(value, against: target, at: path, into: &out)
        }
        if let type = s["type"] {
            let allowed: [String]
            switch type {
            case .string(let t): allowed = [t]
            case .array(let ts): allowed = ts.compactMap { if case .string(let t) = $0 { t } else { nil } }
            default: allowed = []
            }
            if !allowed.contains(value.typeName) && !(value.typeName == "integer" && allowed.contains("number")) {
                out.append("\(path): expected \(allowed.joined(separator: " or ")), got \(value.typeName)")
                return
            }
        }
        if case .array(let options)? = s["enum"], !options.contains(value) {
            out.append("\(path): \(value) is not one of the allowed values")
        }
        if let constant = s["const"], constant != value {
            out.append("\(path): expected \(constant), got \(value)")
        }
        if case .string(let pattern)? = s["pattern"], case .string(let text) = value {
            let regex = try? NSRegularExpression(pattern: pattern)
            let range = NSRange(text.startIndex..., in: text)
            if regex?.firstMatch(in: text, range: range) == nil {
                out.append("\(path): \"\(text)\" does not match \(pattern)")
            }
        }
        if case .array(let options)? = s["oneOf"] {
            let passing = options.filter { option in
                var scratch: [String] = []
                validate(value, against: option, at: path, into: &scratch)
                return scratch.isEmpty
            }.count
            if passing != 1 { out.append("\(path): matches \(passing) of the oneOf schemas, expected exactly 1") }
        }
        if case .object(let object) = value {
            let properties: [String: JSONValue]
            if case .object(let p)? = s["properties"] { properties = p } else { properties = [:] }
            if case .array(let required)? = s["required"] {
                for case .string(let key) in required where object[key] == nil {
                    out.append("\(path): missing required key \(key)")
                }
            }
            for (key, member) in object.sorted(by: { $0.key < $1.key }) {
                if let p = properties[key] {
                    validate(member, against: p, at: "\(path).\(key)", into: &out)
                } else if s["additionalProperties"] == .bool(false) {
                    out.append("\(path): unexpected key \(key)")
                }
            }
        }
        if case .array(let elements) = value {
            if case .int(let min)? = s["minItems"], elements.count < min {
                out.append("\(path): \(elements.count) items, at least \(min) required")
            }
            if let items = s["items"] {
                for (i, element) in elements.enumerated() {
                    validate(element, against: items, at: "\(path)[\(i)]", into: &out)
                }
            }
        }
    }
}

@Suite struct JSONSchemaTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let schemaURL = packageRoot.appendingPathComponent("Docs/meeting.schema.json")
    static let exampleURL = packageRoot.appendingPathComponent("Docs/examples/meeting.json")

    static func validator() throws -> SchemaValidator {
        SchemaValidator(root: try JSONValue.parse([UInt8](try Data(contentsOf: schemaURL))))
    }

    static func mutated(_ edit: (inout [String: Any]) -> Void) throws -> [UInt8] {
        var object = try #require(try JSONSerialization.jsonObject(with: Data(MeetingJSON.encode(RichMeetingSample.meeting)))
            as? [String: Any])
        edit(&object)
        return [UInt8](try JSONSerialization.data(withJSONObject: object))
    }

    @Test func aFreshlyEncodedRichMeetingMatchesTheSchema() throws {
        let errors = try Self.validator().errors(JSONValue.parse(MeetingJSON.encode(RichMeetingSample.meeting)))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func anEmptyMeetingMatchesTheSchema() throws {
        let errors = try Self.validator().errors(JSONValue.parse(MeetingJSON.encode(Meeting())))
        #expect(errors.isEmpty, "\(errors)")
    }

    @Test func theDocsExampleMatchesTheSchema() throws {
        let bytes = [UInt8](try Data(contentsOf: Self.exampleURL))
        let errors = try Self.validator().errors(JSONValue.parse(bytes))
        #expect(errors.isEmpty, "\(errors)")
    }

    /// `Docs/examples/meeting.json` is the library's output, not hand-typed: it must equal a fresh encoding of
    /// ``RichMeetingSample``. Set `RECORD_DOCS=1` to rewrite it after a deliberate change to the sample.
    @Test func theDocsExampleIsTheLibrarysOutput() throws {
        let fresh = MeetingJSON.encode(RichMeetingSample.meeting) + Array("\n".utf8)
        if ProcessInfo.processInfo.environment["RECORD_DOCS"] == "1" {
            try Data(fresh).write(to: Self.exampleURL)
        }
        let onDisk = [UInt8](try Data(contentsOf: Self.exampleURL))
        #expect(onDisk == fresh, "Docs/examples/meeting.json is stale; rerun with RECORD_DOCS=1")
        #expect(try MeetingJSON.decode(onDisk) == RichMeetingSample.meeting)
    }

    @Test func theSampleUsesEveryBlockAndInlineKind() throws {
        let json = String(decoding: MeetingJSON.encode(RichMeetingSample.meeting), as: UTF8.self)
        for kind in ["paragraph", "heading", "list", "table", "panel", "code", "text", "emphasis", "mention",
                     "date", "ticket", "link", "status", "lineBreak"] {
            #expect(json.contains("\"type\" : \"\(kind)\""), "\(kind)")
        }
        for optionalKey in ["accountId", "userKey", "aliases", "taskId", "checked", "header", "\"text\" : \"Page 2"] {
            #expect(json.contains(optionalKey), "\(optionalKey)")
        }
    }

    @Test("the validator rejects broken documents", arguments: [
        ("missing key", "$: missing required key title"),
        ("date as integer", "$.startDate: matches 0 of the oneOf schemas, expected exactly 1"),
        ("bad date text", "$.endDate: matches 0 of the oneOf schemas, expected exactly 1"),
        ("newer schema", "$.schemaVersion: expected int(1), got int(2)"),
        ("extra key", "$: unexpected key colour"),
        ("bool for line", "$.diagnostics[0].line: expected integer or null, got boolean"),
        ("unknown status", "$.actionItems[0].status: string(\"blocked\") is not one of the allowed values"),
        ("unknown block", "$.sections[0].content[0]: matches 0 of the oneOf schemas, expected exactly 1"),
        ("empty aliases", "$.participants[1].aliases: 0 items, at least 1 required"),
    ])
    func rejectsBrokenDocuments(name: String, expected: String) throws {
        let bytes = try Self.mutated { o in
            switch name {
            case "missing key": o["title"] = nil
            case "date as integer": o["startDate"] = 20191112
            case "bad date text": o["endDate"] = "14 Nov 2019"
            case "newer schema": o["schemaVersion"] = 2
            case "extra key": o["colour"] = "blue"
            case "bool for line":
                var d = o["diagnostics"] as? [[String: Any]] ?? []
                d[0]["line"] = true
                o["diagnostics"] = d
            case "unknown status":
                var a = o["actionItems"] as? [[String: Any]] ?? []
                a[0]["status"] = "blocked"
                o["actionItems"] = a
            case "unknown block":
                var s = o["sections"] as? [[String: Any]] ?? []
                s[0]["content"] = [["type": "video", "url": "x"]]
                o["sections"] = s
            case "empty aliases":
                var p = o["participants"] as? [[String: Any]] ?? []
                p[1]["aliases"] = [String]()
                o["participants"] = p
            default: Issue.record("unknown case \(name)")
            }
        }
        let errors = try Self.validator().errors(JSONValue.parse(bytes))
        #expect(errors == [expected])
    }

    @Test func theValidatorRejectsUnknownSchemaKeywords() throws {
        let schema = try JSONValue.parse(Array(#"{"type": "object", "patternProperties": {}}"#.utf8))
        #expect(SchemaValidator(root: schema).errors(.object([:])) == ["$: unsupported schema keyword patternProperties"])
    }
}
