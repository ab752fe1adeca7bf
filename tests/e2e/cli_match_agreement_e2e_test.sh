#!/usr/bin/env bash
# End-to-end test of the techmatch CLI's matching, agreement and report commands: loads the
# demo's sample fair into a fresh techmatch-server on port 0, then checks ranked matches with
# their reasons, relevance-ordered search, the agreement lifecycle and its errors, report
# totals, and the CSV/JSON/XLSX exports.
#
# usage: cli_match_agreement_e2e_test.sh SERVER_BINARY CLI_BINARY DEMO_DATA_DIR
set -euo pipefail

server_bin=$1
cli_bin=$2
demo_data=$3
# Dates typed on the command line are read in the city's time zone, as the demo does.
export TZ=Asia/Shanghai

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

# --- the sample fair --------------------------------------------------------------------------
tm organization import "$demo_data/organizations.csv"
expect_rc 0
tm event create --id fair-2026 --display-name 2026年泸州市产学研合作洽谈会 \
  --start "2026-10-20 09:00" --end "2026-10-21 17:30" --organizers luzhou-stb
expect_rc 0
for org in luzhou-stb luzhou-laojiao langjiu luzhou-northchem scu scu-chem jiangnan-biotech cas-cib; do
  tm event register fair-2026 "$org"
  expect_rc 0
done
tm need import "$demo_data/needs.csv"
expect_rc 0
tm offering import "$demo_data/offerings.csv"
expect_rc 0

# --- match need: a Traditional-Chinese need, its best offering written in Simplified ----------
tm match need langjiu-003 --page-size 3
expect_rc 0
expect_out_re "^1  0\.[0-9]{3}  offerings/jn-004 +白酒窖泥老化修复与养护技术$"
expect_out_re "^2  0\.[0-9]{3}  offerings/"
expect_out_re "^   shared terms: +.*釀造[^,]*/酿造"
expect_out_re "^   shared industries: liquor$"
expect_out_re "^   signals: +coverage 0\.[0-9]{3} \+ industry 0\.[0-9]{3}"
[[ $(grep -cE '^[0-9]+  [01]\.[0-9]{3}  ' "$tmp/out") == 3 ]] || fail "expected 3 ranked matches"
# Scores are in descending order.
grep -oE '^[0-9]+  [01]\.[0-9]{3}' "$tmp/out" | awk '{print $2}' | sort -rc \
  || fail "scores not in descending order"
tm match need langjiu-003 --json
expect_rc 0
expect_out '"matches":[{"need":"needs/langjiu-003","offering":"offerings/jn-004"'
expect_out '"counterpartText":"酿造"'
expect_out '"signal":"text"'
tm --csv match need langjiu-003 --page-size 1
expect_rc 0
expect_out "rank,offering,offering_title,score,shared_terms,shared_industries,signals,bridges"
expect_out_re "^1,offerings/jn-004,白酒窖泥老化修复与养护技术,0\.[0-9]{3},"
tm match offering jn-004 --page-size 2
expect_rc 0
expect_out_re "^1  0\.[0-9]{3}  needs/langjiu-003 +醬香型白酒釀造窖泥老化修復$"
tm match need lzlj-001 --event fair-2026 --all-industries --page-size 2
expect_rc 0
expect_out_re "^1  0\.[0-9]{3}  offerings/"

# --- thesaurus: organizers' entries over the shipped thesaurus ---------------------------------
tm thesaurus add --kind synonym --from 蓝莓 --to "越橘;笃斯" --industry agriculture --id berry \
  --note 浆果
expect_rc 0
expect_out_re "^name: +thesaurusEntries/berry$"
expect_out_re "^to: +越橘; 笃斯$"
expect_out_re "^industry: +agriculture$"
tm thesaurus add --kind synonym --from 蓝莓 --to blueberry --industry agriculture
expect_rc 1
expect_err "INVALID_ARGUMENT"
expect_err_re "^  thesaurus_entry.from: duplicates thesaurusEntries/berry"
tm thesaurus add --kind colour --from a --to b
expect_rc 2
expect_err "--kind: 'colour' is not one of"
tm thesaurus add --kind problem --from 蓝莓 --to 蓝莓
expect_rc 1
expect_err_re "^  thesaurus_entry.to\[0\]: "
tm thesaurus list --kind synonym --term 越橘
expect_rc 0
expect_out "thesaurusEntries/berry"
tm thesaurus update berry --to 越橘 --note ""
expect_rc 0
expect_out_re "^to: +越橘$"
tm thesaurus update berry
expect_rc 2
expect_err "nothing to update"
tm thesaurus get berry
expect_rc 0
expect_out_re "^kind: +synonym$"
tm thesaurus remove berry
expect_rc 0
expect_out "removed thesaurusEntries/berry"
tm thesaurus get berry
expect_rc 1
expect_err "NOT_FOUND"

# --- match errors -----------------------------------------------------------------------------
tm match need no-such-need
expect_rc 1
expect_err "error: NOT_FOUND"
tm match need lzlj-001 --page-size -1
expect_rc 1
expect_err "INVALID_ARGUMENT"
expect_err_re "^  [a-z_.]*page_size: "
tm need withdraw grain-001
expect_rc 0
tm match need grain-001
expect_rc 1
expect_err "error: FAILED_PRECONDITION"

# --- match watch: a live stream; what is stored while it runs reaches it ----------------------
"$cli_bin" --server "127.0.0.1:$port" match watch need langjiu-003 --min-score 0.2 --count 1 \
  --for 30 >"$tmp/watch.out" 2>"$tmp/watch.err" &
watch_pid=$!
for _ in $(seq 100); do grep -q "^watching" "$tmp/watch.err" 2>/dev/null && break; sleep 0.1; done
grep -q "^watching for offerings fitting needs/langjiu-003 scoring at least 0.200, until 1 arrive" \
  "$tmp/watch.err" || fail "match watch did not start: $(cat "$tmp/watch.err")"
tm offering create --id live-001 --institute scu --title 白酒窖泥老化修复新工艺 --trl 6 \
  --industries liquor
expect_rc 0
wait "$watch_pid" || fail "match watch exited with $?: $(cat "$tmp/watch.err")"
grep -qE "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z  0\.[0-9]{3}  offerings/live-001  白酒窖泥老化修复新工艺$" \
  "$tmp/watch.out" || fail "match watch printed: $(cat "$tmp/watch.out")"
grep -qE "^ +shared terms: +.*窖泥" "$tmp/watch.out" || fail "match watch without reasons"
# A bounded watch that sees nothing ends cleanly when its time is up; CSV starts with its header.
tm --csv match watch query 窖泥 --target needs --industry liquor --for 1
expect_rc 0
expect_out "received_at,need,need_title,score,shared_terms,shared_industries,signals,bridges"
expect_err "0 matches in 1 s"
tm match watch need no-such-need
expect_rc 1
expect_err "error: NOT_FOUND"
tm match watch need langjiu-003 --min-score 2
expect_rc 1
expect_err_re "^  [a-z_.]*min_score: "
tm match watch query 窖泥 --target needs --industry no-such-industry --for 5
expect_rc 1
expect_err_re "^  query.industries\[0\]: "

# --- match event ------------------------------------------------------------------------------
tm match event fair-2026 --per-need-limit 2 --csv "$tmp/matches.csv"
expect_rc 0
expect_out_re "^needs/langjiu-003  醬香型白酒釀造窖泥老化修復$"
expect_out_re "^  1  0\.[0-9]{3}  offerings/jn-004  白酒窖泥老化修复与养护技术  \(.*釀造[^,]*/酿造"
expect_no_out "needs/grain-001"   # withdrawn
expect_err_re "^wrote [0-9]+ rows for 15 needs to "
head -1 "$tmp/matches.csv" | grep -q '^need,need_title,rank,offering,offering_title,score,shared_terms' \
  || fail "match event CSV header"
grep -qE '^needs/langjiu-003,醬香型白酒釀造窖泥老化修復,1,offerings/jn-004,白酒窖泥老化修复与养护技术,0\.[0-9]{3},' \
  "$tmp/matches.csv" || fail "match event CSV lacks the langjiu-003 → jn-004 row"
tm --json match event fair-2026 --per-need-limit 1
expect_rc 0
expect_out '{"need":"needs/langjiu-003","needTitle":"醬香型白酒釀造窖泥老化修復","matches":[{'
tm match event no-such-event
expect_rc 1
expect_err "NOT_FOUND"

# --- free-text search in relevance order, with filter and paging ------------------------------
tm need list --query 酿造
expect_rc 0
expect_out "needs/langjiu-003"   # written 釀造
expect_out "needs/lzlj-002"      # written 酿造
tm need list --query 窖泥老化 --page-size 1000
expect_rc 0
[[ $(sed -n 2p "$tmp/out" | awk '{print $1}') == needs/langjiu-003 ]] || fail "most relevant need not first"
tm need list --query 酿造 --filter 'enterprise = "organizations/langjiu"'
expect_rc 0
expect_out "needs/langjiu-003"
expect_no_out "needs/lzlj-002"
tm need list --query 酿造 --page-size 1
expect_rc 0
[[ $(row_count) == 1 ]] || fail "page of 1, got $(row_count)"
expect_err "--page-token="
tm need list --query 酿造 --page-size 1 --all
expect_rc 0
[[ $(row_count) -ge 2 ]] || fail "--all with --query should walk every page, got $(row_count)"
tm offering list --query 窖泥 --filter 'trl >= 6'
expect_rc 0
expect_out "offerings/jn-004"
expect_out "offerings/cib-001"
expect_no_out "offerings/jn-001"   # TRL 5

# --- agreements: bad input --------------------------------------------------------------------
tm agreement create --id bad --title "" --kind transfer --party SUPPLIER:scu --sign-time 2099-01-01
expect_rc 1
expect_err "error: INVALID_ARGUMENT"
expect_err_re "^  [a-z_.]*title: "
expect_err_re "^  [a-z_.]*parties: "
expect_err_re "^  [a-z_.]*sign_time: "
tm agreement get bad
expect_rc 1
expect_err "NOT_FOUND"
tm agreement create --kind transfer --party scu
expect_rc 2
expect_err "--party"
tm agreement create --kind barter
expect_rc 2
expect_err "--kind"
tm agreement create --kind transfer --contract-amount 約50萬
expect_rc 2
expect_err "--contract-amount"

# --- agreements: create, list, lifecycle ------------------------------------------------------
tm agreement create --id fw --kind FRAMEWORK_COOPERATION --title 校市科技合作框架协议 \
  --party GOVERNMENT:luzhou-stb --party SUPPLIER:scu --event fair-2026 --sign-time "2026-10-20 10:00"
expect_rc 0
expect_out_re "^state: +SIGNED$"
expect_out_re "^parties: +GOVERNMENT organizations/luzhou-stb; SUPPLIER organizations/scu$"
tm agreement create --id dev --kind 技術開發合同 --title 窖泥功能菌群技術開發 \
  --party SUPPLIER:cas-cib --party DEMANDER:luzhou-laojiao --need lzlj-001 --offering cib-001 \
  --industries liquor --event fair-2026 --sign-time "2026-10-20 10:30" \
  --contract-amount 230萬 --total-investment 2.8億
expect_rc 0
expect_out_re "^kind: +TECHNOLOGY_DEVELOPMENT$"
expect_out_re "^contract_amount: +2,300,000$"
expect_out_re "^total_investment: +280,000,000$"
tm agreement create --id svc --kind service --title 窖泥老化修復技術服務 \
  --party SUPPLIER:jiangnan-biotech --party DEMANDER:langjiu --industries liquor \
  --event fair-2026 --sign-time 2026-10-21 --contract-amount 1,234.56 --total-investment 3500万
expect_rc 0
tm agreement list --filter 'kind != FRAMEWORK_COOPERATION'
expect_rc 0
[[ $(row_count) == 2 ]] || fail "2 technology contracts, got $(row_count)"
tm agreement update dev --realized-output-value 1.6億
expect_rc 1
expect_err "FAILED_PRECONDITION"
tm agreement start dev
expect_rc 0
expect_out_re "^state: +IMPLEMENTING$"
tm agreement update dev --realized-output-value 1.6億
expect_rc 0
expect_out_re "^realized_output_value: +160,000,000$"
expect_out_re "^contract_amount: +2,300,000$"   # untouched: not in the update mask
tm agreement complete dev
expect_rc 0
expect_out_re "^state: +COMPLETED$"
tm agreement complete dev
expect_rc 1
expect_err "FAILED_PRECONDITION"
tm agreement terminate dev
expect_rc 1
expect_err "FAILED_PRECONDITION"
tm agreement get dev --history
expect_rc 0
expect_out_re "realized_output_value  \(none\) → 160,000,000$"
tm agreement terminate svc
expect_rc 0
expect_out_re "^state: +TERMINATED$"
tm agreement update svc
expect_rc 2
expect_err "nothing to update"

# --- reports ----------------------------------------------------------------------------------
tm --csv report agreements --group-by kind
expect_rc 0
expect_out "kind,agreements,suppliers,demanders,contract_amount,total_investment"
expect_out_re "^FRAMEWORK_COOPERATION,1,1,0,"
expect_out_re '^TECHNOLOGY_DEVELOPMENT,1,1,1,"2,300,000","280,000,000",'
expect_out_re '^TOTAL,3,3,2,"2,301,234.56","315,000,000",0,0,"160,000,000",0'
tm --unit wan report agreements --group-by kind,industry --filter 'state != TERMINATED'
expect_rc 0
expect_out_re "^KIND +INDUSTRY +AGREEMENTS"
expect_out_re "^TECHNOLOGY_DEVELOPMENT +industries/liquor +1 +1 +1 +230万 +28,000万"
expect_out_re "^TOTAL +2 +2 +1 +230万 +28,000万"
tm report agreements --group-by colour
expect_rc 2
expect_err "--group-by"
tm report event fair-2026 --lang zh-Hans
expect_rc 0
expect_out_re "^needs: +15$"
expect_out_re "^TECHNOLOGY CONTRACTS +2 "
expect_out "项目总投资3.15亿元"
tm report event fair-2026 --lang zh-Hant
expect_rc 0
expect_out "3.15億元"
tm report event fair-2026 --lang en
expect_rc 0
expect_out "CNY 315,000,000.00"
tm report event fair-2026 --lang fr
expect_rc 2

# --- exports ----------------------------------------------------------------------------------
tm agreement export --filter 'event = "events/fair-2026"' \
  --csv "$tmp/a.csv" --json "$tmp/a.json" --xlsx "$tmp/a.xlsx"
expect_rc 0
expect_out "wrote 3 agreements and a totals row to $tmp/a.xlsx"
grep -q '^agreements/dev,窖泥功能菌群技術開發,TECHNOLOGY_DEVELOPMENT,COMPLETED,events/fair-2026,中国科学院成都生物研究所,瀘州老窖股份有限公司,,,liquor,2026-10-20,2300000.00,280000000.00,,,160000000.00,' \
  "$tmp/a.csv" || fail "export CSV row of agreements/dev"
tail -1 "$tmp/a.csv" | grep -q '^合计 total,3 agreements,,,,,,,,,,2301234.56,315000000.00,0.00,0.00,160000000.00,0.00' \
  || fail "export CSV totals row: $(tail -1 "$tmp/a.csv")"
grep -q '"total":{"name":"合计 total","title":"3 agreements"' "$tmp/a.json" || fail "export JSON total"
grep -q '"contract_amount":2301234.56,' "$tmp/a.json" || fail "export JSON total amount"
[[ -s "$tmp/a.xlsx" ]] || fail "empty xlsx"
[[ $(head -c 2 "$tmp/a.xlsx") == PK ]] || fail "xlsx is not a zip archive"
if command -v unzip >/dev/null; then
  # Whole outputs into variables: `grep -q` in a pipe would make unzip fail under pipefail.
  listing=$(unzip -l "$tmp/a.xlsx")
  [[ "$listing" == *xl/worksheets/sheet1.xml* ]] || fail "xlsx lacks its worksheet"
  worksheet=$(unzip -p "$tmp/a.xlsx" xl/worksheets/sheet1.xml)
  [[ "$worksheet" == *"SUM(L2:L4)"* ]] || fail "xlsx lacks the totals formulas"
fi
tm agreement export
expect_rc 2
expect_err "--xlsx"

finish_server
