#!/usr/bin/env bash
# Builds Edges for release and serves it on SQLite, seeding the demo network on first start.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/tools.sh

say "building (release)"
cargo leptos build --release

DATABASE_URL="${DATABASE_URL:-sqlite://edges.db}"
export DATABASE_URL
cat <<MSG

  Edges: http://127.0.0.1:3000   (database: $DATABASE_URL)

  Demo accounts, all with the password  edges-demo-2026
    admin      admin@edges.demo
    connector  connector@edges.demo   (connector of Paris)
    member     member@edges.demo      (member in Paris)

MSG
exec target/release/edges serve --seed-if-empty "$@"
