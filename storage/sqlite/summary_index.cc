#include "storage/sqlite/summary_index.h"

#include <algorithm>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/container/inlined_vector.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "core/reference/region_code.h"
#include "storage/codec.h"

namespace techmatch::storage::sqlite {
namespace {

constexpr absl::string_view kLatestChange = "SELECT coalesce(max(seq), 0) FROM summary_changes";
constexpr absl::string_view kCountChanges = "SELECT count(*) FROM summary_changes WHERE seq > ?1";
constexpr absl::string_view kChanges =
    "SELECT kind, id FROM summary_changes WHERE seq > ?1 ORDER BY seq";
// The amount columns follow AmountField's order.
constexpr absl::string_view kAllAgreements =
    "SELECT id, kind, state, event_id, sign_time, sign_month, contract_amount, total_investment, "
    "expected_sales_revenue, expected_profit_tax, realized_output_value, realized_profit_tax "
    "FROM agreements";
constexpr absl::string_view kOneAgreement =
    "SELECT id, kind, state, event_id, sign_time, sign_month, contract_amount, total_investment, "
    "expected_sales_revenue, expected_profit_tax, realized_output_value, realized_profit_tax "
    "FROM agreements WHERE id = ?1";
constexpr absl::string_view kAllParties =
    "SELECT agreement_id, organization_id, role FROM agreement_parties";
constexpr absl::string_view kPartiesOf =
    "SELECT agreement_id, organization_id, role FROM agreement_parties WHERE agreement_id = ?1";
constexpr absl::string_view kAllIndustries =
    "SELECT agreement_id, industry_code FROM agreement_industries";
constexpr absl::string_view kIndustriesOf =
    "SELECT agreement_id, industry_code FROM agreement_industries WHERE agreement_id = ?1";
constexpr absl::string_view kAllOrganizations =
    "SELECT id, region_code, coalesce(parent_id, '') FROM organizations";
constexpr absl::string_view kOneOrganization =
    "SELECT id, region_code, coalesce(parent_id, '') FROM organizations WHERE id = ?1";

// Applying more changes than this one by one costs more than reading everything again.
constexpr int64_t kMinChangesForReload = 5000;

// Comparisons as SQLite makes them between two integers.
bool Compare(int64_t value, FilterOp op, int64_t operand) {
  switch (op) {
    case FilterOp::kEq:
      return value == operand;
    case FilterOp::kNe:
      return value != operand;
    case FilterOp::kLt:
      return value < operand;
    case FilterOp::kLe:
      return value <= operand;
    case FilterOp::kGt:
      return value > operand;
    case FilterOp::kGe:
      return value >= operand;
  }
  return false;
}

// The REGION group's value of an organization's code at `level`, as RegionJoin's SQL computes
// it (plain text operations, so codes that are not valid GB/T 2260 codes fare as there).
std::string RegionValue(const std::string& code, RegionLevel level) {
  if (code.empty()) return code;
  switch (level) {
    case RegionLevel::kProvince:
      return absl::StrCat(code.substr(0, 2), "0000");
    case RegionLevel::kCity:
      if (code.size() > 2 && code.substr(2) == "0000") return code;
      return absl::StrCat(code.substr(0, 4), "00");
    case RegionLevel::kCounty:
      break;
  }
  return code;
}

enum class TermField {
  kKind,
  kState,
  kEvent,
  kIndustry,
  kSupplier,
  kDemander,
  kRegionCode,
  kRegion,
  kSignTime,
  kAmount,
};

// The field of a filter term the index evaluates, and the value type it takes; nullopt for
// fields left to SQL.
std::optional<std::pair<TermField, FilterFieldType>> FieldOf(absl::string_view name) {
  using T = FilterFieldType;
  if (name == "kind") return std::pair(TermField::kKind, T::kEnum);
  if (name == "state") return std::pair(TermField::kState, T::kEnum);
  if (name == "event") return std::pair(TermField::kEvent, T::kResource);
  if (name == "industry") return std::pair(TermField::kIndustry, T::kResource);
  if (name == "supplier") return std::pair(TermField::kSupplier, T::kResource);
  if (name == "demander") return std::pair(TermField::kDemander, T::kResource);
  if (name == "region_code") return std::pair(TermField::kRegionCode, T::kString);
  if (name == "region") return std::pair(TermField::kRegion, T::kRegion);
  if (name == "sign_time") return std::pair(TermField::kSignTime, T::kTime);
  if (AmountFieldFromName(name)) return std::pair(TermField::kAmount, T::kAmount);
  return std::nullopt;
}

}  // namespace

absl::Status SummaryOverflowError() {
  return absl::OutOfRangeError(
      "a sum of amounts in this summary exceeds the largest amount that can be represented "
      "(2^63-1 minor units); narrow the filter");
}

struct SummaryIndex::Term {
  TermField field;
  FilterOp op;
  uint32_t id = kNone;  // Interned value or organization; kNone when the index has none.
  std::string text;     // region_code's value; region's prefix.
  int64_t number = 0;   // sign_time in nanoseconds; an amount in minor units.
  size_t amount = 0;
};

struct SummaryIndex::Accumulator {
  int64_t count = 0;
  std::array<int64_t, kAmountFieldCount> sums{};
  absl::flat_hash_set<uint32_t> suppliers;
  absl::flat_hash_set<uint32_t> demanders;

  // False when a sum overflowed.
  bool Add(const Facts& a) {
    ++count;
    for (size_t i = 0; i < kAmountFieldCount; ++i) {
      if (__builtin_add_overflow(sums[i], a.amounts[i], &sums[i])) return false;
    }
    for (const PartyRef& p : a.parties) {
      if (p.role == PartyRole::kSupplier) suppliers.insert(p.organization);
      if (p.role == PartyRole::kDemander) demanders.insert(p.organization);
    }
    return true;
  }

  AgreementTotals Totals() const {
    AgreementTotals totals;
    totals.agreement_count = count;
    totals.supplier_count = static_cast<int64_t>(suppliers.size());
    totals.demander_count = static_cast<int64_t>(demanders.size());
    totals.sums = sums;
    return totals;
  }
};

bool SummaryIndex::Covers(const std::vector<FilterTerm>& filter, const SummaryOptions& options) {
  if (options.colleges_as_parents) return false;
  if (!options.scope.region.empty() && !IsRegionCode(options.scope.region)) return false;
  for (const FilterTerm& term : filter) {
    const auto field = FieldOf(term.field);
    if (!field) return false;
    const auto [which, type] = *field;
    switch (type) {
      case FilterFieldType::kEnum:
      case FilterFieldType::kResource:
      case FilterFieldType::kString:
      case FilterFieldType::kRegion: {
        const auto* text = std::get_if<std::string>(&term.value);
        if (text == nullptr || (term.op != FilterOp::kEq && term.op != FilterOp::kNe)) return false;
        if (type == FilterFieldType::kRegion && !IsRegionCode(*text)) return false;
        break;
      }
      case FilterFieldType::kTime:
        if (!std::holds_alternative<absl::Time>(term.value)) return false;
        break;
      case FilterFieldType::kAmount:
      case FilterFieldType::kInteger:
        if (!std::holds_alternative<int64_t>(term.value)) return false;
        break;
    }
  }
  return true;
}

uint32_t SummaryIndex::Intern(absl::string_view value) {
  auto [it, added] = value_index_.try_emplace(value, static_cast<uint32_t>(values_.size()));
  if (added) values_.emplace_back(value);
  return it->second;
}

uint32_t SummaryIndex::Find(absl::string_view value) const {
  auto it = value_index_.find(value);
  return it == value_index_.end() ? kNone : it->second;
}

uint32_t SummaryIndex::OrganizationIndex(absl::string_view id) {
  auto [it, added] =
      organization_index_.try_emplace(id, static_cast<uint32_t>(organizations_.size()));
  if (added) {
    organizations_.emplace_back();
    organizations_.back().id = std::string(id);
  }
  return it->second;
}

uint32_t SummaryIndex::AgreementSlot(absl::string_view id) {
  auto [it, added] = agreement_slot_.try_emplace(id, static_cast<uint32_t>(agreements_.size()));
  if (added) {
    agreements_.emplace_back();
    agreement_ids_.emplace_back(id);
  }
  return it->second;
}

size_t SummaryIndex::size() {
  std::lock_guard<std::mutex> lock(mu_);
  return static_cast<size_t>(std::count_if(agreements_.begin(), agreements_.end(),
                                           [](const Facts& a) { return a.present; }));
}

namespace {

// Reads an agreements row (the columns of kAllAgreements) into `facts`, interning through
// `intern`.
template <typename Facts, typename InternFn>
void ReadRow(const RowReader& row, Facts& facts, InternFn&& intern, uint32_t none) {
  facts.present = true;
  facts.kind = intern(row.View(1));
  facts.state = intern(row.View(2));
  facts.event = row.IsNull(3) ? none : intern(row.View(3));
  facts.sign_time = row.Int64(4);
  facts.sign_month = row.Int64(5);
  for (size_t i = 0; i < kAmountFieldCount; ++i) {
    facts.amounts[i] = row.Int64(6 + static_cast<int>(i));  // NULL reads as 0.
  }
  facts.parties.clear();
  facts.industries.clear();
}

PartyRole RoleOf(absl::string_view name) {
  // An unknown role counts as neither SUPPLIER nor DEMANDER, as in SQL.
  return PartyRoleFromName(name).value_or(PartyRole::kFinancier);
}

}  // namespace

void SummaryIndex::Load(Connection& connection) {
  values_.clear();
  value_index_.clear();
  organizations_.clear();
  organization_index_.clear();
  agreements_.clear();
  agreement_ids_.clear();
  agreement_slot_.clear();
  {
    ScopedStatement latest = connection.Prepare(kLatestChange);
    applied_ = latest.Step() ? latest.Row().Int64(0) : 0;
  }
  {
    ScopedStatement organizations = connection.Prepare(kAllOrganizations);
    while (organizations.Step()) {
      const RowReader row = organizations.Row();
      OrganizationFacts& o = organizations_[OrganizationIndex(row.View(0))];
      o.stored = true;
      o.region_code = row.Text(1);
      o.parent_id = row.Text(2);
    }
  }
  auto intern = [this](absl::string_view v) { return Intern(v); };
  {
    ScopedStatement agreements = connection.Prepare(kAllAgreements);
    while (agreements.Step()) {
      const RowReader row = agreements.Row();
      ReadRow(row, agreements_[AgreementSlot(row.View(0))], intern, kNone);
    }
  }
  // Both sets come in agreement id order (their primary keys): look each id up once.
  std::string last_id;
  uint32_t last_slot = kNone;
  auto slot_of = [&](absl::string_view id) {
    if (last_slot == kNone || id != last_id) {
      last_id = std::string(id);
      auto it = agreement_slot_.find(id);
      last_slot = it == agreement_slot_.end() ? kNone : it->second;
    }
    return last_slot;
  };
  {
    ScopedStatement parties = connection.Prepare(kAllParties);
    while (parties.Step()) {
      const RowReader row = parties.Row();
      const uint32_t slot = slot_of(row.View(0));
      if (slot == kNone) continue;
      agreements_[slot].parties.push_back({OrganizationIndex(row.View(1)), RoleOf(row.View(2))});
    }
  }
  last_slot = kNone;
  {
    ScopedStatement industries = connection.Prepare(kAllIndustries);
    while (industries.Step()) {
      const RowReader row = industries.Row();
      const uint32_t slot = slot_of(row.View(0));
      if (slot == kNone) continue;
      agreements_[slot].industries.push_back(Intern(row.View(1)));
    }
  }
  loaded_ = true;
}

void SummaryIndex::ReadOrganization(Connection& connection, uint32_t index) {
  OrganizationFacts& o = organizations_[index];
  ScopedStatement find = connection.Prepare(kOneOrganization);
  find.BindText(1, o.id);
  o.stored = find.Step();
  o.region_code = o.stored ? find.Row().Text(1) : "";
  o.parent_id = o.stored ? find.Row().Text(2) : "";
}

void SummaryIndex::ReadAgreement(Connection& connection, uint32_t slot) {
  const std::string& id = agreement_ids_[slot];
  Facts facts;
  {
    ScopedStatement find = connection.Prepare(kOneAgreement);
    find.BindText(1, id);
    if (find.Step()) {
      ReadRow(
          find.Row(), facts, [this](absl::string_view v) { return Intern(v); }, kNone);
    }
  }
  if (facts.present) {
    const size_t known = organizations_.size();
    {
      ScopedStatement parties = connection.Prepare(kPartiesOf);
      parties.BindText(1, id);
      while (parties.Step()) {
        const RowReader row = parties.Row();
        facts.parties.push_back({OrganizationIndex(row.View(1)), RoleOf(row.View(2))});
      }
    }
    for (size_t i = known; i < organizations_.size(); ++i) {
      ReadOrganization(connection, static_cast<uint32_t>(i));
    }
    ScopedStatement industries = connection.Prepare(kIndustriesOf);
    industries.BindText(1, id);
    while (industries.Step()) facts.industries.push_back(Intern(industries.Row().View(1)));
  }
  agreements_[slot] = std::move(facts);
}

void SummaryIndex::Refresh(Connection& connection) {
  int64_t latest = 0;
  {
    ScopedStatement query = connection.Prepare(kLatestChange);
    latest = query.Step() ? query.Row().Int64(0) : 0;
  }
  // Behind what was applied: another file (a restored backup); read it all.
  if (!loaded_ || latest < applied_) return Load(connection);
  if (latest == applied_) return;
  {
    ScopedStatement count = connection.Prepare(kCountChanges);
    count.BindInt64(1, applied_);
    const int64_t changes = count.Step() ? count.Row().Int64(0) : 0;
    if (changes >
        std::max<int64_t>(kMinChangesForReload, static_cast<int64_t>(agreements_.size() / 4))) {
      return Load(connection);
    }
  }
  std::vector<std::pair<bool, std::string>> changed;  // (is an agreement, id)
  {
    ScopedStatement query = connection.Prepare(kChanges);
    query.BindInt64(1, applied_);
    while (query.Step()) {
      const RowReader row = query.Row();
      changed.emplace_back(row.View(0) == "agreement", row.Text(1));
    }
  }
  for (const auto& [agreement, id] : changed) {
    if (agreement) {
      ReadAgreement(connection, AgreementSlot(id));
    } else {
      ReadOrganization(connection, OrganizationIndex(id));
    }
  }
  applied_ = latest;
}

absl::Status SummaryIndex::Summarize(Connection& connection, const std::vector<FilterTerm>& filter,
                                     const std::vector<GroupDimension>& group_by,
                                     const SummaryOptions& options,
                                     std::map<SummaryGroupKey, AgreementTotals>& groups,
                                     AgreementTotals& total) {
  std::lock_guard<std::mutex> lock(mu_);
  Refresh(connection);

  std::vector<Term> terms;
  for (const FilterTerm& f : filter) {
    Term t;
    t.field = FieldOf(f.field)->first;
    t.op = f.op;
    switch (t.field) {
      case TermField::kKind:
      case TermField::kState:
      case TermField::kEvent:
      case TermField::kIndustry:
        t.id = Find(std::get<std::string>(f.value));
        break;
      case TermField::kSupplier:
      case TermField::kDemander: {
        auto it = organization_index_.find(std::get<std::string>(f.value));
        t.id = it == organization_index_.end() ? kNone : it->second;
        break;
      }
      case TermField::kRegionCode:
        t.text = std::get<std::string>(f.value);
        break;
      case TermField::kRegion:
        t.text = std::string(RegionPrefix(std::get<std::string>(f.value)));
        break;
      case TermField::kSignTime:
        t.number = TimeToNanosSaturated(std::get<absl::Time>(f.value));
        break;
      case TermField::kAmount:
        t.number = std::get<int64_t>(f.value);
        t.amount = static_cast<size_t>(*AmountFieldFromName(f.field));
        break;
    }
    terms.push_back(std::move(t));
  }
  const std::string scope_prefix =
      options.scope.region.empty() ? "" : std::string(RegionPrefix(options.scope.region));

  auto any_party = [&](const Facts& a, auto&& pred) {
    for (const PartyRef& p : a.parties) {
      if (pred(p)) return true;
    }
    return false;
  };
  auto stored_in = [&](const PartyRef& p, absl::string_view prefix) {
    const OrganizationFacts& o = organizations_[p.organization];
    return o.stored && absl::StartsWith(o.region_code, prefix);
  };
  auto matches = [&](const Facts& a) {
    for (const Term& t : terms) {
      bool yes = false;
      switch (t.field) {
        case TermField::kKind:
          yes = t.id != kNone && a.kind == t.id;
          break;
        case TermField::kState:
          yes = t.id != kNone && a.state == t.id;
          break;
        case TermField::kEvent:
          yes = t.id != kNone && a.event == t.id;
          break;
        case TermField::kIndustry:
          yes = t.id != kNone &&
                std::find(a.industries.begin(), a.industries.end(), t.id) != a.industries.end();
          break;
        case TermField::kSupplier:
        case TermField::kDemander: {
          const PartyRole role =
              t.field == TermField::kSupplier ? PartyRole::kSupplier : PartyRole::kDemander;
          yes = t.id != kNone && any_party(a, [&](const PartyRef& p) {
                  return p.role == role && p.organization == t.id;
                });
          break;
        }
        case TermField::kRegionCode:
          yes = any_party(a, [&](const PartyRef& p) {
            const OrganizationFacts& o = organizations_[p.organization];
            return o.stored && o.region_code == t.text;
          });
          break;
        case TermField::kRegion:
          yes = any_party(a, [&](const PartyRef& p) { return stored_in(p, t.text); });
          break;
        case TermField::kSignTime:
          if (!Compare(a.sign_time, t.op, t.number)) return false;
          continue;
        case TermField::kAmount:
          if (!Compare(a.amounts[t.amount], t.op, t.number)) return false;
          continue;
      }
      if (yes != (t.op == FilterOp::kEq)) return false;
    }
    if (options.scope.party) {
      const std::string& party = *options.scope.party;
      if (!any_party(a, [&](const PartyRef& p) {
            const OrganizationFacts& o = organizations_[p.organization];
            return o.stored && (o.id == party || (!o.parent_id.empty() && o.parent_id == party));
          })) {
        return false;
      }
    }
    if (!options.scope.region.empty() &&
        !any_party(a, [&](const PartyRef& p) { return stored_in(p, scope_prefix); })) {
      return false;
    }
    return true;
  };

  // Group values per dimension as small numbers: interned ids (EVENT, KIND, STATE, INDUSTRY),
  // organization indexes (SUPPLIER, DEMANDER), ids of this call's region values (REGION), the
  // year or month itself (SIGN_YEAR, SIGN_MONTH); kNone is "".
  std::vector<std::string> region_values;
  absl::flat_hash_map<std::string, uint32_t> region_value_index;
  std::vector<uint32_t> region_of_organization(organizations_.size(), kNone);
  auto region_of = [&](uint32_t organization) {
    uint32_t& id = region_of_organization[organization];
    if (id == kNone) {
      std::string value =
          RegionValue(organizations_[organization].region_code, options.region_level);
      auto [it, added] =
          region_value_index.try_emplace(value, static_cast<uint32_t>(region_values.size()));
      if (added) region_values.push_back(std::move(value));
      id = it->second;
    }
    return id;
  };
  using Values = absl::InlinedVector<uint32_t, 4>;
  auto values_of = [&](const Facts& a, GroupDimension d, Values& out) {
    out.clear();
    switch (d) {
      case GroupDimension::kEvent:
        out.push_back(a.event);
        break;
      case GroupDimension::kKind:
        out.push_back(a.kind);
        break;
      case GroupDimension::kState:
        out.push_back(a.state);
        break;
      case GroupDimension::kIndustry:
        out.assign(a.industries.begin(), a.industries.end());
        if (out.empty()) out.push_back(kNone);
        break;
      case GroupDimension::kRegion:
        // Each distinct region once; parties whose organization is not stored join nothing.
        for (const PartyRef& p : a.parties) {
          if (!organizations_[p.organization].stored) continue;
          const uint32_t r = region_of(p.organization);
          if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
        }
        break;
      case GroupDimension::kSupplier:
        for (const PartyRef& p : a.parties) {
          if (p.role == PartyRole::kSupplier) out.push_back(p.organization);
        }
        if (out.empty()) out.push_back(kNone);
        break;
      case GroupDimension::kDemander:
        for (const PartyRef& p : a.parties) {
          if (p.role == PartyRole::kDemander) out.push_back(p.organization);
        }
        if (out.empty()) out.push_back(kNone);
        break;
      case GroupDimension::kSignYear:
        out.push_back(static_cast<uint32_t>(a.sign_month / 100));
        break;
      case GroupDimension::kSignMonth:
        out.push_back(static_cast<uint32_t>(a.sign_month));
        break;
    }
  };
  auto text_of = [&](GroupDimension d, uint32_t v) -> std::string {
    switch (d) {
      case GroupDimension::kEvent:
      case GroupDimension::kKind:
      case GroupDimension::kState:
      case GroupDimension::kIndustry:
        return v == kNone ? "" : values_[v];
      case GroupDimension::kRegion:
        return region_values[v];
      case GroupDimension::kSupplier:
      case GroupDimension::kDemander:
        return v == kNone ? "" : organizations_[v].id;
      case GroupDimension::kSignYear:
      case GroupDimension::kSignMonth:
        return absl::StrCat(v);
    }
    return "";
  };

  using Key = absl::InlinedVector<uint32_t, 4>;
  absl::flat_hash_map<Key, Accumulator> accumulators;
  Accumulator all;
  std::vector<Values> per_dimension(group_by.size());
  std::vector<size_t> position(group_by.size());
  Key key(group_by.size());
  for (const Facts& a : agreements_) {
    if (!a.present || !matches(a)) continue;
    if (!all.Add(a)) return SummaryOverflowError();
    if (group_by.empty()) continue;
    bool none = false;
    for (size_t d = 0; d < group_by.size(); ++d) {
      values_of(a, group_by[d], per_dimension[d]);
      none = none || per_dimension[d].empty();
      position[d] = 0;
    }
    if (none) continue;
    // Every combination of the dimensions' values, as the SQL joins make them.
    while (true) {
      for (size_t d = 0; d < group_by.size(); ++d) key[d] = per_dimension[d][position[d]];
      if (!accumulators[key].Add(a)) return SummaryOverflowError();
      size_t d = group_by.size();
      while (d > 0 && ++position[d - 1] == per_dimension[d - 1].size()) {
        position[d - 1] = 0;
        --d;
      }
      if (d == 0) break;
    }
  }
  for (const auto& [k, accumulator] : accumulators) {
    SummaryGroupKey text;
    for (size_t d = 0; d < group_by.size(); ++d) text.push_back(text_of(group_by[d], k[d]));
    groups[std::move(text)] = accumulator.Totals();
  }
  total = all.count == 0 ? AgreementTotals{} : all.Totals();
  return absl::OkStatus();
}

}  // namespace techmatch::storage::sqlite
