#!/usr/bin/env bash
# swift-meeting-notes · Scripts/safety.sh — proves the importers safe on hostile input (GitHub issue 6).
#
#   Scripts/safety.sh [--fast]
#
# Runs, in order, and prints what it tried:
#   1. the hostile-input suite (swift test --filter HostileInputTests): XXE, billion laughs, DTDs, XInclude,
#      processing instructions, 100,000-deep nesting, 1 MB attributes, 1,000,000 table cells, unclosed tags,
#      NUL bytes, endless CDATA, encodings, typed errors, partial results, determinism under
#      TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8, and "nothing lost" word coverage of every fixture;
#   2. a bounded libFuzzer run per importer (Scripts/fuzz.sh; 20 s each with --fast, 300 s otherwise);
#   3. the tests under AddressSanitizer (+LeakSanitizer) and ThreadSanitizer (--fast: every hostile-input test
#      under ASan, the size tests with HOSTILE_SIZE=small, and the concurrency suites under TSan; otherwise every
#      test at full size);
#   4. a leak check: 10,000 imports of a small page per libxml2 source with the resident set size printed at
#      start, after warm-up and at the end (must stay flat), and the same loop under LeakSanitizer.
# Ends with a summary table; exits 1 if anything crashed, hung, leaked or lost words.
#
# Environment: SAFETY_FUZZ_SECONDS overrides the fuzz time per importer. LeakSanitizer uses Scripts/lsan.supp
# (two toolchain leaks: XCTest's bookkeeping, and swift-foundation's Data(contentsOf:) on empty files).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
FAST=0
[ "${1:-}" = "--fast" ] && FAST=1
OUT=$ROOT/.build/safety
mkdir -p "$OUT"
FUZZ_SECONDS=${SAFETY_FUZZ_SECONDS:-$([ $FAST -eq 1 ] && echo 20 || echo 300)}
LOOP=10000
LSAN_LOOP=$([ $FAST -eq 1 ] && echo 1000 || echo 10000)
START=$(date +%s)
ROWS=()
FAILED=0
# The hostile-input suite runs at full size (see HOSTILE_SIZE below for the fast form's ASan pass).
export HOSTILE_SIZE=full

row() { ROWS+=("$(printf '%-22s %-7s %s' "$1" "$2" "$3")"); [ "$2" = ok ] || [ "$2" = clean ] || [ "$2" = flat ] || FAILED=1; }
step() { echo; echo "=== safety: $*"; }
elapsed() { echo $(( $(date +%s) - $1 )); }

# Swift Testing's last line: "Test run with N tests in M suites passed after S seconds." or "... failed ... with K issues".
summarize_tests() {
  local log=$1
  local line; line=$(sed 's/\x1b\[[0-9;]*m//g' "$log" | grep -E "Test run with [0-9]+ tests" | tail -1)
  line=${line#*Test run with }
  echo "${line%.}"
}
tests_passed() { sed 's/\x1b\[[0-9;]*m//g' "$1" | grep -qE "Test run with [0-9]+ tests? .*passed"; }

# --- 0. build -----------------------------------------------------------------------------------------------
step "building (debug, with tests)"
t=$(date +%s)
if swift build --build-tests >"$OUT/build.log" 2>&1; then
  row "build" ok "debug build with tests, $(elapsed $t) s"
else
  tail -30 "$OUT/build.log"; row "build" FAILED "see $OUT/build.log"
  printf '%s\n' "${ROWS[@]}"; exit 1
fi
XCTEST=$(find .build/debug/ -maxdepth 1 -name '*PackageTests.xctest' | head -1)

# --- 1. hostile-input suite ---------------------------------------------------------------------------------
step "hostile-input suite (HostileInputTests)"
t=$(date +%s)
TIMEBIN=$(command -v /usr/bin/time || true)
if [ -n "$TIMEBIN" ]; then
  timeout -k 10 1800 /usr/bin/time -f "maxrss_kib=%M" -o "$OUT/hostile.rss" \
    "$XCTEST" --testing-library swift-testing --no-parallel --filter HostileInputTests >"$OUT/hostile.log" 2>&1
else
  timeout -k 10 1800 "$XCTEST" --testing-library swift-testing --no-parallel --filter HostileInputTests >"$OUT/hostile.log" 2>&1
fi
rc=$?
secs=$(elapsed $t)
rss=$(grep -Eo '[0-9]+' "$OUT/hostile.rss" 2>/dev/null | tail -1)
# Serial run (--no-parallel), so each test's time is its own: the slowest ones, where a quadratic regression shows.
echo "  slowest tests:"
sed 's/\x1b\[[0-9;]*m//g' "$OUT/hostile.log" | grep -E 'Test "[^"]*"( with [0-9]+ test cases?)? (passed|failed) after' \
  | sed -E 's/^.*Test "(.*)"( with [0-9]+ test cases?)? (passed|failed) after ([0-9.]+) seconds.*/  \4 s  \3  \1/' \
  | sort -rn | head -10
if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then row "hostile-input suite" HUNG "killed after 1800 s"
elif tests_passed "$OUT/hostile.log"; then row "hostile-input suite" ok "$(summarize_tests "$OUT/hostile.log"); ${secs} s wall; max RSS $(( ${rss:-0} / 1024 )) MiB"
else
  sed 's/\x1b\[[0-9;]*m//g' "$OUT/hostile.log" | grep -E "recorded an issue|signal|Fatal error" | cut -c1-300 | head -20
  row "hostile-input suite" FAILED "exit $rc; $(summarize_tests "$OUT/hostile.log"); log $OUT/hostile.log"
fi
# Word coverage per fixture, printed by NothingLostTests.
cov=$(grep -E '^COVERAGE ' "$OUT/hostile.log" | sort -u)
if [ -n "$cov" ]; then
  echo "$cov" | sed 's/^COVERAGE /  /'
  low=$(echo "$cov" | awk '$3 == "clean" && $4 < 100 || $3 == "messy" && $4 < 99' | wc -l)
  n=$(echo "$cov" | wc -l)
  minc=$(echo "$cov" | awk '$3=="clean"{print $4}' | sort -n | head -1)
  minm=$(echo "$cov" | awk '$3=="messy"{print $4}' | sort -n | head -1)
  if [ "$low" -eq 0 ]; then row "nothing lost" ok "$n fixtures; lowest coverage: clean ${minc:-n/a}%, messy ${minm:-n/a}%"
  else row "nothing lost" LOST "$low of $n fixtures under their threshold (clean ${minc}%, messy ${minm}%)"; fi
else
  row "nothing lost" FAILED "no coverage figures in the suite's output"
fi

# --- 2. fuzzing ---------------------------------------------------------------------------------------------
step "fuzzing, $FUZZ_SECONDS s per importer (Scripts/fuzz.sh)"
t=$(date +%s)
Scripts/fuzz.sh "$FUZZ_SECONDS" 2>&1 | tee "$OUT/fuzz.log" | grep -E '^fuzz |^fuzz:.*found|ERROR|SUMMARY'
rc=${PIPESTATUS[0]}
total=$(grep -Eo 'fuzz total runs=[0-9]+' "$OUT/fuzz.log" | grep -Eo '[0-9]+$')
if [ "$rc" -eq 0 ]; then row "fuzzing" clean "5 importers × $FUZZ_SECONDS s: ${total:-0} executions, no crash/timeout/leak ($(elapsed $t) s)"
else row "fuzzing" FOUND "exit $rc; crashers saved under Tests/HostileInputTests/Fixtures/crashers/"; fi

# --- 3. sanitizers ------------------------------------------------------------------------------------------
if [ $FAST -eq 1 ]; then
  # Every hostile-input test runs under ASan. The size tests (1,000,000 cells, 20,000 action items) build the same
  # inputs a tenth as large (HOSTILE_SIZE=small, read by Tests/HostileInputTests/Hostile.swift): ASan checks the
  # same code paths; the full-size run above (no sanitizer) is where a quadratic step would show.
  ASAN_FILTER=(--filter HostileInputTests)
  ASAN_SIZE=small
  TSAN_FILTER=(--filter "ConformanceAndConcurrencyTests|ConfluenceHTMLTests.ConcurrencyTests")
else
  ASAN_FILTER=(); TSAN_FILTER=(); ASAN_SIZE=full
fi
for san in address thread; do
  step "swift test --sanitize=$san ${ASAN_FILTER[*]:+(filtered)}"
  t=$(date +%s)
  if [ $san = address ]; then F=("${ASAN_FILTER[@]}"); else F=("${TSAN_FILTER[@]}"); fi
  # Separate build folders, so that the sanitizer builds do not replace the normal one.
  ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$ROOT/Scripts/lsan.supp:print_suppressions=0" \
    TSAN_OPTIONS=halt_on_error=0 HOSTILE_SIZE=$([ $san = address ] && echo "$ASAN_SIZE" || echo full) timeout -k 10 3600 \
    swift test --sanitize=$san --build-path ".build-$san" "${F[@]}" >"$OUT/$san.log" 2>&1
  rc=$?
  reports=$(grep -cE "ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer" "$OUT/$san.log")
  if [ $rc -eq 0 ] && [ "$reports" -eq 0 ] && tests_passed "$OUT/$san.log"; then
    row "$([ $san = address ] && echo "ASan + LSan" || echo TSan) tests" ok "$(summarize_tests "$OUT/$san.log"); $(elapsed $t) s incl. build$([ $san = address ] && [ "$ASAN_SIZE" = small ] && echo "; size tests at HOSTILE_SIZE=small")"
  else
    grep -E "ERROR: AddressSanitizer|ERROR: LeakSanitizer|WARNING: ThreadSanitizer|SUMMARY|recorded an issue" "$OUT/$san.log" | cut -c1-300 | head -12
    row "$([ $san = address ] && echo "ASan + LSan" || echo TSan) tests" FAILED "exit $rc, $reports sanitizer reports; log $OUT/$san.log"
  fi
done

# --- 4. leaks: flat memory over 10,000 imports, and LeakSanitizer ---------------------------------------------
step "leak check: $LOOP imports per libxml2 source (RSS), $LSAN_LOOP under LeakSanitizer"
cat >"$OUT/loop.xhtml" <<'EOF'
<h3>Participants</h3><ul><li><ac:link><ri:user ri:username="ana" /></ac:link></li></ul>
<h3>Action items</h3><ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>send notes &bogus; <b>unclosed</ac:task-body></ac:task></ac:task-list>
EOF
cat >"$OUT/loop.html" <<'EOF'
<html><head><title>S : Loop</title></head><body><div id="main-content"><h3>Participants</h3><ul><li>Ana Silva<li>Ben Okoro</ul>
<table><tr><td>09:00<td>Start</table><ul class="inline-task-list"><li data-inline-task-id="1">Ana to send notes</ul></div>
EOF
TOOL=.build/debug/meeting-notes-safety
for page in loop.xhtml loop.html; do
  t=$(date +%s)
  line=$(timeout -k 10 1200 "$TOOL" loop auto "$OUT/$page" "$LOOP" 2>&1 | tail -1)
  echo "  $page: $line"
  growth=$(echo "$line" | grep -Eo 'growth_after_warmup_kib=-?[0-9]+' | grep -Eo -- '-?[0-9]+$')
  fails=$(echo "$line" | grep -Eo 'failures=[0-9]+' | grep -Eo '[0-9]+$')
  if [ -z "$growth" ]; then row "memory $page" FAILED "loop did not finish: $line"
  elif [ "$growth" -le 1024 ] && [ "${fails:-1}" -eq 0 ]; then
    row "memory $page" flat "$LOOP imports: RSS $(echo "$line" | grep -Eo 'rss_start_kib=[0-9]+' | cut -d= -f2) → $(echo "$line" | grep -Eo 'rss_warm_kib=[0-9]+' | cut -d= -f2) (warm) → $(echo "$line" | grep -Eo 'rss_end_kib=[0-9]+' | cut -d= -f2) KiB, +$growth KiB after warm-up, $(elapsed $t) s"
  else row "memory $page" GROWS "+$growth KiB after warm-up over $LOOP imports ($line)"; fi
done
ASAN_TOOL=.build-address/debug/meeting-notes-safety
if [ -x "$ASAN_TOOL" ]; then
  for page in loop.xhtml loop.html; do
    t=$(date +%s)
    ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS="suppressions=$ROOT/Scripts/lsan.supp:print_suppressions=0" \
      timeout -k 10 1800 "$ASAN_TOOL" loop auto "$OUT/$page" "$LSAN_LOOP" >"$OUT/lsan-$page.log" 2>&1
    rc=$?
    if [ $rc -eq 0 ] && ! grep -q "LeakSanitizer" "$OUT/lsan-$page.log"; then
      row "LSan $page" ok "$LSAN_LOOP imports under ASan/LSan: no leak reported ($(elapsed $t) s)"
    else
      grep -E "LeakSanitizer|SUMMARY|Direct leak" "$OUT/lsan-$page.log" | head -5
      row "LSan $page" LEAKS "exit $rc; log $OUT/lsan-$page.log"
    fi
  done
else
  row "LSan loop" FAILED "$ASAN_TOOL missing (the ASan build failed?)"
fi
if [ $FAST -eq 0 ] && command -v valgrind >/dev/null; then
  step "valgrind on 200 imports of the storage page"
  valgrind --leak-check=full --errors-for-leak-kinds=definite --error-exitcode=3 \
    "$TOOL" loop confluence-storage "$OUT/loop.xhtml" 200 >"$OUT/valgrind.log" 2>&1
  rc=$?
  if [ $rc -eq 0 ]; then row "valgrind" ok "200 imports, no definite leak: $(grep -E 'definitely lost' "$OUT/valgrind.log" | sed 's/==[0-9]*==//')"
  else row "valgrind" LEAKS "exit $rc; log $OUT/valgrind.log"; fi
fi

# --- summary ------------------------------------------------------------------------------------------------
echo
echo "=== safety summary ($([ $FAST -eq 1 ] && echo fast || echo full) form, $(elapsed "$START") s, $(date -u +%Y-%m-%dT%H:%MZ))"
printf '%-22s %-7s %s\n' check result detail
printf '%s\n' "${ROWS[@]}"
if [ $FAILED -eq 0 ]; then echo "safety: nothing crashed, hung, leaked or was lost"; else echo "safety: FAILED (see above)"; fi
exit $FAILED
