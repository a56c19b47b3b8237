#!/usr/bin/env bash
# `npm run start:dapr`: install what is missing, build daprd if needed, run the multi-app layout.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/web-build-if-needed.sh
bash scripts/dapr-build.sh
exec node --import tsx scripts/start-dapr.ts
