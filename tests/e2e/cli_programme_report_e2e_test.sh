#!/usr/bin/env bash
# End-to-end: the programme report through the CLI. A small year of a city (the README's worked
# example) is loaded with the ledger's commands, then `report programme` prints it as tables with
# the narrative, as JSON, as CSV sections into a file and as an XLSX workbook; a county's row
# rolls up, the previous year's change is stated, and bad input names every bad field.
#
# usage: cli_programme_report_e2e_test.sh SERVER_BINARY CLI_BINARY
set -euo pipefail

server_bin=$1
cli_bin=$2

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

# --- the year 2025 of 泸州市 (510500) ---------------------------------------------------------
tm organization create --id lzlj --display-name 泸州老窖 --kind ENTERPRISE --region-code 510521
expect_rc 0
tm organization create --id lzhg --display-name 泸天化 --kind ENTERPRISE --region-code 510502
expect_rc 0
tm organization create --id swmu --display-name 西南医科大学 --kind UNIVERSITY --region-code 510502
expect_rc 0
tm organization create --id lz-bank --display-name 泸州银行 --kind FINANCIAL_INSTITUTION \
  --region-code 510500
expect_rc 0
tm target create spark_trainees --region 510500 --year 2025 --count 1000
expect_rc 0
tm indicator record spark_trainees --region 510521 --year 2025 --count 700
expect_rc 0
tm indicator record spark_trainees --region 510502 --year 2025 --count 420
expect_rc 0
tm project create --id zc-017 --title 白酒固态发酵智能化关键技术 --level national \
  --programme 国家科技支撑计划 --lead lzlj --region 510521 --year 2025 --approved-funds 300萬
expect_rc 0
tm project arrive zc-017 --amount 320萬 --arrive-time 2025-06-01
expect_rc 0
tm project create --id sc-101 --title 页岩气压裂化学品 --level provincial \
  --programme 省重点研发计划 --lead lzhg --region 510502 --year 2025 --approved-funds 80萬
expect_rc 0
tm project arrive sc-101 --amount 50萬 --arrive-time 2025-09-01
expect_rc 0
tm project create --id zc-2024 --title 上年项目 --level national --programme 国家科技支撑计划 \
  --lead lzlj --region 510521 --year 2024 --approved-funds 200萬
expect_rc 0
tm project arrive zc-2024 --amount 200萬 --arrive-time 2024-06-01
expect_rc 0
tm commissioner create --id wang-li --display-name 王力 --home swmu --region 510521 --year 2025 \
  --service-model venture --technologies-promoted 12 --cooperatives 3 \
  --farmer-income-increase 150萬
expect_rc 0
tm financing create --id loan-1 --kind loan --provider lz-bank --recipient lzlj --amount 500萬 \
  --grant-time 2025-04-01
expect_rc 0

# --- the report as tables and the narrative ---------------------------------------------------
tm report programme --year 2025 --region 510500
expect_rc 0
expect_out "== projects =="
expect_out_re "^510500 +NATIONAL +1 +3000000.00 +3200000.00 +1 +2000000.00 +2000000.00 +1200000.00 +\+60.0%\$"
expect_out_re "^510500 +TOTAL +2 +3800000.00 +3700000.00 "
expect_out_re "^510521 +NATIONAL +1 "
expect_out_re "^510500 +indicators/spark_trainees +星火培训人次 +COUNT +1000 +1120 +112.00% +MET\$"
expect_out "projects/zc-017"
expect_out "全年争取各级科技项目2项，批准资金380万元，到位资金370万元，比上年增加170万元，增长85.0%。"
expect_out "2025年，全市目标任务完成情况：星火培训人次完成1120，为目标1000的112%，已完成目标任务。"
expect_out "全年科技金融共落实各类资金1笔500万元，惠及1家单位，其中科技贷款1笔500万元。"
expect_out "全年选派科技特派员1名，来自1家派出单位，推广新技术12项，服务专业合作社3个，带动农民增收150万元。"

tm report programme --year 2025 --region 510500 --language en --format json
expect_rc 0
expect_out '"regionCode":"510500"'
expect_out '"subordinateRegions":[{"regionCode":"510502"'
expect_out 'The city won 2 projects'

tm report programme --year 2025 --region 510500 --language zh-Hant --format csv \
  --output "$tmp/report.csv"
expect_rc 0
grep -q '^# projects' "$tmp/report.csv" || fail "no projects section in the CSV"
grep -q '^510500,NATIONAL,1,3000000.00,3200000.00,' "$tmp/report.csv" || fail "CSV projects row"
grep -q '比上年增加170萬元' "$tmp/report.csv" || fail "CSV lacks the Traditional narrative"

tm report programme --year 2025 --region 510500 --format xlsx --output "$tmp/report.xlsx"
expect_rc 0
expect_out "wrote 8 sheets to $tmp/report.xlsx"
[[ $(head -c 2 "$tmp/report.xlsx") == PK ]] || fail "the workbook is not a zip file"
tm report programme --year 2025 --region 510500 --format xlsx
expect_rc 2
expect_err "--output"

# --- refusals ---------------------------------------------------------------------------------
tm report programme --year 1900 --region 5105
expect_rc 1
expect_err "INVALID_ARGUMENT"
expect_err "year"
expect_err "region_code"
tm report programme --year 2025 --region 510500 --language fr
expect_rc 2

finish_server
