#!/usr/bin/env bash
# Runs copydesk's Beam pipeline (beam/) on Beam's Prism runner in this
# process: JSON Lines articles in, the results of a batch-mode
# `copydesk score --format jsonl` out (one line per article, in no
# particular order).
#
#   scripts/beam-local.sh 'shards/*.jsonl' results.jsonl [copydesk-beam flags...]
#
# Extra flags go to copydesk-beam (--date, --config, --model, --group_limit).
# See beam/README.md for Dataflow and Flink.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 IN_GLOB OUT_FILE [copydesk-beam flags...]" >&2
  exit 2
fi
in=$1 out=$2
shift 2
root="$(cd "$(dirname "$0")/.." && pwd)"
bin="${COPYDESK_BEAM_BIN:-$root/beam/bin/copydesk-beam}"
(cd "$root/beam" && go build -o "$bin" ./cmd/copydesk-beam)
# Absolute paths: the pipeline reads and writes through Beam's local filesystem.
case "$in" in /*) ;; *) in="$PWD/$in" ;; esac
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
exec "$bin" --runner prism --input "$in" --output "$out" "$@"
