# syntax=docker/dockerfile:1
# One image for both processes; the command picks one:
#   node dist/apps/api/src/main.js      (HTTP API, port 3000)
#   node dist/apps/worker/src/main.js   (projections, jobs)
#   node dist/apps/worker/src/cli.js …  (admin: migrate, status, rebuild)
# The build uses the repo's tsconfig (outDir ./dist, rootDir .), hence the apps/<name>/src paths under dist.

ARG NODE_IMAGE=node:24-bookworm-slim

# Dependency install scripts are skipped, as npm 11 does by default (what CI runs): swc and msgpackr ship
# prebuilt binaries, and the rest are a from-source fallback and telemetry.
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY apps ./apps
COPY libs ./libs
RUN npm run build

FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --ignore-scripts --no-audit --no-fund

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# Code and dependencies stay root-owned (read-only to the app); only the embedded database's
# directory is writable, for runs without DATABASE_URL.
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY package.json ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
