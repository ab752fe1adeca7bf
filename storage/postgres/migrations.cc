#include "storage/postgres/migrations.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"
#include "storage/postgres/transaction.h"

namespace techmatch::storage::postgres {
namespace {

// The advisory lock every migration transaction takes ("techmatc" as a bigint): one key for
// the whole database, so migrations of one database never run side by side.
constexpr int64_t kMigrationLock = 0x746563686d617463;

// The tables of storage/sqlite/migrations.cc up to its version 9, with the same conventions and
// the same CHECKs:
// - ids are tm_id: text in byte order (COLLATE "C", as SQLite compares) matching
//   [a-z0-9][a-z0-9-]{0,62}; keyset pages order by them, so both backends page alike;
// - times are bigint unix nanoseconds, money bigint minor units, never negative;
// - lists are one text joined by U+001F in the main row, repeated in join tables;
// - SQLite's 0/1 integers are boolean; BLOBs are bytea;
// - checked_sum(bigint) is sum() that fails with SQLSTATE TMS01 on leaving 64 bits.
constexpr const char kMigration1[] = R"sql(
CREATE DOMAIN tm_id AS text COLLATE "C" CHECK (VALUE ~ '^[a-z0-9][a-z0-9-]{0,62}$');
CREATE DOMAIN tm_region AS text COLLATE "C" CHECK (VALUE = '' OR VALUE ~ '^[0-9]{6}$');
CREATE DOMAIN tm_role AS text COLLATE "C"
  CHECK (VALUE IN ('ADMIN', 'ORGANIZER', 'INSTITUTE', 'ENTERPRISE', 'OFFICIAL'));
CREATE DOMAIN tm_org_kind AS text COLLATE "C"
  CHECK (VALUE IN ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE', 'GOVERNMENT',
                   'INTERMEDIARY', 'FINANCIAL_INSTITUTION'));

CREATE FUNCTION checked_sum_step(total numeric, value bigint) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS 'SELECT CASE WHEN value IS NULL THEN total ELSE coalesce(total, 0) + value END';
CREATE FUNCTION checked_sum_final(total numeric) RETURNS bigint
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
BEGIN
  IF total IS NULL THEN
    RETURN NULL;
  END IF;
  IF total < -9223372036854775808 OR total > 9223372036854775807 THEN
    RAISE EXCEPTION 'checked_sum() overflowed 64-bit integers' USING ERRCODE = 'TMS01';
  END IF;
  RETURN total::bigint;
END
$$;
CREATE AGGREGATE checked_sum(bigint) (
  SFUNC = checked_sum_step, STYPE = numeric, FINALFUNC = checked_sum_final
);

CREATE TABLE meta (
  key text COLLATE "C" NOT NULL PRIMARY KEY,
  value bytea NOT NULL
);

CREATE TABLE request_ids (
  method text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL CHECK (request_id <> ''),
  resource_id text COLLATE "C" NOT NULL,
  create_time bigint NOT NULL,
  request_hash bytea NOT NULL DEFAULT '',
  PRIMARY KEY (method, request_id)
);

CREATE TABLE industries (
  code tm_id NOT NULL PRIMARY KEY,
  display_name_zh text NOT NULL CHECK (length(display_name_zh) BETWEEN 1 AND 200),
  display_name_en text NOT NULL CHECK (length(display_name_en) <= 200),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);

CREATE TABLE organizations (
  id tm_id NOT NULL PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  kind tm_org_kind NOT NULL,
  parent_id text COLLATE "C" REFERENCES organizations (id) CHECK (parent_id <> id),
  region_code tm_region NOT NULL,
  industries text NOT NULL,
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE INDEX organizations_by_kind ON organizations (kind, id);
CREATE INDEX organizations_by_parent ON organizations (parent_id, id);
CREATE INDEX organizations_by_region ON organizations (region_code, id);

CREATE TABLE organization_industries (
  organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  industry_code text COLLATE "C" NOT NULL REFERENCES industries (code),
  PRIMARY KEY (organization_id, industry_code)
);
CREATE INDEX organization_industries_by_industry
  ON organization_industries (industry_code, organization_id);

CREATE TABLE events (
  id tm_id NOT NULL PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  location text NOT NULL CHECK (length(location) <= 200),
  start_time bigint NOT NULL,
  end_time bigint NOT NULL CHECK (end_time >= start_time),
  registration_close_time bigint,
  organizers text NOT NULL,
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE INDEX events_by_start ON events (start_time);

CREATE TABLE event_organizers (
  event_id text COLLATE "C" NOT NULL REFERENCES events (id),
  organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (event_id, organization_id)
);
CREATE INDEX event_organizers_by_organization ON event_organizers (organization_id, event_id);

CREATE TABLE participants (
  event_id text COLLATE "C" NOT NULL REFERENCES events (id),
  organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  create_time bigint NOT NULL,
  delegate_count integer NOT NULL DEFAULT 1 CHECK (delegate_count BETWEEN 1 AND 100),
  late_registration boolean NOT NULL DEFAULT false,
  PRIMARY KEY (event_id, organization_id)
);
CREATE INDEX participants_by_organization ON participants (organization_id, event_id);

CREATE TABLE needs (
  id tm_id NOT NULL PRIMARY KEY,
  enterprise_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) <= 20000),
  keywords text NOT NULL,
  industries text NOT NULL CHECK (industries <> ''),
  cooperation_modes text NOT NULL,
  events text NOT NULL,
  budget_minor bigint CHECK (budget_minor >= 0),
  min_trl integer CHECK (min_trl BETWEEN 1 AND 9),
  state text NOT NULL CHECK (state IN ('OPEN', 'WITHDRAWN', 'CLOSED')),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  late_events text NOT NULL DEFAULT '',
  review text NOT NULL DEFAULT '' CHECK (review IN ('', 'SUBMITTED', 'RETURNED')),
  return_reason text NOT NULL DEFAULT '' CHECK (length(return_reason) <= 2000),
  closing_agreement_id text COLLATE "C"  -- REFERENCES agreements, added below
);
CREATE INDEX needs_by_enterprise ON needs (enterprise_id, id);

CREATE TABLE need_industries (
  need_id text COLLATE "C" NOT NULL REFERENCES needs (id),
  industry_code text COLLATE "C" NOT NULL REFERENCES industries (code),
  PRIMARY KEY (need_id, industry_code)
);
CREATE INDEX need_industries_by_industry ON need_industries (industry_code, need_id);

CREATE TABLE need_events (
  need_id text COLLATE "C" NOT NULL REFERENCES needs (id),
  event_id text COLLATE "C" NOT NULL REFERENCES events (id),
  PRIMARY KEY (need_id, event_id)
);
CREATE INDEX need_events_by_event ON need_events (event_id, need_id);

CREATE TABLE offerings (
  id tm_id NOT NULL PRIMARY KEY,
  institute_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description text NOT NULL CHECK (length(description) <= 20000),
  keywords text NOT NULL,
  industries text NOT NULL CHECK (industries <> ''),
  cooperation_modes text NOT NULL,
  events text NOT NULL,
  trl integer NOT NULL CHECK (trl BETWEEN 1 AND 9),
  patents text NOT NULL,
  asking_price_minor bigint CHECK (asking_price_minor >= 0),
  state text NOT NULL CHECK (state IN ('AVAILABLE', 'WITHDRAWN')),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  late_events text NOT NULL DEFAULT '',
  review text NOT NULL DEFAULT '' CHECK (review IN ('', 'SUBMITTED', 'RETURNED')),
  return_reason text NOT NULL DEFAULT '' CHECK (length(return_reason) <= 2000)
);
CREATE INDEX offerings_by_institute ON offerings (institute_id, id);

CREATE TABLE offering_industries (
  offering_id text COLLATE "C" NOT NULL REFERENCES offerings (id),
  industry_code text COLLATE "C" NOT NULL REFERENCES industries (code),
  PRIMARY KEY (offering_id, industry_code)
);
CREATE INDEX offering_industries_by_industry ON offering_industries (industry_code, offering_id);

CREATE TABLE offering_events (
  offering_id text COLLATE "C" NOT NULL REFERENCES offerings (id),
  event_id text COLLATE "C" NOT NULL REFERENCES events (id),
  PRIMARY KEY (offering_id, event_id)
);
CREATE INDEX offering_events_by_event ON offering_events (event_id, offering_id);

CREATE TABLE agreements (
  id tm_id NOT NULL PRIMARY KEY,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('FRAMEWORK_COOPERATION', 'TECHNOLOGY_DEVELOPMENT',
                                     'TECHNOLOGY_TRANSFER', 'TECHNOLOGY_LICENSE',
                                     'TECHNOLOGY_CONSULTING', 'TECHNOLOGY_SERVICE')),
  parties text NOT NULL CHECK (parties <> ''),
  event_id text COLLATE "C" REFERENCES events (id),
  need_id text COLLATE "C" REFERENCES needs (id),
  offering_id text COLLATE "C" REFERENCES offerings (id),
  industries text NOT NULL,
  sign_time bigint NOT NULL,
  sign_month integer NOT NULL CHECK (sign_month BETWEEN 167701 AND 226212),
  contract_amount bigint CHECK (contract_amount >= 0),
  total_investment bigint CHECK (total_investment >= 0),
  expected_sales_revenue bigint CHECK (expected_sales_revenue >= 0),
  expected_profit_tax bigint CHECK (expected_profit_tax >= 0),
  realized_output_value bigint CHECK (realized_output_value >= 0),
  realized_profit_tax bigint CHECK (realized_profit_tax >= 0),
  state text NOT NULL CHECK (state IN ('SIGNED', 'IMPLEMENTING', 'COMPLETED', 'TERMINATED')),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  CHECK (state <> 'SIGNED' OR (realized_output_value IS NULL AND realized_profit_tax IS NULL))
);
CREATE INDEX agreements_by_event ON agreements (event_id, id);
CREATE INDEX agreements_by_kind ON agreements (kind, id);
CREATE INDEX agreements_by_state ON agreements (state, id);
CREATE INDEX agreements_by_sign_time ON agreements (sign_time);
CREATE INDEX agreements_by_need ON agreements (need_id);
CREATE INDEX agreements_by_offering ON agreements (offering_id);
ALTER TABLE needs ADD FOREIGN KEY (closing_agreement_id) REFERENCES agreements (id);

CREATE TABLE agreement_parties (
  agreement_id text COLLATE "C" NOT NULL REFERENCES agreements (id),
  position integer NOT NULL CHECK (position >= 0),
  organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  role text NOT NULL CHECK (role IN ('SUPPLIER', 'DEMANDER', 'GOVERNMENT', 'FINANCIER')),
  PRIMARY KEY (agreement_id, position),
  UNIQUE (agreement_id, organization_id, role)
);
CREATE INDEX agreement_parties_by_organization
  ON agreement_parties (organization_id, role, agreement_id);
CREATE INDEX agreement_parties_by_role ON agreement_parties (role, agreement_id, organization_id);

CREATE TABLE agreement_industries (
  agreement_id text COLLATE "C" NOT NULL REFERENCES agreements (id),
  industry_code text COLLATE "C" NOT NULL REFERENCES industries (code),
  PRIMARY KEY (agreement_id, industry_code)
);
CREATE INDEX agreement_industries_by_industry
  ON agreement_industries (industry_code, agreement_id);

CREATE TABLE agreement_history (
  agreement_id text COLLATE "C" NOT NULL REFERENCES agreements (id),
  revision bigint NOT NULL CHECK (revision >= 2),
  field text NOT NULL CHECK (field IN ('contract_amount', 'total_investment',
                                       'expected_sales_revenue', 'expected_profit_tax',
                                       'realized_output_value', 'realized_profit_tax')),
  change_time bigint NOT NULL,
  old_value bigint CHECK (old_value >= 0),
  new_value bigint CHECK (new_value >= 0),
  PRIMARY KEY (agreement_id, revision, field)
);

CREATE TABLE api_keys (
  key_id text COLLATE "C" NOT NULL PRIMARY KEY CHECK (length(key_id) = 16),
  token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  role tm_role NOT NULL,
  organization_id text COLLATE "C" REFERENCES organizations (id),
  label text NOT NULL CHECK (length(label) <= 200),
  create_time bigint NOT NULL,
  revoke_time bigint,
  region_code tm_region NOT NULL DEFAULT '',
  expire_time bigint,
  CHECK ((role IN ('INSTITUTE', 'ENTERPRISE')) = (organization_id IS NOT NULL))
);

-- Append-only: the triggers refuse UPDATE and DELETE from any session (TRUNCATE too).
CREATE TABLE audit_events (
  seq bigint NOT NULL PRIMARY KEY CHECK (seq >= 1),
  event_time bigint NOT NULL,
  principal text NOT NULL,
  role text NOT NULL,
  method text NOT NULL,
  resource text NOT NULL,
  request_id text NOT NULL,
  outcome text NOT NULL,
  hash bytea NOT NULL CHECK (octet_length(hash) = 32),
  key_id text NOT NULL DEFAULT ''
);
CREATE INDEX audit_events_by_time ON audit_events (event_time);
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit events are append-only';
END
$$;
CREATE TRIGGER audit_events_no_change BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();

CREATE TABLE meeting_plans (
  event_id text COLLATE "C" NOT NULL PRIMARY KEY REFERENCES events (id),
  table_count integer NOT NULL CHECK (table_count BETWEEN 1 AND 10000),
  max_meetings integer NOT NULL CHECK (max_meetings >= 0),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);

CREATE TABLE meeting_slots (
  event_id text COLLATE "C" NOT NULL REFERENCES meeting_plans (event_id),
  position integer NOT NULL CHECK (position >= 0),
  start_time bigint NOT NULL,
  end_time bigint NOT NULL CHECK (end_time > start_time),
  PRIMARY KEY (event_id, position)
);

CREATE TABLE meeting_requests (
  event_id text COLLATE "C" NOT NULL REFERENCES events (id),
  id tm_id NOT NULL,
  need_id text COLLATE "C" NOT NULL REFERENCES needs (id),
  offering_id text COLLATE "C" NOT NULL REFERENCES offerings (id),
  enterprise_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  institute_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  requested_by text NOT NULL
    CHECK (requested_by IN ('ENTERPRISE', 'INSTITUTE', 'ORGANIZER', 'MATCHING')),
  mutual boolean NOT NULL,
  score integer NOT NULL CHECK (score BETWEEN 0 AND 1000000),
  state text NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  PRIMARY KEY (event_id, id),
  UNIQUE (event_id, need_id, offering_id),
  CHECK (enterprise_id <> institute_id)
);
CREATE INDEX meeting_requests_by_state ON meeting_requests (event_id, state, id);

CREATE TABLE meetings (
  event_id text COLLATE "C" NOT NULL,
  request_id text COLLATE "C" NOT NULL,
  slot integer NOT NULL CHECK (slot >= 0),
  table_number integer NOT NULL CHECK (table_number >= 0),
  locked boolean NOT NULL,
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  PRIMARY KEY (event_id, request_id),
  FOREIGN KEY (event_id, request_id) REFERENCES meeting_requests (event_id, id),
  UNIQUE (event_id, slot, table_number)
);

CREATE TABLE thesaurus_entries (
  id text COLLATE "C" PRIMARY KEY,
  kind text NOT NULL,
  from_terms text NOT NULL,
  to_terms text NOT NULL,
  note text NOT NULL,
  industry text COLLATE "C" NOT NULL,
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL
);
CREATE INDEX thesaurus_entries_by_kind ON thesaurus_entries (kind, id);

CREATE TABLE users (
  id tm_id NOT NULL PRIMARY KEY,
  email text COLLATE "C" NOT NULL UNIQUE
    CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  organization_id text COLLATE "C" REFERENCES organizations (id),
  role tm_role NOT NULL,
  region_code tm_region NOT NULL,
  state text NOT NULL CHECK (state IN ('ACTIVE', 'DISABLED')),
  password_hash text NOT NULL,
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  CHECK ((role IN ('INSTITUTE', 'ENTERPRISE')) = (organization_id IS NOT NULL))
);
CREATE INDEX users_by_organization ON users (organization_id, id);

CREATE TABLE sessions (
  id text COLLATE "C" NOT NULL PRIMARY KEY CHECK (length(id) = 16),
  user_id text COLLATE "C" NOT NULL REFERENCES users (id),
  token_hash bytea NOT NULL CHECK (octet_length(token_hash) = 32),
  create_time bigint NOT NULL,
  last_use_time bigint NOT NULL,
  expire_time bigint NOT NULL,
  client_address text NOT NULL CHECK (length(client_address) <= 200),
  revoke_time bigint
);
CREATE INDEX sessions_by_user ON sessions (user_id, create_time);

CREATE TABLE invitations (
  id text COLLATE "C" NOT NULL PRIMARY KEY CHECK (length(id) = 16),
  code_hash bytea NOT NULL CHECK (octet_length(code_hash) = 32),
  organization_id text COLLATE "C" REFERENCES organizations (id),
  role tm_role NOT NULL,
  email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  region_code text NOT NULL,
  invited_by text NOT NULL,
  create_time bigint NOT NULL,
  expire_time bigint NOT NULL,
  user_id text COLLATE "C" REFERENCES users (id),
  CHECK ((role IN ('INSTITUTE', 'ENTERPRISE')) = (organization_id IS NOT NULL))
);

CREATE TABLE applications (
  id tm_id NOT NULL PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  kind tm_org_kind NOT NULL,
  region_code text NOT NULL,
  industries text NOT NULL,
  contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
  contact_name text NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  state text NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
  reject_reason text NOT NULL,
  approved_organization_id text COLLATE "C" REFERENCES organizations (id),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE INDEX applications_by_state ON applications (state, id);

INSERT INTO industries (code, display_name_zh, display_name_en, create_time, update_time, revision)
SELECT code, zh, en, now_nanos, now_nanos, 1
FROM (VALUES ('liquor', '酒业', 'Liquor'),
             ('chemicals', '化工', 'Chemicals'),
             ('machinery', '机械', 'Machinery'),
             ('energy', '能源', 'Energy'),
             ('agriculture', '优势农业', 'Agriculture'),
             ('pharmaceuticals', '医药', 'Pharmaceuticals'),
             ('materials', '新材料', 'New materials'),
             ('electronics', '电子信息', 'Electronics'),
             ('environment', '节能环保', 'Environmental protection'),
             ('other', '其他', 'Other')) AS seed (code, zh, en),
     (SELECT floor(extract(epoch FROM now()))::bigint * 1000000000 AS now_nanos) AS clock;
)sql";

// SQLite's migration 10. Only officials and organizers are limited to a region; approving an
// application used to copy the organization's region onto its enterprise or institute contact.
constexpr const char kMigration2[] = R"sql(
UPDATE users SET region_code = '', revision = revision + 1
  WHERE region_code <> '' AND role NOT IN ('OFFICIAL', 'ORGANIZER');
UPDATE invitations SET region_code = ''
  WHERE region_code <> '' AND role NOT IN ('OFFICIAL', 'ORGANIZER');
UPDATE api_keys SET region_code = ''
  WHERE region_code <> '' AND role NOT IN ('OFFICIAL', 'ORGANIZER');
)sql";

// SQLite's migration 11: the change log of agreement summaries (every agreement written, every
// organization whose region or parent changed), one row per record under the sequence number
// of its latest change. It is also the change feed servers sharing one database will follow,
// so a reader that has applied every seq up to N must never later see a new row below N.
// A sequence alone does not give that (values are taken in call order, rows become visible in
// commit order), so the trigger takes a transaction-scoped advisory lock before nextval():
// writers of the log commit one at a time in seq order. The cost is that agreement writes (and
// region/parent changes) serialize on it; a deadlock it causes is retried (40P01).
constexpr const char kMigration3[] = R"sql(
CREATE SEQUENCE summary_changes_seq AS bigint;
CREATE TABLE summary_changes (
  seq bigint NOT NULL PRIMARY KEY DEFAULT nextval('summary_changes_seq'),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('agreement', 'organization')),
  id text COLLATE "C" NOT NULL,
  UNIQUE (kind, id)
);
ALTER SEQUENCE summary_changes_seq OWNED BY summary_changes.seq;
-- "tmsummar" as a bigint: the summary_changes writers' lock.
CREATE FUNCTION summary_changes_note(change_kind text, change_id text) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(8389488629045354866);
  INSERT INTO summary_changes (kind, id) VALUES (change_kind, change_id)
    ON CONFLICT (kind, id) DO UPDATE SET seq = nextval('summary_changes_seq');
END
$$;
CREATE FUNCTION agreements_summary_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM summary_changes_note('agreement', OLD.id);
  ELSE
    PERFORM summary_changes_note('agreement', NEW.id);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER agreements_summary AFTER INSERT OR UPDATE OR DELETE ON agreements
  FOR EACH ROW EXECUTE FUNCTION agreements_summary_change();
CREATE FUNCTION organizations_summary_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM summary_changes_note('organization', NEW.id);
  RETURN NULL;
END
$$;
CREATE TRIGGER organizations_summary AFTER UPDATE OF region_code, parent_id ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_summary_change();
)sql";

// SQLite's migration 12: the programme ledger's indicators (seeded), observations and targets.
constexpr const char kMigration4[] = R"sql(
CREATE TABLE indicators (
  code text COLLATE "C" NOT NULL PRIMARY KEY
    CHECK (length(code) BETWEEN 1 AND 40 AND code ~ '^[a-z][a-z0-9_]*$'),
  display_name_zh text NOT NULL CHECK (length(display_name_zh) BETWEEN 1 AND 200),
  display_name_en text NOT NULL CHECK (length(display_name_en) <= 200),
  unit text NOT NULL CHECK (unit IN ('COUNT', 'MONEY', 'PERCENT')),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE TABLE observations (
  id text COLLATE "C" NOT NULL PRIMARY KEY,
  indicator_code text COLLATE "C" NOT NULL REFERENCES indicators (code),
  region_code text COLLATE "C" NOT NULL CHECK (length(region_code) = 6),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  half integer NOT NULL CHECK (half IN (0, 1, 2)),
  value bigint NOT NULL CHECK (value >= 0),
  note text NOT NULL,
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  UNIQUE (indicator_code, year, region_code, half)
);
CREATE TABLE targets (
  id text COLLATE "C" NOT NULL PRIMARY KEY,
  indicator_code text COLLATE "C" NOT NULL REFERENCES indicators (code),
  region_code text COLLATE "C" NOT NULL CHECK (length(region_code) = 6),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  value bigint NOT NULL CHECK (value >= 0),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1),
  UNIQUE (indicator_code, year, region_code)
);
INSERT INTO indicators (code, display_name_zh, display_name_en, unit, create_time, update_time,
                        revision)
SELECT code, zh, en, unit, now_nanos, now_nanos, 1
FROM (VALUES
  ('demonstration_townships', '科技示范乡镇', 'Technology demonstration townships', 'COUNT'),
  ('spark_trainees', '星火培训人次', 'Spark programme trainees (person-times)', 'COUNT'),
  ('rural_it_townships', '农村信息化示范乡镇', 'Rural IT demonstration townships', 'COUNT'),
  ('rural_it_villages', '农村信息化示范村', 'Rural IT demonstration villages', 'COUNT'),
  ('enterprise_it_pilots', '企业信息化试点企业', 'Enterprise IT pilot enterprises', 'COUNT'),
  ('innovation_achievements', '科技创新成果', 'Innovation achievements', 'COUNT'),
  ('patent_applications', '专利申请量', 'Patent applications', 'COUNT'),
  ('achievements_transformed', '科技成果转化项目数', 'Achievements transformed', 'COUNT'),
  ('new_output_value', '新增产值', 'New output value', 'MONEY'),
  ('new_profit_tax', '新增利税', 'New profit and tax', 'MONEY'),
  ('rd_budget', '研发经费', 'R&D expenditure', 'MONEY')) AS seed (code, zh, en, unit),
     (SELECT floor(extract(epoch FROM now()))::bigint * 1000000000 AS now_nanos) AS clock;
)sql";

// SQLite's migration 13: the programme ledger's projects (with their organizations and
// append-only fund arrivals), commissioners and financings.
constexpr const char kMigration5[] = R"sql(
CREATE TABLE projects (
  id tm_id NOT NULL PRIMARY KEY,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  level text NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY')),
  programme text NOT NULL CHECK (length(programme) BETWEEN 1 AND 200),
  lead_organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  partners text NOT NULL,
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  approved_funds bigint CHECK (approved_funds IS NULL OR approved_funds >= 0),
  arrived_funds bigint NOT NULL CHECK (arrived_funds >= 0),
  arrival_count bigint NOT NULL CHECK (arrival_count >= 0),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE INDEX projects_by_region ON projects (region_code, id);
CREATE INDEX projects_by_year ON projects (year, id);

-- The lead (position 0) and the partners, for the organization filter and scope.
CREATE TABLE project_organizations (
  project_id text COLLATE "C" NOT NULL REFERENCES projects (id),
  organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (project_id, organization_id)
);
CREATE INDEX project_organizations_by_organization
  ON project_organizations (organization_id, project_id);

-- Append-only: the triggers refuse UPDATE and DELETE from any session (TRUNCATE too).
CREATE TABLE project_fund_arrivals (
  project_id text COLLATE "C" NOT NULL REFERENCES projects (id),
  id text COLLATE "C" NOT NULL CHECK (id ~ '^[0-9]{6,}$'),
  amount bigint NOT NULL CHECK (amount > 0),
  arrive_time bigint NOT NULL,
  note text NOT NULL CHECK (length(note) <= 200),
  create_time bigint NOT NULL,
  PRIMARY KEY (project_id, id)
);
CREATE FUNCTION project_fund_arrivals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'fund arrivals are append-only';
END
$$;
CREATE TRIGGER project_fund_arrivals_no_change BEFORE UPDATE OR DELETE ON project_fund_arrivals
  FOR EACH ROW EXECUTE FUNCTION project_fund_arrivals_append_only();
CREATE TRIGGER project_fund_arrivals_no_truncate BEFORE TRUNCATE ON project_fund_arrivals
  FOR EACH STATEMENT EXECUTE FUNCTION project_fund_arrivals_append_only();

CREATE TABLE commissioners (
  id tm_id NOT NULL PRIMARY KEY,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  home_organization_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  year integer NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  service_model text NOT NULL
    CHECK (service_model IN ('MARKET_LED', 'TECHNOLOGY_PUSHED', 'VENTURE')),
  technologies_promoted bigint NOT NULL CHECK (technologies_promoted >= 0),
  new_products bigint NOT NULL CHECK (new_products >= 0),
  projects bigint NOT NULL CHECK (projects >= 0),
  joint_ventures bigint NOT NULL CHECK (joint_ventures >= 0),
  cooperatives bigint NOT NULL CHECK (cooperatives >= 0),
  enterprises_founded bigint NOT NULL CHECK (enterprises_founded >= 0),
  investment bigint CHECK (investment IS NULL OR investment >= 0),
  profit bigint CHECK (profit IS NULL OR profit >= 0),
  farmer_income_increase bigint
    CHECK (farmer_income_increase IS NULL OR farmer_income_increase >= 0),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE INDEX commissioners_by_region ON commissioners (region_code, id);
CREATE INDEX commissioners_by_organization ON commissioners (home_organization_id, id);

CREATE TABLE financings (
  id tm_id NOT NULL PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('LOAN', 'GUARANTEE', 'EQUITY', 'AWARD', 'SUBSIDY')),
  provider_id text COLLATE "C" NOT NULL REFERENCES organizations (id),
  recipient_id text COLLATE "C" NOT NULL REFERENCES organizations (id)
    CHECK (recipient_id <> provider_id),
  amount bigint NOT NULL CHECK (amount > 0),
  grant_time bigint NOT NULL,
  grant_year integer NOT NULL CHECK (grant_year BETWEEN 1980 AND 2100),
  agreement_id text COLLATE "C" REFERENCES agreements (id),
  region_code text COLLATE "C" NOT NULL CHECK (region_code ~ '^[0-9]{6}$'),
  create_time bigint NOT NULL,
  update_time bigint NOT NULL,
  revision bigint NOT NULL CHECK (revision >= 1)
);
CREATE INDEX financings_by_region ON financings (region_code, id);
CREATE INDEX financings_by_provider ON financings (provider_id, id);
CREATE INDEX financings_by_recipient ON financings (recipient_id, id);
)sql";

// SQLite's migration 14: the indicators whose figures the ledger's records give
// (core/ledger/indicator.h IsRecordsOnly; usecases/derived_figures.h), so targets can be issued
// on them.
constexpr const char kMigration6[] = R"sql(
INSERT INTO indicators (code, display_name_zh, display_name_en, unit, create_time, update_time,
                        revision)
SELECT code, zh, en, unit, now_nanos, now_nanos, 1
FROM (VALUES
  ('projects_approved', '立项项目数', 'Projects approved', 'COUNT'),
  ('project_funds_arrived', '项目到位资金', 'Project funds arrived', 'MONEY'),
  ('commissioners_sent', '选派科技特派员人数', 'Technology commissioners sent', 'COUNT'),
  ('financing_arranged', '科技金融融资额', 'Financing arranged', 'MONEY'),
  ('loans_arranged', '科技贷款额', 'Loans arranged', 'MONEY')) AS seed (code, zh, en, unit),
     (SELECT floor(extract(epoch FROM now()))::bigint * 1000000000 AS now_nanos) AS clock;
)sql";

// The change feed servers sharing one database follow (storage/change_feed.h): one row per
// need, offering or thesaurus entry under the sequence number of its latest change, and who
// made it (the writing connection's application_name, which each server sets to a name of its
// own, storage/postgres/change_feed_rows.h), so a server skips what it has applied itself. One
// row per record keeps the log as large as the tables, never larger, with no pruning. As in
// summary_changes, the trigger takes a transaction-scoped advisory lock before nextval(), so
// rows become visible in seq order and a reader that has seen seq N never later finds a new
// row below N. pg_notify wakes the followers at COMMIT (one notification per transaction: the
// same payload is folded).
constexpr const char kMigration7[] = R"sql(
CREATE SEQUENCE record_changes_seq AS bigint;
CREATE TABLE record_changes (
  seq bigint NOT NULL PRIMARY KEY DEFAULT nextval('record_changes_seq'),
  kind text COLLATE "C" NOT NULL CHECK (kind IN ('need', 'offering', 'thesaurus')),
  id text COLLATE "C" NOT NULL,
  origin text NOT NULL,
  UNIQUE (kind, id)
);
ALTER SEQUENCE record_changes_seq OWNED BY record_changes.seq;
-- "tmrecord" as a bigint: the record_changes writers' lock.
CREATE FUNCTION record_changes_note() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  change_kind text := TG_ARGV[0];
  change_id text;
BEGIN
  IF TG_OP = 'DELETE' THEN
    change_id := OLD.id;
  ELSE
    change_id := NEW.id;
  END IF;
  PERFORM pg_advisory_xact_lock(8389487460646613604);
  INSERT INTO record_changes (kind, id, origin)
    VALUES (change_kind, change_id, current_setting('application_name'))
    ON CONFLICT (kind, id) DO UPDATE
      SET seq = nextval('record_changes_seq'), origin = EXCLUDED.origin;
  PERFORM pg_notify('techmatch_record_changes', '');
  RETURN NULL;
END
$$;
CREATE TRIGGER needs_record_change AFTER INSERT OR UPDATE ON needs
  FOR EACH ROW EXECUTE FUNCTION record_changes_note('need');
CREATE TRIGGER offerings_record_change AFTER INSERT OR UPDATE ON offerings
  FOR EACH ROW EXECUTE FUNCTION record_changes_note('offering');
CREATE TRIGGER thesaurus_record_change AFTER INSERT OR UPDATE OR DELETE ON thesaurus_entries
  FOR EACH ROW EXECUTE FUNCTION record_changes_note('thesaurus');
)sql";

// Audited writes stage their record in audit_staged in their own transaction, which takes no
// lock on the chain; the linker (storage/postgres/audit_linker.h) moves staged records into
// audit_events in batches under the chain's lock, so one chain transaction links many writes.
// `id` orders a batch, nothing else.
constexpr const char kMigration8[] = R"sql(
CREATE TABLE audit_staged (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_time bigint NOT NULL,
  principal text NOT NULL,
  role text NOT NULL,
  method text NOT NULL,
  resource text NOT NULL,
  request_id text NOT NULL,
  outcome text NOT NULL
);
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration>* const kMigrations = new std::vector<Migration>{
      {1, "every table of SQLite schema version 9, checked_sum", kMigration1},
      {2, "regions only on officials and organizers (SQLite 10)", kMigration2},
      {3, "the change log of agreement summaries (SQLite 11)", kMigration3},
      {4, "the programme ledger: indicators, observations, targets (SQLite 12)", kMigration4},
      {5,
       "the programme ledger's records: projects, fund arrivals, commissioners, financings "
       "(SQLite 13)",
       kMigration5},
      {6, "the ledger's indicators derived from its records (SQLite 14)", kMigration6},
      {7, "the change feed of needs, offerings and thesaurus entries", kMigration7},
      {8, "audit records staged by writes, linked into the chain in batches", kMigration8},
  };
  return *kMigrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

absl::StatusOr<int> SchemaVersion(Connection& connection) {
  absl::StatusOr<Result> exists =
      connection.Exec("SELECT to_regclass('schema_version') IS NOT NULL");
  if (!exists.ok()) return exists.status();
  if (!exists->Bool(0, 0)) return 0;
  absl::StatusOr<Result> version = connection.Exec("SELECT version FROM schema_version");
  if (!version.ok()) return version.status();
  return version->rows() == 0 ? 0 : static_cast<int>(version->Int64(0, 0));
}

absl::Status ApplyMigrations(Connection& connection, int target_version) {
  for (const Migration& migration : Migrations()) {
    if (migration.version > target_version) break;
    Transaction transaction(connection);
    absl::Status status = transaction.Begin(Isolation::kReadCommitted);
    if (!status.ok()) return status;
    // Taken before the version is read and held to COMMIT: a second server starting on the
    // same database waits here, then reads the version the first one left.
    absl::StatusOr<Result> locked =
        connection.Exec("SELECT pg_advisory_xact_lock($1)", Params().Int64(kMigrationLock));
    if (!locked.ok()) return locked.status();
    status = connection.Script(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        "  one boolean NOT NULL PRIMARY KEY DEFAULT true CHECK (one),"
        "  version integer NOT NULL CHECK (version >= 0))");
    if (!status.ok()) return status;
    absl::StatusOr<int> current = SchemaVersion(connection);
    if (!current.ok()) return current.status();
    if (*current > LatestSchemaVersion()) {
      return absl::FailedPreconditionError(absl::StrCat("the database has schema version ",
                                                        *current, ", newer than this build's ",
                                                        LatestSchemaVersion()));
    }
    if (*current >= migration.version) continue;
    if (*current != migration.version - 1) {
      return absl::FailedPreconditionError(absl::StrCat(
          "the database has schema version ", *current, ", expected ", migration.version - 1));
    }
    status = connection.Script(migration.sql);
    if (!status.ok()) return status;
    absl::StatusOr<Result> stored = connection.Exec(
        "INSERT INTO schema_version (one, version) VALUES (true, $1::bigint::integer) "
        "ON CONFLICT (one) DO UPDATE SET version = excluded.version",
        Params().Int64(migration.version));
    if (!stored.ok()) return stored.status();
    status = transaction.Commit();
    if (!status.ok()) return status;
    spdlog::info("storage: migrated the PostgreSQL schema to version {} ({})", migration.version,
                 std::string(migration.name));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::storage::postgres
