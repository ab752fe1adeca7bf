// Industries (IndustryService): the reference list needs and offerings are filed under. An
// industry's id is its code, which people read in filters, so it is never generated.
#ifndef TECHMATCH_USECASES_INDUSTRIES_H_
#define TECHMATCH_USECASES_INDUSTRIES_H_

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/reference/industry.h"
#include "storage/repository.h"
#include "usecases/lists.h"
#include "usecases/page_tokens.h"

namespace techmatch::usecases {

struct NewIndustry {
  Industry industry;
  absl::string_view industry_id;  // The code; required.
  absl::string_view request_id;
};

class Industries {
 public:
  Industries(storage::Repository& repository, const PageTokenCodec& tokens)
      : repository_(repository), tokens_(tokens) {}

  absl::StatusOr<Industry> Create(NewIndustry input);
  absl::StatusOr<Industry> Get(absl::string_view name);
  // Industries take no filter fields.
  absl::StatusOr<ListPage<Industry>> List(const ListRequest& request);

 private:
  storage::Repository& repository_;
  const PageTokenCodec& tokens_;
};

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_INDUSTRIES_H_
