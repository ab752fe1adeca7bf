#include "server/thesaurus_service.h"

#include "core/common/status_macros.h"
#include "server/handler.h"
#include "server/thesaurus_conversion.h"

namespace techmatch::server {

grpc::Status ThesaurusServiceImpl::ListThesaurusEntries(
    grpc::ServerContext* server_context, const v1::ListThesaurusEntriesRequest* request,
    v1::ListThesaurusEntriesResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<ThesaurusRecord> page,
                        entries_.List(ThesaurusListRequestFromProto(*request)));
    for (const ThesaurusRecord& record : page.items) {
      ThesaurusRecordToProto(record, *response->add_thesaurus_entries());
    }
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status ThesaurusServiceImpl::GetThesaurusEntry(grpc::ServerContext* server_context,
                                                     const v1::GetThesaurusEntryRequest* request,
                                                     v1::ThesaurusEntry* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(ThesaurusRecord record, entries_.Get(request->name()));
    ThesaurusRecordToProto(record, *response);
    return absl::OkStatus();
  });
}

grpc::Status ThesaurusServiceImpl::CreateThesaurusEntry(
    grpc::ServerContext* server_context, const v1::CreateThesaurusEntryRequest* request,
    v1::ThesaurusEntry* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(ThesaurusRecord record,
                        entries_.Create(NewThesaurusEntryFromProto(*request)));
    ThesaurusRecordToProto(record, *response);
    return absl::OkStatus();
  });
}

grpc::Status ThesaurusServiceImpl::UpdateThesaurusEntry(
    grpc::ServerContext* server_context, const v1::UpdateThesaurusEntryRequest* request,
    v1::ThesaurusEntry* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(ThesaurusRecord record,
                        entries_.Update(ThesaurusEntryUpdateFromProto(*request)));
    ThesaurusRecordToProto(record, *response);
    return absl::OkStatus();
  });
}

grpc::Status ThesaurusServiceImpl::DeleteThesaurusEntry(
    grpc::ServerContext* server_context, const v1::DeleteThesaurusEntryRequest* request,
    google::protobuf::Empty* /*response*/) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    return entries_.Delete(request->name(), request->etag());
  });
}

}  // namespace techmatch::server
