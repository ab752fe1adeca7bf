#include "server/thesaurus_conversion.h"

#include <algorithm>
#include <optional>

#include "core/common/resource_id.h"
#include "server/proto_fields.h"

namespace techmatch::server {
namespace {

constexpr absl::string_view kKinds =
    "must be SYNONYM, ABBREVIATION, FORMULA, CROSS_STRAIT, TRANSLATION or PROBLEM";

std::optional<ThesaurusKind> KindFromProto(int kind) {
  switch (kind) {
    case v1::ThesaurusEntry::SYNONYM:
      return ThesaurusKind::kSynonym;
    case v1::ThesaurusEntry::ABBREVIATION:
      return ThesaurusKind::kAbbreviation;
    case v1::ThesaurusEntry::FORMULA:
      return ThesaurusKind::kFormula;
    case v1::ThesaurusEntry::CROSS_STRAIT:
      return ThesaurusKind::kCrossStrait;
    case v1::ThesaurusEntry::TRANSLATION:
      return ThesaurusKind::kTranslation;
    case v1::ThesaurusEntry::PROBLEM:
      return ThesaurusKind::kProblem;
    default:
      return std::nullopt;
  }
}

v1::ThesaurusEntry::Kind KindToProto(ThesaurusKind kind) {
  switch (kind) {
    case ThesaurusKind::kSynonym:
      return v1::ThesaurusEntry::SYNONYM;
    case ThesaurusKind::kAbbreviation:
      return v1::ThesaurusEntry::ABBREVIATION;
    case ThesaurusKind::kFormula:
      return v1::ThesaurusEntry::FORMULA;
    case ThesaurusKind::kCrossStrait:
      return v1::ThesaurusEntry::CROSS_STRAIT;
    case ThesaurusKind::kTranslation:
      return v1::ThesaurusEntry::TRANSLATION;
    case ThesaurusKind::kProblem:
      return v1::ThesaurusEntry::PROBLEM;
  }
  return v1::ThesaurusEntry::KIND_UNSPECIFIED;
}

}  // namespace

ThesaurusRecord ThesaurusRecordFromProto(const v1::ThesaurusEntry& proto, bool require_kind,
                                         Violations& violations) {
  ThesaurusRecord record;
  if (std::optional<ThesaurusKind> kind = KindFromProto(proto.kind())) {
    record.entry.kind = *kind;
  } else if (require_kind || proto.kind() != v1::ThesaurusEntry::KIND_UNSPECIFIED) {
    violations.Add("kind", std::string(kKinds));
  }
  record.entry.from.assign(proto.from().begin(), proto.from().end());
  record.entry.to.assign(proto.to().begin(), proto.to().end());
  record.entry.note = proto.note();
  if (!proto.industry().empty()) {
    absl::StatusOr<std::string> code = ParseResourceName(proto.industry(), kIndustries, "industry");
    if (code.ok()) {
      record.entry.scope = *code;
    } else {
      violations.AddAll(FieldViolationsOf(code.status()));
    }
  }
  return record;
}

void ThesaurusRecordToProto(const ThesaurusRecord& record, v1::ThesaurusEntry& out) {
  out.set_name(ResourceName(kThesaurusEntries, record.meta.id));
  out.set_kind(KindToProto(record.entry.kind));
  for (const std::string& term : record.entry.from) out.add_from(term);
  for (const std::string& term : record.entry.to) out.add_to(term);
  out.set_note(record.entry.note);
  if (!record.entry.scope.empty()) out.set_industry(ResourceName(kIndustries, record.entry.scope));
  MetaToProto(record.meta, out);
}

std::vector<std::string> PopulatedThesaurusPaths(const v1::ThesaurusEntry& proto) {
  std::vector<std::string> paths;
  if (proto.kind() != v1::ThesaurusEntry::KIND_UNSPECIFIED) paths.push_back("kind");
  if (!proto.from().empty()) paths.push_back("from");
  if (!proto.to().empty()) paths.push_back("to");
  if (!proto.note().empty()) paths.push_back("note");
  if (!proto.industry().empty()) paths.push_back("industry");
  return paths;
}

usecases::NewThesaurusEntry NewThesaurusEntryFromProto(
    const v1::CreateThesaurusEntryRequest& request) {
  usecases::NewThesaurusEntry input;
  input.record =
      ThesaurusRecordFromProto(request.thesaurus_entry(), /*require_kind=*/true, input.conversion);
  input.entry_id = request.thesaurus_entry_id();
  input.request_id = request.request_id();
  return input;
}

usecases::ThesaurusEntryUpdate ThesaurusEntryUpdateFromProto(
    const v1::UpdateThesaurusEntryRequest& request) {
  usecases::ThesaurusEntryUpdate input;
  input.name = request.thesaurus_entry().name();
  input.etag = request.thesaurus_entry().etag();
  input.paths =
      MaskPaths(request.update_mask(), PopulatedThesaurusPaths(request.thesaurus_entry()));
  const bool kind_changes = std::any_of(input.paths.begin(), input.paths.end(),
                                        [](auto& path) { return path == "kind" || path == "*"; });
  input.patch = ThesaurusRecordFromProto(request.thesaurus_entry(), kind_changes, input.conversion);
  return input;
}

usecases::ThesaurusListRequest ThesaurusListRequestFromProto(
    const v1::ListThesaurusEntriesRequest& request) {
  usecases::ThesaurusListRequest input;
  if (request.kind() != v1::ThesaurusEntry::KIND_UNSPECIFIED) {
    input.kind = KindFromProto(request.kind());
    if (!input.kind) input.conversion.Add("kind", std::string(kKinds));
  }
  input.term = request.term();
  input.list = {"", request.page_size(), request.page_token()};
  return input;
}

}  // namespace techmatch::server
