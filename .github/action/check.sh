#!/usr/bin/env bash
# Check the articles listed in ARTICLES_FILE. `github`: annotations on the pull request, the
# step failing (exit 1) at INPUT_FAIL_ON and above. `sarif`: checker.sarif for code scanning,
# never failing the step (the annotations step decides).
set -euo pipefail

mode="$1"
mapfile -t paths < "$ARTICLES_FILE"
read -ra args <<< "${INPUT_ARGS:-}"

case "$mode" in
    github) exec checker --format github --fail-on "${INPUT_FAIL_ON:-error}" "${args[@]}" -- "${paths[@]}" ;;
    sarif) exec checker --format sarif --exit-zero -o checker.sarif "${args[@]}" -- "${paths[@]}" ;;
    *) echo "check.sh: unknown mode $mode" >&2; exit 2 ;;
esac
