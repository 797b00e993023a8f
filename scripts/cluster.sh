# Starts and stops a small Edges deployment on loopback: nodes on one PostgreSQL database behind
# nginx (deploy/nginx.conf.template). Sourced by scripts/two-nodes.sh and scripts/fault-runs.sh;
# needs a release build (target/release/edges) and nginx (apt-get install nginx).

cluster_dir=""
cluster_database=""
cluster_proxy_port=""
declare -a cluster_node_ports=()
declare -a cluster_node_pids=()
cluster_nginx_pid=""

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Waits (at most $2 seconds, default 60) until the URL answers 200.
wait_for_url() {
  local url="$1" patience="${2:-60}" waited=0
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    sleep 0.2
    waited=$((waited + 1))
    if ((waited > patience * 5)); then
      echo "cluster: $url did not answer within ${patience} s" >&2
      return 1
    fi
  done
}

# cluster_init DATABASE_URL NODES: a working folder and free ports; nothing runs yet.
cluster_init() {
  cluster_database="$1"
  cluster_dir="$(mktemp -d /tmp/edges-cluster.XXXXXX)"
  # nginx workers may run as another user: they need to reach their temporary folders.
  chmod 755 "$cluster_dir"
  cluster_proxy_port="$(free_port)"
  local node
  for ((node = 0; node < $2; node++)); do
    cluster_node_ports[node]="$(free_port)"
  done
}

# node_start INDEX: serves on its port (emails into the cluster's folder) and waits until healthy.
node_start() {
  local node="$1" port="${cluster_node_ports[$1]}"
  EDGES_MAIL_DIR="$cluster_dir/mail" EDGES_PUBLIC_URL="http://127.0.0.1:$cluster_proxy_port" \
    target/release/edges serve --addr "127.0.0.1:$port" --database-url "$cluster_database" \
    --trust-proxy >>"$cluster_dir/node-$node.log" 2>&1 &
  cluster_node_pids[node]=$!
  wait_for_url "http://127.0.0.1:$port/healthz"
}

# node_kill INDEX: the process dies at once, as in a crash.
node_kill() {
  kill -9 "${cluster_node_pids[$1]}" 2>/dev/null || true
  wait "${cluster_node_pids[$1]}" 2>/dev/null || true
}

# node_drain INDEX: SIGTERM, the way a deployment stops a node; answers once it has exited.
node_drain() {
  kill -TERM "${cluster_node_pids[$1]}" 2>/dev/null || true
  wait "${cluster_node_pids[$1]}" 2>/dev/null || true
}

proxy_start() {
  local upstreams="" port
  for port in "${cluster_node_ports[@]}"; do
    upstreams+="        server 127.0.0.1:$port max_fails=1 fail_timeout=3s;"$'\n'
  done
  mkdir -p "$cluster_dir/nginx"
  local fill='import sys; t, d, l, u = sys.argv[1:5]; sys.stdout.write(open(t).read().replace("@DIR@", d).replace("@LISTEN@", l).replace("@UPSTREAMS@", u.rstrip("\n")))'
  python3 -c "$fill" deploy/nginx.conf.template "$cluster_dir/nginx" \
    "127.0.0.1:$cluster_proxy_port" "$upstreams" >"$cluster_dir/nginx/nginx.conf" || return 1
  nginx -q -p "$cluster_dir/nginx" -c "$cluster_dir/nginx/nginx.conf" &
  cluster_nginx_pid=$!
  wait_for_url "http://127.0.0.1:$cluster_proxy_port/healthz"
}

# Stops whatever still runs; safe to call from an EXIT trap after any failure (nothing in it may
# fail, so `set -e` cannot cut it short).
cluster_stop() {
  local pid
  if [[ -n "$cluster_nginx_pid" ]]; then
    kill "$cluster_nginx_pid" 2>/dev/null || true
  fi
  for pid in "${cluster_node_pids[@]}"; do
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  if [[ -n "$cluster_dir" ]]; then
    rm -rf "$cluster_dir"
  fi
  cluster_dir=""
}
