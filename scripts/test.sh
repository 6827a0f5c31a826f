#!/usr/bin/env bash
# Runs every test: unit and database tests (PGlite, plus PostgreSQL when TEST_DATABASE_URL is
# set), a production build, then the Playwright end-to-end tests in Debian's Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Debian's chromium for Playwright, and a Chinese font: the official-document layout tests
# measure characters per line, and the export's font stacks end in Noto CJK (lib/export/html-style.ts).
NEED=""
if ! command -v chromium >/dev/null 2>&1 && [ ! -x /usr/bin/chromium ]; then NEED="chromium"; fi
if [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then NEED="$NEED fonts-noto-cjk"; fi
if [ -n "$NEED" ]; then
  echo "== installing $NEED (Debian packages)"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=600 $NEED >/dev/null
fi

echo "== unit and database tests${TEST_DATABASE_URL:+ (PGlite and PostgreSQL)}"
npx vitest run

echo "== cluster tests, alone (three instances, kill -9, Redis restart; skipped without PostgreSQL and redis-server)"
npm run --silent test:cluster

echo "== type check"
npx tsc --noEmit -p .

echo "== production build"
# The type check above is the build's check; Next need not repeat it.
HEGAO_BUILD_SKIP_TYPECHECK=1 npx next build

echo "== end-to-end tests (Chromium)"
npx playwright test "$@"
