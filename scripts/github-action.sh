#!/usr/bin/env bash
# The lint step of action.yml: optional SARIF, then annotations. Reads
# NEWSLINT_PATHS (space-separated), NEWSLINT_ARGS, NEWSLINT_FAIL_ON and
# NEWSLINT_SARIF from the environment. Exits as `newslint check` does
# (0 clean, 1 findings at or above fail-on, 2 errors).
set -uo pipefail

# Word splitting of paths and arguments is wanted here.
# shellcheck disable=SC2206
paths=(${NEWSLINT_PATHS:-.})
# shellcheck disable=SC2206
args=(${NEWSLINT_ARGS:-})

if [ -n "${NEWSLINT_SARIF:-}" ]; then
  # Every finding goes to the SARIF file; the step's verdict comes from the
  # annotation run below.
  newslint check --format sarif --fail-on never "${args[@]}" -- "${paths[@]}" > "$NEWSLINT_SARIF" || exit $?
fi
newslint check --format github --fail-on "${NEWSLINT_FAIL_ON:-warning}" "${args[@]}" -- "${paths[@]}"
