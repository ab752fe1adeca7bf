// What every service handler shares: the repository, the base currency, the page-token codec.
#ifndef TECHMATCH_SERVER_SERVICE_CONTEXT_H_
#define TECHMATCH_SERVER_SERVICE_CONTEXT_H_

#include "core/money.h"
#include "server/page_token.h"
#include "storage/repository.h"

namespace techmatch::server {

struct ServiceContext {
  storage::Repository& repository;
  Currency currency;
  PageTokenCodec page_tokens;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_SERVICE_CONTEXT_H_
