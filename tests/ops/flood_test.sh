#!/usr/bin/env bash
# A connection flood cannot exhaust the server's descriptors or stop it accepting: the server
# runs under `ulimit -n 256`; idle connections that never speak HTTP/2 are opened from other
# loopback addresses, hundreds at a time, beyond the per-address cap and beyond the total cap
# (half the descriptor limit: 128), and closed; a legitimate call from 127.0.0.1 succeeds
# during the flood and after it.
#
# usage: flood_test.sh SERVER_BINARY CLI_BINARY FLOOD_CLIENT
set -euo pipefail
real_server_bin=$1
cli_bin=$2
flood_bin=$3
# shellcheck source=tests/ops/ops_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/ops_lib.sh"

# The server (and only it) under a low descriptor limit, soft and hard.
server_bin=$tmp/server-low-nofile
printf '#!/usr/bin/env bash\nulimit -n 256\nexec %q "$@"\n' "$real_server_bin" >"$server_bin"
chmod +x "$server_bin"

start_server "$tmp/flood.db" --max_connections 1000 --max_connections_per_address 40 \
  --handshake_timeout_ms 1500
export TECHMATCH_SERVER=127.0.0.1:$port
grep -q "capped at 128 total, 40 per client address" "$tmp/server.log" ||
  fail "the cap is not half the descriptor limit"

peak_fds=0
note_fds() {
  local n
  n=$(find "/proc/$server_pid/fd" -mindepth 1 -maxdepth 1 2>/dev/null | wc -l)
  ((n > peak_fds)) && peak_fds=$n
  return 0
}
# legit NAME: a call from 127.0.0.1 must succeed; prints its time.
legit() {
  local start end rc=0
  start=$(date +%s%N)
  "$cli_bin" --timeout 5 industry list >"$tmp/out" 2>"$tmp/err" || rc=$?
  end=$(date +%s%N)
  [[ "$rc" == 0 ]] || { cat "$tmp/err" >&2; fail "$1: legitimate call failed (rc $rc)"; }
  grep -q liquor "$tmp/out" || fail "$1: no industries"
  echo "$1: legitimate call OK in $(((end - start) / 1000000)) ms"
}
# field NAME LINE: the value of NAME=N in a flood_client report.
field() { sed -n "s/.*$1=\([0-9]*\).*/\1/p" <<<"$2"; }

legit "before the flood"

# 1. 300 idle connections from one address: 40 held, the rest refused at once.
"$flood_bin" "$port" 127.0.0.2 300 1000 >"$tmp/flood1" &
flood=$!
sleep 0.5
note_fds
legit "during 300 connections from one address"
wait "$flood"
report=$(cat "$tmp/flood1")
echo "one address: $report"
[[ "$(field connected "$report")" == 300 ]] || fail "not all 300 connected: $report"
(($(field still_open "$report") <= 40)) || fail "more than 40 held from one address: $report"

# 2. Hundreds opened and closed, round after round, from several addresses.
total=300
for round in 1 2 3 4 5; do
  pids=()
  for a in 3 4 5 6; do
    "$flood_bin" "$port" "127.0.0.$((round * 10 + a))" 40 200 >/dev/null &
    pids+=($!)
  done
  note_fds
  wait "${pids[@]}"  # not the server's
  total=$((total + 160))
done
legit "after 800 more connections opened and closed"

# 3. More than the total cap at once: 15 addresses x 40 = 600 idle connections held 3 s.
pids=()
for a in $(seq 100 114); do
  "$flood_bin" "$port" "127.0.0.$a" 40 3000 >"$tmp/flood3.$a" &
  pids+=($!)
done
total=$((total + 600))
for _ in 1 2 3 4 5; do
  sleep 0.3
  note_fds
done
# At the total cap new connections are refused, but the handshake timeout (1.5 s) closes those
# that never speak HTTP/2, so a legitimate client finds room again (its CLI retries).
sleep 0.6
legit "during 600 idle connections from 15 addresses"
wait "${pids[@]}"
held=0
for a in $(seq 100 114); do
  report=$(cat "$tmp/flood3.$a")
  [[ "$(field connected "$report")" == 40 ]] || fail "127.0.0.$a did not connect 40: $report"
  held=$((held + $(field still_open "$report")))
done
echo "600 at once: $held still open after 3 s"
((held <= 128)) || fail "more than the total cap held: $held"

# 4. Idle connections that never speak HTTP/2 are closed after the handshake timeout (1.5 s).
report=$("$flood_bin" "$port" 127.0.0.200 20 2500)
echo "handshake timeout: $report"
[[ "$(field still_open "$report")" == 0 ]] || fail "silent connections outlived the timeout"

kill -0 "$server_pid" || fail "server died"
legit "after the flood"
grep -q "Failed accept4" "$tmp/server.log" && fail "gRPC's accept loop saw an accept failure"
echo "connections opened: $total; server descriptors at peak: $peak_fds (limit 256)"
((peak_fds < 256)) || fail "descriptors reached the limit"
stop_server
grep -E "gRPC connections: at most" "$tmp/server.log" || true
echo "flood test passed"
