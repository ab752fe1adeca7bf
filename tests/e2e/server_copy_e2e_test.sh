#!/usr/bin/env bash
# End-to-end test of `techmatch-server copy`: a demo-like SQLite database (the demo's
# organizations, its fair, needs and offerings, an agreement with its history, keyed audit
# records) copied to a new PostgreSQL database, served from there (a need read back), its audit
# trail verified there, and copied back to a new SQLite file; the refusals (no --to, the source
# itself, a target holding records, a keyed trail without its key) change nothing. Skips (exit
# 77) without the test cluster (TECHMATCH_TEST_POSTGRES_URI).
#
# usage: server_copy_e2e_test.sh SERVER_BINARY CLI_BINARY DEMO_DATA_DIR
set -euo pipefail

server_bin=$1
cli_bin=$2
demo_data=$3

admin_uri=${TECHMATCH_TEST_POSTGRES_URI:-}
if [[ -z "$admin_uri" ]]; then
  echo "SKIP: no PostgreSQL cluster (set TECHMATCH_TEST_POSTGRES_URI; scripts/test starts one)"
  exit 77
fi
name="tm_copy_e2e_$$"
psql -q -v ON_ERROR_STOP=1 "$admin_uri" -c "CREATE DATABASE $name" >/dev/null
drop_database() { psql -q "$admin_uri" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null || true; }
sep='?'
[[ "$admin_uri" == *'?'* ]] && sep='&'
pg_db="${admin_uri}${sep}dbname=${name}"

key_dir=$(mktemp -d)
key_file="$key_dir/audit.key"
"$server_bin" audit init-key --out "$key_file" >/dev/null
server_args=(--audit_key_file "$key_file")

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
trap 'cleanup; drop_database; rm -rf "$key_dir"' EXIT

srv() {
  last_command="techmatch-server $*"
  set +e
  "$server_bin" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}

# --- a demo-like database on SQLite --------------------------------------------------------------
tm organization import "$demo_data/organizations.csv"
expect_rc 0
tm event create --id fair-2026 --display-name 2026年泸州市产学研合作洽谈会 --location 泸州市会展中心 \
  --start 2026-10-20T09:00:00+08:00 --end 2026-10-21T18:00:00+08:00 \
  --registration-close 2026-10-10T18:00:00+08:00 --organizers luzhou-stb
expect_rc 0
# Every organization registers, as in scripts/demo (quoted names may hold commas).
while IFS=, read -r id _; do
  [[ "$id" == "id" ]] && continue
  tm event register fair-2026 "$id" --late
  expect_rc 0
done < <(sed 's/"[^"]*"/quoted/g' "$demo_data/organizations.csv")
tm need import "$demo_data/needs.csv" --late-registration
expect_rc 0
tm offering import "$demo_data/offerings.csv" --late-registration
expect_rc 0
tm --unit wan agreement create --id fair-2026-002 --kind 技術開發合同 \
  --title "濃香型白酒窖泥功能菌群定向培養技術開發" \
  --party SUPPLIER:cas-cib --party DEMANDER:luzhou-laojiao --need lzlj-001 --offering cib-001 \
  --industries liquor --event fair-2026 --sign-time 2026-10-20T10:30:00+08:00 \
  --contract-amount 230萬 --total-investment 2.8億
expect_rc 0
tm agreement start fair-2026-002
expect_rc 0
tm --unit wan agreement update fair-2026-002 --realized-output-value 1.6億
expect_rc 0
tm need get lzlj-003
expect_rc 0
title=$(sed -n 's/^title: *//p' "$tmp/out")
[[ -n "$title" ]] || fail "need lzlj-003 has no title"
finish_server

# --- refusals, nothing written -------------------------------------------------------------------
srv --db="$db" --audit_key_file "$key_file" copy
expect_rc 1
expect_err "copy needs --to TARGET"
srv --db="$db" --audit_key_file "$key_file" copy --to "$db"
expect_rc 1
expect_err "names the source database itself"
srv --db="$db" copy --to "$pg_db"
expect_rc 1
expect_err "--audit_key_file"

# --- SQLite → PostgreSQL ---------------------------------------------------------------------------
srv --db="$db" --audit_key_file "$key_file" copy --to "$pg_db"
expect_rc 0
expect_out "every table holds as many rows on both sides"
expect_out_re "^audit trail intact: [0-9]+ records"
expect_out_re "^needs +[1-9][0-9]* +[1-9][0-9]*$"
expect_out_re "^agreement_history +[1-9][0-9]* +[1-9][0-9]*$"
expect_no_out "MISMATCH"
srv --db="$db" --audit_key_file "$key_file" copy --to "$pg_db"
expect_rc 1
expect_err "the target database is not empty"
srv --db="$pg_db" --audit_key_file "$key_file" audit verify
expect_rc 0
expect_out "audit trail intact"

# --- served from PostgreSQL ----------------------------------------------------------------------
"$server_bin" --listen=127.0.0.1:0 --port_file="$tmp/port2" --db="$pg_db" \
  --audit_key_file "$key_file" >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do [[ -s "$tmp/port2" ]] && break; sleep 0.1; done
[[ -s "$tmp/port2" ]] || fail "the server on PostgreSQL wrote no port file"
port=$(tr -d '[:space:]' <"$tmp/port2")
tm need get lzlj-003
expect_rc 0
expect_out "$title"
tm agreement get fair-2026-002 --history
expect_rc 0
expect_out "濃香型白酒窖泥功能菌群定向培養技術開發"
# The same API key works: keys are copied with their hashes.
tm organization list --page-size 1000
expect_rc 0
expect_out "organizations/luzhou-laojiao"
finish_server

# --- PostgreSQL → SQLite -------------------------------------------------------------------------
srv --db="$pg_db" --audit_key_file "$key_file" copy --to "$tmp/back.db"
expect_rc 0
expect_out "every table holds as many rows on both sides"
srv --db="$tmp/back.db" --audit_key_file "$key_file" audit verify
expect_rc 0
expect_out "audit trail intact"
echo "PASS: $checks checks"
