#!/usr/bin/env bash
# `npm start`: install what is missing, then run the embedded product (auth emulator + server).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/web-build-if-needed.sh
exec node --import tsx scripts/start.ts
