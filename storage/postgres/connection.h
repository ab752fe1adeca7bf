// One PostgreSQL connection (libpq) with its own prepared statements, and the values that go
// in and come out of it.
//
// Nothing here throws (libpq is a C library): a failed statement is a Status carrying the
// server's SQLSTATE (storage/postgres/pg_status.h) whose message is the server's text, for the
// repository to log and turn into the answer. Parameters and results travel in binary: no
// number is formatted or parsed as text, and a bigint arrives as exactly the 64 bits stored.
// A Connection is used by one thread at a time (the pool guarantees it).
#ifndef TECHMATCH_STORAGE_POSTGRES_CONNECTION_H_
#define TECHMATCH_STORAGE_POSTGRES_CONNECTION_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/flat_hash_map.h"
#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"

// libpq's types, without its header in ours.
struct pg_conn;
struct pg_result;

namespace techmatch::storage::postgres {

// A statement's parameters, $1, $2, ... in the order added.
class Params {
 public:
  Params& Text(absl::string_view value);
  Params& Int64(int64_t value);
  Params& Bytes(absl::string_view value);  // bytea
  Params& Bool(bool value);
  // A NULL is typed bigint like the value: a statement is prepared with its first call's types.
  Params& OptionalInt64(const std::optional<int64_t>& value);
  // A NULL typed text, or the text.
  Params& OptionalText(const std::optional<absl::string_view>& value);
  // A text[] (for `= ANY($n)`): one parameter for a set. Values hold no NUL.
  Params& TextArray(const std::vector<std::string>& values);

  // One array parameter per column of `rows`, each row being one statement's parameters (all
  // of the same types): $n is the array of every row's $n in row order, NULLs kept, so that
  // `INSERT ... SELECT * FROM unnest($1, $2, ...)` stores every row in one statement with the
  // values each would have bound alone. INVALID_ARGUMENT when no rows are given or the rows'
  // types differ.
  static absl::StatusOr<Params> Columns(const std::vector<Params>& rows);

  size_t size() const { return values_.size(); }

 private:
  friend class Connection;
  Params& Add(unsigned type, std::string bytes);

  std::vector<std::optional<std::string>> values_;
  std::vector<unsigned> types_;  // Oids
};

// A statement's rows. The integer and boolean getters check the column's type (a mismatch is a
// bug in our SQL and reads as zero, logged); a NULL reads as 0/empty.
class Result {
 public:
  int rows() const;
  bool IsNull(int row, int column) const;
  // text or bytea bytes, valid while the Result lives.
  absl::string_view View(int row, int column) const;
  std::string Text(int row, int column) const { return std::string(View(row, column)); }
  int64_t Int64(int row, int column) const;  // bigint, integer or smallint
  bool Bool(int row, int column) const;

 private:
  friend class Connection;
  struct Clear {
    void operator()(pg_result* result) const;
  };
  explicit Result(pg_result* result) : result_(result) {}
  std::unique_ptr<pg_result, Clear> result_;
};

class Connection {
 public:
  // Connects to `uri` (a libpq connection URI, postgresql://...), giving up after
  // `connect_timeout` when positive (it overrides the URI's connect_timeout; libpq counts whole
  // seconds, at least 2). A non-empty `application_name` overrides the URI's (the server names
  // its connections so the change feed knows its own writes). UNAVAILABLE when the server cannot
  // be reached, INVALID_ARGUMENT for a malformed URI. libpq's reason for a failed connection is
  // logged as an error, or, when `reason` is given, stored there instead (for a caller that
  // logs only changes). The server's notices (NOTICE, WARNING) go to the log at debug level,
  // not to stderr.
  static absl::StatusOr<std::unique_ptr<Connection>> Open(
      const std::string& uri, absl::Duration connect_timeout = absl::ZeroDuration(),
      const std::string& application_name = "", std::string* reason = nullptr);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs `sql` (one statement, text fixed in the code or assembled from fixed fragments, never
  // from input values) with `params`, prepared once per connection and reused.
  absl::StatusOr<Result> Exec(absl::string_view sql, const Params& params = {});
  // Runs fixed SQL that takes no parameters and may hold several statements (a migration, a
  // transaction's BEGIN), not prepared.
  absl::Status Script(absl::string_view sql);

  // Round trips saved around transactions (storage/postgres/transaction.h). `begin` (fixed SQL,
  // a BEGIN) is sent with the next Exec or Script, in one round trip with it (libpq's pipeline
  // mode), instead of on its own.
  void BeginWithNext(std::string begin) {
    unsent_.assign(1, Unsent{std::move(begin), "", {}});
    unsent_begins_ = true;
    begin_unanswered_ = false;
  }
  // The same for fixed SQL of one statement that answers nothing but OK or an error (a
  // SAVEPOINT): sent with the next Exec, Script or Flush, after what is already waiting.
  void SendWithNext(std::string sql) { unsent_.push_back(Unsent{std::move(sql), "", {}}); }
  // Runs `sql` with `params` as Exec does, for a statement whose answer is only OK or an
  // error (an INSERT), but sends it with the next Exec, Script or Flush, in one round trip with
  // it. That call answers the first error of what it sent (nothing after a failed statement
  // runs). Fails now only when the statement cannot be prepared (or preparing it sent what was
  // queued before, which failed).
  absl::Status ExecLater(absl::string_view sql, const Params& params = {});
  // Sends what ExecLater queued (with a BEGIN or SAVEPOINT waiting before it), if anything,
  // and answers its first error.
  absl::Status Flush();
  // True while a BeginWithNext waits for its statement; DropUnsent forgets it and whatever was
  // to follow it (the transaction ran nothing, so there is nothing to end).
  bool begin_unsent() const { return unsent_begins_; }
  // True while statements queued by ExecLater wait to be sent.
  bool has_queued() const;
  bool has_unsent() const { return !unsent_.empty(); }
  void DropUnsent() {
    unsent_.clear();
    unsent_begins_ = false;
  }
  // True when the last BEGIN sent with a statement got no answer because the connection broke:
  // nothing of that transaction can have committed.
  bool begin_unanswered() const { return begin_unanswered_; }
  // Runs fixed `lock` (a LOCK TABLE) that must be its transaction's first statement: LOCK
  // takes no snapshot, so the REPEATABLE READ snapshot taken by the next statement sees all
  // that the lock's previous holder committed. In a write that joined a transaction already
  // running (set_joined: group commit's writes after a batch's first) it sends nothing and
  // fails with SQLSTATE kNotFirstState, for the write to run again in a transaction of its own.
  absl::Status LockFirst(absl::string_view lock);
  void set_joined(bool joined) { joined_ = joined; }
  // Sends fixed `sql` (a read-only transaction's COMMIT, whose answer changes nothing) without
  // waiting for the answer; the connection's next command reads and drops it first.
  absl::Status SendWithoutWaiting(absl::string_view sql);

  // After `LISTEN channel` ran on this connection: waits until a notification arrives (true,
  // every pending one consumed) or `timeout` passes (false). UNAVAILABLE when the connection
  // broke. Not inside a transaction (notifications are delivered between them).
  absl::StatusOr<bool> WaitForNotification(absl::Duration timeout);

  // Runs `SELECT 1`, waiting at most `timeout` for the answer: OK when the server answered.
  // Unlike Exec it never blocks longer, even when the network or the server hangs; after a
  // timeout the connection counts as broken (a statement is still in flight) until Reset.
  absl::Status Ping(absl::Duration timeout);

  // False once the connection broke (the server went away); Reset reconnects.
  bool Healthy() const;
  // Reconnects a broken connection (its prepared statements are gone with the old session).
  // `reason` as for Open.
  absl::Status Reset(std::string* reason = nullptr);

 private:
  explicit Connection(pg_conn* conn) : conn_(conn) {}
  // A Status for a failed `result` (may be null: out of memory or a broken connection).
  absl::Status Failure(pg_result* result) const;
  // Parameters as libpq takes them, pointing into the Params they came from (Bind).
  struct Bound {
    int count() const { return static_cast<int>(values.size()); }
    std::vector<const char*> values;
    std::vector<int> lengths;
    std::vector<int> formats;
  };
  static Bound Bind(const Params& params);
  // A statement waiting to be sent: fixed SQL, or a prepared statement with its parameters.
  struct Unsent {
    std::string sql;
    std::string prepared;  // The prepared statement's name, or empty for `sql`.
    Params params;
  };
  // The name `sql` is prepared under on this connection, preparing it first.
  absl::StatusOr<const std::string*> Prepared(absl::string_view sql, const Params& params);
  // Sends the unsent statements and then the prepared statement `name` (when not null) in one
  // pipeline, reads every answer and returns the last one's result, or the first failure.
  absl::StatusOr<Result> ExecAfterUnsent(const std::string* name, const Params* params);
  // Reads the answers of a pipeline sent without waiting (SendWithoutWaiting) and leaves
  // pipeline mode. Errors there are dropped: a broken connection shows on the next command.
  void ReadUnread();

  // Lists assemble SQL from fragments; bound the number of prepared statements so rare
  // combinations cannot grow the session without end.
  static constexpr size_t kMaxPrepared = 256;

  pg_conn* conn_;
  bool abandoned_ = false;      // A Ping timed out with its statement in flight.
  std::vector<Unsent> unsent_;  // BeginWithNext, SendWithNext, ExecLater; in order.
  bool unsent_begins_ = false;  // unsent_ starts with a BEGIN.
  bool begin_unanswered_ = false;
  bool joined_ = false;
  bool unread_ = false;  // A pipeline sent by SendWithoutWaiting is not read yet.
  absl::flat_hash_map<std::string, std::string> prepared_;  // SQL -> statement name
  int64_t next_statement_ = 0;
};

}  // namespace techmatch::storage::postgres

#endif  // TECHMATCH_STORAGE_POSTGRES_CONNECTION_H_
