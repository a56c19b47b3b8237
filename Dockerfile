# syntax=docker/dockerfile:1.7
# Interview Buddy: one image for every service; the Deployment picks the service with SERVICE=<name>
# (env; also passed as the first argument). TypeScript is compiled at build time (`npm run build`,
# tsc -> dist/) and the image runs plain `node dist/services/main.js`: no transpiler work at start-up
# and no dev dependencies in the image. The node flags in ENTRYPOINT are services/upload/node-flags.ts
# (V8 heap sizing; Node refuses them in NODE_OPTIONS), keep the two in step.
ARG NODE_IMAGE=node:20.19.5-bookworm-slim

# ---- build: all dependencies, compile TypeScript ----
FROM ${NODE_IMAGE} AS build
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-fund --no-audit
COPY tsconfig.json tsconfig.build.json ./
COPY actors ./actors
COPY services ./services
COPY dapr ./dapr
RUN npm run build

# ---- prod-deps: runtime dependencies only (native better-sqlite3 built for this Node) ----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit && npm cache clean --force

# ---- runtime ----
FROM ${NODE_IMAGE} AS runtime
ARG WITH_POCKETSPHINX=false
RUN apt-get update \
 && apt-get install -y --no-install-recommends ffmpeg tini ca-certificates \
 && if [ "$WITH_POCKETSPHINX" = "true" ]; then apt-get install -y --no-install-recommends pocketsphinx pocketsphinx-en-us; fi \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --shell /usr/sbin/nologin app \
 && mkdir -p /var/lib/interview-buddy && chown app:app /var/lib/interview-buddy
WORKDIR /app
ENV NODE_ENV=production \
    PORT=8080 \
    HOST=0.0.0.0 \
    DATA_DIR=/var/lib/interview-buddy
COPY --from=prod-deps --chown=root:root /src/node_modules ./node_modules
COPY --from=build --chown=root:root /src/dist ./dist
COPY --chown=root:root package.json ./
USER 10001:10001
EXPOSE 8080
ENTRYPOINT ["/usr/bin/tini", "--", "node", "--initial-old-space-size=128", "dist/services/main.js"]
