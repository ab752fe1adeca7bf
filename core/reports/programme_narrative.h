// The paragraphs an official's annual summary writes about a region's programme year, in
// Simplified Chinese, Traditional Chinese or English. Amounts follow core/money/amount_text.h
// (萬元/億元 in Chinese); a change against the previous year states the amount and the
// percentage with one decimal.
#ifndef TECHMATCH_CORE_REPORTS_PROGRAMME_NARRATIVE_H_
#define TECHMATCH_CORE_REPORTS_PROGRAMME_NARRATIVE_H_

#include <string>
#include <vector>

#include "core/money/money.h"
#include "core/reports/narrative_language.h"
#include "core/reports/programme_report.h"

namespace techmatch {

// Up to five paragraphs, each left out when its records are empty: the indicators against
// their targets; the year's fairs (their count in Chinese numerals) and its agreements with
// the institutions and enterprises party to them; the funded projects with the change of the
// arrived funds against the previous year, by level, and the projects whose arrivals exceed
// their approved funds; the commissioners and their outcomes; the financing by kind. Clauses
// about zero figures are left out. The region is named by its level (全市, "the city"); names
// of indicators and events are written in the narrative's script.
std::vector<std::string> ProgrammeNarrative(const ProgrammeReport& report, const Currency& currency,
                                            NarrativeLanguage language);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_REPORTS_PROGRAMME_NARRATIVE_H_
