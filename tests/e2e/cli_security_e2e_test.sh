#!/usr/bin/env bash
# End-to-end test of credentials and the audit trail: `techmatch-server keys create|list|revoke`
# against the live server's database file, the CLI's --token and TECHMATCH_TOKEN, refusals by
# role, `techmatch audit list`, and `techmatch-server audit verify` before and after a byte of
# the file is flipped.
#
# usage: cli_security_e2e_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
admin_token=$TECHMATCH_TOKEN

# srv ARGS...: techmatch-server maintenance commands on the test database, like tm.
srv() {
  last_command="techmatch-server $*"
  set +e
  "$server_bin" --db="$tmp/techmatch.db" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}
# tm_as TOKEN ARGS...: tm with TECHMATCH_TOKEN set to TOKEN (empty: no token at all).
tm_as() {
  local token=$1
  shift
  TECHMATCH_TOKEN=$token
  tm "$@"
  TECHMATCH_TOKEN=$admin_token
}

# --- keys --------------------------------------------------------------------------------------
srv keys list
expect_rc 0
expect_out "ADMIN"
expect_out "e2e"
expect_no_out "${admin_token:20}"  # never the secret

srv keys create --role SUPERUSER
expect_rc 1
expect_err "--role must be one of"
srv keys create --role INSTITUTE
expect_rc 1
expect_err "--organization organizations/ID is required"
srv keys create --role INSTITUTE --organization organizations/nowhere
expect_rc 1
expect_err "organizations/nowhere not found"

tm organization create --id scu --display-name 四川大学 --kind UNIVERSITY --region-code 510100
expect_rc 0
srv keys create --role INSTITUTE --organization organizations/scu --label "scu tech transfer"
expect_rc 0
expect_out_re '^tm_[0-9a-f]{16}_[0-9a-f]{64}$'
institute_token=$(cat "$tmp/out")
srv keys create --role OFFICIAL --label bureau
expect_rc 0
official_token=$(cat "$tmp/out")
srv keys list
expect_out "organizations/scu"
expect_out "scu tech transfer"
expect_out "OFFICIAL"

# --- tokens ------------------------------------------------------------------------------------
tm_as "" industry list
expect_rc 1
expect_err "UNAUTHENTICATED"
tm --token "tm_not_a_token" industry list
expect_rc 1
expect_err "UNAUTHENTICATED"
tm_as "" --token "$official_token" industry list  # the flag works as the variable does
expect_rc 0
expect_out "industries/liquor"

# --- roles -------------------------------------------------------------------------------------
tm_as "$official_token" organization list
expect_rc 0
expect_out "organizations/scu"
tm_as "$official_token" industry create tea --zh 茶业 --en Tea --request-id official-try
expect_rc 1
expect_err "PERMISSION_DENIED"
tm industry get tea
expect_rc 1
expect_err "NOT_FOUND"
tm_as "$institute_token" event create --id fair --display-name Fair --start 2026-10-20T09:00:00Z \
  --end 2026-10-21T18:00:00Z
expect_rc 1
expect_err "PERMISSION_DENIED"
tm_as "$institute_token" audit list
expect_rc 1
expect_err "PERMISSION_DENIED"

# --- the audit trail ---------------------------------------------------------------------------
tm audit list --filter 'outcome = PERMISSION_DENIED'
expect_rc 0
expect_out "/techmatch.v1.IndustryService/CreateIndustry"
expect_out "/techmatch.v1.EventService/CreateEvent"
expect_out "OFFICIAL"
[[ $(row_count) == 2 ]] || fail "expected 2 refused writes, got $(row_count)"
tm_as "$official_token" audit list --csv --filter 'method = "/techmatch.v1.OrganizationService/CreateOrganization"'
expect_rc 0
expect_out "organizations/scu"
expect_out "OK"
tm audit list --filter 'colour = red'
expect_rc 1
expect_err "filter"
tm audit list --json --filter 'method = "keys create"'
expect_rc 0
expect_out_re '"principal": ?"cli"'

srv audit verify
expect_rc 0
expect_out "audit trail intact"

# Maintenance commands refuse a database that does not exist, and do not create it.
for command in "audit verify" "keys list" "keys revoke ffffffffffffffff" \
  "keys create --role OFFICIAL" "backup --out $tmp/never.db"; do
  last_command="techmatch-server --db $tmp/mistyped.db $command"
  set +e
  # shellcheck disable=SC2086
  "$server_bin" --db="$tmp/mistyped.db" $command >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
  expect_rc 1
  # backup reports through the server's log (stdout), the others on stderr.
  grep -q "does not exist" "$tmp/out" "$tmp/err" || fail "$command: no 'does not exist'"
  [[ ! -e "$tmp/mistyped.db" ]] || fail "$command created $tmp/mistyped.db"
done

# A refused import (after the audit counts above: it is one more refused write): the CLI says
# how far it got and that earlier batches of a failed import may be stored.
printf 'id,enterprise,title,industries\nofficial-need,scu,Official try,liquor\n' >"$tmp/official.csv"
tm_as "$official_token" need import "$tmp/official.csv"
expect_rc 1
expect_err "PERMISSION_DENIED"
expect_err "the import failed after"
expect_err "rows are committed in batches of 1000"

# --- review before publication: an institute's offering waits for an organizer ----------------
tm_as "$institute_token" offering create --id scu-mud --institute scu --title 窖泥功能菌剂 --trl 6 \
  --industries liquor
expect_rc 0
expect_out "SUBMITTED"
tm_as "$official_token" offering get scu-mud
expect_rc 1
expect_err "NOT_FOUND"
tm_as "$institute_token" offering publish scu-mud
expect_rc 1
expect_err "PERMISSION_DENIED"
tm offering return scu-mud
expect_rc 1
expect_err "reason"
tm offering return scu-mud --reason 缺专利号
expect_rc 0
expect_out "RETURNED"
tm_as "$institute_token" offering get scu-mud
expect_out "缺专利号"
tm_as "$institute_token" offering update scu-mud --trl 7
expect_rc 0
expect_out "SUBMITTED"
tm offering list --filter 'state = SUBMITTED'
expect_rc 0
expect_out "offerings/scu-mud"
tm offering publish scu-mud
expect_rc 0
expect_out "AVAILABLE"
tm_as "$official_token" offering get scu-mud
expect_rc 0

# --- keys scoped to a region ---------------------------------------------------------------------
srv keys create --role OFFICIAL --region 510500 --label luzhou
expect_rc 0
luzhou_token=$(cat "$tmp/out")
srv keys create --role OFFICIAL --region 5105
expect_rc 1
expect_err "--region must be a six-digit GB/T 2260 code"
srv keys create --role INSTITUTE --organization organizations/scu --region 510500
expect_rc 1
expect_err "--region applies to OFFICIAL and ORGANIZER keys only"
srv keys list
expect_out "510500"
tm_as "$luzhou_token" organization get scu     # scu is in Chengdu (510100)
expect_rc 1
expect_err "NOT_FOUND"
tm_as "$official_token" organization list --filter 'region = 510000'
expect_rc 0
expect_out "organizations/scu"

# --- revocation from another process reaches the running server within 100 ms ----------------
srv keys revoke "${official_token:3:16}"
expect_rc 0
expect_out "revoked"
sleep 0.3
tm_as "$official_token" industry list
expect_rc 1
expect_err "UNAUTHENTICATED"
expect_err "revoked"
srv keys revoke ffffffffffffffff
expect_rc 1
expect_err "not found"

# --- the server is still healthy, then shut it down cleanly (checkpointing the WAL) -----------
finish_server

# --- a flipped byte in the audit table is found -----------------------------------------------
srv audit verify
expect_rc 0
offset=$(grep -obUa "PERMISSION_DENIED" "$tmp/techmatch.db" | head -1 | cut -d: -f1)
[[ -n "$offset" ]] || fail "no audit outcome text in the database file"
printf 'X' | dd of="$tmp/techmatch.db" bs=1 seek="$offset" conv=notrunc status=none
srv audit verify
expect_rc 1
expect_err "audit trail altered at auditEvents/"

# --- a keyed audit trail: records after the key need it -----------------------------------
srv audit init-key --out "$tmp/audit.key"
expect_rc 0
expect_out "created audit key"
[[ "$(stat -c %a "$tmp/audit.key")" == 600 ]] || fail "the audit key file is not mode 600"
srv audit init-key --out "$tmp/audit.key"
expect_rc 1
expect_err "File exists"
keyed() {
  last_command="techmatch-server --db $tmp/keyed.db $*"
  set +e
  "$server_bin" --db="$tmp/keyed.db" "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}
keyed init
expect_rc 0
keyed keys create --role OFFICIAL --label before-the-key
expect_rc 0
keyed --audit_key_file "$tmp/audit.key" keys create --role OFFICIAL --label keyed
expect_rc 0
keyed keys list
expect_rc 1
expect_err "--audit_key_file"
keyed audit verify
expect_rc 1
keyed audit verify --key "$tmp/audit.key"
expect_rc 0
expect_out "audit trail intact: 2 records; 1 keyed with audit key"
expect_out "note: 1 record(s)"
echo "PASS: $checks checks (after tampering)"
