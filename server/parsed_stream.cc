#include "server/parsed_stream.h"

#include <optional>

#include "absl/strings/str_cat.h"
#include "core/common/field_violations.h"
#include "core/common/text_rules.h"
#include "google/protobuf/unknown_field_set.h"

namespace techmatch::server {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::UnknownField;
using google::protobuf::UnknownFieldSet;

constexpr int kMaxDepth = 16;

// The path of the first string field in `bytes` (a message of `type`) that is not UTF-8.
std::optional<std::string> InvalidUtf8Field(const Descriptor& type, absl::string_view bytes,
                                            int depth) {
  if (depth > kMaxDepth) return std::nullopt;
  UnknownFieldSet fields;
  if (!fields.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return std::nullopt;
  for (int i = 0; i < fields.field_count(); ++i) {
    const UnknownField& field = fields.field(i);
    if (field.type() != UnknownField::TYPE_LENGTH_DELIMITED) continue;
    const FieldDescriptor* descriptor = type.FindFieldByNumber(field.number());
    if (descriptor == nullptr) continue;
    const std::string& value = field.length_delimited();
    if (descriptor->type() == FieldDescriptor::TYPE_STRING) {
      if (!Utf8Length(value).has_value()) return descriptor->name();
    } else if (descriptor->type() == FieldDescriptor::TYPE_MESSAGE) {
      std::optional<std::string> inner =
          InvalidUtf8Field(*descriptor->message_type(), value, depth + 1);
      if (inner) return absl::StrCat(descriptor->name(), ".", *inner);
    }
  }
  return std::nullopt;
}

// The message's top-level `row_number` when it has such a field and it is readable.
std::optional<int64_t> RowNumber(const Descriptor& type, absl::string_view bytes) {
  const FieldDescriptor* row = type.FindFieldByName("row_number");
  if (row == nullptr) return std::nullopt;
  UnknownFieldSet fields;
  if (!fields.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) return std::nullopt;
  std::optional<int64_t> found;
  for (int i = 0; i < fields.field_count(); ++i) {
    const UnknownField& field = fields.field(i);
    if (field.number() == row->number() && field.type() == UnknownField::TYPE_VARINT) {
      found = static_cast<int64_t>(field.varint());  // the last occurrence wins, as in a parse
    }
  }
  return found;
}

}  // namespace

absl::Status UnparsableMessageError(const Descriptor& type, absl::string_view bytes,
                                    int64_t position) {
  std::string where = absl::StrCat("message ", position, " of the stream");
  if (std::optional<int64_t> row = RowNumber(type, bytes); row && *row > 0) {
    absl::StrAppend(&where, " (row ", *row, ")");
  }
  if (std::optional<std::string> field = InvalidUtf8Field(type, bytes, 0)) {
    return InvalidArgumentError(
        {{*field, absl::StrCat("is not valid UTF-8 in ", where,
                               "; text fields must be UTF-8. Nothing after it was read")}});
  }
  return absl::InvalidArgumentError(
      absl::StrCat(where, " is not a valid ", type.full_name(),
                   " (malformed protobuf); nothing after it was read"));
}

}  // namespace techmatch::server
