#include "core/reference/industry.h"

#include "core/common/text_rules.h"

namespace techmatch {

void ValidateIndustry(const Industry& industry, Violations& violations) {
  CheckText("display_name_zh", industry.display_name_zh, 1, kMaxTitleChars, false, violations);
  CheckText("display_name_en", industry.display_name_en, 0, kMaxTitleChars, false, violations);
}

}  // namespace techmatch
