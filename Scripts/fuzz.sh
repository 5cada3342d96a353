#!/usr/bin/env bash
# swift-meeting-notes · Scripts/fuzz.sh — bounded libFuzzer runs, one fuzzer per importer.
#
#   Scripts/fuzz.sh [SECONDS-PER-FUZZER] [FUZZER...]     (default 20 s; fuzzers: plain-text confluence-storage
#                                                          confluence-html confluence-rest-json meeting-json)
#
# Builds the library sources with `swiftc -sanitize=fuzzer,address` (coverage-instrumented, AddressSanitizer and
# LeakSanitizer on) into .build/fuzz/, links one binary per Fuzz/Fuzz<Name>.swift, seeds each corpus from the test
# fixtures and example pages, and runs each for the given time. Any crash, timeout (> 10 s on one input), leak or
# out-of-memory input is copied to Tests/HostileInputTests/Fixtures/crashers/<fuzzer>-<kind>-<sha1> and replayed by
# `swift test --filter CrasherReplayTests` from then on.
#
# Prints one line per fuzzer:  fuzz <name> runs=<executions> seconds=<s> corpus=<files> status=clean|FOUND
# and exits 1 when anything was found. A normal `swift build` / `swift test` never links libFuzzer.
#
# Needs the compiler-rt fuzzer and ASan runtimes the Swift toolchain ships for Linux
# (/opt/swift/usr/lib/swift/clang/lib/linux/libclang_rt.fuzzer*-x86_64.a); on a toolchain without them,
# `apt-get install libclang-rt-14-dev` provides them for clang-14.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
SECONDS_PER=${1:-20}
shift || true
ALL=(plain-text confluence-storage confluence-html confluence-rest-json meeting-json)
FUZZERS=("${@:-${ALL[@]}}")
[ ${#FUZZERS[@]} -eq 0 ] && FUZZERS=("${ALL[@]}")
OUT=$ROOT/.build/fuzz
CRASHERS=$ROOT/Tests/HostileInputTests/Fixtures/crashers
mkdir -p "$OUT/modules" "$CRASHERS"

SWIFTC=${SWIFTC:-swiftc}
FLAGS=(-sanitize=fuzzer,address -parse-as-library -swift-version 6 -package-name swift_meeting_notes -O -gline-tables-only
       -enable-upcoming-feature ExistentialAny -enable-upcoming-feature MemberImportVisibility
       -I "$OUT/modules" -Xcc -fmodule-map-file="$ROOT/Sources/CMeetingLibXML2/module.modulemap")
XML2_CFLAGS=$(pkg-config --cflags libxml-2.0 2>/dev/null || echo "-I/usr/include/libxml2")
for f in $XML2_CFLAGS; do FLAGS+=(-Xcc "$f"); done

# Library modules in dependency order (Package.swift). Rebuilt when a source is newer than the object.
MODULES=(MeetingModel MeetingRecognizers PlainTextImport ConfluenceHTML MeetingExport)
build_module() {
  local m=$1 obj=$OUT/modules/$1.o
  local sources; sources=$(find "Sources/$m" -name '*.swift' | sort)
  if [ -f "$obj" ] && [ -z "$(find "Sources/$m" -name '*.swift' -newer "$obj")" ]; then return; fi
  echo "fuzz: compiling $m with -sanitize=fuzzer,address"
  # shellcheck disable=SC2086
  "$SWIFTC" "${FLAGS[@]}" -module-name "$m" -emit-module -emit-module-path "$OUT/modules/$m.swiftmodule" \
    -wmo -num-threads 0 -c -o "$obj" $sources
}
for m in "${MODULES[@]}"; do build_module "$m"; done

name_of() {  # plain-text -> PlainText
  case $1 in
    plain-text) echo PlainText ;; confluence-storage) echo ConfluenceStorage ;; confluence-html) echo ConfluenceHTML ;;
    confluence-rest-json) echo ConfluenceREST ;; meeting-json) echo MeetingJSON ;; *) echo "unknown fuzzer $1" >&2; exit 2 ;;
  esac
}
seeds_of() {  # file patterns that seed each corpus
  case $1 in
    plain-text) echo "txt md" ;; confluence-storage) echo "xhtml xml" ;; confluence-html) echo "html htm" ;;
    confluence-rest-json|meeting-json) echo "json" ;;
  esac
}

status=0
TOTAL_RUNS=0
for f in "${FUZZERS[@]}"; do
  N=$(name_of "$f")
  BIN=$OUT/fuzz-$f
  if [ ! -x "$BIN" ] || [ "Fuzz/Fuzz$N.swift" -nt "$BIN" ] || [ Fuzz/Harness.swift -nt "$BIN" ] \
     || [ -n "$(find "$OUT/modules" -name '*.o' -newer "$BIN")" ]; then
    echo "fuzz: linking $BIN"
    "$SWIFTC" "${FLAGS[@]}" -module-name "Fuzz$N" "Fuzz/Fuzz$N.swift" Fuzz/Harness.swift \
      "$OUT"/modules/*.o -lxml2 -o "$BIN" 2> >(grep -v "Cannot export local symbol" >&2)
  fi
  CORPUS=$OUT/corpus-$f
  ART=$OUT/artifacts-$f/
  mkdir -p "$CORPUS" "$ART"
  for ext in $(seeds_of "$f"); do
    find Tests Examples Docs/examples -type f -name "*.$ext" ! -path '*/crashers/*' -size -256k \
      -exec cp -n {} "$CORPUS/" \; 2>/dev/null || true
  done
  if [ "$f" = meeting-json ]; then   # canonical meeting JSON seeds come from the example.
    cp -n Docs/examples/*.json "$CORPUS/" 2>/dev/null || true
  fi
  # Crashers saved earlier are seeds too: the fuzzer must now pass them.
  find "$CRASHERS" -type f -name "$f-*" -exec cp -n {} "$CORPUS/" \; 2>/dev/null || true
  DICT=()
  case $f in confluence-*) DICT=(-dict="$ROOT/Fuzz/markup.dict") ;; esac
  LOG=$OUT/fuzz-$f.log
  set +e
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
    "$BIN" "$CORPUS" "${DICT[@]}" -max_total_time="$SECONDS_PER" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$ART" >"$LOG" 2>&1
  rc=$?
  set -e
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$LOG" | grep -Eo '[0-9]+$' | tail -1)
  runs=${runs:-0}
  TOTAL_RUNS=$((TOTAL_RUNS + runs))
  found=0
  for a in "$ART"*; do
    [ -f "$a" ] || continue
    kind=$(basename "$a" | cut -d- -f1)
    sum=$(sha1sum "$a" | cut -c1-12)
    cp "$a" "$CRASHERS/$f-$kind-$sum"
    echo "fuzz: $f found a $kind: saved Tests/HostileInputTests/Fixtures/crashers/$f-$kind-$sum"
    rm -f "$a"
    found=1
  done
  if [ $rc -ne 0 ] || [ $found -ne 0 ]; then
    status=1
    echo "fuzz $f runs=$runs seconds=$SECONDS_PER corpus=$(ls "$CORPUS" | wc -l) status=FOUND (exit $rc; log $LOG)"
    grep -E "ERROR|SUMMARY|Fatal error|Precondition" "$LOG" | head -5 || true
  else
    echo "fuzz $f runs=$runs seconds=$SECONDS_PER corpus=$(ls "$CORPUS" | wc -l) status=clean"
  fi
done
echo "fuzz total runs=$TOTAL_RUNS status=$([ $status -eq 0 ] && echo clean || echo FOUND)"
exit $status
