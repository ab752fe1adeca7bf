#include "usecases/derived_figures.h"

#include <optional>
#include <string>
#include <vector>

#include "core/agreements/agreement.h"
#include "core/common/status_macros.h"

namespace techmatch::usecases {
namespace {

// Technology contracts put to use: the kinds that transform an achievement, carried out.
absl::StatusOr<std::vector<RegionFigure>> AchievementsTransformed(storage::Repository& repository,
                                                                  absl::string_view region,
                                                                  int year) {
  return repository.CountAgreementsByDemanderRegion(
      region, year,
      {AgreementKind::kTechnologyTransfer, AgreementKind::kTechnologyLicense,
       AgreementKind::kTechnologyDevelopment},
      {AgreementState::kImplementing, AgreementState::kCompleted});
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
