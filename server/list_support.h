// Turning a List request's filter / page_size / page_token into a storage query, and a page's
// continuation into next_page_token.
#ifndef TECHMATCH_SERVER_LIST_SUPPORT_H_
#define TECHMATCH_SERVER_LIST_SUPPORT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/common/filter.h"
#include "server/page_token.h"
#include "storage/repository.h"

namespace techmatch::server {

// A parsed List request and the scope its page tokens are bound to.
struct ParsedList {
  storage::ListQuery query;
  std::string scope;
};

// Validates every part of the request and reports all bad fields at once. `method` and
// `parent` (empty when none) scope the page token.
absl::StatusOr<ParsedList> ParseListRequest(absl::string_view method, absl::string_view parent,
                                            absl::string_view filter, int page_size,
                                            absl::string_view page_token,
                                            const std::vector<FilterField>& fields,
                                            const PageTokenCodec& tokens);

}  // namespace techmatch::server

#endif  // TECHMATCH_SERVER_LIST_SUPPORT_H_
