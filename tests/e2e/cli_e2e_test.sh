#!/usr/bin/env bash
# End-to-end test of the techmatch CLI: starts techmatch-server on port 0 with a fresh
# database, runs every command group against it, imports CSV (the demo's sample fair, then a
# file with bad rows), and checks outputs, exit codes and error reports.
#
# usage: cli_e2e_test.sh SERVER_BINARY CLI_BINARY DEMO_DATA_DIR
set -euo pipefail

server_bin=$1
cli_bin=$2
demo_data=$3

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

# --- usage errors never reach the server ------------------------------------------------------
tm need
expect_rc 2
tm need get
expect_rc 2
tm --unit furlong industry list
expect_rc 2

# --- industries -------------------------------------------------------------------------------
tm industry list
expect_rc 0
expect_out "industries/liquor"
expect_out "酒业"
expect_out "industries/agriculture"
tm industry create tea --zh 茶业 --en Tea
expect_rc 0
expect_out_re "^name: +industries/tea$"
tm industry get tea
expect_rc 0
expect_out_re "^display_name_zh: +茶业$"
tm industry create tea --zh 茶业 --en Tea
expect_rc 1
expect_err "ALREADY_EXISTS"

# --- organizations ----------------------------------------------------------------------------
tm organization import "$demo_data/organizations.csv"
expect_rc 0
expect_out "accepted: 25  rejected: 0"
tm organization get scu-chem
expect_rc 0
expect_out_re "^parent: +organizations/scu$"
expect_out_re "^kind: +UNIVERSITY$"
tm organization list --filter 'kind = UNIVERSITY' --page-size 1000
expect_rc 0
expect_out "organizations/scu-chem"
expect_no_out "organizations/luzhou-laojiao"
tm org list --filter 'parent = "organizations/scu"'
expect_rc 0
[[ $(row_count) == 2 ]] || fail "scu should have 2 colleges, got $(row_count)"
tm organization create --id gy-bank --display-name 古蔺农商银行 --kind 金融機構 --region-code 510525
expect_rc 0
expect_out_re "^kind: +FINANCIAL_INSTITUTION$"
etag=$(sed -n 's/^etag: *//p' "$tmp/out")
[[ -n "$etag" ]] || fail "create printed no etag"
tm organization update gy-bank --display-name 古藺農村商業銀行 --etag "$etag"
expect_rc 0
expect_out_re "^display_name: +古藺農村商業銀行$"
tm organization update gy-bank --region-code 510500 --etag "$etag"
expect_rc 1
expect_err "ABORTED"
# Every bad field is reported, each on its own line.
tm organization create --id bad-org --display-name "" --kind ENTERPRISE --region-code 12
expect_rc 1
expect_err "error: INVALID_ARGUMENT"
expect_err_re "^  [a-z_.]*display_name: "
expect_err_re "^  [a-z_.]*region_code: .*six-digit"
tm organization get bad-org
expect_rc 1
expect_err "NOT_FOUND"
tm organization update gy-bank
expect_rc 2
expect_err "nothing to update"

# --- events -----------------------------------------------------------------------------------
tm event create --id fair-2026 --display-name 2026年泸州市产学研合作洽谈会 --location 泸州市会展中心 \
  --start 2026-10-20T09:00:00+08:00 --end 2026-10-21T18:00:00+08:00 \
  --registration-close 2026-10-10T18:00:00+08:00 --organizers luzhou-stb
expect_rc 0
expect_out_re "^name: +events/fair-2026$"
expect_out_re "^organizers: +organizations/luzhou-stb$"
tm event create --id bad-times --display-name X --start 2026-10-21T09:00:00Z --end 2026-10-20T09:00:00Z
expect_rc 1
expect_err_re "^  [a-z_.]*end_time: "
tm event create --id bad-time --display-name X --start "next tuesday" --end 2026-10-20T09:00:00Z
expect_rc 2
expect_err "--start"
tm event get events/fair-2026
expect_rc 0
expect_out "泸州市会展中心"
tm event update fair-2026 --location 泸州国际会展中心
expect_rc 0
expect_out_re "^location: +泸州国际会展中心$"
tm event list
expect_rc 0
expect_out "events/fair-2026"
# Registration closed on 2026-10-10: only an explicit late registration gets in (recorded).
tm event register fair-2026 luzhou-laojiao
expect_rc 1
expect_err "registration for events/fair-2026 closed"
for org in luzhou-laojiao langjiu tianhua scu jiangnan-biotech cas-cib; do
  tm event register fair-2026 "$org" --late --delegates 2
  expect_rc 0
done
expect_out_re "^late_registration: +true$"
expect_out_re "^delegate_count: +2$"
tm event register fair-2026 luzhou-laojiao  # idempotent, also after the close
expect_rc 0
expect_out_re "^name: +events/fair-2026/participants/luzhou-laojiao$"
tm event participants fair-2026
expect_rc 0
[[ $(row_count) == 6 ]] || fail "expected 6 participants, got $(row_count)"
tm event participants fair-2026 --filter 'kind = ENTERPRISE'
expect_rc 0
[[ $(row_count) == 3 ]] || fail "expected 3 enterprise participants, got $(row_count)"
tm event register fair-2026 no-such-org
expect_rc 1

# --- needs and offerings from the sample fair -------------------------------------------------
# Its registration has closed too: rows for it are rejected whole unless an organizer (here the
# administrator) imports them late, which each record keeps.
tm need import "$demo_data/needs.csv"
expect_rc 1
expect_out "accepted: 0  rejected: 16"
expect_out "registration for events/fair-2026 closed"
tm need import "$demo_data/needs.csv" --late-registration
expect_rc 0
expect_out "accepted: 16  rejected: 0"
tm offering import "$demo_data/offerings.csv" --late
expect_rc 0
expect_out "accepted: 26  rejected: 0"
tm offering get cib-001
expect_rc 0
expect_out_re "^late_registration_events: +events/fair-2026$"

tm need list --filter 'industry = "industries/liquor" AND state = OPEN' --page-size 1000
expect_rc 0
expect_out "needs/lzlj-001"
expect_out "needs/langjiu-002"   # liquor as a secondary industry
expect_no_out "needs/tianhua-001"
tm need get lzlj-003
expect_rc 0
expect_out_re "^title: +白酒風味物質指紋圖譜與勾調輔助系統$"
expect_out "開發基於機器學習"           # the second line of a quoted multi-line cell
expect_out_re "^budget: +4,500,000$"
tm --unit wan need get needs/lzlj-001
expect_rc 0
expect_out_re "^budget: +300万$"
expect_out_re "^cooperation_modes: +JOINT_DEVELOPMENT; TECHNICAL_SERVICE$"
tm need get solar-001 --unit yi
expect_rc 0
expect_out_re "^budget: +1.2亿$"
tm need get lzlj-001 --json
expect_rc 0
expect_out '"name":"needs/lzlj-001"'
expect_out '"budget":{"currencyCode":"CNY","units":"3000000"}'
expect_out '"minTrl":4'
expect_out '"state":"OPEN"'
tm need list --csv --page-size 3
expect_rc 0
head -1 "$tmp/out" | grep -q '^name,enterprise,title,description,keywords,industries,budget,min_trl,cooperation_modes,events,state,create_time,update_time,etag' \
  || fail "CSV header"
tm need list --page-size 5
expect_rc 0
[[ $(row_count) == 5 ]] || fail "page of 5, got $(row_count)"
expect_err "--page-token="
tm need list --page-size 4 --all
expect_rc 0
[[ $(row_count) == 16 ]] || fail "--all should walk to 16 needs, got $(row_count)"
tm need list --json --filter 'enterprise = "organizations/tianhua"'
expect_rc 0
expect_out '"needs":[{'
expect_out '"name":"needs/tianhua-001"'
tm need list --filter 'colour = "red"'
expect_rc 1
expect_err "INVALID_ARGUMENT"
tm offering list --filter 'industry = "industries/energy" AND trl >= 7' --page-size 1000
expect_rc 0
expect_out "offerings/swpu-001"
expect_no_out "offerings/swpu-003"  # TRL 4
tm offering get jn-003
expect_rc 0
expect_out_re "^asking_price: +350,000$"
expect_out "Rapid mycotoxin test strips"

# --- need create / update / withdraw ----------------------------------------------------------
tm need create --id e2e-need --enterprise luzhou-laojiao --title 窖池溫度監測 \
  --industries liquor,electronics --budget 1,234.56 --min-trl 5 --keywords 窖池,溫度 \
  --cooperation-modes 技術服務 --events fair-2026
expect_rc 1
expect_err "FAILED_PRECONDITION"
expect_err "needs/e2e-need cannot be added unless an organizer registers it late"
tm need create --id e2e-need --enterprise luzhou-laojiao --title 窖池溫度監測 \
  --industries liquor,electronics --budget 1,234.56 --min-trl 5 --keywords 窖池,溫度 \
  --cooperation-modes 技術服務 --events fair-2026 --late-registration
expect_rc 0
expect_out_re "^late_registration_events: +events/fair-2026$"
expect_out_re "^budget: +1,234.56$"
expect_out_re "^industries: +industries/liquor; industries/electronics$"
expect_out_re "^state: +OPEN$"
tm need update e2e-need --title "窖池溫度與濕度監測" --budget 2.8億
expect_rc 0
expect_out_re "^title: +窖池溫度與濕度監測$"
expect_out_re "^budget: +280,000,000$"
expect_out_re "^min_trl: +5$"   # untouched: not in the update mask
tm need update e2e-need --min-trl 12
expect_rc 1
expect_err_re "^  [a-z_.]*min_trl: "
tm need create --enterprise scu --title 錯誤 --industries liquor
expect_rc 1
expect_err_re "^  [a-z_.]*enterprise: .*ENTERPRISE"
tm need create --enterprise luzhou-laojiao --title X --industries liquor --budget 1.234
expect_rc 2
expect_err "--budget"
tm need withdraw e2e-need
expect_rc 0
expect_out_re "^state: +WITHDRAWN$"
tm need withdraw e2e-need
expect_rc 1
expect_err "FAILED_PRECONDITION"
tm need update e2e-need --title again
expect_rc 1
expect_err "FAILED_PRECONDITION"
tm need get no-such-need
expect_rc 1
expect_err "error: NOT_FOUND"

# --- offering create / update / withdraw ------------------------------------------------------
tm offering create --id e2e-offer --institute cqu-mech --title "PLC-200 控制改造" --trl 7 \
  --industries machinery --asking-price 45萬 --patents ZL201910123456.7 --cooperation-modes transfer
expect_rc 0
expect_out_re "^asking_price: +450,000$"
expect_out_re "^patents: +ZL201910123456.7$"
tm offering update e2e-offer --trl 8 --asking-price ""
expect_rc 0
expect_out_re "^trl: +8$"
expect_out_re "^asking_price:$"
tm offering create --institute luzhou-stb --title X --industries machinery --trl 10
expect_rc 1
expect_err_re "^  [a-z_.]*trl: "
expect_err_re "^  [a-z_.]*institute: "
tm offering withdraw offerings/e2e-offer
expect_rc 0
expect_out_re "^state: +WITHDRAWN$"

# --- an import with bad rows ------------------------------------------------------------------
# Line numbers matter: the report must name the line a person sees in an editor.
printf '\xEF\xBB\xBF' >"$tmp/bad.csv"
cat >>"$tmp/bad.csv" <<'CSV'
id,enterprise,title,description,keywords,industries,budget,min_trl,cooperation_modes,events
ok-1,luzhou-laojiao,好的需求,"第一行,有逗號
第二行",窖池,liquor,10萬,3,TRANSFER,fair-2026
bad-money,luzhou-laojiao,預算寫錯,,,liquor,約50萬,,,
bad-trl,langjiu,TRL寫錯,,,liquor,,high,,

bad-industry,langjiu,產業不存在,,,spaceflight,,,,
bad-mode,tianhua,Unknown mode,,,chemicals,,,barter,
short-row,tianhua,Too few cells
bad-server,scu,Not an enterprise,,,chemicals,,12,,
ok-2,tianhua,Good row in English,"Commas, ""quotes"" and all",ammonia,chemicals,"1,234.56",,,
CSV
tm need import "$tmp/bad.csv" --late-registration
expect_rc 1
expect_out "accepted: 2  rejected: 6"
expect_out_re "^ +4  budget +.*not an amount"
expect_out_re "^ +5  min_trl +.*technology readiness level"
expect_out_re "^ +7  [a-z_.]*industries"
expect_out_re "^ +8  cooperation_modes +.*barter"
expect_out_re "^ +9  description +missing"
expect_out_re "^ +10  [a-z_.]*enterprise"
expect_out_re "^ +10  [a-z_.]*min_trl"
tm need get ok-1
expect_rc 0
expect_out "第二行"
tm need get ok-2
expect_rc 0
expect_out 'Commas, "quotes" and all'
for id in bad-money bad-trl bad-industry bad-mode short-row bad-server; do
  tm need get "$id"
  expect_rc 1
  expect_err "NOT_FOUND"
done
tm --json need import "$tmp/bad.csv"
expect_rc 1
expect_out '"rejectedCount":"8"'   # ok-1 and ok-2 now exist as well
expect_out '"rowNumber":"4"'

# A cell that is not UTF-8 (here GBK bytes, as an export in the wrong encoding has) rejects its
# row before anything is sent, naming the line and the column; the other rows go in. (It used
# to reach the server, which could not parse the row and took it for the end of the stream.)
printf 'id,enterprise,title,keywords,industries\nutf8-ok-1,tianhua,Good before,,chemicals\nutf8-bad,tianhua,\xb0\xd7\xbe\xc6,,chemicals\nutf8-ok-2,tianhua,Good after,,chemicals\n' >"$tmp/gbk.csv"
tm need import "$tmp/gbk.csv"
expect_rc 1
expect_out "accepted: 2  rejected: 1"
expect_out_re "^ +3  title +is not valid UTF-8 \(byte 0xB0 at offset 0"
tm need get utf8-ok-2
expect_rc 0
tm need get utf8-bad
expect_rc 1
expect_err "NOT_FOUND"

# A header without a required column stops the import before anything is sent.
printf 'id,enterprise,industries\nno-title,luzhou-laojiao,liquor\n' >"$tmp/no-title.csv"
tm need import "$tmp/no-title.csv"
expect_rc 2
expect_err "required column 'title'"
tm need get no-title
expect_rc 1
expect_err "NOT_FOUND"
tm offering import "$tmp/no-such-file.csv"
expect_rc 2
expect_err "cannot open"

# An import with many bad rows: sent 1,000 rows per call, every rejected row written to
# --rejects as it goes (CSV line, field, problem), formulas in it written as text; stdout has
# the exact counts.
{
  echo "id,enterprise,title,industries"
  for i in $(seq 1 2500); do
    if ((i % 10 == 0)); then
      echo "many-$i,tianhua,=1+$i,no-such-industry"
    else
      echo "many-$i,tianhua,Row $i,chemicals"
    fi
  done
} >"$tmp/many.csv"
tm need import "$tmp/many.csv" --rejects "$tmp/rejects.csv"
expect_rc 1
expect_out "accepted: 2250  rejected: 250"
expect_err "250 rejected row(s) written to $tmp/rejects.csv"
[[ $(wc -l <"$tmp/rejects.csv") -eq 251 ]] || fail "rejects file: $(wc -l <"$tmp/rejects.csv") lines"
grep -q "^line,field,problem" "$tmp/rejects.csv" || fail "rejects file lacks its header"
grep -q "^2501,industries\[0\]," "$tmp/rejects.csv" || fail "rejects file lacks line 2501"
tm need get many-2499
expect_rc 0
# SIGTERM during a long import: the CLI finishes the call in progress, sends no more, and says
# exactly how many rows are stored (whole calls of 1,000).
{
  echo "id,enterprise,title,industries"
  for i in $(seq 1 40000); do echo "term-$i,tianhua,Interrupted row $i,chemicals"; done
} >"$tmp/long.csv"
last_command="techmatch need import long.csv, then SIGTERM"
"$cli_bin" --server "127.0.0.1:$port" --timeout 60 need import "$tmp/long.csv" \
  >"$tmp/import.out" 2>"$tmp/import.err" &
import_pid=$!
for _ in $(seq 200); do
  tm need get term-1000
  [[ "$rc" == 0 ]] && break
  sleep 0.05
done
kill -TERM "$import_pid" 2>/dev/null || true
set +e; wait "$import_pid"; rc=$?; set -e
cp "$tmp/import.out" "$tmp/out"
cp "$tmp/import.err" "$tmp/err"
if grep -q "^accepted: 40000" "$tmp/out"; then
  echo "note: the import finished before SIGTERM reached it"
else
  expect_rc 1
  expect_err_re "interrupted: [0-9]+ row\(s\) of 40000 are stored"
  stored=$(grep -oE "interrupted: [0-9]+" "$tmp/err" | grep -oE "[0-9]+")
  [[ $((stored % 1000)) == 0 && "$stored" -ge 1000 ]] || fail "stored $stored"
  tm need get "term-$stored"
  expect_rc 0
  tm need get "term-$((stored + 1))"
  expect_rc 1
fi

# A title that is a formula is written in CSV as text.
printf 'id,enterprise,title,industries\nformula,tianhua,"=HYPERLINK(""http://x"",""y"")",chemicals\n' >"$tmp/formula.csv"
tm need import "$tmp/formula.csv"
expect_rc 0
tm --csv need get formula
expect_rc 0
expect_out "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\""

# --- the server is still healthy, then shut it down cleanly -----------------------------------
finish_server
