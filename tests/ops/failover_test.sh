#!/usr/bin/env bash
# Failover: two servers over one PostgreSQL database and a writer spreading creates over both
# (round robin; each create retried with its request id until acknowledged, so one that
# committed just before a kill is answered with the record it made). One server is killed with
# SIGKILL at a random moment mid-stream. Then, each trial:
# - the writer carried on with the survivor (more acknowledgements after the kill);
# - every acknowledged record is stored, exactly once (rows = acknowledgements);
# - the survivor's matching index holds exactly the needs a server started afresh on the
#   database loads (the same `need list --query` answer), so it followed every write the
#   killed server made, up to the last.
# Skips (exit 77) without the test cluster (TECHMATCH_TEST_POSTGRES_URI).
#
# usage: failover_test.sh SERVER_BINARY CLI_BINARY WRITER_BINARY TRIALS
set -euo pipefail
server_bin=$1
cli_bin=$2
writer_bin=$3
trials=$4

admin_uri=${TECHMATCH_TEST_POSTGRES_URI:-}
if [[ -z "$admin_uri" ]]; then
  echo "SKIP: no PostgreSQL cluster (set TECHMATCH_TEST_POSTGRES_URI; scripts/test starts one)"
  exit 77
fi
sep='?'
[[ "$admin_uri" == *'?'* ]] && sep='&'

tmp=$(mktemp -d)
pids=()
databases=()
cleanup() {
  local pid name
  for pid in "${pids[@]}"; do kill -KILL "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  for name in "${databases[@]}"; do
    psql -q "$admin_uri" -c "DROP DATABASE IF EXISTS $name WITH (FORCE)" >/dev/null 2>&1 || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  local log
  for log in "$tmp"/*.log; do
    echo "--- $log (tail):" >&2
    tail -15 "$log" >&2
  done
  exit 1
}

# serve DB NAME: starts a server over DB logging to $tmp/NAME.log; sets $served_pid, $served_port.
serve() {
  rm -f "$tmp/$2.port"
  "$server_bin" --listen=127.0.0.1:0 --port_file="$tmp/$2.port" --db="$1" >>"$tmp/$2.log" 2>&1 &
  served_pid=$!
  pids+=("$served_pid")
  for _ in $(seq 300); do
    [[ -s "$tmp/$2.port" ]] && break
    kill -0 "$served_pid" 2>/dev/null || fail "server $2 exited at start"
    sleep 0.05
  done
  [[ -s "$tmp/$2.port" ]] || fail "no port file from server $2 after 15 s"
  served_port=$(tr -d '[:space:]' <"$tmp/$2.port")
}
# indexed PORT: the needs a server's matching index finds for the writer's common words.
indexed() {
  "$cli_bin" --server "127.0.0.1:$1" --timeout 30 need list --query 窖池温度监测 --all \
    --page-size 1000 | awk 'NR > 1 { print $1 }' | sort
}

total_acked=0
for trial in $(seq "$trials"); do
  name="tm_failover_$$_$trial"
  psql -q -v ON_ERROR_STOP=1 "$admin_uri" -c "CREATE DATABASE $name" >/dev/null
  databases+=("$name")
  db="${admin_uri}${sep}dbname=${name}"
  "$server_bin" --db="$db" init >/dev/null 2>>"$tmp/init.log" || fail "init"
  TECHMATCH_TOKEN=$("$server_bin" --db="$db" keys create --role ADMIN --label failover) ||
    fail "keys create"
  export TECHMATCH_TOKEN

  serve "$db" "a$trial"
  a_pid=$served_pid
  a_port=$served_port
  serve "$db" "b$trial"
  b_port=$served_port
  acked=$tmp/acked-$trial.txt
  : >"$acked"
  rm -f "$tmp/stop"
  "$writer_bin" --target "ipv4:127.0.0.1:$a_port,127.0.0.1:$b_port" --spread --acked "$acked" \
    --stop "$tmp/stop" --prefix "t$trial" >"$tmp/writer-$trial.log" 2>&1 &
  writer_pid=$!
  pids+=("$writer_pid")

  # A random moment 0.5–1.5 s into the stream.
  sleep "$(printf '0.%03d' $((RANDOM % 1000)))"
  sleep 0.5
  kill -KILL "$a_pid"
  wait "$a_pid" 2>/dev/null || true
  at_kill=$(wc -l <"$acked")
  sleep 1
  touch "$tmp/stop"
  wait "$writer_pid" || fail "the writer failed (trial $trial): $(cat "$tmp/writer-$trial.log")"
  after=$(wc -l <"$acked")
  ((at_kill > 0)) || fail "nothing acknowledged before the kill (trial $trial)"
  ((after > at_kill)) || fail "nothing acknowledged after the kill (trial $trial)"

  # Every acknowledged record stored, exactly once.
  cut -d' ' -f2 "$acked" | sort >"$tmp/want"
  psql -qAt "$db" -c "SELECT 'organizations/' || id FROM organizations UNION ALL
                      SELECT 'needs/' || id FROM needs" | sort >"$tmp/have"
  missing=$(comm -23 "$tmp/want" "$tmp/have" | head -5)
  [[ -z "$missing" ]] || fail "acknowledged but not stored (trial $trial): $missing"
  extra=$(comm -13 "$tmp/want" "$tmp/have" | head -5)
  [[ -z "$extra" ]] || fail "stored but never acknowledged, or twice (trial $trial): $extra"

  # The survivor's index against a fresh server's, once the survivor has caught up (it follows
  # within a second; a few tries allow for a loaded machine).
  serve "$db" "c$trial"
  c_port=$served_port
  indexed "$c_port" >"$tmp/fresh"
  grep -c '^needs/' "$tmp/want" >"$tmp/count" || true
  [[ "$(wc -l <"$tmp/fresh")" == "$(cat "$tmp/count")" ]] ||
    fail "a fresh server indexes $(wc -l <"$tmp/fresh") needs, $(cat "$tmp/count") were acknowledged"
  same=""
  for _ in $(seq 20); do
    indexed "$b_port" >"$tmp/survivor"
    if cmp -s "$tmp/survivor" "$tmp/fresh"; then same=1; break; fi
    sleep 0.5
  done
  [[ -n "$same" ]] || fail "the survivor's index differs from a fresh one (trial $trial):
$(diff "$tmp/survivor" "$tmp/fresh" | head -5)"
  echo "trial $trial: $after acknowledged ($at_kill before the kill), 0 lost, 0 twice," \
    "$(grep -o '[0-9]* retries' "$tmp/writer-$trial.log")," \
    "survivor's index = a fresh one ($(wc -l <"$tmp/fresh") needs)"
  total_acked=$((total_acked + after))
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  pids=()
done
echo "PASS: $trials trials, $total_acked acknowledged writes, none lost"
