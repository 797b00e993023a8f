#!/usr/bin/env bash
# Two Edges nodes on one PostgreSQL database behind nginx, on loopback, until Ctrl-C: the
# deployment of docs/deployment.md in miniature. Uses DATABASE_URL (postgres://…), or a
# throwaway PostgreSQL when it is not set; seeds the demo network when the database is empty.
# Needs a release build (scripts/run.sh or `cargo leptos build --release`) and nginx.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${DATABASE_URL:-}" ]]; then
  if [[ -z "${DATABASE_URL_PG:-}" ]]; then
    exec scripts/with-postgres.sh "$0" "$@"
  fi
  DATABASE_URL="$DATABASE_URL_PG"
fi
if [[ "$DATABASE_URL" != postgres://* ]]; then
  echo "two-nodes: several nodes share a PostgreSQL database; DATABASE_URL is $DATABASE_URL" >&2
  exit 2
fi
command -v nginx >/dev/null || { echo "two-nodes: nginx is missing (apt-get install nginx)" >&2; exit 2; }
[[ -x target/release/edges ]] || { echo "two-nodes: build first: cargo leptos build --release" >&2; exit 2; }

source scripts/cluster.sh
trap cluster_stop EXIT
target/release/edges migrate --database-url "$DATABASE_URL"
target/release/edges seed --database-url "$DATABASE_URL" 2>/dev/null || echo "two-nodes: the database already has members; not seeding"
cluster_init "$DATABASE_URL" 2
node_start 0
node_start 1
proxy_start
cat <<MSG

  Edges through nginx: http://127.0.0.1:$cluster_proxy_port
  nodes: http://127.0.0.1:${cluster_node_ports[0]} (pid ${cluster_node_pids[0]}), http://127.0.0.1:${cluster_node_ports[1]} (pid ${cluster_node_pids[1]})
  logs and emails: $cluster_dir
  Ctrl-C stops everything.

MSG
wait "$cluster_nginx_pid"
