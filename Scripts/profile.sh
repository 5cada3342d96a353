#!/usr/bin/env bash
# Where the time goes: counts instructions with valgrind's callgrind (stable on a noisy machine, unlike
# wall time) for the importers and the libxml2 references on the benchmark's generated pages.
#
#   Scripts/profile.sh                       instructions per input byte, every importer and reference, 1 MB pages
#   Scripts/profile.sh html importer         top functions (self and inclusive) of one case
#   Scripts/profile.sh --size 10MB text importer
#   Scripts/profile.sh actions html 200      top functions of `meeting-notes actions` over 200 folder pages
#
# FORM: storage | html | text.  SUBJECT: importer | model-floor | libxml2-tree | libxml2-sax.
# Needs valgrind (apt-get install -y valgrind). Output files stay in $TMPDIR/meeting-notes-profile/.
set -euo pipefail
cd "$(dirname "$0")/.."

size=1MB
top=30
while [ $# -gt 0 ]; do
  case "$1" in
    --size) size="$2"; shift 2 ;;
    --top) top="$2"; shift 2 ;;
    *) break ;;
  esac
done

command -v valgrind >/dev/null || { echo "profile: valgrind is missing (apt-get install -y valgrind)" >&2; exit 1; }
swift build -c release --package-path Benchmarks >/tmp/profile-build.log 2>&1 || { cat /tmp/profile-build.log >&2; exit 1; }
bench="$(swift build -c release --package-path Benchmarks --show-bin-path)/meeting-notes-bench"
data="${TMPDIR:-/tmp}/meeting-notes-bench-full"
out="${TMPDIR:-/tmp}/meeting-notes-profile"
mkdir -p "$out"
"$bench" generate --data "$data" >/dev/null 2>&1

ext() { case "$1" in storage) echo storage.xhtml ;; html) echo html ;; text) echo txt ;; esac; }

# Total instructions of `bench loop SUBJECT FORM FILE --iterations N`.
count() {
  local subject=$1 form=$2 n=$3 file="$out/cg.$1.$2.$size.$3.out"
  valgrind --tool=callgrind --callgrind-out-file="$file" "$bench" loop "$subject" "$form" \
    "$data/page-$size.$(ext "$form")" --users "$data/users.json" --iterations "$n" >/dev/null 2>"$file.log"
  grep -o 'refs: *[0-9,]*' "$file.log" | tr -d ', ' | cut -d: -f2
}

demangle() { if command -v swift >/dev/null; then swift demangle --simplified; else cat; fi; }

# `meeting-notes actions` over the first N pages of the benchmark folder: the whole CLI, batch included.
if [ "${1:-}" = actions ]; then
  form=${2:-storage} pages=${3:-200}
  swift build -c release --product meeting-notes >/tmp/profile-build-cli.log 2>&1 || { cat /tmp/profile-build-cli.log >&2; exit 1; }
  cli="$(swift build -c release --show-bin-path)/meeting-notes"
  sub="$out/actions-$form-$pages"
  rm -rf "$sub" && mkdir -p "$sub"
  find "$data/folder-$form" -type f | sort | awk -v n="$pages" 'NR <= n' | while read -r f; do ln -s "$f" "$sub/"; done
  file="$out/cg.actions.$form.$pages.out"
  valgrind --tool=callgrind --callgrind-out-file="$file" "$cli" actions "$sub" --users "$data/users.json" -f csv \
    >/dev/null 2>"$file.log"
  grep -o 'refs: *[0-9,]*' "$file.log"
  callgrind_annotate --inclusive=yes "$file" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$top" | demangle \
    | sed -E 's#\[[^]]*\]##; s#/[^ ]*/(Sources|Benchmarks)/#\1/#' | cut -c1-180 || true
  exit 0
fi

if [ $# -eq 0 ]; then
  printf '%-8s %-13s %14s %10s\n' form subject instructions "per byte"
  for form in storage html text; do
    bytes=$(wc -c <"$data/page-$size.$(ext "$form")")
    base=$(count importer "$form" 0)
    subjects="importer model-floor libxml2-tree libxml2-sax"
    [ "$form" = text ] && subjects="importer model-floor"
    for subject in $subjects; do
      total=$(count "$subject" "$form" 1)
      # model-floor imports the page once before its loop: its own zero-iteration run is the base.
      b=$base
      [ "$subject" = model-floor ] && b=$(count model-floor "$form" 0)
      printf '%-8s %-13s %14d %10.1f\n' "$form" "$subject" $((total - b)) "$(awk -v t="$total" -v b="$b" -v n="$bytes" 'BEGIN { print (t - b) / n }')"
    done
  done
  exit 0
fi

form=$1 subject=${2:-importer}
count "$subject" "$form" 1 >/dev/null
file="$out/cg.$subject.$form.$size.1.out"
echo "== self cost, $subject $form $size"
callgrind_annotate --inclusive=no "$file" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$top" | demangle \
  | sed -E 's#\[[^]]*\]##; s#/[^ ]*/(Sources|Benchmarks)/#\1/#' | cut -c1-180 || true
echo
echo "== inclusive cost, $subject $form $size"
callgrind_annotate --inclusive=yes "$file" 2>/dev/null | grep -E '^ *[0-9,]+ \(' | head -n "$top" | demangle \
  | sed -E 's#\[[^]]*\]##; s#/[^ ]*/(Sources|Benchmarks)/#\1/#' | cut -c1-180 || true
