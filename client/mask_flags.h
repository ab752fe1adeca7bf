// Update commands: each field flag the user gives becomes one update_mask path (AIP-134), so
// fields the user did not mention are never overwritten.
#ifndef TECHMATCH_CLIENT_MASK_FLAGS_H_
#define TECHMATCH_CLIENT_MASK_FLAGS_H_

#include <string>
#include <utility>
#include <vector>

#include "CLI/CLI.hpp"
#include "google/protobuf/field_mask.pb.h"

namespace techmatch::client {

class MaskFlags {
 public:
  // `option` sets the field at `path`.
  void Add(CLI::Option* option, std::string path) { flags_.emplace_back(option, std::move(path)); }

  // Whether the flag for `path` was given.
  bool Given(const std::string& path) const;
  // A mask of the paths whose flags were given; empty when none were.
  google::protobuf::FieldMask Mask() const;
  // "--title, --description, ..." for the error when no field flag was given.
  std::string FlagNames() const;

 private:
  std::vector<std::pair<CLI::Option*, std::string>> flags_;
};

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_MASK_FLAGS_H_
