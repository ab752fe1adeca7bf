// techmatch-server: serves the techmatch API over gRPC from an embedded SQLite database or a
// PostgreSQL server (server/database_flags.h).
//
//   techmatch-server [--db PATH|URI] [serving flags]  serve (no subcommand)
//   techmatch-server --db PATH backup --out FILE      online backup of a SQLite database
//   techmatch-server --db SOURCE copy --to TARGET    every record into a new database, either
//                                                    backend to either
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <thread>

#include "CLI/CLI.hpp"
#include "absl/synchronization/mutex.h"
#include "absl/time/clock.h"
#include "server/admin_commands.h"
#include "server/audit_key_file.h"
#include "server/backup_command.h"
#include "server/connection_cap.h"
#include "server/copy_command.h"
#include "server/database_flags.h"
#include "server/http/http_flags.h"
#include "server/protobuf_logging.h"
#include "server/techmatch_server.h"
#include "spdlog/sinks/stdout_color_sinks.h"
#include "spdlog/spdlog.h"
#include "storage/sqlite/sqlite_repository.h"

namespace {

struct ServeFlags {
  techmatch::server::ServerOptions options;
  std::string port_file;
  int shutdown_grace_seconds = 10;
  // Sessions and invitations (README, "People").
  int session_idle_minutes = 120;
  int session_lifetime_hours = 12;
  int invitation_lifetime_hours = 72;
  techmatch::server::http::HttpFlags http;
};

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

void AddServeFlags(CLI::App& app, ServeFlags& flags) {
  techmatch::server::ServerOptions& options = flags.options;
  app.add_option("--listen", options.listen, "host:port to listen on (port 0 picks one)")
      ->capture_default_str();
  app.add_option("--port_file", flags.port_file, "write the bound port to this file once serving");
  app.add_option("--base_currency", options.base_currency,
                 "ISO 4217 code of the deployment's one currency")
      ->capture_default_str();
  app.add_option("--shutdown_grace_seconds", flags.shutdown_grace_seconds,
                 "how long in-flight calls may run after SIGINT/SIGTERM")
      ->capture_default_str();

  auto* cert = app.add_option("--tls_cert", options.tls.cert_file,
                              "PEM certificate chain of the server: serve TLS instead of "
                              "plaintext")
                   ->check(CLI::ExistingFile);
  auto* key = app.add_option("--tls_key", options.tls.key_file, "PEM private key of --tls_cert")
                  ->check(CLI::ExistingFile);
  cert->needs(key);
  key->needs(cert);
  app.add_option("--tls_client_ca", options.tls.client_ca_file,
                 "PEM CA certificates: require clients to present a certificate they signed "
                 "(mutual TLS)")
      ->check(CLI::ExistingFile)
      ->needs(cert);

  techmatch::server::TransportLimits& limits = options.limits;
  app.add_option("--max_receive_message_bytes", limits.max_receive_message_bytes,
                 "largest request message; larger ones get RESOURCE_EXHAUSTED")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_send_message_bytes", limits.max_send_message_bytes,
                 "largest response message; larger ones fail with RESOURCE_EXHAUSTED")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_concurrent_streams", limits.max_concurrent_streams,
                 "concurrent calls per client connection; more wait for one to finish")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--min_ping_interval_ms", limits.min_ping_interval_ms,
                 "keepalive pings closer than this without data earn a strike")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_ping_strikes", limits.max_ping_strikes,
                 "strikes before a client's connection is closed (GOAWAY too_many_pings)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_threads", limits.max_threads,
                 "threads serving sync-API calls (writes, matching, reports, streams); such a "
                 "call when all are busy gets RESOURCE_EXHAUSTED (short reads run on one "
                 "completion-queue thread per core, not counted here)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_connections", limits.max_connections,
                 "open gRPC connections in all; more are closed as soon as accepted (at most "
                 "half the descriptor limit)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_connections_per_address", limits.max_connections_per_address,
                 "open gRPC connections from one client address; more are closed as soon as "
                 "accepted")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--connection_idle_ms", limits.connection_idle_ms,
                 "a connection with no call in flight this long is closed (GOAWAY)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--connection_age_ms", limits.connection_age_ms,
                 "a connection is asked to go away (GOAWAY) after this long; clients reconnect")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--connection_age_grace_ms", limits.connection_age_grace_ms,
                 "calls still running this long after --connection_age_ms are cancelled")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--handshake_timeout_ms", limits.handshake_timeout_ms,
                 "a connection that has not finished its TLS handshake and sent HTTP/2 "
                 "settings this long after accept is closed")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  techmatch::server::LongCallLimits& long_calls = options.long_calls;
  app.add_option("--max_long_calls_per_principal", long_calls.max_per_principal,
                 "streams, MatchEvent, GenerateMeetingRequests and ScheduleMeetings one API key "
                 "may have running at once; more get RESOURCE_EXHAUSTED")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option("--max_watches_per_principal", long_calls.max_watches_per_principal,
                 "WatchMatches streams one API key may have open at once; more get "
                 "RESOURCE_EXHAUSTED")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  app.add_option_function<int>(
         "--stream_idle_ms",
         [&long_calls](int ms) { long_calls.stream_idle = absl::Milliseconds(ms); },
         "an import stream that sends no row this long is ended with DEADLINE_EXCEEDED")
      ->check(CLI::PositiveNumber)
      ->default_str(std::to_string(absl::ToInt64Milliseconds(long_calls.stream_idle)));
  app.add_option("--session_idle_minutes", flags.session_idle_minutes,
                 "a session unused for this long ends (checked to the minute)")
      ->check(CLI::Range(1, 7 * 24 * 60))
      ->capture_default_str();
  app.add_option("--session_lifetime_hours", flags.session_lifetime_hours,
                 "a session ends this long after sign-in, used or not")
      ->check(CLI::Range(1, 30 * 24))
      ->capture_default_str();
  app.add_option("--invitation_lifetime_hours", flags.invitation_lifetime_hours,
                 "an invitation code stops working this long after it was issued")
      ->check(CLI::Range(1, 30 * 24))
      ->capture_default_str();
  techmatch::server::http::AddHttpFlags(app, flags.http);
}

int Serve(const techmatch::server::DatabaseFlags& database, const std::string& audit_key_file,
          const ServeFlags& flags) {
  // Debian's Abseil is built with mutex deadlock detection on, which gRPC's every lock pays
  // for (12% of the instructions of a GetNeed call); tests keep it, the binary does not.
  absl::SetMutexDeadlockDetectionMode(absl::OnDeadlockCycle::kIgnore);
  techmatch::server::RouteProtobufLogsToSpdlog();
  // Every descriptor the hard limit allows; the connection cap keeps gRPC's share well below.
  const int64_t descriptor_limit = techmatch::server::RaiseDescriptorLimit();

  // Block the shutdown signals in every thread gRPC starts; Serve waits for them below.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  std::optional<techmatch::AuditKey> audit_key;
  if (!audit_key_file.empty()) {
    absl::StatusOr<techmatch::AuditKey> key = techmatch::server::ReadAuditKeyFile(audit_key_file);
    if (!key.ok()) {
      spdlog::critical("{}", key.status().ToString());
      return 1;
    }
    audit_key = *std::move(key);
  }
  auto repository = techmatch::server::OpenDatabase(database, audit_key, /*maintenance=*/false);
  if (!repository.ok()) {
    spdlog::critical("cannot open database {}: {}",
                     techmatch::server::RedactedDatabase(database.db),
                     repository.status().ToString());
    return 1;
  }
  // Kept for the figures logged at the end; the server owns the repository.
  techmatch::storage::Repository* const storage = repository->get();
  techmatch::server::ServerOptions options = flags.options;
  options.people.sessions.idle = absl::Minutes(flags.session_idle_minutes);
  options.people.sessions.absolute = absl::Hours(flags.session_lifetime_hours);
  options.people.invitation_lifetime = absl::Hours(flags.invitation_lifetime_hours);
  auto server = techmatch::server::TechmatchServer::Start(options, *std::move(repository));
  if (!server.ok()) {
    spdlog::critical("cannot start: {}", server.status().ToString());
    return 1;
  }
  const techmatch::server::TransportLimits& limits = flags.options.limits;
  if (absl::Status capped =
          techmatch::server::CapConnections((*server)->port(), limits.max_connections,
                                            limits.max_connections_per_address, descriptor_limit);
      !capped.ok()) {
    spdlog::critical("cannot cap connections: {}", capped.ToString());
    return 1;
  }
  if (!flags.port_file.empty() && !WritePortFile(flags.port_file, (*server)->port())) {
    spdlog::critical("cannot write port file {}", flags.port_file);
    return 1;
  }
  if (!flags.http.listen.empty()) {
    auto http_port =
        techmatch::server::http::StartHttp(**server, flags.options, flags.http.Options());
    if (!http_port.ok()) {
      spdlog::critical("cannot serve HTTP: {}", http_port.status().ToString());
      return 1;
    }
    if (!flags.http.port_file.empty() && !WritePortFile(flags.http.port_file, *http_port)) {
      spdlog::critical("cannot write port file {}", flags.http.port_file);
      return 1;
    }
  }

  // The first agreement summary loads the summary index (storage/sqlite/summary_index.h, about
  // 1 s per 100,000 agreements on a busy machine): load it now, beside serving, so that an
  // official's first dashboard does not wait for it (a summary meanwhile waits for the load).
  std::thread load_summaries([storage] {
    const absl::Time start = absl::Now();
    absl::StatusOr<techmatch::AgreementReport> total = storage->SummarizeAgreements({}, {}, {});
    spdlog::info("summary index loaded in {} ms ({})",
                 absl::ToInt64Milliseconds(absl::Now() - start),
                 total.ok() ? "ok" : total.status().ToString());
  });

  int received = 0;
  sigwait(&signals, &received);
  spdlog::info("received signal {}, shutting down (grace {} s)", received,
               flags.shutdown_grace_seconds);
  (*server)->Shutdown(absl::Seconds(flags.shutdown_grace_seconds));
  (*server)->Wait();
  load_summaries.join();
  if (auto* cached = dynamic_cast<techmatch::storage::CachingRepository*>(storage)) {
    for (const auto& [kind, stats] : {std::pair{"needs", cached->NeedCacheStats()},
                                      std::pair{"offerings", cached->OfferingCacheStats()}}) {
      spdlog::info("record cache, {}: {} hits, {} misses, {} kept", kind, stats.hits, stats.misses,
                   stats.entries);
    }
  }
  const techmatch::server::ConnectionCapStats connections =
      techmatch::server::GetConnectionCapStats();
  spdlog::info("gRPC connections: at most {} open at once, {} refused", connections.peak,
               connections.refused);
  if (auto* sqlite = dynamic_cast<techmatch::storage::SqliteRepository*>(storage)) {
    const auto commits = sqlite->CommitStats();
    spdlog::info("group commit: {} writes in {} transactions", commits.writes, commits.commits);
  }
  spdlog::info("stopped");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"techmatch-server: technology-transfer matchmaking over gRPC"};
  // Without a subcommand the binary serves; each subcommand is an administrator's tool that
  // works on the --db database (also while a server serves it).
  app.require_subcommand(0, 1);
  techmatch::server::DatabaseFlags database;
  techmatch::server::AddDatabaseFlags(app, database);
  ServeFlags serve;
  AddServeFlags(app, serve);
  techmatch::server::BackupFlags backup_flags;
  CLI::App* backup = techmatch::server::AddBackupCommand(app, backup_flags);
  techmatch::server::CopyFlags copy_flags;
  CLI::App* copy = techmatch::server::AddCopyCommand(app, copy_flags);
  techmatch::server::AdminCommands admin;
  techmatch::server::AddAdminCommands(app, admin);
  CLI11_PARSE(app, argc, argv);

  if (backup->parsed()) {
    if (techmatch::server::IsPostgresUri(database.db)) {
      std::fprintf(stderr,
                   "backup copies a SQLite file; back up a PostgreSQL database with pg_dump\n");
      return 1;
    }
    return techmatch::server::RunBackupCommand(database.db, backup_flags);
  }
  if (copy->parsed()) {
    // stdout carries the command's answer alone; logs go aside.
    spdlog::set_default_logger(spdlog::stderr_color_st("techmatch-server"));
    return techmatch::server::RunCopyCommand(database, admin.audit_key_file, copy_flags, std::cout,
                                             std::cerr);
  }
  if (std::optional<int> code = techmatch::server::RunAdminCommand(database, admin)) return *code;
  return Serve(database, admin.audit_key_file, serve);
}
