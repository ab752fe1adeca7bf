#!/usr/bin/env bash
# The load harness works end to end (not a timed test): load_client against the reference
# server and against a real techmatch-server on a seeded database, closed and open loop, and
# the bad arguments it must refuse. scripts/bench trusts every figure below to be parsed right.
#
#   harness_test.sh BIN_DIR
set -euo pipefail
readonly BIN="$1"
tmp="$(mktemp -d)"
pids=()
cleanup() {
  local pid
  for pid in "${pids[@]}"; do kill "${pid}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "${tmp}"
}
trap cleanup EXIT

fail() { echo "FAIL: $*" >&2; exit 1; }
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p" <<<"$2"; }

start() {  # NAME COMMAND...: starts a server on port 0, sets $port
  "${@:2}" --listen 127.0.0.1:0 --port_file "${tmp}/$1.port" >"${tmp}/$1.log" 2>&1 &
  pids+=("$!")
  local i
  for ((i = 0; i < 300; ++i)); do
    [[ -s "${tmp}/$1.port" ]] && { port="$(cat "${tmp}/$1.port")"; return 0; }
    kill -0 "$!" 2>/dev/null || { cat "${tmp}/$1.log" >&2; fail "$1 did not start"; }
    sleep 0.1
  done
  fail "$1 did not report its port"
}

# run LABEL ARGS...: one load_client run that must succeed; sets $out
run() {
  out="$("${BIN}/load_client" --seconds 0.5 --warmup 0.2 "${@:2}" 2>"${tmp}/client.err")" ||
    { cat "${tmp}/client.err" >&2; fail "$1: load_client exited non-zero"; }
  [[ "${out}" == RESULT* ]] || fail "$1: no RESULT line: ${out}"
  [[ "$(field errors "${out}")" == 0 ]] || fail "$1: errors in ${out}"
  [[ "$(field dropped "${out}")" == 0 ]] || fail "$1: dropped calls in ${out}"
  (( $(field calls "${out}") > 0 )) || fail "$1: no calls measured: ${out}"
  echo "ok: $1: ${out}"
}

# Open loop holds its rate exactly: calls started = rate × window, whatever the latencies.
expect_rate() {  # LABEL RATE
  local calls expected
  calls="$(field calls "${out}")"
  expected="$(awk -v r="$2" 'BEGIN { printf "%d", r * 0.5 }')"
  (( calls >= expected - 2 && calls <= expected + 2 )) ||
    fail "$1: ${calls} calls measured at $2 calls/s over 0.5 s, expected ${expected}"
  awk -v b="$(field client_busy "${out}")" 'BEGIN { exit !(b > 0 && b <= 1) }' ||
    fail "$1: client_busy outside (0, 1]: ${out}"
}

start reference "${BIN}/reference_server" --threads 1 --needs 100
ref="127.0.0.1:${port}"
run "reference, closed loop" --target "${ref}" --scenario get --mode closed --needs 100
run "reference, open loop" --target "${ref}" --scenario get --mode open --rate 2000 --needs 100
expect_rate "reference, open loop" 2000
run "reference, open loop, 2 threads" --target "${ref}" --scenario get --mode open --rate 2000 \
  --threads 2 --needs 100
expect_rate "reference, open loop, 2 threads" 2000
run "reference, list" --target "${ref}" --scenario list --mode closed --outstanding 4

"${BIN}/bench_seed" --db "${tmp}/server.db" --needs 100 >/dev/null 2>&1 || fail "bench_seed"
token="$("${BIN}/techmatch-server" --db "${tmp}/server.db" keys create --role ADMIN 2>/dev/null |
  grep -o 'tm_[A-Za-z0-9_.-]*' | head -n1)"
[[ -n "${token}" ]] || fail "no API key created"
start real "${BIN}/techmatch-server" --db "${tmp}/server.db"
real="127.0.0.1:${port}"
run "real, closed loop" --target "${real}" --token "${token}" --scenario get --mode closed \
  --needs 100
run "real, open loop" --target "${real}" --token "${token}" --scenario get --mode open \
  --rate 1000 --needs 100
expect_rate "real, open loop" 1000
run "real, create" --target "${real}" --token "${token}" --scenario create --mode closed \
  --outstanding 4 --id_prefix smoke-
out="$("${BIN}/load_client" --target "${real}" --token "${token}" --scenario import --rows 200 \
  --id_prefix smoke-i 2>"${tmp}/client.err")" || { cat "${tmp}/client.err" >&2; fail "import"; }
[[ "$(field calls "${out}")" == 200 && "$(field errors "${out}")" == 0 ]] ||
  fail "import: ${out}"
echo "ok: real, import: ${out}"

# Without the token every call fails, and load_client says so in its exit code.
if "${BIN}/load_client" --target "${real}" --scenario get --seconds 0.2 --warmup 0 \
  --needs 100 >"${tmp}/out" 2>"${tmp}/err"; then
  fail "calls without a token succeeded: $(cat "${tmp}/out")"
fi
grep -q "first error: 16 " "${tmp}/err" || fail "no UNAUTHENTICATED reported: $(cat "${tmp}/err")"
echo "ok: no token: $(cat "${tmp}/err")"

# Bad arguments are refused before any call.
for bad in "--mode=sideways" "--rate=0" "--scenario=delete" "--channels=0"; do
  if "${BIN}/load_client" --target "${ref}" "${bad}" >/dev/null 2>&1; then
    fail "load_client accepted ${bad}"
  fi
done
echo "ok: bad arguments refused"
