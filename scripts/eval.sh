#!/usr/bin/env bash
# Measures the default pack on real, externally written copy when ../shared is
# present: the seed article against its editor's annotation, then the
# development corpus (wire copy false-alarm rate, partisan ratio, weasel and
# bias precision/recall).
#
# The corpus is measured in two halves (scripts/halves.py: even records in
# half A, odd in half B). Tune on half A; half B is the check that a change
# holds on copy it was not tuned on. `--full` measures the whole files instead.
#
# Usage: scripts/eval.sh [--full] [--limit N] [--only TASK...]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared"
if [ ! -d "$shared" ]; then
  echo "scripts/eval.sh: $shared not found; nothing to evaluate" >&2
  exit 0
fi
full=0
args=()
for a in "$@"; do
  if [ "$a" = "--full" ]; then full=1; else args+=("$a"); fi
done
cargo build --release --quiet
bin="target/release/newslint"
seed="$shared/fixtures/seed-article.txt"
if [ -f "$seed" ]; then
  echo "== seed article"
  "$bin" check --format jsonl "$seed" \
    | python3 "$shared/tools/score-gold.py" "$seed" "$shared/fixtures/seed-article.gold.toml" || true
fi
[ -d "$shared/corpus" ] || exit 0
if [ "$full" = 1 ]; then
  echo "== development corpus"
  python3 "$shared/tools/eval-corpus.py" --linter "$bin check --format jsonl" ${args[@]+"${args[@]}"}
  exit 0
fi
halves="target/eval-halves"
python3 scripts/halves.py "$shared/corpus" "$halves"
for half in A B; do
  echo "== development corpus, half $half"
  python3 "$shared/tools/eval-corpus.py" --linter "$bin check --format jsonl" \
    --root "$halves/$half" --json "$halves/$half.json" ${args[@]+"${args[@]}"}
done
echo "== both halves"
python3 scripts/halves.py --table "$halves/A.json" "$halves/B.json"
