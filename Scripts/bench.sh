#!/usr/bin/env bash
# Builds (release) and runs the meeting-notes benchmark: importers against libxml2 references, peak memory,
# a folder of 2,000 pages through `meeting-notes actions`, and `meeting-notes convert` start-up.
#
#   Scripts/bench.sh            full run (~4 minutes); writes Benchmarks/Results/latest.{txt,json}
#   Scripts/bench.sh --quick    a few seconds of running, small inputs; for CI: exits 0 unless something crashed
#   Scripts/bench.sh --json     also print the JSON report on stdout (the table goes to stderr)
#
# Extra arguments go to the benchmark binary (see Benchmarks/Sources/meeting-notes-bench/main.swift).
#
# Both binaries are linked with the Swift runtime and Foundation statically (`--static-swift-stdlib`), as a
# command-line tool is deployed on Linux: it takes ~7 MB off every process's resident memory and the dynamic
# symbol look-ups off start-up. Set MEETING_NOTES_BENCH_DYNAMIC=1 to measure the default dynamic build instead.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
args=()
for a in "$@"; do
  case "$a" in
    --quick) quick=1; args+=("$a") ;;
    *) args+=("$a") ;;
  esac
done

if ! pkg-config --exists libxml-2.0 2>/dev/null; then
  echo "bench: libxml2's headers are missing: apt-get install -y libxml2-dev pkg-config" >&2
  exit 1
fi

link=(--static-swift-stdlib)
[ "${MEETING_NOTES_BENCH_DYNAMIC:-0}" = 1 ] && link=()

echo "bench: building meeting-notes (release${link[*]:+, ${link[*]}})…" >&2
cli=""
if swift build -c release "${link[@]}" --product meeting-notes >/tmp/bench-build-cli.log 2>&1; then
  cli="$(swift build -c release "${link[@]}" --show-bin-path)/meeting-notes"
else
  if grep -q "no product named" /tmp/bench-build-cli.log; then
    echo "bench: this checkout has no meeting-notes CLI yet: its timings are skipped" >&2
  else
    cat /tmp/bench-build-cli.log >&2
    exit 1
  fi
fi

echo "bench: building the benchmark (release)…" >&2
swift build -c release "${link[@]}" --package-path Benchmarks >/tmp/bench-build.log 2>&1 || { cat /tmp/bench-build.log >&2; exit 1; }
bench="$(swift build -c release "${link[@]}" --package-path Benchmarks --show-bin-path)/meeting-notes-bench"

toolchain="$(swift --version 2>/dev/null | head -n 1)"
mode=$([ "$quick" = 1 ] && echo quick || echo full)
data="${TMPDIR:-/tmp}/meeting-notes-bench-$mode"
revision="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet HEAD -- Sources Benchmarks/Sources 2>/dev/null || echo +changes)"
linking=$([ ${#link[@]} -gt 0 ] && echo "static Swift runtime (--static-swift-stdlib)" || echo "dynamic Swift runtime")
run=("$bench" run --data "$data" --toolchain "$toolchain, $linking" --revision "$revision" --command "Scripts/bench.sh $*")
[ -n "$cli" ] && run+=(--cli "$cli")

if [ "$quick" = 1 ]; then
  "${run[@]}" "${args[@]}"
else
  mkdir -p Benchmarks/Results
  case " ${args[*]-} " in
    *" --json "*) "${run[@]}" --json-file Benchmarks/Results/latest.json "${args[@]}" ;;
    *) "${run[@]}" --json-file Benchmarks/Results/latest.json "${args[@]+"${args[@]}"}" | tee Benchmarks/Results/latest.txt
       exit "${PIPESTATUS[0]}" ;;
  esac
fi
