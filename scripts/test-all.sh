#!/usr/bin/env bash
# Every test Relance has, from a fresh Debian machine: set-up, typecheck, lint, unit tests
# (Vitest + fake-indexeddb), build, end-to-end tests (Playwright + Debian's Chromium, headless).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"

step() { echo ""; echo "==> $*"; }

step "Typecheck (tsc, strict)"
npx tsc --noEmit -p tsconfig.json

step "Lint (ESLint; src/core purity rules)"
npx eslint . --max-warnings=0

step "Unit and contract tests (Vitest)"
npx vitest run

step "Build the extension (vite + crxjs -> dist/)"
npx vite build --logLevel warn

step "End-to-end tests (Playwright, real Chromium, built extension)"
npx playwright test

echo ""
echo "All Relance tests passed."
