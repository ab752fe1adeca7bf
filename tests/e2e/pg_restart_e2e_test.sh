#!/usr/bin/env bash
# Fault test: PostgreSQL restarts under a stream of writes. Two techmatch-servers serve one
# database on a cluster of this test's own (scripts/pg-cluster, Unix socket only); the client
# (pg_restart_client.cc) writes needs to both, restarts the cluster (down 2 s) and checks that
# both servers report NOT_SERVING (gRPC health and /healthz) while it is down, SERVING again
# after, take writes again without being restarted, and lost no acknowledged need. Trials:
# TECHMATCH_FAULT_TRIALS (default 2; the figures in README.md come from 10). Skips (exit 77)
# without PostgreSQL (TECHMATCH_TEST_POSTGRES_URI unset, as for the other PostgreSQL tests).
#
# usage: pg_restart_e2e_test.sh SERVER_BINARY CLIENT_BINARY PG_CLUSTER_SCRIPT
set -euo pipefail

server_bin=$1
client_bin=$2
pg_cluster=$3
trials=${TECHMATCH_FAULT_TRIALS:-2}

if [[ -z "${TECHMATCH_TEST_POSTGRES_URI:-}" ]]; then
  echo "SKIP: no PostgreSQL cluster (set TECHMATCH_TEST_POSTGRES_URI; scripts/test starts one)"
  exit 77
fi

tmp=$(mktemp -d /tmp/tm-fault-XXXXXX)
chmod 0755 "$tmp"  # as root the cluster's owner must enter it
cluster="$tmp/pg"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
  "$pg_cluster" stop "$cluster" || true
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  for log in "$tmp"/server*.log; do echo "--- $log (tail)" >&2; tail -20 "$log" >&2; done
  exit 1
}

db=$("$pg_cluster" start "$cluster")
"$server_bin" --db="$db" init >/dev/null || fail "init"
token=$("$server_bin" --db="$db" keys create --role ADMIN --label fault) || fail "keys create"

servers=()
for n in 1 2; do
  "$server_bin" --db="$db" --listen=127.0.0.1:0 --port_file="$tmp/port$n" \
    --http_listen=127.0.0.1:0 --http_port_file="$tmp/http$n" >"$tmp/server$n.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do
    [[ -s "$tmp/port$n" && -s "$tmp/http$n" ]] && break
    kill -0 "${pids[-1]}" 2>/dev/null || fail "server $n exited"
    sleep 0.1
  done
  [[ -s "$tmp/port$n" && -s "$tmp/http$n" ]] || fail "server $n: no port files after 10 s"
  servers+=(--server "127.0.0.1:$(tr -d '[:space:]' <"$tmp/port$n"):$(tr -d '[:space:]' <"$tmp/http$n")")
done

"$client_bin" --token "$token" --pg_cluster "$pg_cluster" --cluster_dir "$cluster" \
  --trials "$trials" "${servers[@]}" || fail "the client's checks"

# Each server logged each change of the database's state once, not once per check.
for n in 1 2; do
  down=$(grep -c "database unreachable" "$tmp/server$n.log" || true)
  up=$(grep -c "database reachable again" "$tmp/server$n.log" || true)
  [[ "$down" == "$trials" && "$up" == "$trials" ]] ||
    fail "server $n logged $down unreachable and $up reachable lines for $trials restarts"
done

# The servers were never restarted and stop cleanly.
for n in 1 2; do
  pid=${pids[$((n - 1))]}
  kill -0 "$pid" 2>/dev/null || fail "server $n is gone"
  kill -TERM "$pid"
  for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  set +e; wait "$pid"; rc=$?; set -e
  [[ "$rc" == 0 ]] || fail "server $n exit code $rc"
done
pids=()
echo "PASS: $trials trials"
