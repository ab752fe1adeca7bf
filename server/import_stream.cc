#include "server/import_stream.h"

namespace techmatch::server {

void ImportSummaryToProto(const usecases::ImportSummary& summary, v1::ImportSummary& out) {
  out.set_accepted_count(summary.accepted_count);
  out.set_rejected_count(summary.rejected_count);
  out.set_accepted_names_truncated(summary.accepted_names_truncated);
  out.set_rejections_truncated(summary.rejections_truncated);
  for (const std::string& name : summary.accepted_names) out.add_accepted_names(name);
  for (const usecases::ImportRejection& rejection : summary.rejections) {
    v1::ImportRejection* row = out.add_rejections();
    row->set_row_number(rejection.row_number);
    for (const FieldViolation& v : rejection.violations) {
      auto* violation = row->add_field_violations();
      violation->set_field(v.field);
      violation->set_description(v.description);
    }
  }
}

}  // namespace techmatch::server
