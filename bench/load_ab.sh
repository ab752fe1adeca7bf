#!/usr/bin/env bash
# A/B of two techmatch-server builds against the reference server on GetNeed (and optionally
# ListNeeds), for a serving-model change: the three servers run side by side on one seeded
# database each, pinned to the last core; every round runs each side in a rotated order, closed
# loop then open loop at 70% of that round's reference rate. Prints one line per run and medians.
#
#   bench/load_ab.sh BASELINE_SERVER CANDIDATE_SERVER [ROUNDS] [SECONDS]
#
# BIN (default build-bench/bin) provides reference_server, load_client, http_load_client and
# bench_seed. SCENARIOS (default "get") may add "list", and "http_json" / "http_proto": GetNeed
# over the Connect bridge (http_load_client, 32 keep-alive connections; the two techmatch
# servers only). Each line also gives the server's context switches per call (cs_per_call).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly BASE_SERVER="$(realpath "$1")" CAND_SERVER="$(realpath "$2")"
readonly ROUNDS="${3:-5}" SECS="${4:-3}"
readonly BIN="${BIN:-$PWD/build-bench/bin}"
readonly SCENARIOS="${SCENARIOS:-get}"
readonly NEEDS=10000
CORES="$(nproc)"
SERVER_PIN=(taskset -c "$((CORES - 1))")
CLIENT_PIN=(taskset -c "0-$((CORES > 1 ? CORES - 2 : 0))")
CLIENT_THREADS="$((CORES > 1 ? CORES - 1 : 1))"  # One per client core, as scripts/bench.

WORK="$(mktemp -d /tmp/techmatch-ab.XXXXXX)"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "${pid}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  [[ "${KEEP:-0}" == 1 ]] || rm -rf "${WORK}"
}
trap cleanup EXIT

wait_port() {
  local i
  for ((i = 0; i < 600; ++i)); do
    [[ -s "$1" ]] && { cat "$1"; return 0; }
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

"${BIN}/bench_seed" --db "${WORK}/seed.db" --needs "${NEEDS}" >/dev/null 2>&1
TOKEN="$("${BASE_SERVER}" --db "${WORK}/seed.db" keys create --role ADMIN 2>/dev/null |
  grep -o 'tm_[A-Za-z0-9_.-]*' | head -n1)"
cp "${WORK}/seed.db" "${WORK}/base.db"
cp "${WORK}/seed.db" "${WORK}/cand.db"

declare -A PID ADDR
start() {  # SIDE COMMAND...
  "${SERVER_PIN[@]}" "${@:2}" --port_file "${WORK}/$1.port" >"${WORK}/$1.log" 2>&1 &
  PID[$1]=$!
  PIDS+=("$!")
  ADDR[$1]="127.0.0.1:$(wait_port "${WORK}/$1.port" "$!")" || { cat "${WORK}/$1.log"; exit 1; }
}
start ref "${BIN}/reference_server" --threads 1 --needs "${NEEDS}" --listen 127.0.0.1:0
start base "${BASE_SERVER}" --db "${WORK}/base.db" --listen 127.0.0.1:0 \
  --http_listen 127.0.0.1:0 --http_port_file "${WORK}/base.http_port"
start cand "${CAND_SERVER}" --db "${WORK}/cand.db" --listen 127.0.0.1:0 \
  --http_listen 127.0.0.1:0 --http_port_file "${WORK}/cand.http_port"
declare -A HTTP_ADDR
for side in base cand; do
  HTTP_ADDR[${side}]="127.0.0.1:$(wait_port "${WORK}/${side}.http_port" "${PID[${side}]}")" ||
    { cat "${WORK}/${side}.log"; exit 1; }
done

ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
switches() { cat /proc/"$1"/task/*/status 2>/dev/null | awk '/ctxt_switches/ { s += $2 } END { print s }'; }
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p"; }
HZ="$(getconf CLK_TCK)"

run() {  # SIDE SCENARIO ARGS...: "side scenario mode qps p50 p99 cpu_us cs_per_call [client_busy longest_turn_us]"
  local pid="${PID[$1]}" t0 t1 c0 c1 out n
  t0="$(ticks "${pid}")"; c0="$(switches "${pid}")"
  if [[ "$2" == http_* ]]; then
    out="$("${CLIENT_PIN[@]}" "${BIN}/http_load_client" --target "${HTTP_ADDR[$1]}" \
      --codec "${2#http_}" --connections 32 --needs "${NEEDS}" --token "${TOKEN}" \
      --seconds "${SECS}" --warmup 0.5 2>/dev/null)"
  else
    out="$("${CLIENT_PIN[@]}" "${BIN}/load_client" --target "${ADDR[$1]}" --scenario "$2" \
      --token "${TOKEN}" --needs "${NEEDS}" --threads "${CLIENT_THREADS}" --seconds "${SECS}" \
      --warmup 0.5 "${@:3}" 2>/dev/null)"
  fi
  t1="$(ticks "${pid}")"; c1="$(switches "${pid}")"
  n="$(field completed <<<"${out}")"
  awk -v s="$1" -v sc="$2" -v m="$4" -v q="$(field qps <<<"${out}")" \
    -v busy="$(field client_busy <<<"${out}")" -v turn="$(field longest_turn_us <<<"${out}")" \
    -v p50="$(field p50_us <<<"${out}")" -v p99="$(field p99_us <<<"${out}")" \
    -v t="$((t1 - t0))" -v c="$((c1 - c0))" -v n="${n}" -v hz="${HZ}" \
    'BEGIN { printf "%s %s %s qps=%s p50_us=%s p99_us=%s cpu_us=%.1f cs_per_call=%.2f",
             s, sc, m, q, p50, p99, (n > 0 ? t * 1e6 / hz / n : 0), (n > 0 ? c / n : 0)
             if (m == "open") printf " client_busy=%s longest_turn_us=%s", busy, turn
             print "" }'
}

RESULTS="${WORK}/results"
: >"${RESULTS}"
sides=(ref base cand)
for ((r = 1; r <= ROUNDS; ++r)); do
  order=("${sides[@]:$((r % 3))}" "${sides[@]:0:$((r % 3))}")
  for scenario in ${SCENARIOS}; do
    ref_qps=""
    for side in "${order[@]}"; do
      [[ "${scenario}" == http_* && "${side}" == ref ]] && continue  # no HTTP listener there
      line="$(run "${side}" "${scenario}" --mode closed)"
      echo "round ${r} ${line}" | tee -a "${RESULTS}"
      [[ "${side}" == ref ]] && ref_qps="$(field qps <<<" ${line}")"
    done
    [[ "${scenario}" == get ]] || continue
    rate="$(awk -v q="${ref_qps}" 'BEGIN { printf "%.0f", q * 0.7 }')"
    for side in "${order[@]}"; do
      line="$(run "${side}" "${scenario}" --mode open --rate "${rate}")"
      echo "round ${r} ${line} rate=${rate}" | tee -a "${RESULTS}"
    done
  done
done

echo "medians over ${ROUNDS} rounds (${SECS} s runs), load average: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
  { key = $3 " " $4 " " $5
    for (i = 6; i <= NF; ++i) { split($i, kv, "="); vals[key, kv[1]] = vals[key, kv[1]] " " kv[2]; names[kv[1]] = 1 }
    keys[key] = 1 }
  function median(s,   n, a, i, j, t) {
    n = split(s, a, " "); if (n == 0) return "-"
    for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2 }
  END { for (k in keys) { printf "%-22s", k; for (f in names) if ((k, f) in vals) printf " %s=%s", f, median(vals[k, f]); print "" } }
' "${RESULTS}" | sort
