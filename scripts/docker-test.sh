#!/usr/bin/env bash
# Builds the container image and scores the seeds with it. Where no
# container engine works (none installed, or no daemon), it says so and
# exits 0: a skip, not a pass.
set -euo pipefail
cd "$(dirname "$0")/.."
engine=""
for e in docker podman; do
  if command -v "$e" >/dev/null 2>&1 && "$e" info >/dev/null 2>&1; then engine=$e; break; fi
done
if [ -z "$engine" ]; then
  echo "SKIP: no working container engine (docker or podman) on this machine; the Dockerfile was not built"
  exit 0
fi
tag=copydesk:test
"$engine" build -t "$tag" .
user=$("$engine" image inspect -f '{{.Config.User}}' "$tag")
case "$user" in
  ""|root|0|0:0) echo "FAIL: the image runs as root ($user)"; exit 1 ;;
esac
set +e
"$engine" run --rm -v "$PWD/testdata/seeds:/work:ro" "$tag" score --date 2025-03-05 --quiet '/work/*.txt'
code=$?
set -e
# The seeds are generated content: exit 1 (some fail), never 2 or 3.
if [ "$code" -ne 1 ]; then echo "FAIL: expected exit 1 on the seeds, got $code"; exit 1; fi
echo "PASS: image $tag (user $user) built and scored the seeds"
