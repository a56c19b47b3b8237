#!/usr/bin/env bash
# `npm run k8s:render -- <overlay>`: prints the rendered manifests of k8s/overlays/<overlay> as
# multi-document YAML (kustomize build). Installs kustomize first when it is missing.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
overlay="${1:-}"
if [ -z "$overlay" ] || [ ! -f "$ROOT/k8s/overlays/$overlay/kustomization.yaml" ]; then
  echo "usage: npm run k8s:render -- <overlay>   (overlays: $(ls "$ROOT/k8s/overlays" | tr '\n' ' '))" >&2
  exit 2
fi
bash "$ROOT/scripts/setup-kustomize.sh" >&2
exec "$ROOT/.cache/bin/kustomize" build "$ROOT/k8s/overlays/$overlay"
