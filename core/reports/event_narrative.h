// The paragraph an official's annual summary writes about one event, in
// Simplified Chinese, Traditional Chinese or English. Amounts follow core/money/amount_text.h.
#ifndef TECHMATCH_CORE_REPORTS_EVENT_NARRATIVE_H_
#define TECHMATCH_CORE_REPORTS_EVENT_NARRATIVE_H_

#include <string>

#include "core/money/money.h"
#include "core/reports/agreement_report.h"
#include "core/reports/narrative_language.h"

namespace techmatch {

// States the needs collected; the universities and institutes that took part; the
// achievements presented; the framework agreements and with whom; how many technology
// contracts between how many institutes and how many enterprises; the total investment,
// contract amount, expected sales and expected profit and taxes of all the event's agreements;
// realized figures when any were recorded. Clauses about zero figures are left out. A Chinese
// narrative writes the event's and organizations' names in its own script (OpenCC), whichever
// script they are stored in. Universities and institutes count as institutions: a college is
// counted under its university (EventFigures, as storage fills it).
std::string EventNarrative(const EventFigures& figures, const Currency& currency,
                           NarrativeLanguage language);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REPORTS_EVENT_NARRATIVE_H_
