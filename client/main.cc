// techmatch: the command-line client (DESIGN §2, §4.1–§4.3).
#include <iostream>

#include "client/cli.h"

int main(int argc, char** argv) {
  return techmatch::client::RunCli(argc, argv, std::cout, std::cerr);
}
