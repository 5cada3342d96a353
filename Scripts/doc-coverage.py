#!/usr/bin/env python3
"""Lists public symbols of the library modules that have no doc comment, public types that are not
`Sendable`, and public declarations that mention a libxml2 C type (xml*, html*, _xml*). Reads the symbol graphs written by
`swift package dump-symbol-graph` (see Scripts/doc-coverage.sh). Exit status 1 when anything is found."""
import json
import os
import re
import sys

MODULES = {"MeetingModel", "MeetingRecognizers", "PlainTextImport", "ConfluenceHTML", "MeetingExport",
           "MeetingNotes", "MeetingSourceTesting"}
TYPE_KINDS = {"swift.struct", "swift.enum", "swift.class", "swift.protocol"}
C_XML = re.compile(r"^_?(xml|html|XML|HTML)[A-Z_]|^_?xml|^_?html")


def owner_module(path):
    """`MeetingNotes@MeetingModel.symbols.json` → MeetingNotes (the module that declares the symbols)."""
    return os.path.basename(path).split(".symbols.json")[0].split("@")[0]


def main(folder):
    files = []
    for root, _, names in os.walk(folder):
        files += [os.path.join(root, n) for n in names if n.endswith(".symbols.json")]
    files = [f for f in files if owner_module(f) in MODULES]
    if not files:
        print(f"doc-coverage: no symbol graphs of {sorted(MODULES)} under {folder}", file=sys.stderr)
        return 2
    seen_modules = set()
    undocumented, c_types, not_sendable, total = [], [], [], 0
    seen = set()
    for path in sorted(files):
        module = owner_module(path)
        seen_modules.add(module)
        with open(path, encoding="utf-8") as f:
            graph = json.load(f)
        sendable = {r["source"] for r in graph.get("relationships", [])
                    if r.get("kind") in ("conformsTo", "inheritsFrom") and r.get("target") == "s:s8SendableP"}
        # Caseless enums are namespaces: no value of them exists, so Sendable means nothing there.
        kinds = {x["identifier"]["precise"]: x["kind"]["identifier"] for x in graph.get("symbols", [])}
        with_cases = {r["target"] for r in graph.get("relationships", [])
                      if r.get("kind") == "memberOf" and kinds.get(r["source"]) == "swift.enum.case"}
        for s in graph.get("symbols", []):
            if s.get("accessLevel") not in ("public", "open"):
                continue
            precise = s["identifier"]["precise"]
            # Compiler-synthesized members (Codable, RawRepresentable, Equatable) have no source location
            # and nothing to write a comment on.
            if "::SYNTHESIZED::" in precise or precise in seen or not s.get("location"):
                continue
            seen.add(precise)
            total += 1
            name = module + "." + ".".join(s.get("pathComponents", []))
            loc = s.get("location", {})
            where = ""
            if loc:
                uri = loc.get("uri", "").replace("file://", "")
                where = f"{os.path.relpath(uri) if uri else '?'}:{loc.get('position', {}).get('line', 0) + 1}"
            namespace = s["kind"]["identifier"] == "swift.enum" and precise not in with_cases
            if s["kind"]["identifier"] in TYPE_KINDS and precise not in sendable and not namespace:
                not_sendable.append((where, name, s["kind"]["identifier"]))
            doc = s.get("docComment", {}).get("lines", [])
            if not any(l.get("text", "").strip() for l in doc):
                undocumented.append((where, name, s["kind"]["identifier"]))
            for frag in s.get("declarationFragments", []):
                ident = frag.get("preciseIdentifier", "")
                if frag.get("kind") == "typeIdentifier" and (ident.startswith("c:") and C_XML.search(frag.get("spelling", ""))):
                    c_types.append((where, name, frag.get("spelling")))
    for module in sorted(MODULES - seen_modules):
        print(f"doc-coverage: no symbol graph for {module}", file=sys.stderr)
    for where, name, kind in sorted(undocumented):
        print(f"{where}: undocumented public {kind.replace('swift.', '')} {name}")
    for where, name, kind in sorted(not_sendable):
        print(f"{where}: public {kind.replace('swift.', '')} {name} is not Sendable")
    for where, name, spelling in sorted(c_types):
        print(f"{where}: public {name} exposes the C type {spelling}")
    print(f"doc-coverage: {total} public symbols in {len(seen_modules)} modules; "
          f"{len(undocumented)} undocumented; {len(not_sendable)} public types not Sendable; "
          f"{len(c_types)} exposing libxml2 types", file=sys.stderr)
    return 1 if undocumented or c_types or not_sendable or MODULES - seen_modules else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else ".build"))
