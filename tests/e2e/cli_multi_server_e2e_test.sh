#!/usr/bin/env bash
# End-to-end: `--server a,b` spreads calls over two servers and carries on when one is killed.
# Both servers serve copies of one database (same data, same API key, same page-token key, as
# servers over one shared database would), each then given one industry of its own, so an
# `industry list` shows which server answered.
#
# Usage: cli_multi_server_e2e_test.sh SERVER_BIN CLI_BIN
set -euo pipefail
server_bin=$1
cli_bin=$2
source "$(dirname "$0")/e2e_lib.sh"
port_a=$port

b_pid=""
trap 'if [[ -n "$b_pid" ]]; then kill -KILL "$b_pid" 2>/dev/null || true; fi; cleanup' EXIT

# tmm SERVERS ARGS...: like tm, through the given --server value.
tmm() {
  local servers=$1
  shift
  last_command="techmatch --server $servers $*"
  set +e
  "$cli_bin" --server "$servers" --timeout 10 "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}
# start_server DB LISTEN LOG: starts a server in the background, sets $started_pid and
# $started_port once it serves.
start_server() {
  rm -f "$tmp/port.new"
  "$server_bin" --listen="$2" --port_file="$tmp/port.new" --db="$1" >"$3" 2>&1 &
  started_pid=$!
  for _ in $(seq 100); do
    [[ -s "$tmp/port.new" ]] && break
    kill -0 "$started_pid" 2>/dev/null || { cat "$3" >&2; fail "server on $2 exited"; }
    sleep 0.1
  done
  [[ -s "$tmp/port.new" ]] || fail "no port file from the server on $2 after 10 s"
  started_port=$(tr -d '[:space:]' <"$tmp/port.new")
}
stop() {
  kill -TERM "$1"
  for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
  kill -0 "$1" 2>/dev/null && fail "server $1 did not stop within 10 s of SIGTERM"
  wait "$1" || true
}

# --- bad --server values: refused before any call, every bad element named ----------------------
tmm "127.0.0.1:$port_a," industry list
expect_rc 2
expect_err "--server: element 2 of 2 is empty"
tmm "127.0.0.1:$port_a,localhost,127.0.0.1:70000,127.0.0.1:$port_a" industry list
expect_rc 2
expect_err "'localhost': missing port (host:port)"
expect_err "'127.0.0.1:70000': port '70000' is not a number from 1 to 65535"
expect_err "'127.0.0.1:$port_a' is given twice"
last_command="TECHMATCH_SERVER=::1:$port_a techmatch industry list"
set +e
TECHMATCH_SERVER="::1:$port_a" "$cli_bin" industry list >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
expect_rc 2
expect_err "--server: '::1:$port_a': an IPv6 address goes in brackets"

# --- two servers over copies of one database --------------------------------------------------
tm industry create tea --zh 茶业 --en Tea
expect_rc 0
tm industry create optics --zh 光学 --en Optics
expect_rc 0
stop "$server_pid"
server_pid=""
for file in "$tmp"/techmatch.db*; do cp "$file" "${file/techmatch.db/b.db}"; done
start_server "$tmp/techmatch.db" "127.0.0.1:$port_a" "$tmp/server.log"
server_pid=$started_pid
start_server "$tmp/b.db" "127.0.0.1:0" "$tmp/server-b.log"
b_pid=$started_pid
port_b=$started_port
a="127.0.0.1:$port_a"
b="127.0.0.1:$port_b"
both="$a,$b"
echo "servers on $a and $b"
tmm "$a" industry create only-a --zh 甲 --en "Only on A"
expect_rc 0
tmm "$b" industry create only-b --zh 乙 --en "Only on B"
expect_rc 0

# Each `techmatch` run is a new channel; the first call goes to whichever server was ready
# first, so runs alternate between the two without a fixed order. Both must answer within 20.
seen_a=0
seen_b=0
for _ in $(seq 20); do
  tmm "$both" industry list
  expect_rc 0
  expect_out "industries/tea"
  grep -qF "industries/only-a" "$tmp/out" && seen_a=$((seen_a + 1))
  grep -qF "industries/only-b" "$tmp/out" && seen_b=$((seen_b + 1))
  [[ $seen_a -gt 0 && $seen_b -gt 0 ]] && break
done
echo "of the runs with both up: A answered $seen_a, B $seen_b"
checks=$((checks + 1))
[[ $seen_a -gt 0 && $seen_b -gt 0 ]] || fail "20 runs through --server $both did not reach both"

# One run of many calls (a page of one industry each) also goes through.
tmm "$both" industry list --all --page-size 1
expect_rc 0
expect_out "industries/optics"
expect_out "industries/tea"

# --- A is killed: every read still succeeds, on B ---------------------------------------------
kill -KILL "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
for _ in $(seq 5); do
  tmm "$both" industry list
  expect_rc 0
  expect_out "industries/only-b"
done
tmm "$both" industry list --all --page-size 1
expect_rc 0
expect_out "industries/only-b"
expect_out "industries/tea"
# A name that does not resolve is passed over, with a warning.
tmm "nowhere.invalid:1,$both" industry get tea
expect_rc 0
expect_out "industries/tea"
expect_err "warning: --server 'nowhere.invalid:1'"
# The other order, and the environment variable: the same.
last_command="TECHMATCH_SERVER=$b,$a techmatch industry get tea"
set +e
TECHMATCH_SERVER="$b,$a" "$cli_bin" industry get tea >"$tmp/out" 2>"$tmp/err"
rc=$?
set -e
expect_rc 0
expect_out "industries/tea"

# --- A comes back on its port: it gets calls again --------------------------------------------
start_server "$tmp/techmatch.db" "$a" "$tmp/server.log"
server_pid=$started_pid
seen_a=0
for _ in $(seq 20); do
  tmm "$both" industry list
  expect_rc 0
  if grep -qF "industries/only-a" "$tmp/out"; then seen_a=1; break; fi
done
checks=$((checks + 1))
[[ $seen_a == 1 ]] || fail "A, restarted, answered none of 20 runs"

# --- both down: a call fails at once (UNAVAILABLE), not at its deadline ------------------------
stop "$b_pid"
b_pid=""
kill -KILL "$server_pid"
wait "$server_pid" 2>/dev/null || true
server_pid=""
start=$(date +%s%N)
tmm "$both" industry list
elapsed_ms=$((($(date +%s%N) - start) / 1000000))
expect_rc 1
expect_err "UNAVAILABLE"
checks=$((checks + 1))
[[ $elapsed_ms -lt 5000 ]] || fail "with both servers down the call took ${elapsed_ms} ms"
echo "PASS: $checks checks"
