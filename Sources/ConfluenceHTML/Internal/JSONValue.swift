// swift-meeting-notes · ConfluenceHTML

import Foundation

/// A read-only view of JSON parsed by Foundation's `JSONSerialization`.
struct JSONValue {
    let raw: Any

    static func parse(_ bytes: [UInt8]) -> JSONValue? {
        guard let any = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed]) else { return nil }
        return JSONValue(raw: any)
    }

    subscript(key: String) -> JSONValue? {
        guard let d = raw as? [String: Any], let v = d[key], !(v is NSNull) else { return nil }
        return JSONValue(raw: v)
    }

    /// Follows a dotted path ("body.storage.value").
    func path(_ p: String) -> JSONValue? {
        var cur: JSONValue? = self
        for k in p.split(separator: ".") { cur = cur?[String(k)] }
        return cur
    }

    var string: String? { raw as? String }
    var numberString: String? { (raw as? NSNumber).map { $0.stringValue } }
    var array: [JSONValue]? { (raw as? [Any])?.map { JSONValue(raw: $0) } }
    var isObject: Bool { raw is [String: Any] }
}
