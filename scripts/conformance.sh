#!/usr/bin/env bash
# `npm run test:conformance -- --adapter=embedded|sidecar`: every Dapr building-block suite against one adapter.
set -euo pipefail
cd "$(dirname "$0")/.."
adapter=""
args=()
for a in "$@"; do
  case "$a" in
    --adapter=*) adapter="${a#--adapter=}" ;;
    *) args+=("$a") ;;
  esac
done
CONFORMANCE_ADAPTER="${adapter}" NODE_OPTIONS=--experimental-vm-modules npx jest test/conformance "${args[@]}"
