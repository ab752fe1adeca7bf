#!/usr/bin/env bash
# End-to-end test of `techmatch meeting ...`: loads the demo's sample fair into a
# fresh techmatch-server on port 0, sets a meeting plan, requests, generates, accepts and
# declines meetings, schedules them, checks every agenda for double bookings and table clashes,
# locks a meeting and reschedules, cancels one, and writes the agendas as CSV and XLSX.
#
# usage: cli_meeting_e2e_test.sh SERVER_BINARY CLI_BINARY DEMO_DATA_DIR
set -euo pipefail

server_bin=$1
cli_bin=$2
demo_data=$3
export TZ=Asia/Shanghai

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

tm organization import "$demo_data/organizations.csv"
expect_rc 0
tm event create --id fair-2026 --display-name 2026年泸州市产学研合作洽谈会 \
  --start "2026-10-20 09:00" --end "2026-10-21 17:30" --organizers luzhou-stb
expect_rc 0
for org in luzhou-laojiao langjiu luzhou-northchem scu scu-chem jiangnan-biotech cas-cib; do
  tm event register fair-2026 "$org"
  expect_rc 0
done
tm event register fair-2026 scu --delegates 2
expect_rc 0
expect_out_re "^delegate_count: +2$"
tm need import "$demo_data/needs.csv"
expect_rc 0
tm offering import "$demo_data/offerings.csv"
expect_rc 0

# --- scheduling needs a plan; a plan with overlapping slots is refused ------------------------
tm meeting schedule fair-2026
expect_rc 1
expect_err "has no meeting plan"
tm meeting plan fair-2026 --start "2026-10-20 09:00" --length 30 --gap -10 --count 3 --tables 2
expect_rc 1
expect_err "overlaps slots[0]"
tm meeting plan fair-2026 --start "2026-10-20 09:00" --length 20 --gap 5 --count 6 --tables 3 \
  --break "2026-10-20 10:00/2026-10-20 10:30" --max-per-participant 5
expect_rc 0
expect_out_re "^table_count: +3$"
expect_out "2026-10-20T10:30:00+08:00"  # the slot after the break

# --- requests: both sides make it mutual; bad ones name the problem ---------------------------
tm meeting request fair-2026 --need lzlj-001 --offering cib-001 --by enterprise --id m1
expect_rc 0
expect_out_re "^state: +PENDING$"
tm meeting request fair-2026 --need lzlj-001 --offering cib-001 --by institute
expect_rc 0
expect_out_re "^name: +events/fair-2026/meetingRequests/m1$"
expect_out_re "^mutual: +true$"
expect_out_re "^state: +ACCEPTED$"
tm meeting request fair-2026 --need lzlj-001 --offering no-such --by enterprise
expect_rc 1
tm meeting generate fair-2026 --min-score 0.05 --per-need 3
expect_rc 0
expect_err "requests created"
tm meeting requests fair-2026 --filter 'state = PENDING' --all
expect_rc 0
pending=$(awk 'NR > 1 {print $1}' "$tmp/out")
[[ -n "$pending" ]] || fail "generate created no pending requests"
first=$(head -1 <<<"$pending")
tm meeting decline "$first"
expect_rc 0
expect_out_re "^state: +DECLINED$"
for name in $(tail -n +2 <<<"$pending"); do
  tm meeting accept "$name"
  expect_rc 0
done
tm meeting lock m1 --event fair-2026
expect_rc 1
expect_err "not scheduled"

# --- schedule and check every agenda ----------------------------------------------------------
tm meeting schedule fair-2026
expect_rc 0
expect_out_re "^[0-9]+ meetings scheduled \(1 mutual\)"
tm --csv meeting agendas fair-2026
expect_rc 0
expect_out "participant,participant_name,time,slot,table,counterpart,need,offering,meeting,locked"
# One row per participant per meeting: no participant twice in a slot unless it has delegates
# (scu sends two), no table twice in a slot.
awk -F, 'NR > 1 {print $1, $4}' "$tmp/out" | sort | uniq -c |
  awk '$1 > 1 && $2 != "organizations/scu" {bad = 1} $1 > 2 {bad = 1} END {exit bad}' ||
  fail "a participant is double-booked"
awk -F, 'NR > 1 {print $4, $5, $9}' "$tmp/out" | sort -u | awk '{print $1, $2}' | uniq -d |
  grep -q . && fail "two meetings share a table"
tm meeting list fair-2026 --participant luzhou-laojiao
expect_rc 0
expect_out "COUNTERPART"
expect_out "events/fair-2026/meetings/m1"

# --- lock, reschedule, cancel -----------------------------------------------------------------
tm --json meeting lock m1 --event fair-2026
expect_rc 0
expect_out '"locked":true'
slot_table=$(grep -oE '"slot":[0-9]+|"table":[0-9]+' "$tmp/out" | tr '\n' ' ')
tm meeting schedule fair-2026
expect_rc 0
tm --json meeting list fair-2026 --participant luzhou-laojiao
expect_rc 0
grep -oE '"name":"events/fair-2026/meetings/m1"[^}]*' "$tmp/out" > "$tmp/m1"
for part in $slot_table; do grep -q "$part" "$tmp/m1" || fail "locked m1 moved ($part)"; done
tm meeting decline m1 --event fair-2026
expect_rc 1
expect_err "is locked"
tm meeting cancel m1 --event fair-2026
expect_rc 0
expect_out_re "^state: +CANCELLED$"

# --- agendas as a workbook: one sheet per participant -----------------------------------------
tm meeting agendas fair-2026 --xlsx "$tmp/agendas.xlsx"
expect_rc 0
expect_err "agendas"
[[ -s "$tmp/agendas.xlsx" ]] || fail "no workbook written"
if command -v unzip >/dev/null; then
  listing=$(unzip -l "$tmp/agendas.xlsx")
  sheets=$(grep -c 'xl/worksheets/sheet[0-9]*\.xml' <<<"$listing")
  agendas=$(grep -oE '[0-9]+ agendas' "$tmp/err" | grep -oE '[0-9]+')
  [[ "$sheets" == "$agendas" ]] || fail "expected $agendas sheets, got $sheets"
fi
echo "cli meeting e2e: all checks passed"
