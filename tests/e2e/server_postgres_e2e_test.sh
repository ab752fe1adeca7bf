#!/usr/bin/env bash
# End-to-end test of `--db postgresql://…`: `init` and `keys create` on a new PostgreSQL
# database, a server serving from it through the CLI (the records outlive a restart), the
# maintenance commands on it, `backup` refused (pg_dump's job), and a password in the URI never
# printed. Skips (exit 77) without the test cluster (TECHMATCH_TEST_POSTGRES_URI).
#
# usage: server_postgres_e2e_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2

admin_uri=${TECHMATCH_TEST_POSTGRES_URI:-}
if [[ -z "$admin_uri" ]]; then
  echo "SKIP: no PostgreSQL cluster (set TECHMATCH_TEST_POSTGRES_URI; scripts/test starts one)"
  exit 77
fi
name="tm_e2e_$$"
psql -q -v ON_ERROR_STOP=1 "$admin_uri" -c "CREATE DATABASE $name" >/dev/null
drop_database() { psql -q "$admin_uri" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null || true; }
sep='?'
[[ "$admin_uri" == *'?'* ]] && sep='&'
db="${admin_uri}${sep}dbname=${name}"

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
trap 'cleanup; drop_database' EXIT

srv() {
  last_command="techmatch-server $*"
  set +e
  "$server_bin" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}

# --- serving ----------------------------------------------------------------------------------
tm organization create --id acme --display-name 泸州老窖 --kind ENTERPRISE --region-code 510500
expect_rc 0
tm organization list
expect_rc 0
expect_out "acme"

# --- maintenance commands on the same database, beside the server ------------------------------
srv --db="$db" keys list
expect_rc 0
expect_out "ADMIN"
srv --db="$db" audit verify
expect_rc 0
expect_out "audit trail intact"
srv --db="$db" init
expect_rc 0
expect_out "schema ready in database"
srv --db="$db" backup --out "$tmp/copy.db"
expect_rc 1
expect_err "pg_dump"

# --- a password in the URI is never printed ------------------------------------------------------
srv --db="postgresql://techmatch:s3cret-pw@127.0.0.1:1/nothing" --pg_connect_timeout_seconds 2 \
  keys list
expect_rc 1
expect_err "postgresql://techmatch:***@127.0.0.1:1/nothing"
checks=$((checks + 1))
! grep -qF "s3cret-pw" "$tmp/err" "$tmp/out" || fail "the password was printed"

# --- flags out of bounds -----------------------------------------------------------------------
srv --db="$db" --pg_pool_size 0 keys list
[[ "$rc" != 0 ]] || fail "--pg_pool_size 0 accepted"
checks=$((checks + 1))

finish_server

# --- the records outlive the server ------------------------------------------------------------
"$server_bin" --listen=127.0.0.1:0 --port_file="$tmp/port2" --db="$db" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [[ -s "$tmp/port2" ]] && break; sleep 0.1; done
port=$(tr -d '[:space:]' <"$tmp/port2")
tm organization get acme
expect_rc 0
expect_out "泸州老窖"
finish_server
