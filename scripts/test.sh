#!/usr/bin/env bash
# go test ./... (arguments are passed on), then one loud line counting the
# tests skipped because ../shared is missing, which go test's per-package
# "ok" lines would otherwise hide. With CI set those tests fail instead.
set -uo pipefail
cd "$(dirname "$0")/.."
log=$(mktemp)
trap 'rm -f "$log"' EXIT
COPYDESK_SKIP_LOG="$log" go test "$@" ./...
status=$?
skipped=$(wc -l <"$log" | tr -d ' ')
if [ "$skipped" -gt 0 ]; then
  echo
  echo "*** $skipped tests SKIPPED: ../shared (the labelled eval set and KB sources) is missing."
  echo "*** Put it beside this clone or set COPYDESK_SHARED=DIR; CI=1 makes these skips failures."
fi
exit $status
