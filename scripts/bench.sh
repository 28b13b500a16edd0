#!/usr/bin/env bash
# Prints copydesk's whole-pipeline throughput (MB/s of article text and
# articles/s) on a generated multi-megabyte JSONL batch.
#   scripts/bench.sh [ARTICLES] [JOBS]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-5000}
jobs=${2:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/copydesk" ./cmd/copydesk
go run ./scripts/gencorpus -n "$n" > "$tmp/corpus.jsonl"
bytes=$(python3 -c 'import json,sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1])))' "$tmp/corpus.jsonl" 2>/dev/null || stat -c %s "$tmp/corpus.jsonl")
start=$(date +%s.%N)
"$tmp/copydesk" score --format jsonl --jobs "$jobs" --fail-on never "$tmp/corpus.jsonl" > "$tmp/out.jsonl"
end=$(date +%s.%N)
awk -v b="$bytes" -v n="$n" -v s="$start" -v e="$end" -v j="$jobs" 'BEGIN {
  t = e - s
  printf "articles: %d  text: %.1f MB  jobs: %d  time: %.2f s\n", n, b/1e6, j, t
  printf "throughput: %.1f MB/s  %.0f articles/s  (%.1f MB/s per job)\n", b/1e6/t, n/t, b/1e6/t/j
}'
