#!/usr/bin/env bash
# The whole suite, once on SQLite and once on a throwaway PostgreSQL server, in a real Chromium.
# Installs the Debian packages it needs (chromium, postgresql) only when they are missing.
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/system-deps.sh test || exit 1

[ -f tests/e2e/axe/node_modules/axe-core/axe.min.js ] || (cd tests/e2e/axe && npm install --no-audit --no-fund --silent)

export PGTEST_PORT=${PGTEST_PORT:-54329}
scripts/pg-test.sh start || exit 1
trap 'scripts/pg-test.sh stop' EXIT

status=0
echo "=== pytest on SQLite ==="
.venv/bin/python -m pytest -q "$@" || status=1
echo "=== pytest on PostgreSQL ==="
TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:${PGTEST_PORT}/hvk_test" \
  .venv/bin/python -m pytest -q "$@" || status=1
exit $status
