// Amounts as an official's summary writes them.
//
// Chinese: at least 1億 as `X億元`, at least 1萬 as `X萬元`, else `X元`, with at most two
// decimals and no trailing zeros (Simplified script: 亿, 万). The value in 萬 or 億 is rounded
// half up to two decimals, in exact integer arithmetic on minor units (no float anywhere); an
// amount that rounds up to 10000萬 is written 1億. Amounts below 1萬 are exact (to the fen).
// English: the currency code and the exact amount with thousands separators and the minor
// digits, e.g. `CNY 2,800,000.00`.
#ifndef TECHMATCH_CORE_MONEY_AMOUNT_TEXT_H_
#define TECHMATCH_CORE_MONEY_AMOUNT_TEXT_H_

#include <cstdint>
#include <string>

#include "core/money/money.h"

namespace techmatch {

enum class ChineseScript { kSimplified, kTraditional };

// `minor_units` (not negative) of `currency` in Chinese. For a currency other than CNY the
// unit 元 is replaced by " " + the currency code (e.g. `2.8億 USD`).
std::string ChineseAmount(int64_t minor_units, const Currency& currency, ChineseScript script);

// `minor_units` of `currency` in English, e.g. `CNY 2,800,000.00`.
std::string EnglishAmount(int64_t minor_units, const Currency& currency);

// `n` with thousands separators, e.g. 1,234,567.
std::string WithThousandsSeparators(int64_t n);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MONEY_AMOUNT_TEXT_H_
