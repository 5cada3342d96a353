#!/usr/bin/env bash
# Fails when a public symbol of a library module has no `///` doc comment, or when a public declaration
# mentions a libxml2 C type. Extracts public symbol graphs with SwiftPM, then checks them with
# Scripts/doc-coverage.py.
#
#     Scripts/doc-coverage.sh
set -euo pipefail
cd "$(dirname "$0")/.."

log=$(mktemp)
trap 'rm -f "$log"' EXIT
if ! swift package dump-symbol-graph --minimum-access-level public --skip-inherited-docs >"$log" 2>&1; then
    cat "$log" >&2
    exit 2
fi
# SwiftPM prints where it wrote the graphs: "Files written to /…/symbolgraph".
folder=$(sed -n 's/.*[Ff]iles written to \(.*\)$/\1/p' "$log" | tail -1)
if [ -z "$folder" ] || [ ! -d "$folder" ]; then
    folder=$(find .build -type d -name symbolgraph -newer "$log" 2>/dev/null | head -1 || true)
fi
if [ -z "$folder" ]; then
    cat "$log" >&2
    echo "doc-coverage: could not find the symbol graph folder" >&2
    exit 2
fi
python3 Scripts/doc-coverage.py "$folder"
