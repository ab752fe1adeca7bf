#include "usecases/thesaurus.h"

#include <utility>

#include "absl/strings/str_cat.h"
#include "core/common/resource_id.h"
#include "core/common/status_macros.h"
#include "core/common/text_rules.h"
#include "core/common/update_mask.h"
#include "spdlog/spdlog.h"
#include "usecases/record_flows.h"

namespace techmatch::usecases {
namespace {

constexpr absl::string_view kPrefix = "thesaurus_entry";

absl::Status CheckIndustry(const ThesaurusRecord& record, ReferenceLookup& lookup,
                           Violations& violations) {
  if (record.entry.scope.empty()) return absl::OkStatus();
  TM_ASSIGN_OR_RETURN(bool exists, lookup.IndustryExists(record.entry.scope));
  if (!exists) {
    violations.Add("industry", absl::StrCat("unknown industry ",
                                            ResourceName(kIndustries, record.entry.scope)));
  }
  return absl::OkStatus();
}

const RecordRules<ThesaurusRecord>& Rules() {
  static const RecordRules<ThesaurusRecord> kRules{ValidateThesaurusRecord, CheckIndustry};
  return kRules;
}

void ApplyThesaurusUpdate(const std::vector<std::string>& paths, const ThesaurusRecord& patch,
                          ThesaurusRecord& target, Violations& violations) {
  static const std::vector<MutableField<ThesaurusRecord>> kMutable = {
      {"kind", [](ThesaurusRecord& t, const ThesaurusRecord& p) { t.entry.kind = p.entry.kind; }},
      {"from", [](ThesaurusRecord& t, const ThesaurusRecord& p) { t.entry.from = p.entry.from; }},
      {"to", [](ThesaurusRecord& t, const ThesaurusRecord& p) { t.entry.to = p.entry.to; }},
      {"note", [](ThesaurusRecord& t, const ThesaurusRecord& p) { t.entry.note = p.entry.note; }},
      {"industry",
       [](ThesaurusRecord& t, const ThesaurusRecord& p) { t.entry.scope = p.entry.scope; }},
  };
  ApplyUpdateMask(paths, kMutable, {"name", "create_time", "update_time", "etag"}, patch, target,
                  violations);
}

}  // namespace

absl::Status ThesaurusEntries::CheckDuplicate(const ThesaurusRecord& record,
                                              Violations& violations) {
  if (record.entry.from.empty()) return absl::OkStatus();
  TM_ASSIGN_OR_RETURN(std::vector<ThesaurusRecord> stored, repository_.AllThesaurusEntries());
  for (const ThesaurusRecord& other : stored) {
    if (other.meta.id == record.meta.id || !SameThesaurusEntry(other.entry, record.entry)) {
      continue;
    }
    violations.Add("from",
                   absl::StrCat("duplicates ", ResourceName(kThesaurusEntries, other.meta.id),
                                " (same kind, industry and from terms): update that one"));
    break;
  }
  return absl::OkStatus();
}

absl::Status ThesaurusEntries::Publish() {
  TM_ASSIGN_OR_RETURN(std::vector<ThesaurusRecord> stored, repository_.AllThesaurusEntries());
  if (!have_base_) {
    base_ = matching_.thesaurus();
    have_base_ = true;
  }
  const std::vector<ThesaurusEntry> none;
  TM_ASSIGN_OR_RETURN(std::shared_ptr<const Thesaurus> thesaurus,
                      Thesaurus::Create(LayerThesaurus(base_ ? base_->entries() : none, stored),
                                        matching_.analyzer()));
  matching_.SetThesaurus(std::move(thesaurus));
  return absl::OkStatus();
}

absl::Status ThesaurusEntries::LoadStored() {
  absl::MutexLock lock(&mutex_);
  storage::ListQuery one;
  one.page_size = 1;
  TM_ASSIGN_OR_RETURN(Page<ThesaurusRecord> first,
                      repository_.ListThesaurusEntries(storage::ThesaurusFilter{}, one));
  if (first.items.empty()) return absl::OkStatus();
  TM_RETURN_IF_ERROR(Publish());
  spdlog::info("matching: the thesaurus has the organizers' entries layered over it");
  return absl::OkStatus();
}

absl::Status ThesaurusEntries::Reload() {
  absl::MutexLock lock(&mutex_);
  return Publish();
}

absl::StatusOr<ThesaurusRecord> ThesaurusEntries::Create(NewThesaurusEntry input) {
  absl::MutexLock lock(&mutex_);
  Violations request_level;
  CheckRequestId(input.request_id, request_level);
  Violations own = input.conversion;
  TM_RETURN_IF_ERROR(CheckDuplicate(input.record, own));
  TM_RETURN_IF_ERROR(PrepareNew(input.record, input.entry_id, "thesaurus_entry_id", kPrefix, own,
                                Rules(), repository_, request_level));
  TM_ASSIGN_OR_RETURN(
      ThesaurusRecord created,
      repository_.CreateThesaurusEntry(input.record, {"CreateThesaurusEntry", input.request_id}));
  TM_RETURN_IF_ERROR(Publish());
  return created;
}

absl::StatusOr<ThesaurusRecord> ThesaurusEntries::Get(absl::string_view name) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kThesaurusEntries, "name"));
  return repository_.GetThesaurusEntry(id);
}

absl::StatusOr<ListPage<ThesaurusRecord>> ThesaurusEntries::List(
    const ThesaurusListRequest& request) {
  Violations violations = request.conversion;
  CheckText("term", request.term, 0, kMaxThesaurusSearchChars, false, violations);
  // Page tokens are bound to the kind and term, as other lists bind them to their filter.
  const std::string scope = absl::StrCat(
      "kind=", request.kind ? ThesaurusKindName(*request.kind) : "", "\nterm=", request.term);
  absl::StatusOr<ParsedList> list =
      ParseList("ListThesaurusEntries", scope, request.list, {}, tokens_);
  if (!list.ok()) violations.AddAll(FieldViolationsOf(list.status()));
  if (!violations.empty()) return violations.ToStatus();
  const storage::ThesaurusFilter filter{request.kind, std::string(request.term)};
  TM_ASSIGN_OR_RETURN(Page<ThesaurusRecord> page,
                      repository_.ListThesaurusEntries(filter, list->query));
  return Continued(std::move(page), *list, tokens_);
}

absl::StatusOr<ThesaurusRecord> ThesaurusEntries::Update(const ThesaurusEntryUpdate& input) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(input.name, kThesaurusEntries,
                                                        absl::StrCat(kPrefix, ".name")));
  absl::MutexLock lock(&mutex_);
  storage::Repository& repository = repository_;
  StoredRecord<ThesaurusRecord> stored{
      [&repository](absl::string_view key) { return repository.GetThesaurusEntry(key); },
      [&repository](const ThesaurusRecord& record, int64_t revision) {
        return repository.ReplaceThesaurusEntry(record, revision);
      },
      nullptr};
  stored.admit = [this](const ThesaurusRecord&, ThesaurusRecord& updated) -> absl::Status {
    Violations duplicate;
    TM_RETURN_IF_ERROR(CheckDuplicate(updated, duplicate));
    return PrefixFieldViolations(duplicate.ToStatus(), kPrefix);
  };
  TM_ASSIGN_OR_RETURN(
      ThesaurusRecord updated,
      UpdateRecord<ThesaurusRecord>(stored, Rules(), repository_, id, input.etag, input.paths,
                                    input.patch, input.conversion, kPrefix, ApplyThesaurusUpdate));
  TM_RETURN_IF_ERROR(Publish());
  return updated;
}

absl::Status ThesaurusEntries::Delete(absl::string_view name, absl::string_view etag) {
  TM_ASSIGN_OR_RETURN(std::string id, ParseResourceName(name, kThesaurusEntries, "name"));
  absl::MutexLock lock(&mutex_);
  int64_t revision = 0;
  if (!etag.empty()) {
    TM_ASSIGN_OR_RETURN(ThesaurusRecord current, repository_.GetThesaurusEntry(id));
    TM_RETURN_IF_ERROR(CheckEtag(current.meta, etag));
    revision = current.meta.revision;
  }
  TM_RETURN_IF_ERROR(repository_.DeleteThesaurusEntry(id, revision));
  return Publish();
}

}  // namespace techmatch::usecases
