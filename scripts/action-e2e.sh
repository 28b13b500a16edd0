#!/usr/bin/env bash
# Runs action.yml's steps locally with GITHUB_* variables (step summary,
# PATH, outputs) set, as the runner would: see TestActionEndToEnd.
set -euo pipefail
cd "$(dirname "$0")/.."
go test -count=1 -run '^TestActionEndToEnd$' -v ./cmd/copydesk/
