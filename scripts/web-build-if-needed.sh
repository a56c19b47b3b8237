#!/usr/bin/env bash
# Builds the web app (web/dist) when a source under web/ is newer than the last build, or none exists.
set -euo pipefail
cd "$(dirname "$0")/.."
stamp=web/dist/index.html
if [ ! -f "$stamp" ] || [ -n "$(find web/index.html web/vite.config.ts web/src -newer "$stamp" -print -quit)" ]; then
  echo "setup: building the web app"
  npx vite build --config web/vite.config.ts --logLevel warn
fi
