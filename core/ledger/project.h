// Funded projects of the programme ledger: the projects an organization of the region won at
// each level, the funds approved, and the append-only record of funds that arrived.
#ifndef TECHMATCH_CORE_LEDGER_PROJECT_H_
#define TECHMATCH_CORE_LEDGER_PROJECT_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"
#include "core/reference/reference_lookup.h"

namespace techmatch {

inline constexpr absl::string_view kProjects = "projects";
inline constexpr absl::string_view kFundArrivals = "fundArrivals";
// Partners of a project (README, "Limits").
inline constexpr size_t kMaxPartners = 50;
// Characters of a fund arrival's note.
inline constexpr size_t kMaxArrivalNoteChars = 200;

// Values match the API enum's numbers.
enum class ProjectLevel { kNational = 1, kProvincial = 2, kMunicipal = 3, kCounty = 4 };
absl::string_view ProjectLevelName(ProjectLevel level);  // "NATIONAL", ...
std::optional<ProjectLevel> ProjectLevelFromName(absl::string_view name);
std::vector<std::string> ProjectLevelNames();

struct Project {
  ResourceMeta meta;
  std::string title;
  ProjectLevel level = ProjectLevel::kNational;
  std::string programme;
  std::string lead_organization_id;
  std::vector<std::string> partner_ids;
  std::string region_code;
  int year = 0;
  std::optional<int64_t> approved_minor;  // nullopt: not given.
  // Kept by storage as fund arrivals are recorded; never set by a client.
  int64_t arrived_minor = 0;
  int64_t arrival_count = 0;
};

// More arrived than was approved (never true when nothing was approved: no figure to exceed).
bool OverApproved(const Project& project);

// One arrival of funds; `id` counts from "000001" per project, in recording order.
struct FundArrival {
  std::string project_id;
  std::string id;
  int64_t amount_minor = 0;
  absl::Time arrive_time = absl::InfinitePast();  // InfinitePast = not given.
  std::string note;
  absl::Time create_time = absl::UnixEpoch();
};

// The id of the n-th arrival (1-based): zero-padded so that ids sort in recording order.
std::string FundArrivalId(int64_t n);

// How far in the future an arrive_time may lie to allow for clients' clock skew.
inline constexpr absl::Duration kArriveTimeSkew = absl::Minutes(5);

// Field rules that need no other record: title and programme 1–200 characters; a level; a lead
// organization; partners at most kMaxPartners, none repeated, not the lead; a GB/T 2260 region;
// year 1980–2100; approved funds not negative.
void ValidateProject(const Project& project, Violations& violations);
// The lead organization and every partner exist. Fails only when a lookup fails.
absl::Status CheckProjectReferences(const Project& project, ReferenceLookup& lookup,
                                    Violations& violations);
// Applies an update_mask; arrived funds and the metadata are output only.
void ApplyProjectUpdate(const std::vector<std::string>& paths, const Project& patch,
                        Project& target, Violations& violations);

// An arrival's own rules, judged at `now`: amount more than zero; arrive_time given and not
// after now (+ kArriveTimeSkew); note at most kMaxArrivalNoteChars.
void ValidateFundArrivalAt(const FundArrival& arrival, absl::Time now, Violations& violations);
// `project` with `arrival` counted: arrived funds grow by its amount, the count by one.
// OUT_OF_RANGE when the sum would not fit 64-bit minor units.
absl::Status CountFundArrival(const FundArrival& arrival, Project& project);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_LEDGER_PROJECT_H_
