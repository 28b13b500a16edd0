#!/usr/bin/env bash
# streamrss.sh N [SCORE FLAGS...]: stream N articles made of the eval texts
# (scripts/evalfeed) through `copydesk score --format jsonl -` with the
# batch checks on, and print the peak resident memory and the elapsed time
# (GNU time), and whether the ids out are the ids in, in order.
#
#   scripts/streamrss.sh 100000
#   scripts/streamrss.sh 300000 --corpus-window 20000
#
# EVAL (default ../shared/eval/*.jsonl from the repository) names the
# source files.
set -euo pipefail
export LC_ALL=C # the id check cuts lines at a byte count
n=${1:?usage: streamrss.sh N [score flags...]}
shift
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/copydesk" ./cmd/copydesk && go build -o "$tmp/evalfeed" ./scripts/evalfeed)
eval_files=${EVAL:-$(ls "$root"/../shared/eval/*.jsonl 2>/dev/null || ls /work/shared/eval/*.jsonl)}
# shellcheck disable=SC2086
"$tmp/evalfeed" -n "$n" $eval_files |
	/usr/bin/time -v -o "$tmp/time" "$tmp/copydesk" score --no-config --quiet --format jsonl --fail-on never "$@" - 2>/dev/null |
	cut -c1-400 | sed -n 's/^{"id":"[^"]*~\([0-9]*\)".*/\1/p' |
	awk -v n="$n" 'BEGIN { bad = 0 } { if ($1 != NR - 1 && bad++ < 3) printf "line %d: id ~%s\n", NR, $1 } END {
		printf "ids out: %d of %d, %s\n", NR, n, (NR == n && bad == 0) ? "same ids in the same order" : bad " out of place" }'
grep -E 'Maximum resident|Elapsed \(wall|User time|System time' "$tmp/time"
