#!/usr/bin/env bash
# Regenerates what is built ahead of time from the default pack, after an
# edit to rules/ or to the code that compiles it; unit tests fail until then.
# Order matters: the DFAs are built from the regex table, and the pack
# snapshot's fingerprint covers the formatted table and the code.
set -euo pipefail
cd "$(dirname "$0")/.."
NEWSLINT_BLESS=1 cargo test --lib embedded_regex_facts
NEWSLINT_BLESS=1 cargo test --lib embedded_dfas
cargo fmt
NEWSLINT_BLESS=1 cargo test --lib pack_snapshot_is_current
cargo test --lib -- embedded pack_snapshot
