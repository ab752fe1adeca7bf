// `techmatch thesaurus list|get|add|update|remove` (ThesaurusService): the entries organizers
// keep over the shipped thesaurus; each write changes matching at once.
#include <memory>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "client/commands.h"
#include "client/field_values.h"
#include "client/list_runner.h"
#include "client/mask_flags.h"
#include "client/resource_name.h"
#include "techmatch/v1/thesaurus.grpc.pb.h"

namespace techmatch::client {
namespace {

using techmatch::v1::ThesaurusEntry;

constexpr const char* kKinds = "synonym, abbreviation, formula, cross_strait, translation, problem";

const View<ThesaurusEntry>& ThesaurusEntryView() {
  static const auto* view = new View<ThesaurusEntry>{
      [](const ThesaurusEntry& entry, const ValueFormat&) {
        Record record = {{"name", entry.name()},
                         {"kind", absl::AsciiStrToLower(ThesaurusEntry::Kind_Name(entry.kind()))},
                         {"from", absl::StrJoin(entry.from(), "; ")},
                         {"to", absl::StrJoin(entry.to(), "; ")},
                         {"industry", IdOf(entry.industry())},
                         {"note", entry.note()}};
        record.emplace_back("create_time", FormatTime(entry.create_time()));
        record.emplace_back("update_time", FormatTime(entry.update_time()));
        record.emplace_back("etag", entry.etag());
        return record;
      },
      {{"name", Align::kLeft, 30},
       {"kind"},
       {"from", Align::kLeft, 30},
       {"to", Align::kLeft, 40},
       {"industry"}}};
  return *view;
}

// `synonym` or `SYNONYM` → the enum; false for anything else.
bool ParseEntryKind(const std::string& text, ThesaurusEntry::Kind* kind) {
  return ThesaurusEntry::Kind_Parse(absl::AsciiStrToUpper(text), kind) &&
         *kind != ThesaurusEntry::KIND_UNSPECIFIED;
}

// Terms given as repeated flags and/or `;`-separated (`--to 红薯 --to "番薯;地瓜"`); a comma
// may be part of a term (1,3-丁二烯), so it does not separate.
void AddTerms(const std::vector<std::string>& values,
              google::protobuf::RepeatedPtrField<std::string>& out) {
  for (const std::string& value : values) {
    // The full-width semicolon too, as Chinese input methods type it.
    const std::string separated = absl::StrReplaceAll(value, {{"；", ";"}});
    for (absl::string_view term : absl::StrSplit(separated, ';')) {
      term = absl::StripAsciiWhitespace(term);
      if (!term.empty()) out.Add(std::string(term));
    }
  }
}

struct EntryFlags {
  std::string name;
  std::string etag;
  std::string kind;
  std::vector<std::string> from;
  std::vector<std::string> to;
  std::string note;
  std::string industry;
  std::string id;
  std::string request_id;
  MaskFlags fields;
};

void AddEntryFlags(CLI::App* command, EntryFlags* flags, bool create) {
  CLI::Option* kind = command->add_option("--kind", flags->kind, absl::StrCat("One of ", kKinds));
  CLI::Option* from =
      command
          ->add_option("--from", flags->from,
                       "The canonical term (problem: the symptoms); repeat or separate by ;")
          ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  CLI::Option* to = command
                        ->add_option("--to", flags->to,
                                     "The linked terms (problem: the techniques); repeat or "
                                     "separate by ;")
                        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  CLI::Option* note = command->add_option("--note", flags->note, "A short note");
  CLI::Option* industry = command->add_option(
      "--industry", flags->industry, "Industry code the entry belongs to (empty: every industry)");
  if (create) {
    kind->required();
    from->required();
    to->required();
    command->add_option("--id", flags->id, "The entry's id (generated when not given)");
    command->add_option("--request-id", flags->request_id,
                        "Idempotency key: a retry creates nothing");
  }
  flags->fields.Add(kind, "kind");
  flags->fields.Add(from, "from");
  flags->fields.Add(to, "to");
  flags->fields.Add(note, "note");
  flags->fields.Add(industry, "industry");
}

absl::Status FillEntry(const EntryFlags& flags, ThesaurusEntry* entry) {
  if (!flags.kind.empty()) {
    ThesaurusEntry::Kind kind;
    if (!ParseEntryKind(flags.kind, &kind)) {
      return absl::InvalidArgumentError(
          absl::StrCat("--kind: '", flags.kind, "' is not one of ", kKinds));
    }
    entry->set_kind(kind);
  }
  AddTerms(flags.from, *entry->mutable_from());
  AddTerms(flags.to, *entry->mutable_to());
  entry->set_note(flags.note);
  if (!flags.industry.empty()) entry->set_industry(QualifyName("industries", flags.industry));
  return absl::OkStatus();
}

}  // namespace

void AddThesaurusCommands(CLI::App& app, CommandEnv& env) {
  CLI::App* group = app.add_subcommand(
      "thesaurus", "The thesaurus entries organizers keep over the shipped thesaurus");
  group->require_subcommand(1);

  {
    CLI::App* command = group->add_subcommand("list", "List the stored entries in id order");
    auto kind = std::make_shared<std::string>();
    auto term = std::make_shared<std::string>();
    auto flags = std::make_shared<ListFlags>();
    command->add_option("--kind", *kind, absl::StrCat("Only entries of this kind: ", kKinds));
    command->add_option("--term", *term, "Only entries with this text inside one of their terms");
    command->add_option("--page-size", flags->page_size,
                        "Results per page (server default 50, at most 1000)");
    command->add_option("--page-token", flags->page_token,
                        "Continue from a previous page's next_page_token");
    command->add_flag("--all", flags->all, "Fetch every page");
    OnRun(command, env, [&env, kind, term, flags] {
      techmatch::v1::ListThesaurusEntriesRequest request;
      if (!kind->empty()) {
        ThesaurusEntry::Kind parsed;
        if (!ParseEntryKind(*kind, &parsed)) {
          return env.FailLocal(absl::InvalidArgumentError(
              absl::StrCat("--kind: '", *kind, "' is not one of ", kKinds)));
        }
        request.set_kind(parsed);
      }
      request.set_term(*term);
      request.set_page_size(flags->page_size);
      request.set_page_token(flags->page_token);
      techmatch::v1::ListThesaurusEntriesResponse merged;
      while (true) {
        techmatch::v1::ListThesaurusEntriesResponse page;
        std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
        grpc::Status status =
            env.session().thesaurus().ListThesaurusEntries(context.get(), request, &page);
        if (!status.ok()) return env.Fail(status);
        merged.MergeFrom(page);
        merged.set_next_page_token(page.next_page_token());
        if (!flags->all || page.next_page_token().empty()) break;
        request.set_page_token(page.next_page_token());
      }
      env.output().PrintList(merged, merged.thesaurus_entries(), ThesaurusEntryView());
      if (!merged.next_page_token().empty() && env.output().format() == OutputFormat::kTable) {
        env.err() << "(more results: add --page-token=" << merged.next_page_token()
                  << " for the next page, or --all)\n";
      }
      return kExitOk;
    });
  }
  {
    CLI::App* command = group->add_subcommand("get", "Show one entry");
    auto name = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The entry, e.g. thesaurusEntries/starch");
    OnRun(command, env, [&env, name] {
      techmatch::v1::GetThesaurusEntryRequest request;
      request.set_name(QualifyName("thesaurusEntries", *name));
      return CallAndPrint<ThesaurusEntry>(
          env,
          [&](grpc::ClientContext* context, ThesaurusEntry* response) {
            return env.session().thesaurus().GetThesaurusEntry(context, request, response);
          },
          ThesaurusEntryView());
    });
  }
  {
    CLI::App* command = group->add_subcommand(
        "add", "Add an entry (ORGANIZER, ADMIN); matching uses it from the next call");
    auto flags = std::make_shared<EntryFlags>();
    AddEntryFlags(command, flags.get(), /*create=*/true);
    OnRun(command, env, [&env, flags] {
      techmatch::v1::CreateThesaurusEntryRequest request;
      request.set_thesaurus_entry_id(flags->id);
      request.set_request_id(flags->request_id);
      if (absl::Status s = FillEntry(*flags, request.mutable_thesaurus_entry()); !s.ok()) {
        return env.FailLocal(s);
      }
      return CallAndPrint<ThesaurusEntry>(
          env,
          [&](grpc::ClientContext* context, ThesaurusEntry* response) {
            return env.session().thesaurus().CreateThesaurusEntry(context, request, response);
          },
          ThesaurusEntryView());
    });
  }
  {
    CLI::App* command =
        group->add_subcommand("update", "Change an entry's fields (ORGANIZER, ADMIN)");
    auto flags = std::make_shared<EntryFlags>();
    AddNameArgument(command, &flags->name, "The entry");
    command->add_option("--etag", flags->etag, "Refuse the update if the entry changed since");
    AddEntryFlags(command, flags.get(), /*create=*/false);
    OnRun(command, env, [&env, flags] {
      techmatch::v1::UpdateThesaurusEntryRequest request;
      *request.mutable_update_mask() = flags->fields.Mask();
      if (request.update_mask().paths().empty()) {
        return env.FailLocal(absl::InvalidArgumentError(
            absl::StrCat("nothing to update: give at least one of ", flags->fields.FlagNames())));
      }
      ThesaurusEntry* entry = request.mutable_thesaurus_entry();
      entry->set_name(QualifyName("thesaurusEntries", flags->name));
      entry->set_etag(flags->etag);
      if (absl::Status s = FillEntry(*flags, entry); !s.ok()) return env.FailLocal(s);
      return CallAndPrint<ThesaurusEntry>(
          env,
          [&](grpc::ClientContext* context, ThesaurusEntry* response) {
            return env.session().thesaurus().UpdateThesaurusEntry(context, request, response);
          },
          ThesaurusEntryView());
    });
  }
  {
    CLI::App* command =
        group->add_subcommand("remove", "Delete an entry for good (ORGANIZER, ADMIN)");
    auto name = std::make_shared<std::string>();
    auto etag = std::make_shared<std::string>();
    AddNameArgument(command, name.get(), "The entry");
    command->add_option("--etag", *etag, "Refuse if the entry changed since");
    OnRun(command, env, [&env, name, etag] {
      techmatch::v1::DeleteThesaurusEntryRequest request;
      request.set_name(QualifyName("thesaurusEntries", *name));
      request.set_etag(*etag);
      google::protobuf::Empty response;
      std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
      grpc::Status status =
          env.session().thesaurus().DeleteThesaurusEntry(context.get(), request, &response);
      if (!status.ok()) return env.Fail(status);
      env.output().stream() << "removed " << request.name() << '\n';
      return kExitOk;
    });
  }
}

}  // namespace techmatch::client
