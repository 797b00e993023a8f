#!/usr/bin/env bash
# Runs every test: formatting, Rust unit and integration tests on SQLite and PostgreSQL, the
# Playwright suite against a release build in headless Chromium, then the fault runs (two nodes
# behind nginx under load: kill -9, drain, PostgreSQL restart). (Lints: scripts/lint.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."
repo_root="$(pwd)"

# Browser, nginx and npm packages download while Rust compiles.
(
  set -e
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v nginx >/dev/null || missing+=(nginx)
  if ((${#missing[@]})); then
    (apt-get install -y -q "${missing[@]}" || (apt-get update -q && apt-get install -y -q "${missing[@]}"))
  fi
  cd end2end && npm ci --no-audit --no-fund --silent
) >"$repo_root/target-browser-setup.log" 2>&1 &
browser_setup=$!

source scripts/tools.sh

# A one-off build keeps nothing for next time: incremental data would only cost disk and time.
if [[ "${CI:-}" == "true" ]]; then
  export CARGO_INCREMENTAL=0
fi

# Builds, test databases and the browser need several gigabytes: say what there is to work with.
df -h . /tmp | sed 's/^/    /'

say "formatting"
cargo fmt --all -- --check

say "Rust tests (SQLite and PostgreSQL)"
if command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [[ -n "${DATABASE_URL_PG:-}" ]]; then
  scripts/with-postgres.sh cargo test --workspace --exclude frontend
elif [[ "${CI:-}" == "true" ]]; then
  echo "CI needs PostgreSQL for the data-layer tests and none can be started" >&2
  exit 1
else
  echo "PostgreSQL skipped: no server binaries and no DATABASE_URL_PG; SQLite only"
  cargo test --workspace --exclude frontend
fi

say "release build"
cargo leptos build --release

say "end-to-end tests (Playwright, headless Chromium)"
if ! wait "$browser_setup"; then
  cat "$repo_root/target-browser-setup.log" >&2
  exit 1
fi
rm -f "$repo_root/target-browser-setup.log"
(cd end2end && npx playwright test)

say "fault runs (two nodes behind nginx under load: kill -9, drain, PostgreSQL restart)"
if command -v initdb >/dev/null || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || [[ -n "${DATABASE_URL_PG:-}" ]]; then
  scripts/fault-runs.sh
elif [[ "${CI:-}" == "true" ]]; then
  echo "CI needs PostgreSQL for the fault runs and none can be started" >&2
  exit 1
else
  echo "fault runs skipped: they need PostgreSQL"
fi
say "all tests passed"
