#!/usr/bin/env bash
# Builds dist/ and zips it for the Chrome Web Store (relance-<version>.zip at the repository root).
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npx vite build --logLevel warn
version=$(node -p 'require("./dist/manifest.json").version')
rm -f "relance-$version.zip"
python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", "dist")' "relance-$version"
echo "Packaged relance-$version.zip"
