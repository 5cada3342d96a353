import Foundation
import Testing
import TestProcessSupport
import MeetingModel

/// `ListItem` keeps its content in the smallest of three shapes (one text run, one paragraph, any blocks).
/// Whatever the shape, it must behave as the plain `[Block]` it stood for before: same `blocks`, equality,
/// hashing, JSON, and mutation through `blocks`.
@Suite struct ListItemStorageTests {
    /// Random inline and block content, including every shape boundary: empty arrays, one text, one non-text
    /// inline, two texts, a paragraph followed by a nested list, headings, nested panels.
    struct Maker {
        var rng: SplitMix64
        mutating func pick(_ n: Int) -> Int { Int(rng.next() % UInt64(n)) }
        mutating func text() -> String {
            ["", "a", "fifteen bytes..", "sixteen bytes...", "Review the telescope schedule — Chloé", "ticket DM-12"][pick(6)]
        }
        mutating func inline(_ depth: Int) -> Inline {
            switch depth > 1 ? pick(2) : pick(6) {
            case 0, 1: return .text(text())
            case 2: return .emphasis(strong: pick(2) == 0, inlines(depth + 1))
            case 3: return .ticket(key: "DM-\(pick(999))")
            case 4: return .mention(Person(name: "Søren Hansen"))
            default: return .link(target: "https://example.org/\(pick(9))", inlines(depth + 1))
            }
        }
        mutating func inlines(_ depth: Int) -> [Inline] {
            (0..<[0, 1, 1, 1, 2, 3][pick(6)]).map { _ in inline(depth) }
        }
        mutating func block(_ depth: Int) -> Block {
            switch depth > 1 ? 0 : pick(5) {
            case 0, 1: return .paragraph(inlines(depth))
            case 2: return .heading(level: 1 + pick(3), inlines(depth))
            case 3: return .list(ListBlock(ordered: pick(2) == 0, items: (0..<pick(3)).map { _ in item(depth + 1) }))
            default: return .panel(PanelBlock(kind: "info", content: RichText(blocks(depth + 1))))
            }
        }
        mutating func blocks(_ depth: Int) -> [Block] {
            (0..<[0, 1, 1, 1, 2, 3][pick(6)]).map { _ in block(depth) }
        }
        mutating func item(_ depth: Int) -> ListItem {
            ListItem(blocks: blocks(depth), checked: [nil, true, false][pick(3)])
        }
    }

    @Test("blocks reads back what was stored, for every shape, through both initialisers and the setter")
    func roundTrip() {
        var make = Maker(rng: SplitMix64(seed: 0x1157))
        for _ in 0..<3_000 {
            let blocks = make.blocks(0)
            let checked: Bool? = [nil, true, false][make.pick(3)]
            let item = ListItem(blocks: blocks, checked: checked)
            #expect(item.blocks == blocks)
            #expect(item.checked == checked)
            var set = ListItem(blocks: [.heading(level: 2, [.text("x")])])
            set.blocks = blocks
            set.checked = checked
            #expect(set == item)
            #expect(set.hashValue == item.hashValue)
            let inlines = make.inlines(0)
            #expect(ListItem(inlines, checked: checked).blocks == [.paragraph(inlines)])
            #expect(ListItem(inlines, checked: checked) == ListItem(blocks: [.paragraph(inlines)], checked: checked))
        }
    }

    @Test("equal content is equal and hashes alike whichever way it was built; different content is not equal")
    func equalityFollowsBlocks() {
        var make = Maker(rng: SplitMix64(seed: 0xE0A1))
        var seen: [[Block]: ListItem] = [:]
        for _ in 0..<3_000 {
            let blocks = make.blocks(1)
            let item = ListItem(blocks: blocks)
            if let earlier = seen[blocks] {
                #expect(earlier == item)
                #expect(earlier.hashValue == item.hashValue)
            }
            seen[blocks] = item
        }
        let byBlocks = Dictionary(grouping: seen.keys) { ListItem(blocks: $0) }
        #expect(byBlocks.count == seen.count, "items with different blocks compared equal")
        #expect(ListItem([.text("a")]) != ListItem([.text("a"), .text("b")]))
        #expect(ListItem([.text("a")]) != ListItem(blocks: [.paragraph([.text("a")]), .paragraph([])]))
        #expect(ListItem([]) != ListItem(blocks: []))
        #expect(ListItem([.text("a")]) != ListItem([.code("a")]))
    }

    @Test("mutating through blocks: appending a nested list to a one-text item, replacing, emptying")
    func mutation() {
        var item = ListItem([.text("Telescope schedule")])
        let nested = Block.list(ListBlock(items: [ListItem([.text("first night")])]))
        item.blocks.append(nested)
        #expect(item.blocks == [.paragraph([.text("Telescope schedule")]), nested])
        item.blocks.removeLast()
        #expect(item == ListItem([.text("Telescope schedule")]))
        item.blocks[0] = .paragraph([.text("a"), .ticket(key: "DM-1")])
        #expect(item.blocks == [.paragraph([.text("a"), .ticket(key: "DM-1")])])
        item.blocks = []
        #expect(item.blocks.isEmpty)
        #expect(item == ListItem(blocks: []))
    }

    /// The JSON shape `ListItem` had when it stored its blocks as they are.
    struct PlainItem: Encodable {
        var blocks: [Block]
        var checked: Bool?
        enum CodingKeys: String, CodingKey { case blocks, checked }
        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(blocks, forKey: .blocks)
            try c.encodeIfPresent(checked, forKey: .checked)
        }
    }

    @Test("the JSON form is the blocks', and decoding gives an equal item")
    func json() throws {
        var make = Maker(rng: SplitMix64(seed: 0x750))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        for _ in 0..<500 {
            let blocks = make.blocks(0)
            let checked: Bool? = make.pick(2) == 0 ? nil : true
            let item = ListItem(blocks: blocks, checked: checked)
            let data = try encoder.encode(item)
            #expect(data == (try encoder.encode(PlainItem(blocks: blocks, checked: checked))))
            #expect(try JSONDecoder().decode(ListItem.self, from: data) == item)
        }
    }
}
