// Turning CSV rows into API requests for the import commands.
//
// Cells the CLI itself cannot read (an amount like `abc`, TRL `seven`, an unknown cooperation
// mode) reject the row here, with its line and field, and the row is never sent: the server
// could only see a default value in their place and would report a misleading problem.
// Everything else (empty titles, unknown industries, ...) is left to the server's validation.
#ifndef TECHMATCH_CLIENT_IMPORT_ROWS_H_
#define TECHMATCH_CLIENT_IMPORT_ROWS_H_

#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "client/csv_reader.h"
#include "techmatch/v1/common.pb.h"
#include "techmatch/v1/need.pb.h"
#include "techmatch/v1/offering.pb.h"
#include "techmatch/v1/organization.pb.h"

namespace techmatch::client {

// The columns an import file may have; a missing required column stops the import before
// anything is sent.
struct CsvSchema {
  std::vector<std::string> required;
  std::vector<std::string> optional;
};

const CsvSchema& NeedCsvSchema();          // id,enterprise,title,description,keywords,...
const CsvSchema& OfferingCsvSchema();      // id,institute,title,description,keywords,...
const CsvSchema& OrganizationCsvSchema();  // id,display_name,kind,parent,region_code,industries

// Each fills `request` (with row_number = the record's line) and returns true, or fills
// `rejection` with every unreadable cell of the row and returns false.
bool NeedRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                      absl::string_view currency, techmatch::v1::ImportNeedsRequest* request,
                      techmatch::v1::ImportRejection* rejection);
bool OfferingRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                          absl::string_view currency,
                          techmatch::v1::ImportOfferingsRequest* request,
                          techmatch::v1::ImportRejection* rejection);
bool OrganizationRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                              techmatch::v1::CreateOrganizationRequest* request,
                              techmatch::v1::ImportRejection* rejection);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_IMPORT_ROWS_H_
