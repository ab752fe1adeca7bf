// Turning CSV rows into the programme ledger's create requests for the ledger imports
// (ledger_import_runner.h): observations, targets, projects, fund arrivals, commissioners and
// financing. Columns are the API's field names (a record's id column is `id`, as in the needs
// import); organizations and indicators by id or resource name; money as exact 元 text
// (`12345678.90`, `1234.5万`, `2.5亿`, at most two decimals).
//
// As in import_rows.h, a cell the CLI cannot read (a year `2025年`, an amount `abc`, an unknown
// level) rejects the row here, naming the column, and the row is never sent; every other rule
// is the server's, reported from its BadRequest.
#ifndef TECHMATCH_CLIENT_LEDGER_IMPORT_ROWS_H_
#define TECHMATCH_CLIENT_LEDGER_IMPORT_ROWS_H_

#include "absl/strings/string_view.h"
#include "client/csv_reader.h"
#include "client/import_rows.h"
#include "techmatch/v1/commissioner.pb.h"
#include "techmatch/v1/common.pb.h"
#include "techmatch/v1/financing.pb.h"
#include "techmatch/v1/indicator.pb.h"
#include "techmatch/v1/project.pb.h"
#include "techmatch/v1/target.pb.h"

namespace techmatch::client {

const CsvSchema& ObservationCsvSchema();   // indicator,region_code,year,half,count|money|...
const CsvSchema& TargetCsvSchema();        // indicator,region_code,year,count|money|percent_bp
const CsvSchema& ProjectCsvSchema();       // id,title,level,programme,lead_organization,...
const CsvSchema& FundArrivalCsvSchema();   // project,amount,arrive_time,note
const CsvSchema& CommissionerCsvSchema();  // id,display_name,home_organization,...
const CsvSchema& FinancingCsvSchema();     // id,kind,provider,recipient,amount,grant_time,...

// Each fills `request` (without request_id, which the runner derives) and returns true, or
// fills `rejection` (row_number = the record's line) with every unreadable cell and returns
// false. `currency` is the deployment's base currency (for the money cells).
bool ObservationRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                             absl::string_view currency,
                             techmatch::v1::RecordObservationRequest* request,
                             techmatch::v1::ImportRejection* rejection);
bool TargetRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                        absl::string_view currency, techmatch::v1::CreateTargetRequest* request,
                        techmatch::v1::ImportRejection* rejection);
bool ProjectRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                         absl::string_view currency, techmatch::v1::CreateProjectRequest* request,
                         techmatch::v1::ImportRejection* rejection);
bool FundArrivalRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                             absl::string_view currency,
                             techmatch::v1::RecordFundArrivalRequest* request,
                             techmatch::v1::ImportRejection* rejection);
bool CommissionerRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                              absl::string_view currency,
                              techmatch::v1::CreateCommissionerRequest* request,
                              techmatch::v1::ImportRejection* rejection);
bool FinancingRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                           absl::string_view currency,
                           techmatch::v1::CreateFinancingRequest* request,
                           techmatch::v1::ImportRejection* rejection);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_LEDGER_IMPORT_ROWS_H_
