#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the sync tests, run a command with
# INSPECTOR_TEST_PG_URL pointing at it, and stop the server when the command ends (even on error).
#
# Usage: scripts/start-postgres.sh COMMAND [ARGS...]
#   e.g. scripts/start-postgres.sh .venv/bin/python -m pytest tests/sync
#
# The server lives in a temporary folder, listens on a free port of 127.0.0.1 only, and trusts
# local connections of the role `app` (test data only, nothing to protect). Debian's `postgresql`
# package is installed when missing. initdb refuses to run as root, so as root the cluster folder
# belongs to the `postgres` user and the server binaries run through `runuser -u postgres`.
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi

pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

if [ -z "$(pg_bin)" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installing PostgreSQL (Debian package postgresql)" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends postgresql >/dev/null
fi
bin="$(pg_bin)"
if [ -z "$bin" ]; then
  echo "PostgreSQL server binaries not found under /usr/lib/postgresql" >&2
  exit 1
fi

as_owner=()
if [ "$(id -u)" -eq 0 ]; then
  as_owner=(runuser -u postgres --)
fi

root="$(mktemp -d /tmp/inspector-pg.XXXXXX)"
chmod 755 "$root"
mkdir -p "$root/data" "$root/sock"
if [ "$(id -u)" -eq 0 ]; then
  chown -R postgres:postgres "$root/data" "$root/sock"
  touch "$root/server.log" && chown postgres:postgres "$root/server.log"
fi

# A free port: bind port 0, read what the kernel gave, release it (a race is unlikely and loud).
port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

stop() {
  "${as_owner[@]}" "$bin/pg_ctl" -D "$root/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$root"
}
trap stop EXIT

"${as_owner[@]}" "$bin/initdb" -D "$root/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >"$root/initdb.log" 2>&1 || {
  cat "$root/initdb.log" >&2
  exit 1
}
"${as_owner[@]}" "$bin/pg_ctl" -D "$root/data" -l "$root/server.log" -w \
  -o "-p $port -k $root/sock -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off" start >/dev/null || {
  cat "$root/server.log" >&2
  exit 1
}

export INSPECTOR_TEST_PG_URL="postgresql+psycopg://app@127.0.0.1:$port/postgres"
echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') for the tests: $INSPECTOR_TEST_PG_URL" >&2
# Not exec: the EXIT trap must run after the command to stop the server.
status=0
"$@" || status=$?
exit "$status"
