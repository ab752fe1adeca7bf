// Amounts as an official's summary writes them (event narratives).
//
// Chinese: at least 1億 as `X億元`, at least 1萬 as `X萬元`, else `X元`, with at most two
// decimals and no trailing zeros (Simplified script: 亿, 万): money_text's one 萬/億 rule, with
// its precision "at most two decimals, half up" (exact integer arithmetic, no float anywhere);
// an amount that rounds up to 10000萬 is written 1億.
// English: the currency code and the exact amount with thousands separators and every minor
// digit, e.g. `CNY 2,800,000.00`.
#ifndef TECHMATCH_CORE_MONEY_AMOUNT_TEXT_H_
#define TECHMATCH_CORE_MONEY_AMOUNT_TEXT_H_

#include <cstdint>
#include <string>

#include "core/money/money.h"
#include "core/money/money_text.h"

namespace techmatch {

// `minor_units` (not negative) of `currency` in Chinese. For a currency other than CNY the
// unit 元 is replaced by " " + the currency code (e.g. `2.8億 USD`).
std::string ChineseAmount(int64_t minor_units, const Currency& currency, ChineseScript script);

// `minor_units` of `currency` in English, e.g. `CNY 2,800,000.00`.
std::string EnglishAmount(int64_t minor_units, const Currency& currency);

}  // namespace techmatch

#endif  // TECHMATCH_CORE_MONEY_AMOUNT_TEXT_H_
