#!/usr/bin/env bash
# Answers to every question in tests/eval/ (first column, each once), in all
# seven regions, as `signpost ask --json`: run it with two builds and compare
# the folders to show a speed change alters no answer.
#
#   bash benches/same-answers.sh target/release/signpost /tmp/answers-new
#   cmp /tmp/answers-old/uk.jsonl /tmp/answers-new/uk.jsonl   # per region
#
# Usage: same-answers.sh SIGNPOST_BINARY OUT_DIR. The index is built in a
# temporary folder from ./resources; run from the repository root.
set -euo pipefail
bin=$(realpath "$1")
out=$2
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for f in tests/eval/*.tsv; do tail -n +2 "$f" | cut -f1; done \
    | awk 'length($0) > 0 && !seen[$0]++' > "$work/questions.txt"
"$bin" index --resources resources --index "$work/index" > "$work/index.log" 2>&1 \
    || { cat "$work/index.log" >&2; exit 1; }
for region in uk us ie ca au nz global; do
    "$bin" ask --batch "$work/questions.txt" --json --region "$region" \
        --resources resources --index "$work/index" > "$out/$region.jsonl" &
done
wait
wc -l "$out"/*.jsonl | tail -n 1
