#!/usr/bin/env bash
# Installs tusd (pinned; the tus reference server, the peer row of `npm run bench -- upload`) from the
# Go module proxy into .cache/bin, idempotently. Exits 3 when Go is missing, so the bench can skip.
set -euo pipefail
cd "$(dirname "$0")/.."
TUSD_VERSION="${TUSD_VERSION:-v2.9.1}"
BIN="$PWD/.cache/bin/tusd"
STAMP="$PWD/.cache/bin/tusd.version"
if [ -x "$BIN" ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$TUSD_VERSION" ]; then
  exit 0
fi
command -v go >/dev/null || { echo "setup-tusd: Go is required to build tusd" >&2; exit 3; }
echo "setup-tusd: installing tusd $TUSD_VERSION (go install github.com/tus/tusd/v2/cmd/tusd)" >&2
mkdir -p "$PWD/.cache/bin"
GOBIN="$PWD/.cache/bin" GOFLAGS=-buildvcs=false go install "github.com/tus/tusd/v2/cmd/tusd@$TUSD_VERSION"
echo "$TUSD_VERSION" > "$STAMP"
