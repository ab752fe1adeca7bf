// The seam where the programme ledger's DERIVED indicators (core/ledger/indicator.h) read their
// figures from the ledger's records instead of observations. One function: a derivation for a
// new indicator is one more case here and one more description in DerivationOf.
#ifndef TECHMATCH_USECASES_DERIVED_FIGURES_H_
#define TECHMATCH_USECASES_DERIVED_FIGURES_H_

#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "core/ledger/target.h"
#include "storage/repository.h"

namespace techmatch::usecases {

// The whole-year figures of `indicator_code` for `year` that the records give for `region` and
// the regions under it (each figure under the region it belongs to); none for an indicator
// without a derivation.
//
// achievements_transformed counts technology contracts that put a technology to use: kinds
// TECHNOLOGY_TRANSFER, TECHNOLOGY_LICENSE and TECHNOLOGY_DEVELOPMENT (consulting and service
// contracts transform no achievement; a framework agreement is not a contract), in state
// IMPLEMENTING or COMPLETED (进入实质实施阶段: a signed contract not yet carried out has
// transformed nothing; a terminated one never did), signed in `year` in China Standard Time.
// Each counts once, under the region of its first DEMANDER party inside `region` — where the
// technology is put to use — so a contract with demanders in two counties is not counted twice
// in their city. The database counts them (Repository::CountAgreementsByDemanderRegion); the
// indicator is records-only, so no observation stands beside these figures.
//
// The records-only indicators (core/ledger/indicator.h IsRecordsOnly) are aggregated by the
// database over `region` and every region under it (Repository::SumRecordFigure) and given as
// one figure under `region`: projects_approved and commissioners_sent count the records of
// `year`, project_funds_arrived sums the arrivals of `year` (China Standard Time) of the
// region's projects, financing_arranged sums the financing granted in `year`, loans_arranged
// its LOANs. None when the total is 0.
absl::StatusOr<std::vector<RegionFigure>> GatherDerivedFigures(storage::Repository& repository,
                                                               absl::string_view indicator_code,
                                                               absl::string_view region, int year);

}  // namespace techmatch::usecases

#endif  // TECHMATCH_USECASES_DERIVED_FIGURES_H_
