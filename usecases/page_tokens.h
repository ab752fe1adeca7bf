// Opaque, tamper-evident page tokens (AIP-158).
//
// A token carries the id to continue after and an HMAC-SHA256 tag over that id and the query's
// scope (method, parent, canonical filter). A forged, truncated or reused-with-another-filter
// token fails the tag check and is refused with INVALID_ARGUMENT on `page_token`.
#ifndef TECHMATCH_USECASES_PAGE_TOKENS_H_
#define TECHMATCH_USECASES_PAGE_TOKENS_H_

#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace techmatch::usecases {

class PageTokenCodec {
 public:
  explicit PageTokenCodec(std::string key) : key_(std::move(key)) {}

  // Empty `after_id` (last page) gives an empty token.
  std::string Encode(absl::string_view scope, absl::string_view after_id) const;
  // Empty token → empty id (first page).
  absl::StatusOr<std::string> Decode(absl::string_view scope, absl::string_view token) const;

 private:
  std::string Tag(absl::string_view scope, absl::string_view after_id) const;
  std::string key_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_PAGE_TOKENS_H_
