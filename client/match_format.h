// Matches as a person reads them: rank, score, counterpart, and the reasons in plain words.
//
// The server explains a match with structured data (shared terms with both spellings, shared
// industries, per-signal contributions); an organizer deciding whom to introduce to whom needs
// that as one short line per reason, not as JSON.
#ifndef TECHMATCH_CLIENT_MATCH_FORMAT_H_
#define TECHMATCH_CLIENT_MATCH_FORMAT_H_

#include <ostream>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "google/protobuf/repeated_ptr_field.h"
#include "techmatch/v1/match.pb.h"

namespace techmatch::client {

// Which side of a match the list shows: the offerings of a need, or the needs of an offering.
enum class Counterpart { kOffering, kNeed };

// Three decimals, e.g. `0.734`: enough to tell neighbours apart, few enough to read.
std::string FormatScore(double score);

// `白酒窖池`, or `釀造/酿造` when the counterpart wrote the phrase differently.
std::string FormatSharedTerm(const techmatch::v1::SharedTerm& term);
// Shared terms joined by `, `; empty when none. With `max_terms` > 0, at most that many (the
// most telling come first) and `, … (+N)` for the rest, so a terminal line stays readable.
std::string FormatSharedTerms(const techmatch::v1::MatchExplanation& explanation,
                              size_t max_terms = 0);
// The bridges' display texts joined by `; ` (`degumming ≈ 脱胶 (CC-CEDICT); SNCR ≈
// 选择性非催化还原 (thesaurus)`), strongest first; empty when none. `max_bridges` as for
// FormatSharedTerms.
std::string FormatBridges(const techmatch::v1::MatchExplanation& explanation,
                          size_t max_bridges = 0);
// Industry codes (`liquor, agriculture`), primary first.
std::string FormatSharedIndustries(const techmatch::v1::MatchExplanation& explanation);
// Signals that contributed, largest first: `text 0.412 + industry 0.200 + maturity 0.100`.
// Signals contributing nothing are left out; they would only lengthen the line.
std::string FormatSignals(const techmatch::v1::MatchExplanation& explanation);

// The counterpart's resource name in `match`.
const std::string& CounterpartName(const techmatch::v1::Match& match, Counterpart counterpart);

// Shared terms shown per match on the terminal; CSV and JSON keep them all.
inline constexpr size_t kTerminalTerms = 8;
// Bridges shown per match on the terminal; CSV and JSON keep them all.
inline constexpr size_t kTerminalBridges = 4;

// One block per match (at most kTerminalTerms shared terms):
//   1  0.734  offerings/cib-001  窖泥功能菌群定向培養與人工窖泥製備
//      shared terms:      窖池, 釀造/酿造
//      bridges:           degumming ≈ 脱胶 (CC-CEDICT)
//      shared industries: liquor
//      signals:           text 0.412 + industry 0.200
// or "no matches" when there are none.
void RenderMatches(const google::protobuf::RepeatedPtrField<techmatch::v1::Match>& matches,
                   Counterpart counterpart, std::ostream& out);

// One match of `match watch` as it arrives: the RenderMatches block with `lead` (the time it
// arrived) in place of the rank.
void RenderWatchedMatch(const techmatch::v1::Match& match, Counterpart counterpart,
                        absl::string_view lead, std::ostream& out);

// Column names of the `--csv` output of match need/offering and of `match event --csv`.
std::vector<std::string> MatchCsvHeader(Counterpart counterpart);
std::vector<std::string> MatchEventCsvHeader();

// One CSV row per match: rank, counterpart, title, score, shared terms, shared industries,
// signals, bridges.
std::vector<std::vector<std::string>> MatchCsvRows(
    const google::protobuf::RepeatedPtrField<techmatch::v1::Match>& matches,
    Counterpart counterpart);
// `match watch --csv`: the columns of MatchCsvHeader with `received_at` (UTC, RFC 3339) in
// place of the rank, and one such row per match.
std::vector<std::string> WatchCsvHeader(Counterpart counterpart);
std::vector<std::string> WatchCsvRow(const techmatch::v1::Match& match, Counterpart counterpart,
                                     const std::string& received_at);
// One row per (need, match): need, need title, rank, offering, offering title, score, shared
// terms. A need without matches still gets a row (empty match cells), so the sheet lists
// every need of the event and shows which found nothing.
std::vector<std::vector<std::string>> MatchEventCsvRows(
    const techmatch::v1::MatchEventResponse& response);

// A need of MatchEvent in brief, for the terminal: its name and title, then one line per match
// `  1  0.734  offerings/cib-001  title  (窖池, 釀造/酿造)`, followed, when the match used
// bridges, by a line `       bridges: degumming ≈ 脱胶 (CC-CEDICT)`.
void RenderEventNeed(const techmatch::v1::MatchEventResponse& response, std::ostream& out);

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_MATCH_FORMAT_H_
