// swift-meeting-notes · ConfluenceHTML

import MeetingModel

/// ``FoldedKeys`` in order, with a hash index: ``firstIndex(matching:)`` answers exactly
/// `keys.firstIndex { $0.matches(k) }` but compares only the people sharing a name, username, account id or
/// user key with `k` (every case of `matches` that answers true shares one), not every person on the list.
/// Lists of up to ``linearLimit`` people (a page's usual participants) are scanned: building the hash index
/// costs more than scanning them. All keys come from one ``PersonKeyTable``.
struct MatchIndex {
    static let linearLimit = 32
    private var indexed = false
    private(set) var keys: [FoldedKeys] = []
    /// Ids of normalised names and lower-cased usernames (one space: `matches` compares a username with names too).
    private var names: [Int32: [Int]] = [:]
    private var accounts: [Int32: [Int]] = [:]
    private var userKeys: [Int32: [Int]] = [:]

    init(_ keys: [FoldedKeys] = []) {
        for k in keys { append(k) }
    }

    var isEmpty: Bool { keys.isEmpty }

    mutating func append(_ k: FoldedKeys) {
        let i = keys.count
        keys.append(k)
        if !indexed {
            guard keys.count > Self.linearLimit else { return }
            indexed = true
            for j in 0..<i { insert(keys[j], at: j) }
        }
        insert(k, at: i)
    }

    private mutating func insert(_ k: FoldedKeys, at i: Int) {
        names[k.name, default: []].append(i)
        for n in k.aliases { names[n, default: []].append(i) }
        if k.username >= 0 { names[k.username, default: []].append(i) }
        if k.accountID >= 0 { accounts[k.accountID, default: []].append(i) }
        if k.userKey >= 0 { userKeys[k.userKey, default: []].append(i) }
    }

    /// The first index whose keys match `k`.
    func firstIndex(matching k: FoldedKeys) -> Int? {
        if !indexed {
            for i in keys.indices where keys[i].matches(k) { return i }
            return nil
        }
        var best = Int.max
        func consider(_ list: [Int]?) {
            guard let list else { return }
            // Each list is in increasing order: the first match in it is its best.
            for i in list where i < best {
                if keys[i].matches(k) { best = i; return }
            }
        }
        consider(names[k.name])
        for n in k.aliases { consider(names[n]) }
        if k.username >= 0 { consider(names[k.username]) }
        if k.accountID >= 0 { consider(accounts[k.accountID]) }
        if k.userKey >= 0 { consider(userKeys[k.userKey]) }
        return best == Int.max ? nil : best
    }

    /// Whether some keys on the list match `k`.
    func contains(matching k: FoldedKeys) -> Bool { firstIndex(matching: k) != nil }
}
