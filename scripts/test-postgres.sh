#!/usr/bin/env bash
# Runs the database test tier (or any command given after --) against a throwaway
# PostgreSQL 15 server: initdb into a temp folder, start it on a free port on
# 127.0.0.1, point TEST_DATABASE_URL and DATABASE_URL at it, stop and remove it
# afterwards, even when the tests fail.
#
#   bash scripts/test-postgres.sh                 # the db tier on a real server, then the ops tests
#   bash scripts/test-postgres.sh -- npm run bench:something
set -euo pipefail
cd "$(dirname "$0")/.."

PGBIN="${PGBIN:-/usr/lib/postgresql/15/bin}"
if [ ! -x "$PGBIN/initdb" ]; then
	echo "PostgreSQL 15 saknas ($PGBIN/initdb). Installera: apt-get install -y postgresql-15" >&2
	exit 1
fi

tmp="$(mktemp -d /tmp/rodtrad-pg.XXXXXX)"
as_pg() { "$@"; }
if [ "$(id -u)" = "0" ]; then
	chown postgres "$tmp"
	as_pg() { runuser -u postgres -- "$@"; }
fi

port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"

cleanup() {
	as_pg "$PGBIN/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

as_pg "$PGBIN/initdb" -D "$tmp/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
	-o "-p $port -k $tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null

# Reached through its Unix socket, as a server on the same machine usually is: a query costs both
# processes less than over TCP on loopback (decision 013). It listens on 127.0.0.1:$port too.
url="postgres://postgres@localhost/postgres?host=$tmp&port=$port"
echo "PostgreSQL 15 på 127.0.0.1:$port och $tmp/.s.PGSQL.$port (tillfällig, tas bort efteråt)"
export TEST_DATABASE_URL="$url"
# With DATABASE_URL the server needs a shared key for sealed secrets (decision 038); a throwaway one here.
export SECRET_KEY="${SECRET_KEY:-$(node -e "process.stdout.write(require('node:crypto').randomBytes(32).toString('base64'))")}"
if [ "${1:-}" = "--" ]; then
	shift
	DATABASE_URL="$url" "$@"
else
	npm run test:db
	# The built server against throwaway PostgreSQL servers of its own (tests/ops, decision 017): the database going
	# away and coming back, and two servers behind a round-robin proxy.
	[ -f build/index.js ] || npm run build
	npx vitest run --project ops
fi
