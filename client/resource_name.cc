#include "client/resource_name.h"

#include "absl/strings/str_cat.h"
#include "client/list_text.h"

namespace techmatch::client {

std::string QualifyName(absl::string_view collection, absl::string_view value) {
  value = TrimText(value);
  if (value.empty() || value.find('/') != absl::string_view::npos) return std::string(value);
  return absl::StrCat(collection, "/", value);
}

std::vector<std::string> QualifyNames(absl::string_view collection,
                                      const std::vector<std::string>& values) {
  std::vector<std::string> names;
  names.reserve(values.size());
  for (const std::string& value : values) names.push_back(QualifyName(collection, value));
  return names;
}

std::string IdOf(absl::string_view name) {
  const size_t slash = name.rfind('/');
  return std::string(slash == absl::string_view::npos ? name : name.substr(slash + 1));
}

}  // namespace techmatch::client
