#!/usr/bin/env bash
# Installs Schemathesis (pinned, from PyPI) into a venv at .cache/schemathesis/venv, idempotently;
# test/contract/schemathesis.test.ts runs it against the served OpenAPI document.
# Env: SCHEMATHESIS_CACHE_DIR (default .cache/schemathesis), PYTHON (default python3).
set -euo pipefail
cd "$(dirname "$0")/.."
PIN="schemathesis==4.32.5"
CACHE="${SCHEMATHESIS_CACHE_DIR:-.cache/schemathesis}"
VENV="$CACHE/venv"
STAMP="$CACHE/.installed"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$PIN" ] && [ -x "$VENV/bin/st" ]; then
  exit 0
fi
mkdir -p "$CACHE"
[ -x "$VENV/bin/python" ] || "${PYTHON:-python3}" -m venv "$VENV"
echo "setup-schemathesis: installing $PIN"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "$PIN"
echo "$PIN" > "$STAMP"
