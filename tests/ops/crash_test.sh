#!/usr/bin/env bash
# Crash test: a writer creates organizations and needs with request ids while the
# server is killed with SIGKILL at random moments and restarted. After every kill and restart:
# every acknowledged record is in the database, PRAGMA integrity_check is ok and
# foreign_key_check is empty. At the end of a trial, nothing appears twice: exactly one record
# per request id, as many as were acknowledged.
#
# usage: crash_test.sh SERVER_BINARY WRITER_BINARY TRIALS [KILLS_PER_TRIAL]
set -euo pipefail
server_bin=$1
writer_bin=$2
trials=$3
kills=${4:-3}
cli_bin=""
# shellcheck source=tests/ops/ops_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/ops_lib.sh"
writer_pid=""
trap 'if [[ -n "$writer_pid" ]]; then kill -KILL "$writer_pid" 2>/dev/null || true; fi; cleanup' EXIT

total_acked=0
total_kills=0
# acked_present DB ACKED: every acknowledged name is a row of its table.
acked_present() {
  local db=$1 acked=$2
  cut -d' ' -f2 "$acked" | sort -u >"$tmp/want"
  sqlite3 "$db" "SELECT 'organizations/' || id FROM organizations UNION ALL
                 SELECT 'needs/' || id FROM needs;" | sort -u >"$tmp/have"
  local missing
  missing=$(comm -23 "$tmp/want" "$tmp/have" | head -5)
  [[ -z "$missing" ]] || fail "acknowledged but missing after a crash: $missing"
}

for trial in $(seq "$trials"); do
  db=$tmp/crash-$trial.db
  acked=$tmp/acked-$trial.txt
  : >"$acked"
  rm -f "$tmp/stop"
  listen=""
  start_server "$db"
  listen_port=$port
  "$writer_bin" --target "127.0.0.1:$listen_port" --acked "$acked" --stop "$tmp/stop" \
    --prefix "t$trial" >"$tmp/writer.log" 2>&1 &
  writer_pid=$!
  for kill_number in $(seq "$kills"); do
    # A random moment 0.2–1.2 s into this life of the server, mid-stream of creates.
    sleep "$(printf '0.%03d' $((RANDOM % 1000)))"
    sleep 0.2
    kill -KILL "$server_pid"
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
    total_kills=$((total_kills + 1))
    integrity_ok "$db"
    acked_present "$db" "$acked"
    # Same port: the writer's channel reconnects to it.
    listen=127.0.0.1:$listen_port start_server "$db"
    acked_present "$db" "$acked"
  done
  sleep 0.3
  touch "$tmp/stop"
  wait "$writer_pid" || { cat "$tmp/writer.log" >&2; fail "writer failed"; }
  writer_pid=""
  stop_server
  integrity_ok "$db"
  acked_present "$db" "$acked"
  n_acked=$(wc -l <"$acked")
  n_distinct=$(cut -d' ' -f2 "$acked" | sort -u | wc -l)
  [[ "$n_acked" == "$n_distinct" ]] || fail "two request ids acknowledged with one record"
  n_rows=$(sqlite3 "$db" "SELECT (SELECT count(*) FROM organizations WHERE display_name LIKE 't$trial %')
                               + (SELECT count(*) FROM needs WHERE title LIKE 't$trial %');")
  [[ "$n_rows" == "$n_acked" ]] || fail "trial $trial: $n_rows records for $n_acked acknowledged creates"
  n_requests=$(sqlite3 "$db" "SELECT count(*) FROM request_ids WHERE request_id LIKE 't$trial-req-%';")
  [[ "$n_requests" == "$n_acked" ]] || fail "trial $trial: $n_requests request ids for $n_acked creates"
  total_acked=$((total_acked + n_acked))
  echo "trial $trial: $n_acked acknowledged, $kills kills, $(sed -n 's/.* \([0-9]*\) retries/\1/p' "$tmp/writer.log") retries; all present, none twice, integrity ok"
  rm -f "$db" "$db-wal" "$db-shm"
done
echo "PASS: $trials trials, $total_kills SIGKILLs, $total_acked acknowledged creates, none lost, none twice"
