// Agreement and report values from what people type: kinds (`TECHNOLOGY_TRANSFER`,
// `transfer`, 技術轉讓合同), parties (`SUPPLIER:scu`), grouping dimensions (`kind,industry`).
#ifndef TECHMATCH_CLIENT_AGREEMENT_TEXT_H_
#define TECHMATCH_CLIENT_AGREEMENT_TEXT_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "techmatch/v1/agreement.pb.h"
#include "techmatch/v1/report.pb.h"

namespace techmatch::client {

// The enum name in any case ('-' for '_'), without its `TECHNOLOGY_` prefix (`transfer`), or
// the Chinese name in either script (框架合作協議, 技術開發合同, 技术转让). INVALID_ARGUMENT
// listing the accepted names otherwise.
absl::StatusOr<techmatch::v1::Agreement::Kind> ParseAgreementKind(absl::string_view text);

// `ROLE:organization`, e.g. `SUPPLIER:scu` or `demander:organizations/lzlj`; roles SUPPLIER,
// DEMANDER, GOVERNMENT, FINANCIER (also 供方, 需方, 政府, 金融). A bare id becomes
// `organizations/{id}`.
absl::StatusOr<techmatch::v1::Party> ParseParty(absl::string_view text);

// Dimensions in the order given, from items such as `kind`, `sign-month`, `INDUSTRY`.
// INVALID_ARGUMENT for an unknown or repeated dimension.
absl::StatusOr<std::vector<techmatch::v1::GroupBy>> ParseGroupBy(
    const std::vector<std::string>& items);

// `supplier: organizations/scu` style names for tables: the lower-case dimension name.
std::string GroupByLabel(techmatch::v1::GroupBy dimension);

// `SUPPLIER organizations/scu; DEMANDER organizations/lzlj`.
std::string FormatParties(const google::protobuf::RepeatedPtrField<techmatch::v1::Party>& parties);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_AGREEMENT_TEXT_H_
