// A fixed table between a domain enum and its API names ("OPEN", "ENTERPRISE", ...).
#ifndef TECHMATCH_CORE_COMMON_ENUM_NAMES_H_
#define TECHMATCH_CORE_COMMON_ENUM_NAMES_H_

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/string_view.h"

namespace techmatch {

template <typename E, size_t N>
class EnumNames {
 public:
  constexpr explicit EnumNames(std::array<std::pair<E, absl::string_view>, N> entries)
      : entries_(entries) {}

  absl::string_view Name(E value) const {
    for (const auto& [v, name] : entries_) {
      if (v == value) return name;
    }
    return "UNSPECIFIED";
  }
  std::optional<E> FromName(absl::string_view name) const {
    for (const auto& [v, n] : entries_) {
      if (n == name) return v;
    }
    return std::nullopt;
  }
  std::vector<std::string> Names() const {
    std::vector<std::string> names;
    for (const auto& entry : entries_) names.emplace_back(entry.second);
    return names;
  }

 private:
  std::array<std::pair<E, absl::string_view>, N> entries_;
};

}  // namespace techmatch

#endif  // TECHMATCH_CORE_COMMON_ENUM_NAMES_H_
