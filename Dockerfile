# Fram's images, one per app, from one multi-stage build of the workspace:
#
#   docker build --target metadata -t fram-metadata .     (also: search, frontend, dev-idp)
#
# docker-compose.yml builds them this way. The workspace is installed and
# built once; each app's image holds only its bundle and its runtime
# dependencies, and runs as the unprivileged user "node".

# 1. Build every app, then install each one's runtime dependencies (listed in
#    the package.json its build generates) next to its bundle.
FROM node:20.20-bookworm-slim AS build
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /workspace
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
RUN npx nx run-many -t build -p dev-idp search metadata frontend web
RUN for app in dev-idp search metadata frontend; do \
      (cd dist/apps/$app && npm pkg delete overrides && npm ci --omit=dev --no-audit --no-fund) || exit 1; \
    done

# 2. What every app's image shares: Node, a data folder owned by "node", the health check.
FROM node:20.20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 DATA_DIR=/data
WORKDIR /app
RUN mkdir -p /data && chown node:node /data
VOLUME /data
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:' + process.env.PORT + '/healthcheck').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "main.js"]

# 3. One image per app.
FROM runtime AS search
ENV PORT=5001
COPY --from=build /workspace/dist/apps/search ./
USER node
EXPOSE 5001

FROM runtime AS metadata
ENV PORT=5002
COPY --from=build /workspace/dist/apps/metadata ./
USER node
EXPOSE 5002

FROM runtime AS frontend
ENV PORT=5000 WEB_ROOT=/app/web
COPY --from=build /workspace/dist/apps/frontend ./
COPY --from=build /workspace/dist/apps/web ./web
USER node
EXPOSE 5000

# dev-idp is for trying Fram and for tests: it refuses NODE_ENV=production.
FROM runtime AS dev-idp
ENV PORT=5005 NODE_ENV=development DEV_IDP_SEED=/app/seed/default-seed.json
COPY --from=build /workspace/dist/apps/dev-idp ./
COPY --from=build /workspace/apps/dev-idp/src/seed/default-seed.json ./seed/default-seed.json
USER node
EXPOSE 5005
