#!/usr/bin/env bash
# README command 1's start path (`npm run setup:start`): production build, then the server.
# The build skips Next's own TypeScript check (HEGAO_BUILD_SKIP_TYPECHECK=1, read by
# next.config.js): it repeats `tsc --noEmit`, which CI runs (scripts/test.sh), and takes about
# as long as the compile itself on a small machine. `npm run build` still type-checks.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
HEGAO_BUILD_SKIP_TYPECHECK=1 npx next build
exec npm start
