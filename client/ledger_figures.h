// What the ledger commands (indicator_commands.cc, target_commands.cc) share: the flags of a
// figure's key and value, a figure printed in its unit, and the list loop of ListObservations
// and ListTargets (narrowed by fields, not a filter).
#ifndef TECHMATCH_CLIENT_LEDGER_FIGURES_H_
#define TECHMATCH_CLIENT_LEDGER_FIGURES_H_

#include <memory>
#include <optional>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "client/command_env.h"
#include "client/field_values.h"
#include "client/output.h"

namespace techmatch::client {

// `spark_trainees` or `indicators/spark_trainees` as a resource name.
std::string IndicatorNameOf(const std::string& text);

struct FigureFlags {
  std::optional<int64_t> count;
  std::string money;
  std::optional<int64_t> percent_bp;
};

// Adds --count, --money and --percent-bp (at most one of them).
void AddFigureFlags(CLI::App* command, FigureFlags* flags);

// Sets `out`'s value oneof from the one flag given; OK and nothing set when none was given.
template <typename Proto>
absl::Status FillFigure(const FigureFlags& flags, absl::string_view currency, Proto& out) {
  const int given =
      (flags.count ? 1 : 0) + (flags.money.empty() ? 0 : 1) + (flags.percent_bp ? 1 : 0);
  if (given > 1) {
    return absl::InvalidArgumentError("give one of --count, --money and --percent-bp");
  }
  if (flags.count) out.set_count(*flags.count);
  if (flags.percent_bp) out.set_percent_bp(*flags.percent_bp);
  if (!flags.money.empty()) {
    absl::StatusOr<google::type::Money> money = ParseMoney(flags.money, currency);
    if (!money.ok()) return money.status();
    *out.mutable_money() = *money;
  }
  return absl::OkStatus();
}

// The key and value of a figure a command records or issues: the indicator (an argument),
// --region, --year and the figure flags.
struct FigureKeyFlags {
  std::string indicator;
  std::string region_code;
  int year = 0;
  FigureFlags figure;
};

// Adds the indicator argument, --region and --year (all required) and AddFigureFlags.
void AddFigureKeyFlags(CLI::App* command, FigureKeyFlags* flags);

// Sets `out`'s indicator, region_code, year and value from `flags` (an observation or a target).
template <typename Proto>
absl::Status FillFigureKey(const FigureKeyFlags& flags, absl::string_view currency, Proto& out) {
  out.set_indicator(IndicatorNameOf(flags.indicator));
  out.set_region_code(flags.region_code);
  out.set_year(flags.year);
  return FillFigure(flags.figure, currency, out);
}

// Basis points as a percentage, e.g. 10000 → "100.00%".
std::string BasisPointsText(int64_t bp);

// The figure in `proto`'s value oneof as text: a count, an amount, or a percentage
// (`12.50%` for 1250 basis points); empty when none is set.
template <typename Proto>
std::string FigureText(const Proto& proto, const ValueFormat& format) {
  if (proto.has_money()) return FormatMoney(proto.money(), format);
  if (proto.value_case() == Proto::kCount) return absl::StrCat(proto.count());
  if (proto.value_case() == Proto::kPercentBp) {
    return BasisPointsText(proto.percent_bp());
  }
  return "";
}

struct LedgerListFlags {
  std::string indicator;
  std::string region_code;
  int year = 0;
  int page_size = 0;
  std::string page_token;
  bool all = false;
};

// Adds --indicator, --region, --year, --page-size, --page-token and --all.
void AddLedgerListFlags(CLI::App* command, LedgerListFlags* flags);

// One page of a ledger list, or every page with --all, printed with `view` (RunList's shape).
template <typename Response, typename Request, typename Call, typename Items, typename Item>
int RunLedgerList(CommandEnv& env, const LedgerListFlags& flags, Request request, Call call,
                  Items items, const View<Item>& view) {
  if (!flags.indicator.empty()) {
    request.set_indicator(IndicatorNameOf(flags.indicator));
  }
  request.set_region_code(flags.region_code);
  request.set_year(flags.year);
  request.set_page_size(flags.page_size);
  request.set_page_token(flags.page_token);
  Response merged;
  while (true) {
    Response page;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status status = call(context.get(), request, &page); !status.ok()) {
      return env.Fail(status);
    }
    merged.MergeFrom(page);
    merged.set_next_page_token(page.next_page_token());
    if (!flags.all || page.next_page_token().empty()) break;
    request.set_page_token(page.next_page_token());
  }
  env.output().PrintList(merged, items(merged), view);
  if (!merged.next_page_token().empty() && env.output().format() == OutputFormat::kTable) {
    env.err() << "(more results: add --page-token=" << merged.next_page_token()
              << " for the next page, or --all)\n";
  }
  return kExitOk;
}

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_LEDGER_FIGURES_H_
