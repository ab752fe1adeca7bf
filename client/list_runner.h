// The shared shape of every List command: filter, paging, one page or all of them.
#ifndef TECHMATCH_CLIENT_LIST_RUNNER_H_
#define TECHMATCH_CLIENT_LIST_RUNNER_H_

#include <string>

#include "CLI/CLI.hpp"
#include "client/command_env.h"

namespace techmatch::client {

struct ListFlags {
  std::string filter;
  int page_size = 0;  // 0: the server's default.
  std::string page_token;
  bool all = false;
};

// Adds --filter (described by `filter_help`), --page-size, --page-token and --all.
void AddListFlags(CLI::App* command, ListFlags* flags, const std::string& filter_help);

// Calls `call(context, request, &response)` for one page, or for every page with --all
// (appending each page's items), then prints the items with `view`. When more pages remain,
// says on stderr how to fetch the next one. Returns the exit code.
template <typename Response, typename Request, typename Call, typename Items, typename Item>
int RunList(CommandEnv& env, const ListFlags& flags, Request request, Call call, Items items,
            const View<Item>& view) {
  // A list without filter fields (a project's fund arrivals) takes none.
  if constexpr (requires { request.set_filter(flags.filter); }) request.set_filter(flags.filter);
  request.set_page_size(flags.page_size);
  request.set_page_token(flags.page_token);
  Response merged;
  while (true) {
    Response page;
    std::unique_ptr<grpc::ClientContext> context = env.session().NewContext();
    if (grpc::Status status = call(context.get(), request, &page); !status.ok()) {
      return env.Fail(status);
    }
    merged.MergeFrom(page);  // Appends the page's items.
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

#endif  // TECHMATCH_CLIENT_LIST_RUNNER_H_
