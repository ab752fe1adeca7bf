#include "client/import_rows.h"

#include <optional>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "client/enum_text.h"
#include "client/field_values.h"
#include "client/list_text.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::CooperationMode;
using techmatch::v1::ImportRejection;

// The offset of the first byte of `text` that does not begin a well-formed UTF-8 sequence
// (overlong forms, surrogates and code points past U+10FFFF included, as protobuf rejects
// them), or nullopt when all of `text` is UTF-8.
std::optional<size_t> FirstInvalidUtf8(absl::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    size_t length = 0;
    unsigned char low = 0x80, high = 0xBF;  // the bounds of the second byte
    if (lead < 0x80) {
      ++i;
      continue;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) low = 0xA0;   // overlong
      if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) low = 0x90;   // overlong
      if (lead == 0xF4) high = 0x8F;  // past U+10FFFF
    } else {
      return i;
    }
    if (i + length > text.size()) return i;
    if (byte(i + 1) < low || byte(i + 1) > high) return i;
    for (size_t k = 2; k < length; ++k) {
      if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return i;
    }
    i += length;
  }
  return std::nullopt;
}

// Reads typed cells of one record, collecting a violation for every cell it cannot read.
class RowReader {
 public:
  RowReader(const CsvColumns& columns, const CsvRecord& record, ImportRejection* rejection)
      : columns_(columns), record_(record), rejection_(rejection) {
    rejection_->Clear();
    rejection_->set_row_number(record.line);
    const size_t cells = record.cells.size();
    if (cells < columns.width()) {
      Violate(absl::AsciiStrToLower(columns.header()[cells]),
              absl::StrCat("missing: the row has ", cells, " cells but the header has ",
                           columns.width(), " columns"));
    } else if (cells > columns.width()) {
      Violate("row", absl::StrCat("the row has ", cells, " cells but the header has only ",
                                  columns.width(), " columns (quote cells that hold commas)"));
    }
  }

  bool ok() const { return rejection_->field_violations_size() == 0; }

  // A cell that is not UTF-8 rejects the row (naming its column) and reads as empty: a
  // protobuf string must be UTF-8, and the server could not even parse the row.
  std::string Text(absl::string_view column) {
    std::optional<std::string> cell = columns_.Cell(record_, column);
    if (!cell) return "";
    if (std::optional<size_t> bad = FirstInvalidUtf8(*cell)) {
      if (!HasViolation(column)) {
        Violate(column, absl::StrFormat("is not valid UTF-8 (byte 0x%02X at offset %d of the "
                                        "cell); save the file as UTF-8 (Excel: \"CSV UTF-8\")",
                                        static_cast<unsigned char>((*cell)[*bad]), *bad));
      }
      return "";
    }
    return std::string(TrimText(*cell));
  }

  std::vector<std::string> List(absl::string_view column) {
    return SplitList(Text(column), ListSeparators::kCsvCell);
  }

  std::vector<std::string> Names(absl::string_view collection, absl::string_view column) {
    return QualifyNames(collection, List(column));
  }

  // Empty cells are "not given" (nullopt) and not an error.
  std::optional<google::type::Money> Money(absl::string_view column, absl::string_view currency) {
    const std::string text = Text(column);
    if (text.empty()) return std::nullopt;
    absl::StatusOr<google::type::Money> money = ParseMoney(text, currency);
    if (!money.ok()) return Reject(column, money.status());
    return *money;
  }

  std::optional<int> Trl(absl::string_view column) {
    const std::string text = Text(column);
    if (text.empty()) return std::nullopt;
    absl::StatusOr<int> trl = ParseTrl(text);
    if (!trl.ok()) return Reject(column, trl.status());
    return *trl;
  }

  std::vector<CooperationMode> Modes(absl::string_view column) {
    absl::StatusOr<std::vector<CooperationMode>> modes = ParseCooperationModes(List(column));
    if (!modes.ok()) {
      Reject(column, modes.status());
      return {};
    }
    return *modes;
  }

  std::optional<techmatch::v1::Organization::Kind> Kind(absl::string_view column) {
    absl::StatusOr<techmatch::v1::Organization::Kind> kind = ParseOrganizationKind(Text(column));
    if (!kind.ok()) return Reject(column, kind.status());
    return *kind;
  }

 private:
  bool HasViolation(absl::string_view field) const {
    for (const auto& violation : rejection_->field_violations()) {
      if (violation.field() == field) return true;
    }
    return false;
  }

  void Violate(absl::string_view field, absl::string_view description) {
    auto* violation = rejection_->add_field_violations();
    violation->set_field(std::string(field));
    violation->set_description(std::string(description));
  }

  std::nullopt_t Reject(absl::string_view column, const absl::Status& status) {
    Violate(column, status.message());
    return std::nullopt;
  }

  const CsvColumns& columns_;
  const CsvRecord& record_;
  ImportRejection* rejection_;
};

template <typename Repeated, typename Values>
void Assign(Repeated* field, const Values& values) {
  field->Clear();
  for (const auto& value : values) *field->Add() = value;
}

}  // namespace

const CsvSchema& NeedCsvSchema() {
  static const auto* schema = new CsvSchema{
      {"enterprise", "title", "industries"},
      {"id", "description", "keywords", "budget", "min_trl", "cooperation_modes", "events"}};
  return *schema;
}

const CsvSchema& OfferingCsvSchema() {
  static const auto* schema = new CsvSchema{
      {"institute", "title", "industries", "trl"},
      {"id", "description", "keywords", "patents", "cooperation_modes", "asking_price", "events"}};
  return *schema;
}

const CsvSchema& OrganizationCsvSchema() {
  static const auto* schema =
      new CsvSchema{{"display_name", "kind"}, {"id", "parent", "region_code", "industries"}};
  return *schema;
}

bool NeedRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                      absl::string_view currency, techmatch::v1::ImportNeedsRequest* request,
                      ImportRejection* rejection) {
  RowReader row(columns, record, rejection);
  request->Clear();
  request->set_row_number(record.line);
  request->set_need_id(row.Text("id"));
  techmatch::v1::Need* need = request->mutable_need();
  need->set_enterprise(QualifyName("organizations", row.Text("enterprise")));
  need->set_title(row.Text("title"));
  need->set_description(row.Text("description"));
  Assign(need->mutable_keywords(), row.List("keywords"));
  Assign(need->mutable_industries(), row.Names("industries", "industries"));
  if (auto budget = row.Money("budget", currency)) *need->mutable_budget() = *budget;
  if (auto min_trl = row.Trl("min_trl")) need->set_min_trl(*min_trl);
  for (CooperationMode mode : row.Modes("cooperation_modes")) need->add_cooperation_modes(mode);
  Assign(need->mutable_events(), row.Names("events", "events"));
  return row.ok();
}

bool OfferingRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                          absl::string_view currency,
                          techmatch::v1::ImportOfferingsRequest* request,
                          ImportRejection* rejection) {
  RowReader row(columns, record, rejection);
  request->Clear();
  request->set_row_number(record.line);
  request->set_offering_id(row.Text("id"));
  techmatch::v1::Offering* offering = request->mutable_offering();
  offering->set_institute(QualifyName("organizations", row.Text("institute")));
  offering->set_title(row.Text("title"));
  offering->set_description(row.Text("description"));
  Assign(offering->mutable_keywords(), row.List("keywords"));
  Assign(offering->mutable_industries(), row.Names("industries", "industries"));
  if (auto trl = row.Trl("trl")) offering->set_trl(*trl);
  Assign(offering->mutable_patents(), row.List("patents"));
  for (CooperationMode mode : row.Modes("cooperation_modes")) {
    offering->add_cooperation_modes(mode);
  }
  if (auto price = row.Money("asking_price", currency)) *offering->mutable_asking_price() = *price;
  Assign(offering->mutable_events(), row.Names("events", "events"));
  return row.ok();
}

bool OrganizationRowToRequest(const CsvColumns& columns, const CsvRecord& record,
                              techmatch::v1::CreateOrganizationRequest* request,
                              ImportRejection* rejection) {
  RowReader row(columns, record, rejection);
  request->Clear();
  request->set_organization_id(row.Text("id"));
  techmatch::v1::Organization* org = request->mutable_organization();
  org->set_display_name(row.Text("display_name"));
  if (auto kind = row.Kind("kind")) org->set_kind(*kind);
  org->set_parent(QualifyName("organizations", row.Text("parent")));
  org->set_region_code(row.Text("region_code"));
  Assign(org->mutable_industries(), row.Names("industries", "industries"));
  return row.ok();
}

}  // namespace techmatch::client
