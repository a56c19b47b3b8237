#!/usr/bin/env bash
# `npm test`: install what is missing, type-check, run every jest suite, and end with the plain
# line "N passed, N failed" computed from jest's JSON result.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh || exit 1
bash scripts/web-build-if-needed.sh || exit 1
# The real daprd for the sidecar conformance row (reused while dapr/daprd is unchanged).
bash scripts/dapr-build.sh || exit 1

status=0
echo "== typecheck"
npx tsc -p tsconfig.json --noEmit || status=1

mkdir -p test-results
result=test-results/jest.json
rm -f "$result"
echo "== jest"
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --json --outputFile="$result" "$@" || status=1

if [ -f "$result" ]; then
  node -e '
    const r = require(process.argv[1]);
    const failedSuites = r.testResults.filter((s) => s.status === "failed" && s.assertionResults.length === 0).length;
    console.log(`${r.numPassedTests} passed, ${r.numFailedTests + failedSuites} failed`);
  ' "$PWD/$result"
else
  echo "0 passed, 1 failed"
  status=1
fi
exit $status
