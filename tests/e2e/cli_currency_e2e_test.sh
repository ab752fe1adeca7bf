#!/usr/bin/env bash
# End-to-end: amounts in a base currency without fen. A server with --base_currency CURRENCY
# (JPY: no minor unit; KWD: three decimals) and the CLI with --currency CURRENCY: budgets are
# typed and shown in that currency's minor unit, finer amounts are refused before any call.
#
# usage: cli_currency_e2e_test.sh SERVER_BINARY CLI_BINARY CURRENCY
set -euo pipefail

server_bin=$1
cli_bin=$2
currency=$3
server_args=(--base_currency "$currency")

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

case "$currency" in
  JPY)
    typed=1,234; shown=1,234; units=1234; nanos=; wan=0.1234万
    finer=1,234.5; finer_why="no minor unit"
    ;;
  KWD)
    typed=1,234.567; shown=1,234.567; units=1234; nanos=567000000; wan=0.1234567万
    finer=1.2345; finer_why="3 decimal places"
    ;;
  *) echo "FAIL: no expectations for $currency" >&2; exit 1 ;;
esac

tm organization create --id acme --display-name 示例企业 --kind ENTERPRISE --region-code 510500
expect_rc 0
tm --currency "$currency" need create --id n1 --enterprise acme --title 窖池温度监测 \
  --industries liquor --budget "$typed"
expect_rc 0
expect_out_re "^budget: +$shown\$"
tm --currency "$currency" need get n1 --json
expect_rc 0
if [[ -n "$nanos" ]]; then
  expect_out "\"budget\":{\"currencyCode\":\"$currency\",\"units\":\"$units\",\"nanos\":$nanos}"
else
  expect_out "\"budget\":{\"currencyCode\":\"$currency\",\"units\":\"$units\"}"
fi
tm --currency "$currency" --unit wan need get n1
expect_rc 0
expect_out_re "^budget: +$wan\$"
# 萬 and 億 in this currency.
tm --currency "$currency" need update n1 --budget 2.5萬
expect_rc 0
expect_out_re "^budget: +25,000\$"
# Finer than the minor unit: refused by the CLI, nothing sent.
tm --currency "$currency" need update n1 --budget "$finer"
expect_rc 2
expect_err "--budget"
expect_err "$finer_why"
tm --currency "$currency" need get n1
expect_rc 0
expect_out_re "^budget: +25,000\$"
# The server refuses the base currency's amounts typed as another currency's.
tm --currency CNY need update n1 --budget 1.5
expect_rc 1
expect_err "INVALID_ARGUMENT"

finish_server
