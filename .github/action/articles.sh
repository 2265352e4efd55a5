#!/usr/bin/env bash
# The articles to check, one path a line, in a file named on the step's output `file`, and
# their number on `count`. On a pull request with INPUT_CHANGED_ONLY=true: the files under
# INPUT_PATHS that the pull request adds, copies, changes or renames (against origin/BASE_REF),
# with a suffix the checker reads; otherwise INPUT_PATHS themselves.
set -euo pipefail

# The suffixes the built-in formats read (tests/test_action.py keeps this list in step).
SUFFIXES='\.(txt|text|md|markdown|html|htm|xhtml|jsonl|ndjson|json)(\.gz)?$'

read -ra roots <<< "${INPUT_PATHS:-.}"
list="$(mktemp "${RUNNER_TEMP:-/tmp}/checker-articles.XXXXXX")"

if [ "${INPUT_CHANGED_ONLY:-true}" = "true" ] && [ -n "${BASE_REF:-}" ]; then
    git fetch --quiet --depth=1 origin "$BASE_REF" 2>/dev/null || true
    git diff --name-only --diff-filter=ACMR -z "origin/$BASE_REF...HEAD" -- "${roots[@]}" \
        | tr '\0' '\n' | grep -E -i "$SUFFIXES" > "$list" || true
else
    printf '%s\n' "${roots[@]}" > "$list"
fi

count=$(grep -c . "$list" || true)
echo "checker: ${count} path(s) to check"
{
    echo "file=$list"
    echo "count=$count"
} >> "${GITHUB_OUTPUT:-/dev/null}"
