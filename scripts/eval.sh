#!/usr/bin/env bash
# Measures the default pack on real, externally written copy when ../shared is
# present: the seed article against its editor's annotation, then the
# development corpus (wire copy false-alarm rate, partisan ratio, weasel and
# bias precision/recall). Usage: scripts/eval.sh [--limit N] [--only TASK...]
set -euo pipefail
cd "$(dirname "$0")/.."
shared="../shared"
if [ ! -d "$shared" ]; then
  echo "scripts/eval.sh: $shared not found; nothing to evaluate" >&2
  exit 0
fi
cargo build --release --quiet
bin="target/release/newslint"
seed="$shared/fixtures/seed-article.txt"
if [ -f "$seed" ]; then
  echo "== seed article"
  "$bin" check --format jsonl "$seed" \
    | python3 "$shared/tools/score-gold.py" "$seed" "$shared/fixtures/seed-article.gold.toml" || true
fi
if [ -d "$shared/corpus" ]; then
  echo "== development corpus"
  python3 "$shared/tools/eval-corpus.py" --linter "$bin check --format jsonl" "$@"
fi
