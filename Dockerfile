# Rödtråd's container image (README "Driftsättning", decision 017). Not built on the machine this was written on
# (it has no Docker engine): `docker build -t rodtrad .` is the first check on a machine that has one.
#
#   docker build -t rodtrad .
#   docker run -p 3000:3000 -v rodtrad-data:/app/data -e ORIGIN=https://rodtrad.exempel.se rodtrad
#
# Stage 1 builds with every dependency; stage 2 keeps only what `npm start` needs and runs as the image's
# unprivileged user `node`.

FROM node:24-bookworm-slim AS build
WORKDIR /app
# The plain install, as in CI (the clean-install command trips on rollup's optional platform packages, npm/cli#4828).
COPY package.json package-lock.json ./
RUN npm install --no-audit --no-fund
COPY . .
# The messages are compiled by the build (Paraglide's Vite plugin); then the development tools go.
RUN npm run build && npm prune --omit=dev --no-audit --no-fund

FROM node:24-bookworm-slim
# pg_dump/pg_restore for `npm run backup`/`npm run restore` against PostgreSQL 15 (compose.yaml's server).
RUN apt-get update \
	&& apt-get install -y --no-install-recommends postgresql-client-15 \
	&& rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000 DATA_DIR=/app/data PGBIN=/usr/lib/postgresql/15/bin
# An absolute BUILD_DIR: scripts/start.js serves this build as it is and never tries to rebuild (no Vite here).
ENV BUILD_DIR=/app/build
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/build ./build
COPY --from=build /app/scripts ./scripts
# Read at run time: the migrations (applied on start) and the shipped frameworks.
COPY --from=build /app/drizzle ./drizzle
COPY --from=build /app/content ./content
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The embedded database (when DATABASE_URL is unset) lives here.
VOLUME ["/app/data"]
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s \
	CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["npm", "start"]
