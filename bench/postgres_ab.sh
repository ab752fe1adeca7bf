#!/usr/bin/env bash
# The real server on PostgreSQL against the real server on SQLite: the same binary, the same
# seeded data (bench_seed through the server's own opener), the same load client, the sides
# alternating round by round. Prints one table of medians with ratios (PostgreSQL / SQLite):
# the ratio of the two medians, and the median of the rounds' own ratios (each round's
# PostgreSQL figure over the SQLite figure of the same round, measured a moment apart), which
# decides pass/FAIL against the targets in bench/README.md ("PostgreSQL against SQLite").
#
#   bench/postgres_ab.sh [quick|full]
#     quick (default): 3 rounds of 2 s, three 20,000-row imports each side; a few minutes
#     full:            5 rounds of 5 s, three 100,000-row imports each side
#
# Environment:
#   BIN        the binaries (default build/bin): techmatch-server, bench_seed, load_client
#   PG_URI     an existing PostgreSQL server to use (a database is created on it and dropped);
#              without it a cluster of its own is started with scripts/pg-cluster and stopped
#   DURABLE    1 (default): PostgreSQL commits wait for the disk (fsync, synchronous_commit on,
#              as SQLite's synchronous=full, which the SQLite side runs); 0 starts the cluster
#              as tests get it (no fsync). Only for a cluster of its own.
#   PIN_PG     1 (default): the cluster's server processes share the servers' core, so both
#              sides get the same CPU; 0 lets them run anywhere. Only for a cluster of its own.
#   KEEP=1     keeps the work directory (logs, raw results)
# Exits 1 when a target is missed, 2 on bad usage.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

readonly MODE="${1:-quick}"
case "${MODE}" in
  quick) ROUNDS=3 SECS=2 WARMUP=0.5 IMPORT_ROWS=20000 IMPORT_REPS=3 ;;
  full) ROUNDS=5 SECS=5 WARMUP=1 IMPORT_ROWS=100000 IMPORT_REPS=3 ;;
  *) echo "usage: bench/postgres_ab.sh [quick|full]" >&2; exit 2 ;;
esac
readonly NEEDS=10000
readonly BIN="$(realpath "${BIN:-build/bin}")"
readonly DURABLE="${DURABLE:-1}" PIN_PG="${PIN_PG:-1}"
readonly STARTED=$SECONDS STARTED_AT="$(date -u '+%Y-%m-%d %H:%M UTC')"
readonly LOAD_AT_START="$(cut -d' ' -f1-3 /proc/loadavg)"
for tool in techmatch-server bench_seed load_client; do
  [[ -x "${BIN}/${tool}" ]] || { echo "postgres_ab: no ${BIN}/${tool} (set BIN)" >&2; exit 2; }
done

log() { printf 'postgres_ab: %s\n' "$*" >&2; }

CORES="$(nproc)"
if command -v taskset >/dev/null 2>&1 && ((CORES >= 2)); then
  SERVER_CORE="$((CORES - 1))"
  SERVER_PIN=(taskset -c "${SERVER_CORE}")
  CLIENT_PIN=(taskset -c "0-$((CORES - 2))")
  CLIENT_THREADS="$((CORES - 1))"
else
  SERVER_CORE="" SERVER_PIN=() CLIENT_PIN=() CLIENT_THREADS=1
  log "no taskset or one core: client and servers share the cores"
fi

WORK="$(mktemp -d /tmp/techmatch-pgab.XXXXXX)"
# The cluster's directory apart from WORK: as root its owner is another user, who must be able
# to enter it (scripts/pg-cluster).
CLUSTER=""
DB_NAME="bench_$$"
ADMIN_URI=""
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "${pid}" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [[ -n "${CLUSTER}" ]]; then
    scripts/pg-cluster stop "${CLUSTER}" || true
  elif [[ -n "${ADMIN_URI}" ]]; then
    psql -q "${ADMIN_URI}" -c "DROP DATABASE IF EXISTS ${DB_NAME}" >/dev/null 2>&1 || true
  fi
  if [[ "${KEEP:-0}" == 1 ]]; then log "kept ${WORK}"; else rm -rf "${WORK}"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

wait_port() {  # FILE PID
  local i
  for ((i = 0; i < 600; ++i)); do
    [[ -s "$1" ]] && { cat "$1"; return 0; }
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}
field() { sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p"; }

# --- PostgreSQL -----------------------------------------------------------------------------------
if [[ -n "${PG_URI:-}" ]]; then
  ADMIN_URI="${PG_URI}"
else
  CLUSTER="$(mktemp -u /tmp/tm-pgab.XXXXXX)"
  ADMIN_URI="$(PG_CLUSTER_DURABLE="${DURABLE}" scripts/pg-cluster start "${CLUSTER}")"
  if [[ "${PIN_PG}" == 1 && -n "${SERVER_CORE}" ]]; then
    # Backends forked from now on inherit the postmaster's affinity.
    postmaster="$(head -n1 "${CLUSTER}/data/postmaster.pid")"
    taskset -a -p -c "${SERVER_CORE}" "${postmaster}" >/dev/null
  fi
fi
psql -q "${ADMIN_URI}" -c "CREATE DATABASE ${DB_NAME}" >/dev/null
# The same URI naming the new database (the path's database name replaced).
PG_DB="$(sed -E "s#^(postgres(ql)?://[^/?]*)/[^?]*#\1/${DB_NAME}#" <<<"${ADMIN_URI}")"
PG_SETTINGS="$(psql -At "${PG_DB}" -c "SELECT string_agg(name || '=' || setting, ' ' ORDER BY name)
  FROM pg_settings WHERE name IN ('fsync', 'synchronous_commit', 'shared_buffers')")"

# --- data and servers -----------------------------------------------------------------------------
log "seeding ${NEEDS} needs on both backends"
"${BIN}/bench_seed" --db "${WORK}/server.db" --needs "${NEEDS}" >"${WORK}/seed.log" 2>&1 ||
  { cat "${WORK}/seed.log"; exit 1; }
"${BIN}/bench_seed" --db "${PG_DB}" --needs "${NEEDS}" >>"${WORK}/seed.log" 2>&1 ||
  { cat "${WORK}/seed.log"; exit 1; }
declare -A TOKEN PID ADDR DB
DB[sqlite]="${WORK}/server.db"
DB[postgres]="${PG_DB}"
for side in sqlite postgres; do
  TOKEN[${side}]="$("${BIN}/techmatch-server" --db "${DB[${side}]}" keys create --role ADMIN \
    2>/dev/null | grep -o 'tm_[A-Za-z0-9_.-]*' | head -n1 || true)"
  [[ -n "${TOKEN[${side}]}" ]] || { log "cannot create an API key on ${side}"; exit 1; }
  # The server's defaults on both: SQLite synchronous=full, PostgreSQL's pool of 8.
  "${SERVER_PIN[@]}" "${BIN}/techmatch-server" --db "${DB[${side}]}" --listen 127.0.0.1:0 \
    --port_file "${WORK}/${side}.port" >"${WORK}/${side}.log" 2>&1 &
  PID[${side}]=$!
  PIDS+=("$!")
done
for side in sqlite postgres; do
  ADDR[${side}]="127.0.0.1:$(wait_port "${WORK}/${side}.port" "${PID[${side}]}")" ||
    { cat "${WORK}/${side}.log"; exit 1; }
done
log "sqlite ${ADDR[sqlite]}, postgres ${ADDR[postgres]} (${PG_SETTINGS}), ${CORES} cores"

RESULTS="${WORK}/results"
: >"${RESULTS}"
record() { printf '%s|%s|%s|%s\n' "$1" "$2" "$3" "$4" >>"${RESULTS}"; }  # SCENARIO SIDE ROUND VALUE

load() {  # SIDE ARGS...: one load_client run against SIDE's server; prints its RESULT line
  "${CLIENT_PIN[@]}" "${BIN}/load_client" --target "${ADDR[$1]}" --token "${TOKEN[$1]}" \
    "${@:2}" 2>"${WORK}/client.err" || {
    log "load_client failed against $1: $(cat "${WORK}/client.err")"; exit 1; }
}

# --- rounds: the sides alternate which goes first ---------------------------------------------------
for ((round = 1; round <= ROUNDS; ++round)); do
  log "round ${round}/${ROUNDS}: GetNeed, ListNeeds, CreateNeed"
  if ((round % 2)); then sides=(sqlite postgres); else sides=(postgres sqlite); fi
  timed=(--threads "${CLIENT_THREADS}" --seconds "${SECS}" --warmup "${WARMUP}" --mode closed)
  for scenario in get list create; do
    for side in "${sides[@]}"; do
      line="$(load "${side}" --scenario "${scenario}" --needs "${NEEDS}" "${timed[@]}" \
        --id_prefix "c${round}-")"
      record "${scenario}" "${side}" "${round}" "$(field qps <<<" ${line}")"
      echo "round ${round} ${side} ${scenario} ${line}" >>"${WORK}/runs.log"
    done
  done
done
for ((rep = 1; rep <= IMPORT_REPS; ++rep)); do
  log "import ${rep}/${IMPORT_REPS}: ${IMPORT_ROWS} offerings in one stream"
  if ((rep % 2)); then sides=(postgres sqlite); else sides=(sqlite postgres); fi
  for side in "${sides[@]}"; do
    line="$(load "${side}" --scenario import --rows "${IMPORT_ROWS}" --id_prefix "i${rep}-")"
    record import "${side}" "${rep}" "$(field qps <<<" ${line}")"
    echo "import ${rep} ${side} ${line}" >>"${WORK}/runs.log"
  done
done
[[ "${KEEP:-0}" == 1 ]] && cat "${WORK}/runs.log" >&2

# --- the table --------------------------------------------------------------------------------------
log "done in $((SECONDS - STARTED)) s"
awk -F'|' -v mode="${MODE}" -v rounds="${ROUNDS}" -v secs="${SECS}" -v rows="${IMPORT_ROWS}" \
    -v imports="${IMPORT_REPS}" -v settings="${PG_SETTINGS}" -v started="${STARTED_AT}" -v load0="${LOAD_AT_START}" \
    -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
  { vals[$1 "|" $2] = vals[$1 "|" $2] " " $4; round[$1 "|" $2 "|" $3] = $4; rounds_of[$1] = rounds_of[$1] " " $3 }
  function median_of(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    if (n == 0) return ""
    for (i = 1; i <= n; ++i) for (j = i + 1; j <= n; ++j) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  function median(key) { return median_of(vals[key]) }
  # The rounds ratios of `scenario` (PostgreSQL over SQLite, both sides of one round), in round
  # order, into paired_list; their median is returned.
  function paired(scenario,   n, r, i, b, c, seen, list) {
    n = split(rounds_of[scenario], r, " "); list = ""; paired_list = ""
    for (i = 1; i <= n; ++i) {
      if (r[i] in seen) continue
      seen[r[i]] = 1
      b = round[scenario "|sqlite|" r[i]]; c = round[scenario "|postgres|" r[i]]
      if (b == "" || c == "" || b + 0 == 0) continue
      list = list " " c / b
      paired_list = paired_list (paired_list == "" ? "" : " ") sprintf("%.2f", c / b)
    }
    return median_of(list)
  }
  function row(label, scenario, target,   b, c, r, p, ok) {
    b = median(scenario "|sqlite"); c = median(scenario "|postgres")
    r = (b == "" || c == "" || b + 0 == 0) ? "" : c / b
    p = paired(scenario)
    ok = (target == "") ? "—" : (p == "") ? "no data" : (p >= target) ? "pass" : "FAIL"
    if (ok == "FAIL" || ok == "no data") failed = 1
    printf "| %s | %s | %s | %s | %s | %s | %s | %s |\n", label, b == "" ? "—" : sprintf("%.0f", b),
      c == "" ? "—" : sprintf("%.0f", c), r == "" ? "—" : sprintf("%.2f", r),
      p == "" ? "—" : sprintf("%.2f", p), paired_list == "" ? "—" : paired_list,
      target == "" ? "report" : "≥ " sprintf("%.2f", target), ok
  }
  END {
    printf "bench/postgres_ab.sh %s, started %s: medians of %s rounds of %s s (imports: %s), PostgreSQL %s, load average %s at the start, %s at the end; pass/FAIL by the paired ratio (the median of the per-round ratios)\n\n", mode, started, rounds, secs, imports, settings, load0, load
    print "| scenario | SQLite | PostgreSQL | ratio of medians | paired ratio | rounds | target | result |"
    print "|---|---:|---:|---:|---:|---|---|---|"
    row("GetNeed closed loop, calls/s", "get", 0.6)
    row("ListNeeds by industry, pages of 50, calls/s", "list", "")
    row("CreateNeed closed loop, calls/s", "create", 0.5)
    row(sprintf("ImportOfferings, one stream of %d rows, rows/s", rows), "import", 0.5)
    exit failed
  }
' "${RESULTS}"
