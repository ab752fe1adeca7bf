# Shared helpers of the operations tests (TLS, backup/restore, crash): start and stop
# techmatch-server processes on port 0 and fail with their logs.
#
# Source it after setting server_bin and cli_bin; it makes $tmp (removed at exit).

tmp=$(mktemp -d)
server_pid=""
cleanup() {
  if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  echo "--- server log (tail):" >&2; tail -20 "$tmp/server.log" >&2 2>/dev/null || true
  exit 1
}

# start_server DB [FLAGS...]: starts a server on $listen (default 127.0.0.1:0) over DB; sets
# $server_pid and $port, and exports TECHMATCH_TOKEN, an ADMIN key of DB.
start_server() {
  local db=$1
  shift
  # Each database gets an ADMIN key on its first start, kept beside it (a restored copy
  # carries the same key); the CLI and crash_writer read it from TECHMATCH_TOKEN.
  if [[ ! -s "$db.token" ]]; then
    [[ -e "$db" ]] || "$server_bin" --db="$db" init >/dev/null 2>>"$tmp/server.log" ||
      fail "init $db"
    "$server_bin" --db="$db" keys create --role ADMIN --label ops-test >"$db.token" \
      2>>"$tmp/server.log" || fail "keys create on $db"
  fi
  TECHMATCH_TOKEN=$(cat "$db.token")
  export TECHMATCH_TOKEN
  rm -f "$tmp/port"
  "$server_bin" --listen="${listen:-127.0.0.1:0}" --port_file="$tmp/port" --db="$db" "$@" \
    >>"$tmp/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 200); do
    [[ -s "$tmp/port" ]] && break
    kill -0 "$server_pid" 2>/dev/null || fail "server exited at start"
    sleep 0.05
  done
  [[ -s "$tmp/port" ]] || fail "no port file after 10 s"
  port=$(tr -d '[:space:]' <"$tmp/port")
}

# stop_server: SIGTERM, and the server must exit 0 within 10 s.
stop_server() {
  kill -TERM "$server_pid"
  local rc=0
  wait "$server_pid" || rc=$?
  server_pid=""
  [[ "$rc" == 0 ]] || fail "server exit code $rc"
}

# integrity_ok DB: PRAGMA integrity_check is ok and foreign_key_check finds nothing.
integrity_ok() {
  local check fk
  check=$(sqlite3 "$1" 'PRAGMA integrity_check;')
  [[ "$check" == ok ]] || fail "integrity_check of $1: $check"
  fk=$(sqlite3 "$1" 'PRAGMA foreign_key_check;')
  [[ -z "$fk" ]] || fail "foreign_key_check of $1: $fk"
}
