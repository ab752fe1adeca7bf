#include "client/mask_flags.h"

#include "absl/strings/str_join.h"

namespace techmatch::client {

bool MaskFlags::Given(const std::string& path) const {
  for (const auto& [option, flag_path] : flags_) {
    if (flag_path == path) return option->count() > 0;
  }
  return false;
}

google::protobuf::FieldMask MaskFlags::Mask() const {
  google::protobuf::FieldMask mask;
  for (const auto& [option, path] : flags_) {
    if (option->count() > 0) mask.add_paths(path);
  }
  return mask;
}

std::string MaskFlags::FlagNames() const {
  std::vector<std::string> names;
  for (const auto& [option, path] : flags_) names.push_back(option->get_name());
  return absl::StrJoin(names, ", ");
}

}  // namespace techmatch::client
