# Shared harness of the CLI end-to-end tests: a techmatch-server on port 0 with a fresh
# database, a `tm` wrapper keeping each command's stdout, stderr and exit code, and checks that
# print all three on failure.
#
# Source it after setting server_bin, cli_bin (and optionally the array server_args, more flags
# for the server, and db, the --db to use instead of a fresh SQLite file); it creates an ADMIN
# key (exported as TECHMATCH_TOKEN), starts the server and sets $port, $tmp and $db.
# Call finish_server at the end: the server must still answer and stop cleanly on SIGTERM.

tmp=$(mktemp -d)
db=${db:-$tmp/techmatch.db}
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

checks=0
fail() {
  echo "FAIL: $*" >&2
  echo "--- command: ${last_command:-}" >&2
  echo "--- stdout:" >&2; cat "$tmp/out" >&2 2>/dev/null || true
  echo "--- stderr:" >&2; cat "$tmp/err" >&2 2>/dev/null || true
  echo "--- server log (tail):" >&2; tail -20 "$tmp/server.log" >&2 2>/dev/null || true
  exit 1
}

# tm ARGS...: runs the CLI, keeping stdout, stderr and the exit code ($rc).
tm() {
  last_command="techmatch $*"
  set +e
  "$cli_bin" --server "127.0.0.1:$port" --timeout 10 "$@" >"$tmp/out" 2>"$tmp/err"
  rc=$?
  set -e
}
expect_rc() { checks=$((checks + 1)); [[ "$rc" == "$1" ]] || fail "exit code $rc, expected $1"; }
expect_out() { checks=$((checks + 1)); grep -qF -- "$1" "$tmp/out" || fail "stdout lacks: $1"; }
expect_no_out() { checks=$((checks + 1)); ! grep -qF -- "$1" "$tmp/out" || fail "stdout has: $1"; }
expect_err() { checks=$((checks + 1)); grep -qF -- "$1" "$tmp/err" || fail "stderr lacks: $1"; }
expect_out_re() { checks=$((checks + 1)); grep -qE -- "$1" "$tmp/out" || fail "stdout lacks /$1/"; }
expect_err_re() { checks=$((checks + 1)); grep -qE -- "$1" "$tmp/err" || fail "stderr lacks /$1/"; }
# Rows of a table (lines after the header).
row_count() { echo $(($(wc -l <"$tmp/out") - 1)); }

# --- start the server -------------------------------------------------------------------------
# As a real deployment does: an administrator key made on the host, before the server starts;
# every `tm` call presents it through the environment.
"$server_bin" --db="$db" init >/dev/null || { echo "FAIL: init" >&2; exit 1; }
TECHMATCH_TOKEN=$("$server_bin" --db="$db" keys create --role ADMIN --label e2e) \
  || { echo "FAIL: keys create" >&2; exit 1; }
export TECHMATCH_TOKEN
"$server_bin" --listen=127.0.0.1:0 --port_file="$tmp/port" --db="$db" \
  ${server_args[@]+"${server_args[@]}"} >"$tmp/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  [[ -s "$tmp/port" ]] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.log" >&2; echo "FAIL: server exited" >&2; exit 1; }
  sleep 0.1
done
[[ -s "$tmp/port" ]] || { echo "FAIL: no port file after 10 s" >&2; exit 1; }
port=$(tr -d '[:space:]' <"$tmp/port")
echo "server on 127.0.0.1:$port"

# finish_server: the server is still healthy, then it shuts down cleanly; prints the tally.
finish_server() {
  tm industry list
  expect_rc 0
  kill -TERM "$server_pid"
  for _ in $(seq 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$server_pid" 2>/dev/null; then fail "server did not stop within 10 s of SIGTERM"; fi
  set +e; wait "$server_pid"; server_rc=$?; set -e
  server_pid=""
  [[ "$server_rc" == 0 ]] || { tail -20 "$tmp/server.log" >&2; echo "FAIL: server exit code $server_rc" >&2; exit 1; }
  echo "PASS: $checks checks"
}
