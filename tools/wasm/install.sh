#!/usr/bin/env bash
# Installs the pinned JavaScript tools (jco and what it bundles) exactly as package-lock.json
# records them. `npm ci` is not used: it refuses this lock file because the lock file leaves out
# the optional platform packages of other operating systems; `npm install --no-save` installs the
# same locked versions without rewriting the lock file.
set -euo pipefail
cd "$(dirname "$0")"
npm install --no-audit --no-fund --no-save
