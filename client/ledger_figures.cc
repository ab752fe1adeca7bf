#include "client/ledger_figures.h"

namespace techmatch::client {

void AddFigureFlags(CLI::App* command, FigureFlags* flags) {
  command->add_option("--count", flags->count, "The figure of a COUNT indicator");
  command->add_option("--money", flags->money,
                      "The figure of a MONEY indicator in 元 (e.g. 1,234.50 or 230万)");
  command->add_option("--percent-bp", flags->percent_bp,
                      "The figure of a PERCENT indicator in basis points (12.5% = 1250)");
}

void AddFigureKeyFlags(CLI::App* command, FigureKeyFlags* flags) {
  command->add_option("indicator", flags->indicator, "The indicator, e.g. spark_trainees")
      ->required();
  command->add_option("--region", flags->region_code, "GB/T 2260 code, e.g. 510500")->required();
  command->add_option("--year", flags->year, "The year, e.g. 2025")->required();
  AddFigureFlags(command, &flags->figure);
}

std::string BasisPointsText(int64_t bp) {
  return absl::StrCat(bp / 100, ".", bp % 100 < 10 ? "0" : "", bp % 100, "%");
}

void AddLedgerListFlags(CLI::App* command, LedgerListFlags* flags) {
  command->add_option("--indicator", flags->indicator, "Only this indicator, e.g. spark_trainees");
  command->add_option("--region", flags->region_code,
                      "Only this region and the regions under it (GB/T 2260, e.g. 510500)");
  command->add_option("--year", flags->year, "Only this year");
  command->add_option("--page-size", flags->page_size, "Results per page (default 50)");
  command->add_option("--page-token", flags->page_token, "Continue from a previous page");
  command->add_flag("--all", flags->all, "Fetch every page");
}

std::string IndicatorNameOf(const std::string& text) {
  return text.find('/') == std::string::npos ? absl::StrCat("indicators/", text) : text;
}

}  // namespace techmatch::client
