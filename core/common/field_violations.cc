#include "core/common/field_violations.h"

#include <utility>

#include "absl/strings/cord.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"

namespace techmatch {
namespace {

// Payload key; the encoding is private to this file. Each violation is two length-prefixed
// strings, "<bytes>:<field><bytes>:<description>", so descriptions that quote a client's text
// (a filter value, say) may hold any byte without splitting into bogus violations.
constexpr absl::string_view kPayloadUrl = "type.techmatch/field_violations";

void AppendString(std::string& out, absl::string_view s) {
  absl::StrAppend(&out, s.size(), ":", s);
}

// Reads one length-prefixed string from the front of `in`; false when malformed.
bool ConsumeString(absl::string_view& in, std::string& out) {
  const size_t colon = in.find(':');
  if (colon == absl::string_view::npos || colon == 0) return false;
  size_t size;
  if (!absl::SimpleAtoi(in.substr(0, colon), &size)) return false;
  in.remove_prefix(colon + 1);
  if (size > in.size()) return false;
  out.assign(in.data(), size);
  in.remove_prefix(size);
  return true;
}

std::string Encode(const std::vector<FieldViolation>& violations) {
  std::string out;
  for (const FieldViolation& v : violations) {
    AppendString(out, v.field);
    AppendString(out, v.description);
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
  if (list_.size() >= kMaxReportedViolations) {
    // Counted, not kept: repeats among the left-out ones may be counted twice.
    if (!seen_.contains(std::make_pair(field, description))) ++omitted_;
    return;
  }
  if (!seen_.emplace(field, description).second) return;
  list_.push_back({std::move(field), std::move(description)});
}

void Violations::AddAll(const std::vector<FieldViolation>& other, absl::string_view prefix) {
  for (const FieldViolation& v : other) {
    Add(prefix.empty() ? v.field : absl::StrCat(prefix, ".", v.field), v.description);
  }
}

void Violations::AddAll(const Violations& other, absl::string_view prefix) {
  AddAll(other.list_, prefix);
  omitted_ += other.omitted_;
}

absl::Status Violations::ToStatus() const {
  if (list_.empty()) return absl::OkStatus();
  std::vector<FieldViolation> reported = list_;
  if (omitted_ > 0) {
    reported.push_back({"request", absl::StrCat("\u2026 and ", omitted_, " more violations")});
  }
  absl::Status status(absl::StatusCode::kInvalidArgument,
                      absl::StrCat("invalid request: ", Summary(reported)));
  status.SetPayload(kPayloadUrl, absl::Cord(Encode(reported)));
  return status;
}

absl::Status InvalidArgumentError(std::vector<FieldViolation> violations) {
  if (violations.empty()) return absl::InvalidArgumentError("invalid request");
  Violations all;
  for (FieldViolation& v : violations) all.Add(std::move(v.field), std::move(v.description));
  return all.ToStatus();
}

absl::Status InvalidFieldError(std::string field, std::string description) {
  return InvalidArgumentError({{std::move(field), std::move(description)}});
}

std::vector<FieldViolation> FieldViolationsOf(const absl::Status& status) {
  std::vector<FieldViolation> out;
  auto payload = status.GetPayload(kPayloadUrl);
  if (!payload) return out;
  const std::string encoded(*payload);
  absl::string_view in = encoded;
  while (!in.empty()) {
    FieldViolation v;
    if (!ConsumeString(in, v.field) || !ConsumeString(in, v.description)) break;
    out.push_back(std::move(v));
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
