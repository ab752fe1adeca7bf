// techmatch-server: serves the techmatch API over gRPC from an embedded SQLite database.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <string>

#include "CLI/CLI.hpp"
#include "absl/synchronization/mutex.h"
#include "spdlog/spdlog.h"
#include "server/techmatch_server.h"
#include "storage/sqlite_repository.h"

namespace {

// Writes the port where a supervisor (or test) can read it; rename makes it appear whole.
bool WritePortFile(const std::string& path, int port) {
  const std::string temp = path + ".tmp";
  {
    std::ofstream out(temp);
    out << port << "\n";
    if (!out) return false;
  }
  return std::rename(temp.c_str(), path.c_str()) == 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"techmatch-server: technology-transfer matchmaking over gRPC"};
  techmatch::server::ServerOptions options;
  std::string db_path = "techmatch.db";
  std::string port_file;
  std::string synchronous = "full";
  int shutdown_grace_seconds = 10;
  app.add_option("--listen", options.listen, "host:port to listen on (port 0 picks one)")
      ->capture_default_str();
  app.add_option("--db", db_path, "SQLite database file (created when missing)")
      ->capture_default_str();
  app.add_option("--port_file", port_file, "write the bound port to this file once serving");
  app.add_option("--base_currency", options.base_currency,
                 "ISO 4217 code of the deployment's one currency")
      ->capture_default_str();
  app.add_option("--synchronous", synchronous,
                 "SQLite synchronous mode: full (every acknowledged write survives power loss) "
                 "or normal (survives a process crash)")
      ->check(CLI::IsMember({"full", "normal"}))
      ->capture_default_str();
  app.add_option("--shutdown_grace_seconds", shutdown_grace_seconds,
                 "how long in-flight calls may run after SIGINT/SIGTERM")
      ->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  // Debian's Abseil is built with mutex deadlock detection on, which gRPC's every lock pays
  // for (12% of the instructions of a GetNeed call); tests keep it, the binary does not.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);

  // Block the shutdown signals in every thread gRPC starts; main waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  techmatch::storage::SqliteOptions storage_options;
  storage_options.synchronous = synchronous == "full" ? techmatch::storage::Synchronous::kFull
                                                      : techmatch::storage::Synchronous::kNormal;
  auto repository = techmatch::storage::SqliteRepository::Open(db_path, storage_options);
  if (!repository.ok()) {
    spdlog::critical("cannot open database {}: {}", db_path, repository.status().ToString());
    return 1;
  }
  auto server = techmatch::server::TechmatchServer::Start(options, *std::move(repository));
  if (!server.ok()) {
    spdlog::critical("cannot start: {}", server.status().ToString());
    return 1;
  }
  if (!port_file.empty() && !WritePortFile(port_file, (*server)->port())) {
    spdlog::critical("cannot write port file {}", port_file);
    return 1;
  }

  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("received signal {}, shutting down (grace {} s)", received,
               shutdown_grace_seconds);
  (*server)->Shutdown(absl::Seconds(shutdown_grace_seconds));
  (*server)->Wait();
  spdlog::info("stopped");
  return 0;
}
