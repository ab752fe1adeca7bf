#include "client/enum_text.h"

#include <map>
#include <utility>

#include "absl/status/status.h"
#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "client/list_text.h"

namespace techmatch::client {
namespace {

using techmatch::v1::CooperationMode;
using techmatch::v1::Organization;

// Spreadsheets from the bureau name the modes in Chinese, in either script.
const std::map<std::string, CooperationMode, std::less<>>& ChineseModes() {
  static const auto* modes = new std::map<std::string, CooperationMode, std::less<>>{
      {"转让", techmatch::v1::TRANSFER},
      {"轉讓", techmatch::v1::TRANSFER},
      {"技术转让", techmatch::v1::TRANSFER},
      {"技術轉讓", techmatch::v1::TRANSFER},
      {"许可", techmatch::v1::LICENSE},
      {"許可", techmatch::v1::LICENSE},
      {"技术许可", techmatch::v1::LICENSE},
      {"技術許可", techmatch::v1::LICENSE},
      {"合作开发", techmatch::v1::JOINT_DEVELOPMENT},
      {"合作開發", techmatch::v1::JOINT_DEVELOPMENT},
      {"技术服务", techmatch::v1::TECHNICAL_SERVICE},
      {"技術服務", techmatch::v1::TECHNICAL_SERVICE},
      {"技术咨询", techmatch::v1::CONSULTING},
      {"技術諮詢", techmatch::v1::CONSULTING},
      {"技術咨詢", techmatch::v1::CONSULTING},
      {"作价入股", techmatch::v1::EQUITY_INVESTMENT},
      {"作價入股", techmatch::v1::EQUITY_INVESTMENT},
  };
  return *modes;
}

const std::map<std::string, Organization::Kind, std::less<>>& KindAliases() {
  static const auto* kinds = new std::map<std::string, Organization::Kind, std::less<>>{
      {"企业", Organization::ENTERPRISE},
      {"企業", Organization::ENTERPRISE},
      {"高校", Organization::UNIVERSITY},
      {"大学", Organization::UNIVERSITY},
      {"大學", Organization::UNIVERSITY},
      {"INSTITUTE", Organization::RESEARCH_INSTITUTE},
      {"科研院所", Organization::RESEARCH_INSTITUTE},
      {"研究院", Organization::RESEARCH_INSTITUTE},
      {"政府", Organization::GOVERNMENT},
      {"政府部门", Organization::GOVERNMENT},
      {"政府部門", Organization::GOVERNMENT},
      {"中介", Organization::INTERMEDIARY},
      {"中介机构", Organization::INTERMEDIARY},
      {"中介機構", Organization::INTERMEDIARY},
      {"金融", Organization::FINANCIAL_INSTITUTION},
      {"金融机构", Organization::FINANCIAL_INSTITUTION},
      {"金融機構", Organization::FINANCIAL_INSTITUTION},
  };
  return *kinds;
}

std::string EnumSpelling(absl::string_view text) {
  return absl::AsciiStrToUpper(absl::StrReplaceAll(TrimText(text), {{"-", "_"}, {" ", "_"}}));
}

}  // namespace

absl::StatusOr<CooperationMode> ParseCooperationMode(absl::string_view text) {
  const std::string spelled = EnumSpelling(text);
  CooperationMode mode = techmatch::v1::COOPERATION_MODE_UNSPECIFIED;
  if (techmatch::v1::CooperationMode_Parse(spelled, &mode) &&
      mode != techmatch::v1::COOPERATION_MODE_UNSPECIFIED) {
    return mode;
  }
  if (auto it = ChineseModes().find(spelled); it != ChineseModes().end()) return it->second;
  return absl::InvalidArgumentError(absl::StrCat(
      "unknown cooperation mode '", text,
      "': use TRANSFER, LICENSE, JOINT_DEVELOPMENT, TECHNICAL_SERVICE, CONSULTING or "
      "EQUITY_INVESTMENT (or 技術轉讓, 技術許可, 合作開發, 技術服務, 技術諮詢, 作價入股)"));
}

absl::StatusOr<std::vector<CooperationMode>> ParseCooperationModes(
    const std::vector<std::string>& items) {
  std::vector<CooperationMode> modes;
  for (const std::string& item : items) {
    absl::StatusOr<CooperationMode> mode = ParseCooperationMode(item);
    if (!mode.ok()) return mode.status();
    modes.push_back(*mode);
  }
  return modes;
}

absl::StatusOr<Organization::Kind> ParseOrganizationKind(absl::string_view text) {
  const std::string spelled = EnumSpelling(text);
  Organization::Kind kind = Organization::KIND_UNSPECIFIED;
  if (Organization::Kind_Parse(spelled, &kind) && kind != Organization::KIND_UNSPECIFIED) {
    return kind;
  }
  if (auto it = KindAliases().find(spelled); it != KindAliases().end()) return it->second;
  return absl::InvalidArgumentError(
      absl::StrCat("unknown organization kind '", text,
                   "': use ENTERPRISE, UNIVERSITY, RESEARCH_INSTITUTE, GOVERNMENT, INTERMEDIARY or "
                   "FINANCIAL_INSTITUTION"));
}

}  // namespace techmatch::client
