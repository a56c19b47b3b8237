#!/usr/bin/env bash
# `npm run dapr:build`: builds the real Dapr runtime from the Go module github.com/dapr/dapr —
# daprd (dapr/daprd, with the stable components), placement and scheduler — into
# dapr/bin (not in git). Idempotent: reuses the binaries while dapr/daprd/go.{mod,sum,main.go} match.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=dapr/bin
STAMP="$BIN/.stamp"
want=$(cat dapr/daprd/go.mod dapr/daprd/go.sum dapr/daprd/main.go | sha256sum | cut -d' ' -f1)
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$want" ] && [ -x "$BIN/daprd" ] && [ -x "$BIN/placement" ] && [ -x "$BIN/scheduler" ]; then
  exit 0
fi
mkdir -p "$BIN"
out=$(realpath "$BIN")
cd dapr/daprd
echo "dapr-build: building daprd, placement and scheduler (first build takes several minutes)"
export GOFLAGS=-mod=mod
go build -tags stablecomponents -trimpath -ldflags "-s -w" -o "$out/daprd" .
go build -trimpath -ldflags "-s -w" -o "$out/placement" github.com/dapr/dapr/cmd/placement
go build -trimpath -ldflags "-s -w" -o "$out/scheduler" github.com/dapr/dapr/cmd/scheduler
echo "$want" > "$out/.stamp"
