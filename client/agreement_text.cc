#include "client/agreement_text.h"

#include <algorithm>
#include <map>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "client/list_text.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Agreement;
using techmatch::v1::Party;

std::string EnumSpelling(absl::string_view text) {
  return absl::AsciiStrToUpper(absl::StrReplaceAll(TrimText(text), {{"-", "_"}, {" ", "_"}}));
}

// Officials' spreadsheets name kinds in Chinese, in either script, with or without 合同/協議.
const std::map<std::string, Agreement::Kind, std::less<>>& ChineseKinds() {
  static const auto* kinds = new std::map<std::string, Agreement::Kind, std::less<>>{
      {"框架合作", Agreement::FRAMEWORK_COOPERATION},
      {"框架合作协议", Agreement::FRAMEWORK_COOPERATION},
      {"框架合作協議", Agreement::FRAMEWORK_COOPERATION},
      {"框架协议", Agreement::FRAMEWORK_COOPERATION},
      {"框架協議", Agreement::FRAMEWORK_COOPERATION},
      {"技术开发", Agreement::TECHNOLOGY_DEVELOPMENT},
      {"技術開發", Agreement::TECHNOLOGY_DEVELOPMENT},
      {"技术转让", Agreement::TECHNOLOGY_TRANSFER},
      {"技術轉讓", Agreement::TECHNOLOGY_TRANSFER},
      {"技术许可", Agreement::TECHNOLOGY_LICENSE},
      {"技術許可", Agreement::TECHNOLOGY_LICENSE},
      {"技术咨询", Agreement::TECHNOLOGY_CONSULTING},
      {"技術諮詢", Agreement::TECHNOLOGY_CONSULTING},
      {"技術咨詢", Agreement::TECHNOLOGY_CONSULTING},
      {"技术服务", Agreement::TECHNOLOGY_SERVICE},
      {"技術服務", Agreement::TECHNOLOGY_SERVICE},
  };
  return *kinds;
}

const std::map<std::string, Party::Role, std::less<>>& RoleAliases() {
  static const auto* roles = new std::map<std::string, Party::Role, std::less<>>{
      {"供方", Party::SUPPLIER},  {"需方", Party::DEMANDER},    {"政府", Party::GOVERNMENT},
      {"金融", Party::FINANCIER}, {"出资方", Party::FINANCIER}, {"出資方", Party::FINANCIER},
  };
  return *roles;
}

}  // namespace

absl::StatusOr<Agreement::Kind> ParseAgreementKind(absl::string_view text) {
  const std::string spelled = EnumSpelling(text);
  Agreement::Kind kind = Agreement::KIND_UNSPECIFIED;
  if ((Agreement::Kind_Parse(spelled, &kind) ||
       Agreement::Kind_Parse(absl::StrCat("TECHNOLOGY_", spelled), &kind)) &&
      kind != Agreement::KIND_UNSPECIFIED) {
    return kind;
  }
  if (spelled == "FRAMEWORK") return Agreement::FRAMEWORK_COOPERATION;
  std::string chinese = spelled;
  for (absl::string_view suffix : {"合同", "協議", "协议"}) {
    if (absl::EndsWith(chinese, suffix) && chinese.size() > suffix.size()) {
      const std::string stripped = chinese.substr(0, chinese.size() - suffix.size());
      if (ChineseKinds().contains(stripped)) chinese = stripped;
    }
  }
  if (auto it = ChineseKinds().find(chinese); it != ChineseKinds().end()) return it->second;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown agreement kind '", text,
      "': use FRAMEWORK_COOPERATION, TECHNOLOGY_DEVELOPMENT, TECHNOLOGY_TRANSFER, "
      "TECHNOLOGY_LICENSE, TECHNOLOGY_CONSULTING or TECHNOLOGY_SERVICE (or development, "
      "transfer, ..., 框架合作協議, 技術開發合同, ...)"));
}

absl::StatusOr<Party> ParseParty(absl::string_view text) {
  const absl::string_view trimmed = TrimText(text);
  const size_t colon = trimmed.find(':');
  if (colon == absl::string_view::npos || TrimText(trimmed.substr(colon + 1)).empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("'", text, "' is not a party: write ROLE:organization, e.g. SUPPLIER:scu"));
  }
  const std::string role_text = EnumSpelling(trimmed.substr(0, colon));
  Party::Role role = Party::ROLE_UNSPECIFIED;
  if (!Party::Role_Parse(role_text, &role) || role == Party::ROLE_UNSPECIFIED) {
    auto it = RoleAliases().find(role_text);
    if (it == RoleAliases().end()) {
      return absl::InvalidArgumentError(
          absl::StrCat("unknown party role '", trimmed.substr(0, colon), "' in '", text,
                       "': use SUPPLIER, DEMANDER, GOVERNMENT or FINANCIER"));
    }
    role = it->second;
  }
  Party party;
  party.set_role(role);
  party.set_organization(QualifyName("organizations", TrimText(trimmed.substr(colon + 1))));
  return party;
}

absl::StatusOr<std::vector<techmatch::v1::GroupBy>> ParseGroupBy(
    const std::vector<std::string>& items) {
  std::vector<techmatch::v1::GroupBy> dimensions;
  for (const std::string& item : items) {
    techmatch::v1::GroupBy dimension = techmatch::v1::GROUP_BY_UNSPECIFIED;
    if (!techmatch::v1::GroupBy_Parse(EnumSpelling(item), &dimension) ||
        dimension == techmatch::v1::GROUP_BY_UNSPECIFIED) {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown dimension '", item,
          "': use event, kind, state, industry, region, supplier, demander, sign_year or "
          "sign_month"));
    }
    if (std::find(dimensions.begin(), dimensions.end(), dimension) != dimensions.end()) {
      return absl::InvalidArgumentError(absl::StrCat("dimension '", item, "' is given twice"));
    }
    dimensions.push_back(dimension);
  }
  return dimensions;
}

std::string GroupByLabel(techmatch::v1::GroupBy dimension) {
  return absl::AsciiStrToLower(techmatch::v1::GroupBy_Name(dimension));
}

std::string FormatParties(const google::protobuf::RepeatedPtrField<Party>& parties) {
  std::vector<std::string> items;
  for (const Party& party : parties) {
    items.push_back(absl::StrCat(Party::Role_Name(party.role()), " ", party.organization()));
  }
  return absl::StrJoin(items, "; ");
}

}  // namespace techmatch::client
