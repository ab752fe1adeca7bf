// techmatch.v1 ThesaurusService: the thesaurus organizers edit at run time. Each handler
// converts its request, calls one use case (usecases/thesaurus.h) and converts the answer.
#ifndef TECHMATCH_SERVER_THESAURUS_SERVICE_H_
#define TECHMATCH_SERVER_THESAURUS_SERVICE_H_

#include "server/service_context.h"
#include "techmatch/v1/thesaurus.grpc.pb.h"
#include "usecases/thesaurus.h"

namespace techmatch::server {

class ThesaurusServiceImpl final : public v1::ThesaurusService::Service {
 public:
  explicit ThesaurusServiceImpl(ServiceContext& context)
      : context_(context), entries_(context.repository, context.page_tokens, context.matching) {}

  // Layers the stored entries over the matching thesaurus; called once at start.
  absl::Status LoadStored() { return entries_.LoadStored(); }
  // The use case, for the follower of other servers' writes (usecases/change_follower.h).
  usecases::ThesaurusEntries& entries() { return entries_; }

  grpc::Status ListThesaurusEntries(grpc::ServerContext* context,
                                    const v1::ListThesaurusEntriesRequest* request,
                                    v1::ListThesaurusEntriesResponse* response) override;
  grpc::Status GetThesaurusEntry(grpc::ServerContext* context,
                                 const v1::GetThesaurusEntryRequest* request,
                                 v1::ThesaurusEntry* response) override;
  grpc::Status CreateThesaurusEntry(grpc::ServerContext* context,
                                    const v1::CreateThesaurusEntryRequest* request,
                                    v1::ThesaurusEntry* response) override;
  grpc::Status UpdateThesaurusEntry(grpc::ServerContext* context,
                                    const v1::UpdateThesaurusEntryRequest* request,
                                    v1::ThesaurusEntry* response) override;
  grpc::Status DeleteThesaurusEntry(grpc::ServerContext* context,
                                    const v1::DeleteThesaurusEntryRequest* request,
                                    google::protobuf::Empty* response) override;

 private:
  ServiceContext& context_;
  usecases::ThesaurusEntries entries_;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_THESAURUS_SERVICE_H_
