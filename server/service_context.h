// What every service handler shares: the repository, the base currency, the page-token codec,
// the matching engine.
#ifndef TECHMATCH_SERVER_SERVICE_CONTEXT_H_
#define TECHMATCH_SERVER_SERVICE_CONTEXT_H_

#include "core/matching/matching_engine.h"
#include "core/money/money.h"
#include "server/page_token.h"
#include "storage/repository.h"

namespace techmatch::server {

class Guard;

struct ServiceContext {
  storage::Repository& repository;
  Currency currency;
  PageTokenCodec page_tokens;
  // Kept current by the handlers after every stored change to a need or offering.
  MatchingEngine& matching;
  // Every handler passes it first (server/handler.h).
  Guard& guard;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_SERVICE_CONTEXT_H_
