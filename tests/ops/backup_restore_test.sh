#!/usr/bin/env bash
# Online backup and restore, end to end: while a client keeps creating organizations through
# the CLI (one at a time, in order), `techmatch-server --db DB backup --out FILE` copies the
# live database. Then the documented restore: stop the server, copy the backup over the
# database, delete -wal/-shm, start. The restored database passes integrity_check and
# foreign_key_check, holds every organization acknowledged before the backup began, and holds
# a prefix of the sequence (one snapshot: nothing after a gap).
#
# usage: backup_restore_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail
server_bin=$1
cli_bin=$2
# shellcheck source=tests/ops/ops_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/ops_lib.sh"

db=$tmp/live.db
start_server "$db"
export TECHMATCH_SERVER=127.0.0.1:$port

# The writer appends each acknowledged id to acked.txt after the CLI returns 0.
(
  i=0
  while [[ ! -e "$tmp/stop" ]]; do
    if "$cli_bin" --timeout 10 organization create --id "w-$i" --display-name "Writer $i" \
      --kind ENTERPRISE >/dev/null 2>>"$tmp/writer.err"; then
      echo "$i" >>"$tmp/acked.txt"
    fi
    i=$((i + 1))
  done
) &
writer_pid=$!
for _ in $(seq 200); do
  [[ -f "$tmp/acked.txt" && $(wc -l <"$tmp/acked.txt") -ge 20 ]] && break
  sleep 0.05
done
acked_before=$(wc -l <"$tmp/acked.txt")
[[ "$acked_before" -ge 20 ]] || fail "the writer did not get going"

"$server_bin" --db "$db" backup --out "$tmp/backup.db" --pages_per_step 2 >"$tmp/backup.out" 2>&1 ||
  { cat "$tmp/backup.out" >&2; fail "backup failed"; }
grep -q "integrity ok" "$tmp/backup.out" || fail "backup did not report its check"
sleep 0.3
touch "$tmp/stop"
wait "$writer_pid"
acked_total=$(wc -l <"$tmp/acked.txt")
[[ "$acked_total" -gt "$acked_before" ]] || fail "no writes while the backup ran"

# A backup refuses to overwrite the database itself.
rc=0; "$server_bin" --db "$db" backup --out "$db" >"$tmp/err" 2>&1 || rc=$?
[[ "$rc" != 0 ]] && grep -q "overwrite the database" "$tmp/err" || fail "backup over itself: rc $rc"
# ... nor its -wal/-shm/-journal, by any spelling, even with --overwrite; the WAL is untouched.
wal_before=$(stat -c %i:%s "$db-wal")
ln -s "$db-wal" "$tmp/wal-link"
mkdir -p "$tmp/sub"
for out in "$db-wal" "$db-shm" "$db-journal" "$tmp/sub/../live.db-wal" "$tmp/wal-link"; do
  rc=0; "$server_bin" --db "$db" backup --out "$out" --overwrite >"$tmp/err" 2>&1 || rc=$?
  [[ "$rc" != 0 ]] && grep -q "wal, -shm or -journal" "$tmp/err" || fail "backup --out $out: rc $rc"
done
[[ "$(stat -c %i "$db-wal")" == "${wal_before%%:*}" ]] || fail "the live WAL was replaced"
# An existing file is replaced only with --overwrite.
rc=0; "$server_bin" --db "$db" backup --out "$tmp/backup.db" >"$tmp/err" 2>&1 || rc=$?
[[ "$rc" != 0 ]] && grep -q "already exists" "$tmp/err" || fail "backup over an existing file: rc $rc"
"$server_bin" --db "$db" backup --out "$tmp/backup.db" --overwrite >/dev/null 2>&1 ||
  fail "backup --overwrite"

# --- restore, as the README says ----------------------------------------------------------------
stop_server
cp "$tmp/backup.db" "$db"
rm -f "$db-wal" "$db-shm"
integrity_ok "$db"
start_server "$db"
export TECHMATCH_SERVER=127.0.0.1:$port

"$cli_bin" --timeout 10 --csv organization list --all >"$tmp/orgs.csv" || fail "list after restore"
restored=$(grep -c '^organizations/w-' "$tmp/orgs.csv" || true)
[[ "$restored" -ge "$acked_before" ]] ||
  fail "restored $restored organizations, $acked_before were acknowledged before the backup"
# A prefix: w-0 .. w-(restored-1), no gaps.
for ((i = 0; i < restored; i++)); do
  grep -q "^organizations/w-$i," "$tmp/orgs.csv" || fail "w-$i missing from the restored prefix"
done
# The restored server takes writes again.
"$cli_bin" --timeout 10 organization create --id after-restore --display-name After \
  --kind ENTERPRISE >/dev/null || fail "write after restore"
stop_server
integrity_ok "$db"
echo "PASS: backup during $((acked_total - acked_before))+ writes; restored $restored of $acked_total acknowledged ($acked_before before the backup began)"
