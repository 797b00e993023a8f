#!/usr/bin/env bash
# Runs a command with DATABASE_URL_PG pointing at a throwaway PostgreSQL server (a fresh cluster in a
# temporary directory, trust auth, loopback only, a free port), stopped and removed afterwards.
# When DATABASE_URL_PG is already set, the command simply runs against that server.
set -euo pipefail

if [[ -n "${DATABASE_URL_PG:-}" ]]; then
  exec "$@"
fi

pg_bin=""
for candidate in /usr/lib/postgresql/*/bin; do
  [[ -x "$candidate/initdb" ]] && pg_bin="$candidate"
done
if [[ -z "$pg_bin" ]]; then
  echo "with-postgres: no PostgreSQL server binaries found (apt-get install postgresql)" >&2
  exit 3
fi

as_postgres() {
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

data_dir="$(mktemp -d /tmp/edges-pg.XXXXXX)"
[[ "$(id -u)" == "0" ]] && chown postgres:postgres "$data_dir"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"

cleanup() {
  as_postgres "$pg_bin/pg_ctl" -D "$data_dir/cluster" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$data_dir"
}
trap cleanup EXIT

as_postgres "$pg_bin/initdb" -D "$data_dir/cluster" --auth=trust --username=postgres -E UTF8 >/dev/null
as_postgres "$pg_bin/pg_ctl" -D "$data_dir/cluster" -l "$data_dir/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $data_dir -c fsync=off -c max_connections=300 -c wal_level=minimal -c max_wal_senders=0 -c max_wal_size=256MB" start >/dev/null

export DATABASE_URL_PG="postgres://postgres@127.0.0.1:$port/postgres"
# For scripts that restart the server on purpose (scripts/fault-runs.sh).
export EDGES_PG_CTL="$pg_bin/pg_ctl" EDGES_PG_DATA="$data_dir/cluster"
echo "with-postgres: PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') on port $port"
"$@"
