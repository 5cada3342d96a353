#!/usr/bin/env bash
# Builds the DocC documentation of every library target with swift-docc-plugin and fails on any warning
# (unresolved symbol links, undocumented parameters, broken articles).
#
#     Scripts/docs.sh                    # every catalog
#     Scripts/docs.sh ConfluenceHTML     # some of them
#
# Archives land in .build/plugins/Swift-DocC/outputs/<Target>.doccarchive.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(MeetingModel MeetingRecognizers PlainTextImport ConfluenceHTML MeetingExport MeetingNotes MeetingSourceTesting)
fi

failed=()
for target in "${targets[@]}"; do
    if [ ! -d "Sources/$target/$target.docc" ]; then
        echo "docs: Sources/$target/$target.docc is missing" >&2
        failed+=("$target")
        continue
    fi
    echo "== $target"
    log=$(mktemp)
    if swift package generate-documentation --target "$target" --warnings-as-errors >"$log" 2>&1 \
        && ! grep -qE '^(warning|error):' "$log"; then
        echo "   ok: .build/plugins/Swift-DocC/outputs/$target.doccarchive"
    else
        grep -vE '^\[[0-9]+/[0-9]+\]|^Building for|^Build of|Write swift-version' "$log" >&2 || true
        failed+=("$target")
    fi
    rm -f "$log"
done

if [ ${#failed[@]} -ne 0 ]; then
    echo "docs: failed for ${failed[*]}" >&2
    exit 1
fi
echo "docs: ${#targets[@]} catalogs built without warnings"
