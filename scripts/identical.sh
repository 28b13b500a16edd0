#!/usr/bin/env bash
# Checks that this tree's copydesk writes byte-identical reports to a
# baseline binary on the eval sets and the seeds, in every format.
#   BASE=/tmp/copydesk-base scripts/identical.sh [JOBS...]
# BASE defaults to a build of main (git archive main). Exit status 1 on any
# difference; the differing outputs are left in the printed directory.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
base=${BASE:-}
if [ -z "$base" ]; then
  mkdir "$tmp/base-src"
  git archive main | tar -x -C "$tmp/base-src"
  (cd "$tmp/base-src" && go build -o "$tmp/copydesk-base" ./cmd/copydesk)
  base=$tmp/copydesk-base
fi
go build -o "$tmp/copydesk" ./cmd/copydesk
shared=${SHARED:-/work/shared/eval}
inputs=("$shared/news.jsonl" "$shared/wild-dev.jsonl" "$shared/modern.jsonl" "$PWD/testdata/seeds/*.txt")
jobs=("${@:-1 2}")
fail=0
for format in jsonl json sarif github text; do
  for in in "${inputs[@]}"; do
    for j in ${jobs[@]}; do
      name=$(basename "${in%%\**}" .jsonl)-$format-j$j
      # shellcheck disable=SC2086 # the seeds glob expands here
      ("$base" score --format "$format" --jobs "$j" --date 2025-03-05 --fail-on never $in) 2>"$tmp/$name.base.err" >"$tmp/$name.base" || true
      ("$tmp/copydesk" score --format "$format" --jobs "$j" --date 2025-03-05 --fail-on never $in) 2>"$tmp/$name.new.err" >"$tmp/$name.new" || true
      # The run time in the summary line differs from run to run.
      for f in "$tmp/$name.base" "$tmp/$name.new"; do
        sed -E -i 's/ in [0-9.]+(µs|ms|s|m[0-9]+s)$/ in TIME/' "$f"
      done
      if cmp -s "$tmp/$name.base" "$tmp/$name.new"; then
        echo "same    $name ($(wc -c <"$tmp/$name.new") bytes)"
        rm -f "$tmp/$name".*
      else
        echo "DIFFERS $name"; fail=1
      fi
    done
  done
done
[ -n "${BASE:-}" ] || rm -rf "$tmp/base-src" "$tmp/copydesk-base"
if [ $fail = 0 ]; then rm -rf "$tmp"; echo "identical"; else echo "differences kept in $tmp"; exit 1; fi
