#include "core/common/resource_meta.h"

#include "absl/strings/str_cat.h"

namespace techmatch {

std::string Etag(const ResourceMeta& meta) { return absl::StrCat("\"", meta.revision, "\""); }

absl::Status CheckEtag(const ResourceMeta& meta, absl::string_view etag) {
  if (etag.empty() || etag == Etag(meta)) return absl::OkStatus();
  return absl::AbortedError(absl::StrCat("etag ", etag, " is stale: the resource is now at ",
                                         Etag(meta), "; read it again and retry"));
}

}  // namespace techmatch
