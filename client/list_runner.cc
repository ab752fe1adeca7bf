#include "client/list_runner.h"

namespace techmatch::client {

void AddListFlags(CLI::App* command, ListFlags* flags, const std::string& filter_help) {
  command->add_option("--filter", flags->filter, filter_help);
  command->add_option("--page-size", flags->page_size,
                      "Results per page (server default 50, at most 1000)");
  command->add_option("--page-token", flags->page_token,
                      "Continue from a previous page's next_page_token");
  command->add_flag("--all", flags->all, "Fetch every page");
}

}  // namespace techmatch::client
