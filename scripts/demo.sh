#!/usr/bin/env bash
# The demo command: installs what is missing, builds the extension, starts the local demo mailbox
# and opens Chromium with Relance loaded (headless with screenshots when there is no display).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
echo "==> Building the extension"
npx vite build --logLevel warn
echo "==> Starting the demo"
exec node --import tsx scripts/demo.ts
