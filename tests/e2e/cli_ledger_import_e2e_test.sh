#!/usr/bin/env bash
# End-to-end: a year of the programme ledger imported from CSV (tests/data/ledger/), one file
# of each kind with one bad row: the good rows are stored, the bad one is reported with its
# line and field and the command exits 1. Running a file again creates nothing twice (each
# row's request_id comes from the file's SHA-256 and its line). --dry-run sends nothing; a file
# over the size limit is refused before anything is sent. Targets on the records-only
# indicators take their actual from the imported records.
#
# usage: cli_ledger_import_e2e_test.sh SERVER_BINARY CLI_BINARY DATA_DIR
set -euo pipefail

server_bin=$1
cli_bin=$2
data=$3

# shellcheck source=tests/e2e/e2e_lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/e2e_lib.sh"

tm organization create --id lzlj --display-name 泸州老窖 --kind ENTERPRISE --region-code 510521
expect_rc 0
tm organization create --id scu --display-name 四川大学 --kind UNIVERSITY --region-code 510100
expect_rc 0
tm organization create --id bank --display-name 泸州银行 --kind FINANCIAL_INSTITUTION \
  --region-code 510500
expect_rc 0

# --- observations ---------------------------------------------------------------------------
tm indicator import-observations "$data/observations.csv"
expect_rc 1
expect_out "accepted: 3  rejected: 1"
expect_out_re "^ +5  observation.indicator +.*comes from the ledger's records"
tm indicator observations --region 510500 --year 2025
expect_rc 0
[[ $(row_count) == 3 ]] || fail "expected 3 observations, got $(row_count)"
expect_out "12,345,000"

# --- projects and fund arrivals -------------------------------------------------------------
# Every row reads well (the bad one is the server's to refuse), and nothing is sent.
tm project import "$data/projects.csv" --dry-run
expect_rc 0
expect_err "dry run: nothing was sent; 3 row(s)"
tm project list
expect_rc 0
expect_no_out "projects/"

tm project import "$data/projects.csv"
expect_rc 1
expect_out "accepted: 2  rejected: 1"
expect_out_re "^ +4  project.lead_organization"
expect_out_re "^ +4  project.region_code"
tm project get lz-002
expect_rc 0
expect_out_re "^approved_funds: +1,200,000.50\$"

tm project import-arrivals "$data/fund_arrivals.csv"
expect_rc 1
expect_out "accepted: 3  rejected: 1"
expect_out_re "^ +5  amount +"
# Again: the rows already stored answer with what they stored; nothing arrives twice.
tm project import-arrivals "$data/fund_arrivals.csv"
expect_rc 1
expect_out "accepted: 3  rejected: 1"
tm project get lx-001
expect_rc 0
expect_out_re "^arrival_count: +2\$"
expect_out_re "^arrived_funds: +3,000,000\$"
tm project import "$data/projects.csv"
expect_rc 1
expect_out "accepted: 2  rejected: 1"
tm project list
expect_rc 0
[[ $(row_count) == 2 ]] || fail "expected 2 projects after the second import, got $(row_count)"

# --- commissioners and financing ------------------------------------------------------------
tm commissioner import "$data/commissioners.csv"
expect_rc 1
expect_out "accepted: 2  rejected: 1"
expect_out_re "^ +4  service_model +.*freelance"
tm commissioner get wang-li
expect_rc 0
expect_out_re "^farmer_income_increase: +150,000\$"

tm financing import "$data/financings.csv"
expect_rc 1
expect_out "accepted: 2  rejected: 1"
expect_out_re "^ +4  financing.recipient"
tm financing import "$data/financings.csv"
expect_rc 1
tm financing list
expect_rc 0
[[ $(row_count) == 2 ]] || fail "expected 2 financings, got $(row_count)"

# --- targets, on observed and on records-only indicators ------------------------------------
tm target import "$data/targets.csv"
expect_rc 1
expect_out "accepted: 5  rejected: 1"
expect_out_re "^ +7  money +.*3 decimals"
tm target get spark-trainees-510500-2025
expect_rc 0
expect_out_re "^actual: +720\$"
tm target get projects-approved-510500-2025
expect_rc 0
expect_out_re "^actual: +2\$"
expect_out_re "^completion: +50.00%\$"
tm target get commissioners-sent-510500-2025
expect_rc 0
expect_out_re "^actual: +2\$"
expect_out_re "^assessment: +MET\$"
tm target get loans-arranged-510500-2025
expect_rc 0
expect_out_re "^actual: +5,000,000\$"
tm target get project-funds-arrived-510000-2025
expect_rc 0
expect_out_re "^actual: +4,200,000.50\$"

# --- files refused as a whole ---------------------------------------------------------------
tm target import "$tmp/no-such.csv"
expect_rc 2
truncate -s 17M "$tmp/big.csv"
tm financing import "$tmp/big.csv"
expect_rc 2
expect_err "over the ledger import limit"
printf 'indicator,year\nspark_trainees,2025\n' >"$tmp/no-region.csv"
tm target import "$tmp/no-region.csv"
expect_rc 2
expect_err "region_code"

finish_server
