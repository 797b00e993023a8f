#!/usr/bin/env bash
# Fault runs: two Edges nodes on one PostgreSQL behind nginx carry a load (loadgen --reconnect)
# while one node is killed (kill -9), one is drained (SIGTERM), and PostgreSQL restarts. Each run
# must end with every message delivered once, in order. Prints loadgen's line for each.
# Runs inside scripts/with-postgres.sh (which it calls itself when needed); bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -z "${DATABASE_URL_PG:-}" ]]; then
  exec scripts/with-postgres.sh "$0" "$@"
fi
# Sized to finish in about a minute each; raise them for a heavier run.
CLIENTS="${FAULT_CLIENTS:-300}"
RATE="${FAULT_RATE:-30}"
DURATION="${FAULT_DURATION:-20}"
# Seconds of posting before the fault.
FAULT_AFTER="${FAULT_AFTER:-6}"

command -v nginx >/dev/null || { echo "fault-runs: nginx is missing (apt-get install nginx)" >&2; exit 2; }
[[ -x target/release/edges ]] || { echo "fault-runs: build first: cargo leptos build --release" >&2; exit 2; }
cargo build --release -p loadgen --quiet

psql_bin="$(ls /usr/lib/postgresql/*/bin/psql 2>/dev/null | tail -1)"
"${psql_bin:-psql}" -q "$DATABASE_URL_PG" -c "CREATE DATABASE edges_faults" >/dev/null
database="${DATABASE_URL_PG%/*}/edges_faults"

source scripts/cluster.sh
trap cluster_stop EXIT
target/release/edges migrate --database-url "$database"
target/release/edges seed --database-url "$database" >/dev/null
cluster_init "$database" 2
node_start 0
node_start 1
proxy_start

failed=0
# fault_run NAME ACTION...: a load run through nginx, with ACTION done FAULT_AFTER seconds into
# the posting; then checks loadgen's line.
fault_run() {
  local name="$1"
  shift
  local out="$cluster_dir/$name.json" log="$cluster_dir/$name.log"
  target/release/loadgen --url "http://127.0.0.1:$cluster_proxy_port" --clients "$CLIENTS" \
    --rate "$RATE" --duration "$DURATION" --drain 30 --reconnect >"$out" 2>"$log" &
  local loadgen=$!
  until grep -q "^posting" "$log" 2>/dev/null; do
    kill -0 "$loadgen" 2>/dev/null || break
    sleep 0.2
  done
  sleep "$FAULT_AFTER"
  local started=$SECONDS
  "$@"
  local fault_seconds=$((SECONDS - started))
  wait "$loadgen" || true
  echo "fault run: $name (the fault took ${fault_seconds} s)"
  echo "  $(cat "$out")"
  if ! python3 - "$out" "$CLIENTS" <<'PY'; then
import json, sys
report = json.load(open(sys.argv[1]))
clients = int(sys.argv[2])
problems = [f"{key} = {report[key]}" for key in ("lost", "duplicated", "out_of_order") if report[key] != 0]
if report["connected"] != clients:
    problems.append(f"connected {report['connected']} of {clients}")
if report["sent"] == 0:
    problems.append("nothing was sent")
if report.get("post_failures", 0):
    problems.append(f"{report['post_failures']} posts never accepted")
if problems:
    print("  FAILED: " + ", ".join(problems))
    sys.exit(1)
PY
    failed=1
    tail -n 20 "$log" | sed 's/^/    /'
  fi
}

restart_postgres() {
  [[ -n "${EDGES_PG_CTL:-}" ]] || { echo "fault-runs: cannot restart this PostgreSQL (not started by with-postgres.sh)" >&2; return 1; }
  if [[ "$(id -u)" == "0" ]]; then
    runuser -u postgres -- "$EDGES_PG_CTL" -D "$EDGES_PG_DATA" -m fast -w restart >/dev/null
  else
    "$EDGES_PG_CTL" -D "$EDGES_PG_DATA" -m fast -w restart >/dev/null
  fi
}

kill_then_restart() {
  node_kill 0
  node_start 0
}

drain_then_restart() {
  node_drain 1
  node_start 1
}

fault_run "kill-9-a-node" kill_then_restart
fault_run "drain-a-node" drain_then_restart
fault_run "restart-postgresql" restart_postgres
exit "$failed"
