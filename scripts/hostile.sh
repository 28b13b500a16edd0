#!/usr/bin/env bash
# Issue 13's acceptance run: a folder of hostile inputs beside good
# articles, scored in one run under a 1 GB address-space limit. Every good
# article must be scored; each hostile input must be an error for itself
# only (or, for front matter that is not read, a note), and the run must
# finish.
#   scripts/hostile.sh [SCALE] [COPYDESK]
# SCALE 1 (default) is the sizes the issue measured (a 20 MB paragraph,
# 1 MB of quote pairs, 100,000-deep front matter, a 4 GB gzip and a 1 GB
# bzip2 bomb); COPYDESK is a binary to test instead of this checkout
# (build it with CGO_ENABLED=0, see below).
# Prints each article's outcome, then peak memory and CPU seconds
# (/usr/bin/time -v) of the run, and of `kb import` on each bomb.
set -euo pipefail
cd "$(dirname "$0")/.."
scale=${1:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bin=${2:-}
if [ -z "$bin" ]; then
  bin="$tmp/copydesk"
  # Static (no cgo): glibc reserves 8 MB of address space per thread,
  # which alone breaks a cgo build under a 1 GB limit.
  CGO_ENABLED=0 go build -o "$bin" ./cmd/copydesk
fi
dir="$tmp/in"
go run ./scripts/hostile -o "$dir" -scale "$scale"
limit=1000000000 # 1 GB of address space

measure() { # label, command...: prints peak RSS and CPU seconds
  local label=$1; shift
  local rc=0
  /usr/bin/time -v -o "$tmp/time" timeout "${TO:-600}" prlimit --as=$limit "$@" >"$tmp/out" 2>"$tmp/err" || rc=$?
  awk -v l="$label" -v rc="$rc" -F': ' '
    /Maximum resident set size/ {rss=$2}
    /User time/ {u=$2} /System time/ {s=$2}
    END {printf "%-28s exit %-3s peak %6.0f MB  cpu %6.2f s\n", l, rc, rss/1024, u+s}' "$tmp/time"
}

echo "== the folder, one run, 1 GB limit"
measure "score DIR" "$bin" score --format jsonl --fail-on never --date 2025-03-05 "$dir"
cp "$tmp/out" "$tmp/folder.jsonl"
tail -3 "$tmp/err" | sed 's/^/  stderr: /'
failed=0
if python3 - "$tmp/folder.jsonl" "$dir" <<'EOF'
import json, os, sys
bad = 0
docs = []
for l in open(sys.argv[1]):
    try:
        docs.append(json.loads(l))
    except ValueError:
        print("  FAIL malformed output line: %r" % l[:80]); bad += 1
# Every input must appear: each file (the FIFO is skipped by the walk),
# each JSONL line and feed item.
names = sorted(n for n in os.listdir(sys.argv[2]) if n != "kb" and n != "hostile-fifo.txt")
expected = set(n for n in names if not n.endswith((".jsonl", ".rss")))
expected |= {"hostile-report.jsonl", "paragraph", "del", "hostile-badbyte.rss#1", "hostile-badbyte.rss#2", "hostile-truncated.rss#1", "hostile-truncated.rss#2"}
expected |= {"good-jsonl-%d" % i for i in range(len([n for n in names if n.startswith("good-") and n.endswith(".txt")]))}
seen = {d["id"].rsplit("/", 1)[-1] for d in docs}
for m in sorted(expected - seen):
    print("  FAIL %-34s missing from the output" % m); bad += 1
for d in docs:
    name = d["path"].rsplit("/", 1)[-1]
    err, notes = d.get("error") or "", " ".join(d.get("notes") or [])
    outcome = "error: " + err.split(": ", 1)[-1][:90] if err else "scored %s %d" % (d["verdict"], d["score"])
    if "front matter not read" in notes:
        outcome += " (front matter not read)"
    good = name.startswith("good-") or d["id"].startswith("good-") or d["id"].endswith(("badbyte.rss#2", "truncated.rss#1"))
    hostile_ok = err or "front matter not read" in notes or name.startswith(("hostile-paragraph", "hostile-quotes", "hostile-capitals"))
    ok = (not err) if good else bool(hostile_ok)
    bad += not ok
    print("  %-4s %-34s %s" % ("ok" if ok else "FAIL", d["id"].rsplit("/", 1)[-1][:34], outcome))
print("  %d results, %d unexpected or missing" % (len(docs), bad))
sys.exit(1 if bad else 0)
EOF
then :; else failed=1; fi

echo "== a FIFO named on the command line"
TO=10 measure "score FIFO" "$bin" score --format jsonl "$dir/hostile-fifo.txt"
head -c 300 "$tmp/out" | sed 's/^/  /'; echo

echo "== kb import of the bombs, 1 GB limit"
for bomb in "$dir"/kb/*; do
  measure "kb import $(basename "$bomb")" "$bin" kb import "$bomb" -o "$tmp/kb.jsonl"
  tail -1 "$tmp/err" | cut -c1-200 | sed 's/^/  /'
  [ -e "$tmp/kb.jsonl" ] && echo "  output written: $(wc -c <"$tmp/kb.jsonl") bytes" && rm -f "$tmp/kb.jsonl"
done
[ "$failed" = 0 ] || { echo "FAILED: some input was not handled as it should be"; exit 1; }
echo "every good article scored; every hostile input an error for itself"
