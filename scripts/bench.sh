#!/usr/bin/env bash
# Whole-pipeline throughput of `copydesk score --format jsonl` on one core
# and on all cores: MB/s of article text, articles/s, MB per CPU-second and
# peak RSS, medians of ROUNDS alternating runs. With VALE=/path/to/vale, Vale
# runs ~50 existence rules (built from the stock-phrase lexicon) over the
# same texts, one file per article, in the same rounds, and the ratios are
# printed. Building Vale: scripts/README.md.
#
#   scripts/bench.sh [ARTICLES]          # default 4173 (one pass of news.jsonl)
#   EVAL=FILE.jsonl ROUNDS=5 VALE=/tmp/vale scripts/bench.sh 10000
#   COPYDESK=/tmp/copydesk-base scripts/bench.sh   # a given binary, not this tree
#
# The articles are the eval texts (EVAL, default ../shared/eval/news.jsonl),
# repeated with fresh ids past one pass; without them, a generated batch.
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-4173}
rounds=${ROUNDS:-3}
eval_set=${EVAL:-/work/shared/eval/news.jsonl}
cores=$(getconf _NPROCESSORS_ONLN)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ -n "${COPYDESK:-}" ]; then
  cp "$COPYDESK" "$tmp/copydesk"
else
  go build -o "$tmp/copydesk" ./cmd/copydesk
fi
if [ -f "$eval_set" ]; then
  go run ./scripts/evalfeed -n "$n" "$eval_set" > "$tmp/corpus.jsonl"
else
  go run ./scripts/gencorpus -n "$n" > "$tmp/corpus.jsonl"
fi
# The text bytes, and one .txt file per article for Vale.
mkdir "$tmp/txt"
go run ./scripts/evalfeed -n "$n" -txt "$tmp/txt" "$tmp/corpus.jsonl"
bytes=$(cat "$tmp"/txt/*.txt | wc -c)

if [ -n "${VALE:-}" ]; then
  # ~50 existence rules: the first 1,000 stock phrases, 20 to a rule.
  mkdir -p "$tmp/vale/styles/Bench"
  grep -v '^#' internal/lexicon/data/stock.tsv | cut -f1 | head -1000 | awk -v dir="$tmp/vale/styles/Bench" '
    { r = int((NR-1)/20); f = sprintf("%s/Stock%02d.yml", dir, r)
      if (!(r in seen)) { seen[r]=1; printf "extends: existence\nmessage: \"Stock phrase: %%s\"\nlevel: warning\nignorecase: true\ntokens:\n", r > f }
      gsub(/"/, "\\\"", $0); printf "  - \"%s\"\n", $0 > f }'
  printf 'StylesPath = styles\nMinAlertLevel = suggestion\n\n[*.txt]\nBasedOnStyles = Bench\n' > "$tmp/vale/.vale.ini"
  echo "vale: $("$VALE" --version), $(ls "$tmp/vale/styles/Bench" | wc -l) existence rules"
fi

# run NAME CMD...: one timed run, appending "name wall user+sys maxrss_kb".
run() {
  local name=$1; shift
  /usr/bin/time -o "$tmp/time" -f "%e %U %S %M" "$@" > "$tmp/out" 2>"$tmp/err" || true
  read -r wall user sys rss < "$tmp/time"
  echo "$name $wall $(awk -v u="$user" -v s="$sys" 'BEGIN{print u+s}') $rss" >> "$tmp/runs"
}
for r in $(seq "$rounds"); do
  run "copydesk-1" "$tmp/copydesk" score --format jsonl --jobs 1 --fail-on never "$tmp/corpus.jsonl"
  [ "$(wc -l < "$tmp/out")" = "$n" ] || { echo "copydesk wrote $(wc -l < "$tmp/out") of $n articles" >&2; exit 1; }
  run "copydesk-$cores" "$tmp/copydesk" score --format jsonl --jobs "$cores" --fail-on never "$tmp/corpus.jsonl"
  if [ -n "${VALE:-}" ]; then
    (cd "$tmp/vale" && run "vale" "$VALE" --no-exit --output line "$tmp/txt")
  fi
done

echo "articles: $n  text: $(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB  rounds: $rounds (medians)"
printf '%-12s %8s %8s %10s %12s %10s\n' run wall_s MB/s articles/s MB/CPU-s peakRSS_MB
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR+1)/2)] }'; }
for name in copydesk-1 "copydesk-$cores" vale; do
  grep -q "^$name " "$tmp/runs" || continue
  wall=$(grep "^$name " "$tmp/runs" | cut -d' ' -f2 | median)
  cpu=$(grep "^$name " "$tmp/runs" | cut -d' ' -f3 | median)
  rss=$(grep "^$name " "$tmp/runs" | cut -d' ' -f4 | median)
  awk -v b="$bytes" -v n="$n" -v name="$name" -v w="$wall" -v c="$cpu" -v m="$rss" 'BEGIN {
    printf "%-12s %8.2f %8.2f %10.0f %12.2f %10.1f\n", name, w, b/1e6/w, n/w, b/1e6/c, m/1024 }'
done | tee "$tmp/table"
if [ -n "${VALE:-}" ]; then
  awk -v all="copydesk-$cores" '
    $1 == all { mbs = $3; cpu = $5 } $1 == "vale" { vmbs = $3; vcpu = $5 }
    END { printf "copydesk/vale: %.2fx MB/s (all cores), %.2fx MB per CPU-second\n", mbs/vmbs, cpu/vcpu }' "$tmp/table"
fi
