#include "server/request_bounds.h"

#include <string>

#include "absl/container/flat_hash_map.h"
#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/list_rules.h"
#include "core/common/text_rules.h"
#include "core/ledger/project.h"

namespace techmatch::server {
namespace {

using google::protobuf::FieldDescriptor;
using google::protobuf::Message;
using google::protobuf::Reflection;

// Deeper than any request message nests; a deeper one is refused rather than walked.
constexpr int kMaxDepth = 16;

// The domain's maxima, by field name: the same name means the same kind of list everywhere.
const absl::flat_hash_map<std::string, size_t>& NamedMaxima() {
  static const auto* const maxima = new absl::flat_hash_map<std::string, size_t>{
      {"keywords", kMaxKeywords},     {"industries", kMaxIndustries},
      {"events", kMaxEventLinks},     {"late_registration_events", kMaxEventLinks},
      {"organizers", kMaxOrganizers}, {"parties", kMaxParties},
      {"patents", kMaxPatents},       {"cooperation_modes", kMaxCooperationModes},
      {"group_by", kMaxGroupBy},      {"paths", kMaxMaskPaths},
      {"partners", kMaxPartners},
  };
  return *maxima;
}

void CheckEnum(const std::string& path, const FieldDescriptor& field, int value,
               Violations& violations) {
  if (field.enum_type()->FindValueByNumber(value) != nullptr) return;
  violations.Add(path, absl::StrCat(value, " is not a value of ", field.enum_type()->name()));
}

void Walk(const Message& message, const std::string& prefix, int depth, Violations& violations) {
  if (depth > kMaxDepth) {
    violations.Add(prefix, absl::StrCat("nests deeper than ", kMaxDepth, " levels"));
    return;
  }
  const Reflection& reflection = *message.GetReflection();
  const auto* descriptor = message.GetDescriptor();
  for (int i = 0; i < descriptor->field_count(); ++i) {
    const FieldDescriptor& field = *descriptor->field(i);
    const std::string path =
        prefix.empty() ? field.name() : absl::StrCat(prefix, ".", field.name());
    if (field.is_repeated()) {
      const int size = reflection.FieldSize(message, &field);
      if (!CheckListSize(path, static_cast<size_t>(size), MaxEntries(field), violations)) continue;
      for (int k = 0; k < size; ++k) {
        const std::string item = absl::StrCat(path, "[", k, "]");
        if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
          Walk(reflection.GetRepeatedMessage(message, &field, k), item, depth + 1, violations);
        } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
          CheckEnum(item, field, reflection.GetRepeatedEnumValue(message, &field, k), violations);
        }
      }
    } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (reflection.HasField(message, &field)) {
        Walk(reflection.GetMessage(message, &field), path, depth + 1, violations);
      }
    } else if (field.cpp_type() == FieldDescriptor::CPPTYPE_ENUM) {
      CheckEnum(path, field, reflection.GetEnumValue(message, &field), violations);
    }
  }
}

}  // namespace

size_t MaxEntries(const FieldDescriptor& field) {
  auto it = NamedMaxima().find(field.name());
  return it != NamedMaxima().end() ? it->second : kMaxOtherListEntries;
}

absl::Status CheckRequestBounds(const Message& request) {
  Violations violations;
  Walk(request, "", 0, violations);
  return violations.ToStatus();
}

}  // namespace techmatch::server
