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
rm -rf .build/*/symbolgraph    # never read a stale graph
# SwiftPM also tries the test-only modules and reports that it cannot load them; that does not matter
# here, since Scripts/doc-coverage.py checks that every library module's graph was written.
swift package dump-symbol-graph --minimum-access-level public --skip-inherited-docs >"$log" 2>&1 || true
folder=$(find .build -maxdepth 2 -type d -name symbolgraph | head -1)
if [ -z "$folder" ]; then
    cat "$log" >&2
    echo "doc-coverage: swift package dump-symbol-graph wrote no symbol graphs" >&2
    exit 2
fi
python3 Scripts/doc-coverage.py "$folder"
