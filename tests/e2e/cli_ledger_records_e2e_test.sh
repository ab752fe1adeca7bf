#!/usr/bin/env bash
# End-to-end: the programme ledger's records through the CLI. Projects are created, listed by
# region (a county's project counts in its city), updated, and funds arrive for them: arrivals
# add up exactly, beyond what was approved the project says over_approved, and bad input is
# refused naming every bad field. Commissioners are recorded and listed; a financing counts in
# its recipient's region and may name a bureau's framework agreement with a guarantee company.
#
# usage: cli_ledger_records_e2e_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

tm organization create --id lzlj --display-name 泸州老窖 --kind ENTERPRISE --region-code 510521
expect_rc 0
tm organization create --id scu --display-name 四川大学 --kind UNIVERSITY --region-code 510100
expect_rc 0

# --- projects and fund arrivals -------------------------------------------------------------
tm project create --id zc-017 --title 白酒固态发酵智能化关键技术 --level national \
  --programme 国家科技支撑计划 --lead lzlj --partners scu --region 510521 --year 2026 \
  --approved-funds 300萬
expect_rc 0
expect_out_re "^name: +projects/zc-017\$"
expect_out_re "^level: +NATIONAL\$"
expect_out_re "^approved_funds: +3,000,000\$"
expect_out_re "^arrived_funds: +0\$"
tm project create --id cd-001 --title 成都项目 --level PROVINCIAL --programme 省重点研发计划 \
  --lead scu --region 510104 --year 2025
expect_rc 0
tm project list --filter 'region_code = "510500"'
expect_rc 0
expect_out "projects/zc-017"
expect_no_out "projects/cd-001"
[[ $(row_count) == 1 ]] || fail "expected one project in 510500, got $(row_count)"
tm project list --filter 'year = 2025 AND level = PROVINCIAL'
expect_rc 0
expect_out "projects/cd-001"
expect_no_out "projects/zc-017"

tm project arrive zc-017 --amount 200萬 --arrive-time 2026-03-01 --note 第一笔 --request-id a-1
expect_rc 0
expect_out_re "^name: +projects/zc-017/fundArrivals/000001\$"
# The same request id again: recorded once.
tm project arrive zc-017 --amount 200萬 --arrive-time 2026-03-01 --note 第一笔 --request-id a-1
expect_rc 0
expect_out_re "^name: +projects/zc-017/fundArrivals/000001\$"
tm project arrive zc-017 --amount 1,000,000.01 --arrive-time "2026-06-01 10:00"
expect_rc 0
tm project get zc-017
expect_rc 0
expect_out_re "^arrived_funds: +3,000,000.01\$"
expect_out_re "^over_approved: +true\$"
expect_out_re "^arrival_count: +2\$"
tm project arrivals zc-017
expect_rc 0
expect_out "projects/zc-017/fundArrivals/000001"
expect_out "projects/zc-017/fundArrivals/000002"
[[ $(row_count) == 2 ]] || fail "expected two arrivals, got $(row_count)"
tm project list --filter 'over_approved = true'
expect_rc 0
expect_out "projects/zc-017"
expect_no_out "projects/cd-001"

tm project update zc-017 --approved-funds 400萬
expect_rc 0
expect_out_re "^over_approved: +false\$"

# --- refusals -------------------------------------------------------------------------------
tm project create --title x --level county --programme p --lead ghost --region 5105 --year 1900
expect_rc 1
expect_err "INVALID_ARGUMENT"
expect_err "project.lead_organization"
expect_err "project.region_code"
expect_err "project.year"
tm project arrive zc-017 --amount 0 --arrive-time 2026-03-01
expect_rc 1
expect_err "amount"
tm project create --title x --level city --programme p --lead lzlj --region 510521 --year 2026
expect_rc 2
expect_err "--level"
tm project get zc-017
expect_rc 0
expect_out_re "^arrival_count: +2\$"

# --- commissioners --------------------------------------------------------------------------
tm commissioner create --id wang-li --display-name 王力 --home scu --region 510521 --year 2026 \
  --service-model venture --technologies-promoted 12 --cooperatives 3 \
  --farmer-income-increase 150萬
expect_rc 0
expect_out_re "^service_model: +VENTURE\$"
expect_out_re "^farmer_income_increase: +1,500,000\$"
tm commissioner update wang-li --enterprises-founded 2
expect_rc 0
expect_out_re "^enterprises_founded: +2\$"
expect_out_re "^cooperatives: +3\$"
tm commissioner list --filter 'region_code = "510500" AND year = 2026'
expect_rc 0
expect_out "commissioners/wang-li"
tm commissioner create --display-name 李 --home ghost --region 510521 --year 2026 \
  --service-model MARKET_LED --projects=-1
expect_rc 1
expect_err "commissioner.home_organization"
expect_err "commissioner.projects"

# --- financing ------------------------------------------------------------------------------
tm organization create --id lz-stb --display-name 泸州市科技局 --kind GOVERNMENT --region-code 510500
expect_rc 0
tm organization create --id lz-guarantee --display-name 泸州市科技融资担保公司 \
  --kind FINANCIAL_INSTITUTION --region-code 510500
expect_rc 0
# A bureau's framework agreement with a guarantee company: GOVERNMENT and FINANCIER parties.
tm agreement create --id fw-fin --kind FRAMEWORK_COOPERATION --title 科技金融合作框架协议 \
  --party GOVERNMENT:lz-stb --party FINANCIER:lz-guarantee --sign-time 2026-01-10
expect_rc 0
tm financing create --id g-001 --kind guarantee --provider lz-guarantee --recipient lzlj \
  --amount 500萬 --grant-time 2026-04-01 --agreement fw-fin
expect_rc 0
expect_out_re "^region_code: +510521\$"
expect_out_re "^year: +2026\$"
expect_out_re "^agreement: +agreements/fw-fin\$"
tm financing list --filter 'agreement = fw-fin AND kind = GUARANTEE'
expect_rc 0
expect_out "financings/g-001"
tm financing create --kind loan --provider lz-guarantee --recipient lz-guarantee --amount 1 \
  --grant-time 2026-04-01 --agreement nothing
expect_rc 1
expect_err "financing.recipient"
expect_err "financing.agreement"

finish_server
