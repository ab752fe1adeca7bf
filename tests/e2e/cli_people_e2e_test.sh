#!/usr/bin/env bash
# End-to-end test of people and access through the CLI: an organization applies without a
# token, an organizer (invited by the first admin, signed in with `techmatch login`) approves it,
# its contact accepts the invitation, signs in, submits a need and signs out, an organizer
# publishes it and it is matched; wrong passwords,
# the session file's mode, keys managed remotely, users listed and disabled.
#
# usage: cli_people_e2e_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"
admin_token=$TECHMATCH_TOKEN
# The session file goes under this HOME, never the real one.
export HOME="$tmp/home"
unset XDG_CONFIG_HOME
session_file="$HOME/.config/techmatch/session"

# tm_as TOKEN ARGS...: tm with TECHMATCH_TOKEN set to TOKEN (empty: the kept session, if any).
tm_as() {
  local token=$1
  shift
  TECHMATCH_TOKEN=$token
  tm "$@"
  TECHMATCH_TOKEN=$admin_token
}
# The value of `key: value` in the last output.
field() { sed -n "s/^$1: *//p" "$tmp/out" | head -1; }

organizer_password='Lantern-river-2026'
contact_password='Jiaochi-temperature-9'

# --- an organizer, invited by the first admin ---------------------------------------------------
tm invitation create --role ORGANIZER --email Wang.Fang@Fair.example --display-name 王芳
expect_rc 0
expect_out_re "^code: +tmi_"
organizer_code=$(field code)
tm_as "" invitation accept --code "$organizer_code" --user-id wang-fang <<<"password123"
expect_rc 1
expect_err "INVALID_ARGUMENT"
expect_err "password"
tm_as "" invitation accept --code "$organizer_code" --user-id wang-fang <<<"$organizer_password"
expect_rc 0
expect_out "users/wang-fang"
expect_out "wang.fang@fair.example"
tm_as "" invitation accept --code "$organizer_code" --user-id wang-fang-2 <<<"$organizer_password"
expect_rc 1
expect_err "accepted already"

# --- sign-up: an application without a token ----------------------------------------------------
tm_as "" application submit --display-name 瀘州老窖 --kind ENTERPRISE --region-code 510500 \
  --industries liquor --contact-email li.ming@lzlj.example --contact-name 李明
expect_rc 0
expect_out_re "^state: +PENDING"
application=$(field name)
tm_as "" application submit --display-name "" --kind ENTERPRISE --contact-email nope \
  --contact-name 李明
expect_rc 1
expect_err "application.organization.display_name"
expect_err "application.contact_email"
tm_as "" application list
expect_rc 1
expect_err "UNAUTHENTICATED"

# --- the organizer signs in and approves it -----------------------------------------------------
tm_as "" login --email wang.fang@fair.example <<<"wrong-password-1"
expect_rc 1
expect_err "wrong email or password"
tm_as "" login --email nobody@fair.example <<<"wrong-password-1"
expect_rc 1
expect_err "wrong email or password"
tm_as "" login --email wang.fang@fair.example <<<"$organizer_password"
expect_rc 0
expect_err "signed in as users/wang-fang (ORGANIZER)"
[[ -f "$session_file" ]] || fail "no session file after login"
checks=$((checks + 1))
[[ "$(stat -c %a "$session_file")" == 600 ]] || fail "session file mode $(stat -c %a "$session_file")"
checks=$((checks + 1))
grep -q '^tms_' "$session_file" || fail "session file holds no session token"
tm_as "" application list --filter 'state = PENDING'
expect_rc 0
expect_out "$application"
tm_as "" invitation create --role ADMIN --email boss@fair.example --display-name 老闆
expect_rc 1
expect_err "PERMISSION_DENIED"
expect_err "may not invite an ADMIN"
tm_as "" application approve "$application" --organization-id lzlj
expect_rc 0
expect_out_re "^state: +APPROVED"
expect_out_re "^role: +ENTERPRISE"
contact_code=$(field code)
[[ "$contact_code" == tmi_* ]] || fail "no invitation code in the approval"
tm_as "" application approve "$application"
expect_rc 1
expect_err "not PENDING"
tm_as "" logout
expect_rc 0
expect_err "signed out"
checks=$((checks + 1))
[[ ! -e "$session_file" ]] || fail "session file left after logout"

# --- the contact accepts, signs in, creates a need, signs out -----------------------------------
tm_as "" invitation accept --code "$contact_code" --user-id li-ming <<<"$contact_password"
expect_rc 0
expect_out_re "^organization: +organizations/lzlj"
tm_as "" login --email li.ming@lzlj.example <<<"$contact_password"
expect_rc 0
expect_err "(ENTERPRISE)"
contact_token=$(cat "$session_file")
tm_as "" need create --id people-need --enterprise lzlj --title 窖池溫度監測 --industries liquor \
  --min-trl 4
expect_rc 0
expect_out "needs/people-need"
expect_out_re "^state: +SUBMITTED$"  # an enterprise's need waits for review
tm_as "" user get li-ming
expect_rc 0
expect_out_re "^state: +ACTIVE"
tm_as "" user get wang-fang
expect_rc 1
expect_err "PERMISSION_DENIED"
tm_as "" session list
expect_rc 0
expect_out "users/li-ming/sessions/"
tm_as "" logout
expect_rc 0
tm_as "$contact_token" need get people-need
expect_rc 1
expect_err "UNAUTHENTICATED"

# --- the admin's view: users, keys ---------------------------------------------------------------
tm user list
expect_rc 0
expect_out "users/li-ming"
expect_out "users/wang-fang"
tm key create --role OFFICIAL --display-name "bureau reporting"
expect_rc 0
official_token=$(head -1 "$tmp/out")
[[ "$official_token" == tm_* ]] || fail "key create printed no token"
# Not yet published: invisible to the official; an organizer publishes it, then it is matched.
tm_as "$official_token" need get people-need
expect_rc 1
expect_err "NOT_FOUND"
tm need publish people-need
expect_rc 0
expect_out_re "^state: +OPEN$"
tm_as "$official_token" need get people-need
expect_rc 0
tm organization create --id lz-lab --display-name 瀘州釀酒研究所 --kind RESEARCH_INSTITUTE \
  --region-code 510502
expect_rc 0
tm offering create --id cellar-sensor --institute lz-lab --title 窖池溫度監測系統 --trl 6 \
  --industries liquor
expect_rc 0
expect_out_re "^state: +AVAILABLE$"  # an administrator's write publishes at once
tm_as "$official_token" match need people-need
expect_rc 0
expect_out "offerings/cellar-sensor"
tm key list
expect_rc 0
expect_out "bureau reporting"
key_id=${official_token:3:16}
tm key revoke "$key_id"
expect_rc 0
expect_out "revoke_time"
sleep 0.3  # the guard rereads a cached key within 100 ms
tm_as "$official_token" need get people-need
expect_rc 1
expect_err "UNAUTHENTICATED"
tm_as "$contact_token" key list
expect_rc 1
expect_err "UNAUTHENTICATED"

# --- disabling a user ends its sessions -------------------------------------------------------------
tm_as "" login --email li.ming@lzlj.example <<<"$contact_password"
expect_rc 0
contact_token=$(cat "$session_file")
tm user disable li-ming
expect_rc 0
expect_out_re "^state: +DISABLED"
tm_as "$contact_token" need get people-need
expect_rc 1
expect_err "UNAUTHENTICATED"
tm_as "" login --email li.ming@lzlj.example <<<"$contact_password"
expect_rc 1
expect_err "wrong email or password"

# --- reject with a reason --------------------------------------------------------------------------
tm_as "" application submit --display-name 測試公司 --kind ENTERPRISE \
  --contact-email test@example.com --contact-name 測試
expect_rc 0
rejected=$(field name)
tm application reject "$rejected" --reason ""
expect_rc 1
expect_err "reason"
tm application reject "$rejected" --reason "not a real enterprise"
expect_rc 0
expect_out_re "^state: +REJECTED"
expect_out_re "^reject_reason: +not a real enterprise"

# --- the audit trail names who did it ---------------------------------------------------------------
tm audit list --csv --filter 'principal = "users/wang-fang"'
expect_rc 0
expect_out "ApproveApplication"

finish_server
