#include "client/match_format.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "client/resource_name.h"

namespace techmatch::client {
namespace {

using techmatch::v1::Match;
using techmatch::v1::MatchExplanation;

// A contribution this small rounds to 0.000 and says nothing.
constexpr double kNegligible = 0.0005;

std::string Rank(int index) { return absl::StrCat(index + 1); }

// "  label: value" lines under a match, values aligned; empty values are left out.
void RenderReason(std::ostream& out, size_t indent, absl::string_view label,
                  const std::string& value) {
  if (value.empty()) return;
  constexpr size_t kLabelWidth = 18;  // "shared industries:"
  const std::string head = absl::StrCat(label, ":");
  out << std::string(indent, ' ') << head
      << std::string(kLabelWidth + 1 - std::min(head.size(), kLabelWidth), ' ') << value << '\n';
}

// `lead` (a rank or a time), score, counterpart name padded to `name_width` and title, then
// the reasons indented under them.
void RenderMatchBlock(const Match& match, Counterpart counterpart, absl::string_view lead,
                      size_t name_width, std::ostream& out) {
  out << absl::StrFormat("%s  %s  %-*s  %s\n", lead, FormatScore(match.score()), name_width,
                         CounterpartName(match, counterpart), match.counterpart_title());
  const size_t indent = lead.size() + 2;
  RenderReason(out, indent, "shared terms", FormatSharedTerms(match.explanation(), kTerminalTerms));
  RenderReason(out, indent, "bridges", FormatBridges(match.explanation(), kTerminalBridges));
  RenderReason(out, indent, "shared industries", FormatSharedIndustries(match.explanation()));
  RenderReason(out, indent, "signals", FormatSignals(match.explanation()));
}

// The cells of one match after its rank: counterpart, title, score and the reasons.
std::vector<std::string> MatchCells(const Match& match, Counterpart counterpart) {
  return {CounterpartName(match, counterpart),
          match.counterpart_title(),
          FormatScore(match.score()),
          FormatSharedTerms(match.explanation()),
          FormatSharedIndustries(match.explanation()),
          FormatSignals(match.explanation()),
          FormatBridges(match.explanation())};
}

}  // namespace

std::string FormatScore(double score) { return absl::StrFormat("%.3f", score); }

std::string FormatSharedTerm(const techmatch::v1::SharedTerm& term) {
  if (term.counterpart_text().empty() || term.counterpart_text() == term.text()) {
    return term.text();
  }
  return absl::StrCat(term.text(), "/", term.counterpart_text());
}

std::string FormatSharedTerms(const MatchExplanation& explanation, size_t max_terms) {
  std::vector<std::string> terms;
  const size_t total = explanation.shared_terms().size();
  for (const auto& term : explanation.shared_terms()) {
    if (max_terms > 0 && terms.size() == max_terms) break;
    terms.push_back(FormatSharedTerm(term));
  }
  if (terms.size() < total) terms.push_back(absl::StrCat("… (+", total - terms.size(), ")"));
  return absl::StrJoin(terms, ", ");
}

std::string FormatBridges(const MatchExplanation& explanation, size_t max_bridges) {
  std::vector<std::string> texts;
  const size_t total = explanation.bridges().size();
  for (const auto& bridge : explanation.bridges()) {
    if (max_bridges > 0 && texts.size() == max_bridges) break;
    texts.push_back(bridge.text());
  }
  if (texts.size() < total) texts.push_back(absl::StrCat("… (+", total - texts.size(), ")"));
  return absl::StrJoin(texts, "; ");
}

std::string FormatSharedIndustries(const MatchExplanation& explanation) {
  std::vector<std::string> codes;
  for (const std::string& industry : explanation.shared_industries()) {
    codes.push_back(IdOf(industry));
  }
  return absl::StrJoin(codes, ", ");
}

std::string FormatSignals(const MatchExplanation& explanation) {
  std::vector<const techmatch::v1::SignalContribution*> signals;
  for (const auto& signal : explanation.signals()) {
    if (signal.contribution() >= kNegligible) signals.push_back(&signal);
  }
  // Largest first, so the line reads as "mostly text, some industry"; stable for equal parts.
  std::stable_sort(signals.begin(), signals.end(), [](const auto* a, const auto* b) {
    return a->contribution() > b->contribution();
  });
  std::vector<std::string> parts;
  for (const auto* signal : signals) {
    parts.push_back(absl::StrCat(signal->signal(), " ", FormatScore(signal->contribution())));
  }
  return absl::StrJoin(parts, " + ");
}

const std::string& CounterpartName(const Match& match, Counterpart counterpart) {
  return counterpart == Counterpart::kOffering ? match.offering() : match.need();
}

void RenderMatches(const google::protobuf::RepeatedPtrField<Match>& matches,
                   Counterpart counterpart, std::ostream& out) {
  if (matches.empty()) {
    out << "no matches\n";
    return;
  }
  const size_t rank_width = Rank(matches.size() - 1).size();
  size_t name_width = 0;
  for (const Match& match : matches) {
    name_width = std::max(name_width, CounterpartName(match, counterpart).size());
  }
  for (int i = 0; i < matches.size(); ++i) {
    RenderMatchBlock(matches[i], counterpart, absl::StrFormat("%*s", rank_width, Rank(i)),
                     name_width, out);
  }
}

void RenderWatchedMatch(const Match& match, Counterpart counterpart, absl::string_view lead,
                        std::ostream& out) {
  RenderMatchBlock(match, counterpart, lead, 0, out);
}

std::vector<std::string> MatchCsvHeader(Counterpart counterpart) {
  const std::string side = counterpart == Counterpart::kOffering ? "offering" : "need";
  return {"rank",    side,           absl::StrCat(side, "_title"),
          "score",   "shared_terms", "shared_industries",
          "signals", "bridges"};
}

std::vector<std::string> MatchEventCsvHeader() {
  return {"need", "need_title", "rank", "offering", "offering_title", "score", "shared_terms"};
}

std::vector<std::vector<std::string>> MatchCsvRows(
    const google::protobuf::RepeatedPtrField<Match>& matches, Counterpart counterpart) {
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < matches.size(); ++i) {
    std::vector<std::string> row = {Rank(i)};
    for (std::string& cell : MatchCells(matches[i], counterpart)) row.push_back(std::move(cell));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<std::string> WatchCsvHeader(Counterpart counterpart) {
  std::vector<std::string> header = MatchCsvHeader(counterpart);
  header.front() = "received_at";
  return header;
}

std::vector<std::string> WatchCsvRow(const Match& match, Counterpart counterpart,
                                     const std::string& received_at) {
  std::vector<std::string> row = {received_at};
  for (std::string& cell : MatchCells(match, counterpart)) row.push_back(std::move(cell));
  return row;
}

std::vector<std::vector<std::string>> MatchEventCsvRows(
    const techmatch::v1::MatchEventResponse& response) {
  std::vector<std::vector<std::string>> rows;
  if (response.matches().empty()) {
    rows.push_back({response.need(), response.need_title(), "", "", "", "", ""});
  }
  for (int i = 0; i < response.matches().size(); ++i) {
    const Match& match = response.matches(i);
    rows.push_back({response.need(), response.need_title(), Rank(i), match.offering(),
                    match.counterpart_title(), FormatScore(match.score()),
                    FormatSharedTerms(match.explanation())});
  }
  return rows;
}

void RenderEventNeed(const techmatch::v1::MatchEventResponse& response, std::ostream& out) {
  out << response.need() << "  " << response.need_title() << '\n';
  if (response.matches().empty()) {
    out << "  (nothing presented at the event fits)\n";
    return;
  }
  for (int i = 0; i < response.matches().size(); ++i) {
    const Match& match = response.matches(i);
    const std::string terms = FormatSharedTerms(match.explanation(), kTerminalTerms);
    out << absl::StrFormat("  %s  %s  %s  %s%s\n", Rank(i), FormatScore(match.score()),
                           match.offering(), match.counterpart_title(),
                           terms.empty() ? "" : absl::StrCat("  (", terms, ")"));
    const std::string bridges = FormatBridges(match.explanation(), kTerminalBridges);
    if (!bridges.empty()) out << "       bridges: " << bridges << '\n';
  }
}

}  // namespace techmatch::client
