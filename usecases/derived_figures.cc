#include "usecases/derived_figures.h"

#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "core/agreements/agreement.h"
#include "core/common/filter.h"
#include "core/common/status_macros.h"
#include "core/reference/region_code.h"

namespace techmatch::usecases {
namespace {

bool TransformsAchievement(const Agreement& agreement) {
  const bool kind_counts = agreement.kind == AgreementKind::kTechnologyTransfer ||
                           agreement.kind == AgreementKind::kTechnologyLicense ||
                           agreement.kind == AgreementKind::kTechnologyDevelopment;
  const bool in_use = agreement.state == AgreementState::kImplementing ||
                      agreement.state == AgreementState::kCompleted;
  return kind_counts && in_use;
}

absl::StatusOr<std::vector<RegionFigure>> AchievementsTransformed(storage::Repository& repository,
                                                                  absl::string_view region,
                                                                  int year) {
  // The year in China Standard Time, as agreement reports group by it.
  const std::vector<FilterTerm> filter = {
      {"sign_time", FilterOp::kGe, PeriodEnd(year - 1, kWholeYear)},
      {"sign_time", FilterOp::kLt, PeriodEnd(year, kWholeYear)},
  };
  storage::ReadScope scope;
  scope.region = std::string(region);
  // The demanders of each contract that counts, in party order. Organizations are looked up
  // after the export: the export holds a reader for its snapshot until it ends.
  std::vector<std::vector<std::string>> demanders;
  TM_RETURN_IF_ERROR(
      repository.ExportAgreements(filter, scope, [&](const Agreement& agreement) -> absl::Status {
        if (!TransformsAchievement(agreement)) return absl::OkStatus();
        std::vector<std::string>& ids = demanders.emplace_back();
        for (const Party& party : agreement.parties) {
          if (party.role == PartyRole::kDemander) ids.push_back(party.organization_id);
        }
        return absl::OkStatus();
      }));
  absl::flat_hash_map<std::string, std::string> region_of;  // organization id → region code
  absl::flat_hash_map<std::string, int64_t> counts;
  for (const std::vector<std::string>& ids : demanders) {
    for (const std::string& id : ids) {
      auto it = region_of.find(id);
      if (it == region_of.end()) {
        TM_ASSIGN_OR_RETURN(Organization organization, repository.GetOrganization(id));
        it = region_of.emplace(id, organization.region_code).first;
      }
      if (RegionContains(region, it->second)) {
        ++counts[it->second];
        break;
      }
    }
  }
  std::vector<RegionFigure> figures;
  for (const auto& [code, count] : counts) figures.push_back({code, count});
  return figures;
}

std::optional<storage::RecordFigure> RecordFigureOf(absl::string_view indicator_code) {
  using storage::RecordFigure;
  if (indicator_code == "projects_approved") return RecordFigure::kProjectsApproved;
  if (indicator_code == "project_funds_arrived") return RecordFigure::kProjectFundsArrived;
  if (indicator_code == "commissioners_sent") return RecordFigure::kCommissionersSent;
  if (indicator_code == "financing_arranged") return RecordFigure::kFinancingArranged;
  if (indicator_code == "loans_arranged") return RecordFigure::kLoansArranged;
  return std::nullopt;
}

}  // namespace

absl::StatusOr<std::vector<RegionFigure>> GatherDerivedFigures(storage::Repository& repository,
                                                               absl::string_view indicator_code,
                                                               absl::string_view region, int year) {
  if (indicator_code == "achievements_transformed") {
    return AchievementsTransformed(repository, region, year);
  }
  if (std::optional<storage::RecordFigure> figure = RecordFigureOf(indicator_code)) {
    // The database sums the region and every region under it at once: the records of a city
    // and of its counties all add up (no record is a city's total, as an observation may be),
    // so the total is the region's own figure. None when no record counts, as for agreements.
    TM_ASSIGN_OR_RETURN(int64_t total, repository.SumRecordFigure(*figure, region, year));
    if (total == 0) return std::vector<RegionFigure>();
    return std::vector<RegionFigure>{{std::string(region), total}};
  }
  return std::vector<RegionFigure>();
}

}  // namespace techmatch::usecases
