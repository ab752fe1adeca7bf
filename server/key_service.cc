#include "absl/strings/str_cat.h"
#include "core/common/status_macros.h"
#include "server/handler.h"
#include "server/people_conversion.h"
#include "server/people_services.h"
#include "server/proto_fields.h"

namespace techmatch::server {

grpc::Status KeyServiceImpl::CreateApiKey(grpc::ServerContext* server_context,
                                          const v1::CreateApiKeyRequest* request,
                                          v1::CreateApiKeyResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::IssuedKey issued, keys_.Create(NewApiKeyFromProto(*request)));
    ApiKeyToProto(issued.key, *response->mutable_api_key());
    response->set_token(std::move(issued.token));
    return absl::OkStatus();
  });
}

grpc::Status KeyServiceImpl::ListApiKeys(grpc::ServerContext* server_context,
                                         const v1::ListApiKeysRequest* request,
                                         v1::ListApiKeysResponse* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(usecases::ListPage<ApiKey> page, keys_.List(ListRequestOf(*request)));
    for (const ApiKey& key : page.items) ApiKeyToProto(key, *response->add_api_keys());
    response->set_next_page_token(std::move(page.next_page_token));
    return absl::OkStatus();
  });
}

grpc::Status KeyServiceImpl::RevokeApiKey(grpc::ServerContext* server_context,
                                          const v1::RevokeApiKeyRequest* request,
                                          v1::ApiKey* response) {
  return Handle(context_, server_context, *request, [&]() -> absl::Status {
    TM_ASSIGN_OR_RETURN(ApiKey key, keys_.Revoke(request->name()));
    context_.guard.long_calls().EndCallsOf(
        key.key_id,
        absl::UnauthenticatedError(absl::StrCat("API key ", key.key_id, " was revoked")));
    ApiKeyToProto(key, *response);
    return absl::OkStatus();
  });
}

void KeyServiceImpl::ServeShortReads(AsyncServer& async) {
  async.Serve(*this, &KeyServiceImpl::RequestListApiKeys, &KeyServiceImpl::ListApiKeys);
}

}  // namespace techmatch::server
