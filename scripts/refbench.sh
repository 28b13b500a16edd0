#!/usr/bin/env bash
# Builds a reference store of N articles (default 100,000) from repeated
# eval text in ../shared (or $COPYDESK_SHARED) and reports ingest speed,
# lookup speed, size on disk, and the peak memory of a scoring run with
# and without that store.
#   scripts/refbench.sh [N] [SCORED]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
scored=${2:-1000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go build -o "$tmp/refbench" ./scripts/refbench
"$tmp/refbench" -n "$n" -db "$tmp/store"
"$tmp/refbench" -score "$scored" -nostore
"$tmp/refbench" -score "$scored" -db "$tmp/store"
