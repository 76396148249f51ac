#!/usr/bin/env bash
# The whole suite, once on SQLite and once on a throwaway PostgreSQL server, in a real Chromium.
# Installs the Debian packages it needs (chromium, postgresql) only when they are missing.
#
# The two engines run side by side: each pytest process is single-threaded, so on a 2-core
# machine the pair takes little longer than the PostgreSQL run alone (CI keeps under 45 min).
# Nothing is shared between them: SQLite tests use files under their own --basetemp, the
# PostgreSQL tests their own server; every server a test starts binds a free port.
# HVK_TEST_NA_ELKAAR=1 runs them one after the other (make test-zwaar: the load gates measure
# gunicorn under load and must not compete with another suite for the cores).
set -uo pipefail
cd "$(dirname "$0")/.."

scripts/system-deps.sh test || exit 1

[ -f tests/e2e/axe/node_modules/axe-core/axe.min.js ] || (cd tests/e2e/axe && npm install --no-audit --no-fund --silent)

export PGTEST_PORT=${PGTEST_PORT:-54329}
scripts/pg-test.sh start || exit 1
tijdelijk=$(mktemp -d "${TMPDIR:-/tmp}/hvk-test.XXXXXX")
trap 'scripts/pg-test.sh stop; rm -rf "$tijdelijk"' EXIT
PG_URL="postgresql+psycopg://postgres@127.0.0.1:${PGTEST_PORT}/hvk_test"

sqlite() { .venv/bin/python -m pytest -q --basetemp="$tijdelijk/sqlite" "$@"; }
postgresql() { TEST_DATABASE_URL="$PG_URL" .venv/bin/python -m pytest -q --basetemp="$tijdelijk/pg" "$@"; }

if [ "${HVK_TEST_NA_ELKAAR:-0}" = 1 ]; then
  status=0
  echo "=== pytest on SQLite ==="
  sqlite "$@" || status=1
  echo "=== pytest on PostgreSQL ==="
  postgresql "$@" || status=1
  exit $status
fi

echo "=== pytest on SQLite and on PostgreSQL, side by side (each line says which) ==="
# unbuffered pytest and sed -u: each engine's lines appear as they come, prefixed
export PYTHONUNBUFFERED=1
sqlite "$@" > >(sed -u 's/^/[SQLite] /') 2>&1 &
sqlite_pid=$!
# the browser tests come first on SQLite (tests/e2e sorts first) and last on PostgreSQL
(export HVK_E2E_LAATST=1; postgresql "$@") > >(sed -u 's/^/[PostgreSQL] /') 2>&1 &
pg_pid=$!
status=0
wait $sqlite_pid || { status=1; echo "=== pytest on SQLite FAILED ==="; }
wait $pg_pid || { status=1; echo "=== pytest on PostgreSQL FAILED ==="; }
sleep 0.2  # let the prefixing sed processes flush their last lines
exit $status
