#!/usr/bin/env bash
# Builds the extension for Chrome (dist/) and for Firefox (dist-firefox/), checks the Firefox build
# with Mozilla's linter (`web-ext lint`, the checks addons.mozilla.org runs; any error fails), and zips
# each for its store at the repository root: relance-chrome-<version>.zip, relance-firefox-<version>.zip.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d node_modules ] || npm ci --no-audit --no-fund
npx vite build --logLevel warn
npx vite build --mode firefox --logLevel warn
# Exits non-zero on any error; warnings and notices are printed for the record. No update check:
# packaging never touches the network.
NO_UPDATE_NOTIFIER=1 npx web-ext lint --source-dir dist-firefox --no-input
version=$(node -p 'require("./dist/manifest.json").version')
for target in chrome firefox; do
  dir=dist
  [ "$target" = firefox ] && dir=dist-firefox
  name="relance-$target-$version"
  rm -f "$name.zip"
  python3 -c 'import shutil, sys; shutil.make_archive(sys.argv[1], "zip", sys.argv[2])' "$name" "$dir"
  echo "Packaged $name.zip"
done
