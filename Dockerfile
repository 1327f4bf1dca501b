# stackatlas as a container: the API and the web UI on the built-in knowledge base.
# Build: docker build -t stackatlas .
# Run:   docker run --read-only --tmpfs /tmp -p 8080:8080 stackatlas
# The image runs as the unprivileged `node` user on a read-only root filesystem; the snapshot cache
# goes to /tmp (a tmpfs here, an emptyDir in Kubernetes). See docs/operations.md.

FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# `prepare` builds dist/ and web/dist/, so the sources must be there before install.
COPY . .
RUN npm ci --no-fund --no-audit \
 && npm prune --omit=dev --no-fund --no-audit \
 && rm -rf test artifacts bench web/src .ci

FROM node:20-bookworm-slim
ENV NODE_ENV=production \
    XDG_CACHE_HOME=/tmp/cache \
    STACKATLAS_LOG_LEVEL=info
WORKDIR /app
COPY --from=build --chown=root:root /app /app
USER node
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8080/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/stackatlas.mjs"]
CMD ["serve", "--host", "0.0.0.0", "--port", "8080"]
