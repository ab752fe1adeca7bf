// What every service handler shares: the repository, the base currency, the page-token codec,
// the matching engine and the guard. The services build their use cases (usecases/) on them.
#ifndef TECHMATCH_SERVER_SERVICE_CONTEXT_H_
#define TECHMATCH_SERVER_SERVICE_CONTEXT_H_

#include "core/matching/matching_engine.h"
#include "core/money/money.h"
#include "storage/repository.h"
#include "usecases/page_tokens.h"

namespace techmatch::server {

class Guard;

struct ServiceContext {
  storage::Repository& repository;
  Currency currency;
  usecases::PageTokenCodec page_tokens;
  // Kept current by the use cases after every stored change to a need or offering.
  MatchingEngine& matching;
  // Every handler passes it first (server/handler.h).
  Guard& guard;
};

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_SERVICE_CONTEXT_H_
