#include "core/common/resource_id.h"

#include "absl/random/random.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/common/bounded_text.h"
#include "core/common/field_violations.h"

namespace techmatch {

bool IsValidId(absl::string_view id) {
  if (id.empty() || id.size() > 63) return false;
  auto lower_or_digit = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!lower_or_digit(id[0])) return false;
  for (char c : id) {
    if (!lower_or_digit(c) && c != '-') return false;
  }
  return true;
}

std::string GenerateId() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyz0123456789";
  thread_local absl::BitGen gen;
  std::string id(16, 'a');
  for (char& c : id) c = kAlphabet[absl::Uniform<size_t>(gen, 0, sizeof(kAlphabet) - 1)];
  return id;
}

std::string ResourceName(absl::string_view collection, absl::string_view id) {
  return absl::StrCat(collection, "/", id);
}

absl::StatusOr<std::string> ParseResourceName(absl::string_view name, absl::string_view collection,
                                              absl::string_view field) {
  std::string prefix = absl::StrCat(collection, "/");
  if (!absl::StartsWith(name, prefix) || !IsValidId(name.substr(prefix.size()))) {
    return InvalidFieldError(std::string(field),
                             absl::StrCat("must be a resource name '", collection,
                                          "/{id}' with id [a-z0-9][a-z0-9-]{0,62}, got '",
                                          BoundedText(name, kMaxEchoBytes), "'"));
  }
  return std::string(name.substr(prefix.size()));
}

absl::StatusOr<std::string> ParseResourceNameOrId(absl::string_view name,
                                                  absl::string_view collection,
                                                  absl::string_view field) {
  if (IsValidId(name)) return std::string(name);
  return ParseResourceName(name, collection, field);
}

}  // namespace techmatch
