#!/usr/bin/env bash
# Counts instructions with callgrind (reproducible on a noisy machine) for one
# single-threaded run of newslint over a fixed sample of the benchmark corpus,
# and prints the hottest functions, inclusive and self.
#
#   bash bench/profile.sh            # every 20th real article (767), or 800 synthetic ones
#   bash bench/profile.sh startup    # start-up and one 2 KB article
#
# Needs valgrind (apt-get install valgrind). Builds a release binary with debug
# info in its own target directory, so the shared target/ is left alone.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(dirname "$here")"
work="${NEWSLINT_BENCH_DIR:-/tmp/newslint-bench}"
target="${NEWSLINT_PROFILE_TARGET:-/tmp/newslint-prof-target}"
what="${1:-corpus}"

command -v valgrind >/dev/null || { echo "valgrind is missing: apt-get install valgrind" >&2; exit 2; }
python3 "$here/corpus.py" --work "$work" >/dev/null
(cd "$repo" && CARGO_PROFILE_RELEASE_DEBUG=true CARGO_TARGET_DIR="$target" cargo build --release --quiet)
bin="$target/release/newslint"
cd "$work"
if [ "$what" = startup ]; then
    files=(startup/article.txt)
else
    src=news; [ -d news ] || src=synthetic
    # Every 20th file, sorted: the same 800 files on every run.
    mapfile -t files < <(find "$src" -name '*.txt' | LC_ALL=C sort | awk 'NR % 20 == 0' | head -800)
fi
bytes=$(cat "${files[@]}" | wc -c)
out="$work/callgrind.$what.out"
valgrind --tool=callgrind --callgrind-out-file="$out" "$bin" check --threads 1 --format jsonl "${files[@]}" \
    >/dev/null 2>"$work/callgrind.$what.log" || true
total=$(grep -o 'refs: *[0-9,]*' "$work/callgrind.$what.log" | tr -dc 0-9)
echo "files: ${#files[@]}, bytes: $bytes, instructions: $total ($(( total / bytes )) per input byte)"
echo
echo "== inclusive (newslint functions and the libraries they call) =="
callgrind_annotate --inclusive=yes "$out" 2>/dev/null \
    | grep -E '^ *[0-9,]+ +\([ 0-9.]+%\) +[^ ]' \
    | grep -E 'newslint::|regex_automata::meta|aho_corasick::automaton::Automaton|PackLoader' \
    | grep -v '=>' | sed -E 's#/root/.cargo/registry/src/[^/]*/##; s#/rustc/[0-9a-f]*/##' | cut -c1-160 | head -25
echo
echo "== self =="
callgrind_annotate --inclusive=no "$out" 2>/dev/null \
    | grep -E '^ *[0-9,]+ +\([ 0-9.]+%\) +[^ ]' | grep -v '=>' \
    | sed -E 's#/root/.cargo/registry/src/[^/]*/##; s#/rustc/[0-9a-f]*/##' | cut -c1-160 | head -20
echo
echo "full profile: $out (callgrind_annotate, or kcachegrind)"
