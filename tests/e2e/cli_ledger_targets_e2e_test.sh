#!/usr/bin/env bash
# End-to-end: the programme ledger through the CLI — the seeded indicators, figures recorded
# for a city's counties, a second figure refused and then corrected with its etag, a target
# issued to the city with its actual rolled up from the counties, and the lists.
#
# usage: cli_ledger_targets_e2e_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

tm indicator list --page-size 100
expect_rc 0
expect_out "indicators/spark_trainees"
expect_out "星火培训人次"
expect_out "DERIVED"
[[ $(row_count) == 16 ]] || fail "expected the 16 seeded indicators, got $(row_count)"

tm indicator record spark_trainees --region 510521 --year 2025 --half 1 --count 300
expect_rc 0
expect_out_re "^name: +observations/spark-trainees-510521-2025-h1\$"
tm indicator record spark_trainees --region 510522 --year 2025 --half 1 --count 250 \
  --note 泸县统计表
expect_rc 0
# The same key again: refused; with the etag it replaces the figure.
tm indicator record spark_trainees --region 510522 --year 2025 --half 1 --count 260
expect_rc 1
expect_err "ALREADY_EXISTS"
tm indicator observations --region 510522 --json
expect_rc 0
etag=$(sed -n 's/.*"etag":"\(\\"[^\\]*\\"\)".*/\1/p' "$tmp/out" | sed 's/\\"/"/g')
[[ -n "$etag" ]] || fail "no etag in $(cat "$tmp/out")"
tm indicator record spark_trainees --region 510522 --year 2025 --half 1 --count 260 \
  --etag "$etag"
expect_rc 0
expect_out_re "^value: +260\$"
# Money for a COUNT indicator, and a half that is not 1 or 2, named together.
tm indicator record spark_trainees --region 510523 --year 2025 --half 3 --money 5
expect_rc 1
expect_err "INVALID_ARGUMENT"
expect_err "observation.money"
expect_err "observation.half"
tm indicator record new_output_value --region 510500 --year 2025 --money 1,234.50
expect_rc 0
expect_out_re "^value: +1,234.50\$"

tm indicator observations --indicator spark_trainees --region 510500 --year 2025
expect_rc 0
[[ $(row_count) == 2 ]] || fail "expected 2 observations, got $(row_count)"

tm target create spark_trainees --region 510500 --year 2025 --count 1000
expect_rc 0
expect_out_re "^name: +targets/spark-trainees-510500-2025\$"
expect_out_re "^actual: +560\$"
expect_out_re "^completion: +56.00%\$"
tm target list --region 510000
expect_rc 0
expect_out "spark_trainees"
[[ $(row_count) == 1 ]] || fail "expected 1 target, got $(row_count)"
tm target update spark-trainees-510500-2025 --count 2000
expect_rc 0
expect_out_re "^completion: +28.00%\$"
tm target get spark-trainees-510500-2025
expect_rc 0
expect_out_re "^target: +2000\$"
expect_out "H1 560 (28.00%)"

finish_server
