// Industries: reference data that needs, offerings and organizations are filed under.
#ifndef TECHMATCH_CORE_REFERENCE_INDUSTRY_H_
#define TECHMATCH_CORE_REFERENCE_INDUSTRY_H_

#include <string>

#include "core/common/field_violations.h"
#include "core/common/resource_meta.h"

namespace techmatch {

struct Industry {
  ResourceMeta meta;  // meta.id is the code, e.g. "liquor".
  std::string display_name_zh;
  std::string display_name_en;
};

// Field rules of a new industry (at least one display name, each ≤ 200 characters).
void ValidateIndustry(const Industry& industry, Violations& violations);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REFERENCE_INDUSTRY_H_
