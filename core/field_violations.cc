#include "core/field_violations.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"

namespace techmatch {
namespace {

// Payload key; the encoding is private to this file: "field\x1Fdescription\x1E" per violation.
constexpr absl::string_view kPayloadUrl = "type.techmatch/field_violations";
constexpr char kUnitSeparator = '\x1F';
constexpr char kRecordSeparator = '\x1E';

std::string Encode(const std::vector<FieldViolation>& violations) {
  std::string out;
  for (const FieldViolation& v : violations) {
    absl::StrAppend(&out, v.field, std::string(1, kUnitSeparator), v.description,
                    std::string(1, kRecordSeparator));
  }
  return out;
}

std::string Summary(const std::vector<FieldViolation>& violations) {
  return absl::StrJoin(violations, "; ", [](std::string* out, const FieldViolation& v) {
    absl::StrAppend(out, v.field, ": ", v.description);
  });
}

}  // namespace

void Violations::Add(std::string field, std::string description) {
  list_.push_back({std::move(field), std::move(description)});
}

void Violations::AddAll(const std::vector<FieldViolation>& other, absl::string_view prefix) {
  for (const FieldViolation& v : other) {
    Add(prefix.empty() ? v.field : absl::StrCat(prefix, ".", v.field), v.description);
  }
}

absl::Status Violations::ToStatus() const {
  if (list_.empty()) return absl::OkStatus();
  return InvalidArgumentError(list_);
}

absl::Status InvalidArgumentError(std::vector<FieldViolation> violations) {
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      absl::StrCat("invalid request: ", Summary(violations)));
  status.SetPayload(kPayloadUrl, absl::Cord(Encode(violations)));
  return status;
}

absl::Status InvalidFieldError(std::string field, std::string description) {
  return InvalidArgumentError({{std::move(field), std::move(description)}});
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kPayloadUrl);
  if (!payload) return out;
  std::string encoded(*payload);
  for (absl::string_view record : absl::StrSplit(encoded, kRecordSeparator, absl::SkipEmpty())) {
    std::pair<absl::string_view, absl::string_view> parts =
        absl::StrSplit(record, absl::MaxSplits(kUnitSeparator, 1));
    out.push_back({std::string(parts.first), std::string(parts.second)});
  }
  return out;
}

absl::Status PrefixFieldViolations(const absl::Status& status, absl::string_view prefix) {
  std::vector<FieldViolation> violations = FieldViolationsOf(status);
  if (violations.empty()) return status;
  Violations prefixed;
  prefixed.AddAll(violations, prefix);
  return prefixed.ToStatus();
}

}  // namespace techmatch
