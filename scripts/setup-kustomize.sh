#!/usr/bin/env bash
# Installs kustomize (pinned) from the Go module proxy into .cache/bin, idempotently.
set -euo pipefail
cd "$(dirname "$0")/.."
KUSTOMIZE_VERSION="${KUSTOMIZE_VERSION:-v5.8.1}"
BIN="$PWD/.cache/bin/kustomize"
if [ -x "$BIN" ] && "$BIN" version 2>/dev/null | grep -qx "$KUSTOMIZE_VERSION"; then
  exit 0
fi
command -v go >/dev/null || { echo "setup-kustomize: Go is required to build kustomize" >&2; exit 1; }
echo "setup-kustomize: installing kustomize $KUSTOMIZE_VERSION"
mkdir -p "$PWD/.cache/bin"
GOBIN="$PWD/.cache/bin" GOFLAGS=-buildvcs=false go install "sigs.k8s.io/kustomize/kustomize/v5@$KUSTOMIZE_VERSION"
