// The CSV import end to end: bytes are parsed as a CSV file (client csv_reader), bound to the
// needs, offerings or organizations columns, turned into requests row by row (client
// import_rows), and streamed to ImportNeeds / ImportOfferings (or CreateOrganization) of an
// in-process server (server import flow). Nothing crashes; the server answers documented codes.
#include <cstdlib>

#include "client/csv_reader.h"
#include "client/import_rows.h"
#include "fuzz/fuzz_input.h"
#include "fuzz/in_process_server.h"
#include "techmatch/v1/need.grpc.pb.h"
#include "techmatch/v1/offering.grpc.pb.h"
#include "techmatch/v1/organization.grpc.pb.h"

namespace {

using techmatch::client::CsvColumns;
using techmatch::client::CsvDocument;
using techmatch::client::CsvSchema;

constexpr size_t kMaxRows = 64;

template <typename Request, typename Stub, typename Convert>
void Import(const CsvColumns& columns, const CsvDocument& document, Stub& stub,
            std::unique_ptr<grpc::ClientWriter<Request>> (Stub::*call)(
                grpc::ClientContext*, techmatch::v1::ImportSummary*),
            Convert convert, const char* method) {
  auto context = techmatch::fuzz::NewContext();
  techmatch::v1::ImportSummary summary;
  auto writer = (stub.*call)(context.get(), &summary);
  for (size_t i = 0; i < document.records.size() && i < kMaxRows; ++i) {
    Request request;
    techmatch::v1::ImportRejection rejection;
    if (!convert(columns, document.records[i], "CNY", &request, &rejection)) continue;
    if (!writer->Write(request)) break;
  }
  writer->WritesDone();
  techmatch::fuzz::CheckStatus(writer->Finish(), method);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  techmatch::fuzz::FuzzInput input(data, size);
  const uint8_t kind = input.Byte() % 3;
  absl::StatusOr<CsvDocument> document = techmatch::client::ParseCsv(input.Rest());
  if (!document.ok()) {
    if (document.status().code() != absl::StatusCode::kInvalidArgument) std::abort();
    return 0;
  }
  const CsvSchema& schema = kind == 0   ? techmatch::client::NeedCsvSchema()
                            : kind == 1 ? techmatch::client::OfferingCsvSchema()
                                        : techmatch::client::OrganizationCsvSchema();
  absl::StatusOr<CsvColumns> columns =
      CsvColumns::Bind(document->header, schema.required, schema.optional);
  if (!columns.ok()) return 0;
  auto channel = techmatch::fuzz::InProcessChannel();
  if (kind == 0) {
    auto stub = techmatch::v1::NeedService::NewStub(channel);
    Import<techmatch::v1::ImportNeedsRequest>(*columns, *document, *stub,
                                              &techmatch::v1::NeedService::Stub::ImportNeeds,
                                              techmatch::client::NeedRowToRequest, "ImportNeeds");
  } else if (kind == 1) {
    auto stub = techmatch::v1::OfferingService::NewStub(channel);
    Import<techmatch::v1::ImportOfferingsRequest>(
        *columns, *document, *stub, &techmatch::v1::OfferingService::Stub::ImportOfferings,
        techmatch::client::OfferingRowToRequest, "ImportOfferings");
  } else {
    auto stub = techmatch::v1::OrganizationService::NewStub(channel);
    for (size_t i = 0; i < document->records.size() && i < kMaxRows; ++i) {
      techmatch::v1::CreateOrganizationRequest request;
      techmatch::v1::ImportRejection rejection;
      if (!techmatch::client::OrganizationRowToRequest(*columns, document->records[i], &request,
                                                       &rejection)) {
        continue;
      }
      techmatch::v1::Organization created;
      auto context = techmatch::fuzz::NewContext();
      techmatch::fuzz::CheckStatus(stub->CreateOrganization(context.get(), request, &created),
                                   "CreateOrganization");
    }
  }
  return 0;
}
