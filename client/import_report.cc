#include "client/import_report.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "client/table.h"

namespace techmatch::client {

using techmatch::v1::ImportRejection;
using techmatch::v1::ImportSummary;

ImportSummary MergeRejections(ImportSummary summary, const std::vector<ImportRejection>& local) {
  std::vector<ImportRejection> all(summary.rejections().begin(), summary.rejections().end());
  all.insert(all.end(), local.begin(), local.end());
  std::stable_sort(all.begin(), all.end(),
                   [](const auto& a, const auto& b) { return a.row_number() < b.row_number(); });
  summary.set_rejected_count(summary.rejected_count() + static_cast<int64_t>(local.size()));
  summary.clear_rejections();
  for (ImportRejection& rejection : all) *summary.add_rejections() = std::move(rejection);
  return summary;
}

void PrintImportReport(const ImportSummary& summary, Output& output) {
  if (output.format() == OutputFormat::kJson) {
    output.stream() << ToJson(summary) << '\n';
    return;
  }
  const bool csv = output.format() == OutputFormat::kCsv;
  // CSV keeps the field names a script reads; the terminal gets upper-case headings.
  Table table({{csv ? "row" : "ROW", Align::kRight},
               {csv ? "field" : "FIELD"},
               {csv ? "description" : "DESCRIPTION"}});
  for (const ImportRejection& rejection : summary.rejections()) {
    const std::string row = absl::StrCat(rejection.row_number());
    if (rejection.field_violations().empty()) table.AddRow({row, "", "rejected"});
    for (const auto& violation : rejection.field_violations()) {
      table.AddRow({row, violation.field(), violation.description()});
    }
  }
  if (csv) {
    table.RenderCsv(output.stream());
    return;
  }
  output.stream() << "accepted: " << summary.accepted_count()
                  << "  rejected: " << summary.rejected_count() << '\n';
  if (table.row_count() > 0) table.RenderAligned(output.stream());
}

}  // namespace techmatch::client
