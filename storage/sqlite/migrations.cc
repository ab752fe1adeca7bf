#include "storage/sqlite/migrations.h"

#include <string>

#include "absl/strings/str_cat.h"
#include "spdlog/spdlog.h"
#include "storage/sqlite/transaction.h"

namespace techmatch::storage::sqlite {
namespace {

// Conventions of every table:
// - ids are TEXT checked against [a-z0-9][a-z0-9-]{0,62} (GLOB is case-sensitive);
// - times are INTEGER unix nanoseconds, exact for proto Timestamps;
// - money is INTEGER minor units of the base currency, never negative;
// - ordered lists are one TEXT joined by U+001F in the main row (one-row reads), repeated in
//   join tables that carry the foreign keys and the indexes filters use;
// - revision starts at 1 and the etag is derived from it.
constexpr const char kMigration1[] = R"sql(
CREATE TABLE meta (
  key TEXT NOT NULL PRIMARY KEY,
  value BLOB NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE request_ids (
  method TEXT NOT NULL,
  request_id TEXT NOT NULL CHECK (request_id <> ''),
  resource_id TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  PRIMARY KEY (method, request_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE industries (
  code TEXT NOT NULL PRIMARY KEY
    CHECK (length(code) BETWEEN 1 AND 63 AND code GLOB '[a-z0-9]*'
           AND code NOT GLOB '*[^a-z0-9-]*'),
  display_name_zh TEXT NOT NULL CHECK (length(display_name_zh) BETWEEN 1 AND 200),
  display_name_en TEXT NOT NULL CHECK (length(display_name_en) <= 200),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;

CREATE TABLE organizations (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE',
                                     'GOVERNMENT', 'INTERMEDIARY', 'FINANCIAL_INSTITUTION')),
  parent_id TEXT REFERENCES organizations (id) CHECK (parent_id IS NULL OR parent_id <> id),
  region_code TEXT NOT NULL
    CHECK (region_code = '' OR (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*')),
  industries TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX organizations_by_kind ON organizations (kind, id);
CREATE INDEX organizations_by_parent ON organizations (parent_id, id);
CREATE INDEX organizations_by_region ON organizations (region_code, id);

CREATE TABLE organization_industries (
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  industry_code TEXT NOT NULL REFERENCES industries (code),
  PRIMARY KEY (organization_id, industry_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX organization_industries_by_industry
  ON organization_industries (industry_code, organization_id);

CREATE TABLE events (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  location TEXT NOT NULL CHECK (length(location) <= 200),
  start_time INTEGER NOT NULL,
  end_time INTEGER NOT NULL CHECK (end_time >= start_time),
  registration_close_time INTEGER,
  organizers TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX events_by_start ON events (start_time);

CREATE TABLE event_organizers (
  event_id TEXT NOT NULL REFERENCES events (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (event_id, organization_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_organizers_by_organization ON event_organizers (organization_id, event_id);

CREATE TABLE participants (
  event_id TEXT NOT NULL REFERENCES events (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  create_time INTEGER NOT NULL,
  PRIMARY KEY (event_id, organization_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX participants_by_organization ON participants (organization_id, event_id);

CREATE TABLE needs (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  enterprise_id TEXT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL CHECK (length(description) <= 20000),
  keywords TEXT NOT NULL,
  industries TEXT NOT NULL CHECK (industries <> ''),
  cooperation_modes TEXT NOT NULL,
  events TEXT NOT NULL,
  budget_minor INTEGER CHECK (budget_minor >= 0),
  min_trl INTEGER CHECK (min_trl BETWEEN 1 AND 9),
  state TEXT NOT NULL CHECK (state IN ('OPEN', 'WITHDRAWN', 'CLOSED')),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX needs_by_enterprise ON needs (enterprise_id, id);

CREATE TABLE need_industries (
  need_id TEXT NOT NULL REFERENCES needs (id),
  industry_code TEXT NOT NULL REFERENCES industries (code),
  PRIMARY KEY (need_id, industry_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX need_industries_by_industry ON need_industries (industry_code, need_id);

CREATE TABLE need_events (
  need_id TEXT NOT NULL REFERENCES needs (id),
  event_id TEXT NOT NULL REFERENCES events (id),
  PRIMARY KEY (need_id, event_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX need_events_by_event ON need_events (event_id, need_id);

CREATE TABLE offerings (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  institute_id TEXT NOT NULL REFERENCES organizations (id),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  description TEXT NOT NULL CHECK (length(description) <= 20000),
  keywords TEXT NOT NULL,
  industries TEXT NOT NULL CHECK (industries <> ''),
  cooperation_modes TEXT NOT NULL,
  events TEXT NOT NULL,
  trl INTEGER NOT NULL CHECK (trl BETWEEN 1 AND 9),
  patents TEXT NOT NULL,
  asking_price_minor INTEGER CHECK (asking_price_minor >= 0),
  state TEXT NOT NULL CHECK (state IN ('AVAILABLE', 'WITHDRAWN')),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX offerings_by_institute ON offerings (institute_id, id);

CREATE TABLE offering_industries (
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  industry_code TEXT NOT NULL REFERENCES industries (code),
  PRIMARY KEY (offering_id, industry_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX offering_industries_by_industry ON offering_industries (industry_code, offering_id);

CREATE TABLE offering_events (
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  event_id TEXT NOT NULL REFERENCES events (id),
  PRIMARY KEY (offering_id, event_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX offering_events_by_event ON offering_events (event_id, offering_id);

INSERT INTO industries (code, display_name_zh, display_name_en, create_time, update_time, revision)
SELECT column1, column2, column3, unixepoch() * 1000000000, unixepoch() * 1000000000, 1
FROM (VALUES ('liquor', '酒业', 'Liquor'),
             ('chemicals', '化工', 'Chemicals'),
             ('machinery', '机械', 'Machinery'),
             ('energy', '能源', 'Energy'),
             ('agriculture', '优势农业', 'Agriculture'),
             ('pharmaceuticals', '医药', 'Pharmaceuticals'),
             ('materials', '新材料', 'New materials'),
             ('electronics', '电子信息', 'Electronics'),
             ('environment', '节能环保', 'Environmental protection'),
             ('other', '其他', 'Other'));
)sql";

// Agreements. Parties live twice like every list: encoded in the main row (one-row
// reads) and in agreement_parties, which carries the foreign keys and the indexes that filters,
// groupings and distinct-party counts use. sign_month is sign_time's yyyymm in China Standard
// Time (UTC+08:00), kept so SIGN_YEAR/SIGN_MONTH group without date functions. Amounts are NULL
// when not given.
constexpr const char kMigration2[] = R"sql(
CREATE TABLE agreements (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('FRAMEWORK_COOPERATION', 'TECHNOLOGY_DEVELOPMENT',
                                     'TECHNOLOGY_TRANSFER', 'TECHNOLOGY_LICENSE',
                                     'TECHNOLOGY_CONSULTING', 'TECHNOLOGY_SERVICE')),
  parties TEXT NOT NULL CHECK (parties <> ''),
  event_id TEXT REFERENCES events (id),
  need_id TEXT REFERENCES needs (id),
  offering_id TEXT REFERENCES offerings (id),
  industries TEXT NOT NULL,
  sign_time INTEGER NOT NULL,
  sign_month INTEGER NOT NULL CHECK (sign_month BETWEEN 167701 AND 226212),
  contract_amount INTEGER CHECK (contract_amount >= 0),
  total_investment INTEGER CHECK (total_investment >= 0),
  expected_sales_revenue INTEGER CHECK (expected_sales_revenue >= 0),
  expected_profit_tax INTEGER CHECK (expected_profit_tax >= 0),
  realized_output_value INTEGER CHECK (realized_output_value >= 0),
  realized_profit_tax INTEGER CHECK (realized_profit_tax >= 0),
  state TEXT NOT NULL CHECK (state IN ('SIGNED', 'IMPLEMENTING', 'COMPLETED', 'TERMINATED')),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  CHECK (state <> 'SIGNED' OR (realized_output_value IS NULL AND realized_profit_tax IS NULL))
) STRICT;
CREATE INDEX agreements_by_event ON agreements (event_id, id);
CREATE INDEX agreements_by_kind ON agreements (kind, id);
CREATE INDEX agreements_by_state ON agreements (state, id);
CREATE INDEX agreements_by_sign_time ON agreements (sign_time);
CREATE INDEX agreements_by_need ON agreements (need_id);
CREATE INDEX agreements_by_offering ON agreements (offering_id);

CREATE TABLE agreement_parties (
  agreement_id TEXT NOT NULL REFERENCES agreements (id),
  position INTEGER NOT NULL CHECK (position >= 0),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  role TEXT NOT NULL CHECK (role IN ('SUPPLIER', 'DEMANDER', 'GOVERNMENT', 'FINANCIER')),
  PRIMARY KEY (agreement_id, position),
  UNIQUE (agreement_id, organization_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_parties_by_organization
  ON agreement_parties (organization_id, role, agreement_id);
CREATE INDEX agreement_parties_by_role ON agreement_parties (role, agreement_id, organization_id);

CREATE TABLE agreement_industries (
  agreement_id TEXT NOT NULL REFERENCES agreements (id),
  industry_code TEXT NOT NULL REFERENCES industries (code),
  PRIMARY KEY (agreement_id, industry_code)
) STRICT, WITHOUT ROWID;
CREATE INDEX agreement_industries_by_industry
  ON agreement_industries (industry_code, agreement_id);

CREATE TABLE agreement_history (
  agreement_id TEXT NOT NULL REFERENCES agreements (id),
  revision INTEGER NOT NULL CHECK (revision >= 2),
  field TEXT NOT NULL CHECK (field IN ('contract_amount', 'total_investment',
                                       'expected_sales_revenue', 'expected_profit_tax',
                                       'realized_output_value', 'realized_profit_tax')),
  change_time INTEGER NOT NULL,
  old_value INTEGER CHECK (old_value >= 0),
  new_value INTEGER CHECK (new_value >= 0),
  PRIMARY KEY (agreement_id, revision, field)
) STRICT, WITHOUT ROWID;
)sql";

// API keys and the audit trail. A key is stored as SHA-256 of its token only.
// Audit events are append-only: the triggers refuse UPDATE and DELETE from any connection, and
// each row's hash covers the previous row's hash and its own fields (see audit_rows.cc), so a
// change made behind SQLite's back (a byte edited in the file) is found by `audit verify`.
constexpr const char kMigration3[] = R"sql(
CREATE TABLE api_keys (
  key_id TEXT NOT NULL PRIMARY KEY CHECK (length(key_id) = 16),
  token_hash BLOB NOT NULL CHECK (length(token_hash) = 32),
  role TEXT NOT NULL CHECK (role IN ('ADMIN', 'ORGANIZER', 'INSTITUTE', 'ENTERPRISE', 'OFFICIAL')),
  organization_id TEXT REFERENCES organizations (id),
  label TEXT NOT NULL CHECK (length(label) <= 200),
  create_time INTEGER NOT NULL,
  revoke_time INTEGER,
  CHECK ((role IN ('INSTITUTE', 'ENTERPRISE')) = (organization_id IS NOT NULL))
) STRICT;

CREATE TABLE audit_events (
  seq INTEGER NOT NULL PRIMARY KEY CHECK (seq >= 1),
  event_time INTEGER NOT NULL,
  principal TEXT NOT NULL,
  role TEXT NOT NULL,
  method TEXT NOT NULL,
  resource TEXT NOT NULL,
  request_id TEXT NOT NULL,
  outcome TEXT NOT NULL,
  hash BLOB NOT NULL CHECK (length(hash) = 32)
) STRICT;
CREATE INDEX audit_events_by_time ON audit_events (event_time);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN
  SELECT RAISE(ABORT, 'audit events are append-only');
END;
)sql";

// Fair operations: delegates and late registration on participants; each event's
// meeting plan and its slots; meeting requests, one per (event, need, offering); meetings, one
// per scheduled request, never two at one (slot, table). Meetings name their slot by position
// in the plan, so a new plan drops the unlocked ones (storage refuses it while a locked one
// would fall outside).
constexpr const char kMigration4[] = R"sql(
ALTER TABLE participants ADD COLUMN delegate_count INTEGER NOT NULL DEFAULT 1
  CHECK (delegate_count BETWEEN 1 AND 100);
ALTER TABLE participants ADD COLUMN late_registration INTEGER NOT NULL DEFAULT 0
  CHECK (late_registration IN (0, 1));

CREATE TABLE meeting_plans (
  event_id TEXT NOT NULL PRIMARY KEY REFERENCES events (id),
  table_count INTEGER NOT NULL CHECK (table_count BETWEEN 1 AND 10000),
  max_meetings INTEGER NOT NULL CHECK (max_meetings >= 0),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;

CREATE TABLE meeting_slots (
  event_id TEXT NOT NULL REFERENCES meeting_plans (event_id),
  position INTEGER NOT NULL CHECK (position >= 0),
  start_time INTEGER NOT NULL,
  end_time INTEGER NOT NULL CHECK (end_time > start_time),
  PRIMARY KEY (event_id, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE meeting_requests (
  event_id TEXT NOT NULL REFERENCES events (id),
  id TEXT NOT NULL
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  need_id TEXT NOT NULL REFERENCES needs (id),
  offering_id TEXT NOT NULL REFERENCES offerings (id),
  enterprise_id TEXT NOT NULL REFERENCES organizations (id),
  institute_id TEXT NOT NULL REFERENCES organizations (id),
  requested_by TEXT NOT NULL
    CHECK (requested_by IN ('ENTERPRISE', 'INSTITUTE', 'ORGANIZER', 'MATCHING')),
  mutual INTEGER NOT NULL CHECK (mutual IN (0, 1)),
  score INTEGER NOT NULL CHECK (score BETWEEN 0 AND 1000000),
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'ACCEPTED', 'DECLINED', 'CANCELLED')),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  PRIMARY KEY (event_id, id),
  UNIQUE (event_id, need_id, offering_id),
  CHECK (enterprise_id <> institute_id)
) STRICT;
CREATE INDEX meeting_requests_by_state ON meeting_requests (event_id, state, id);

CREATE TABLE meetings (
  event_id TEXT NOT NULL,
  request_id TEXT NOT NULL,
  slot INTEGER NOT NULL CHECK (slot >= 0),
  table_number INTEGER NOT NULL CHECK (table_number >= 0),
  locked INTEGER NOT NULL CHECK (locked IN (0, 1)),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  PRIMARY KEY (event_id, request_id),
  FOREIGN KEY (event_id, request_id) REFERENCES meeting_requests (event_id, id),
  UNIQUE (event_id, slot, table_number)
) STRICT, WITHOUT ROWID;
)sql";

// Late registration of needs and offerings: the events each was added to after their
// registration closed, by an organizer's explicit choice; a subset of `events`, same encoding.
constexpr const char kMigration5[] = R"sql(
ALTER TABLE needs ADD COLUMN late_events TEXT NOT NULL DEFAULT '';
ALTER TABLE offerings ADD COLUMN late_events TEXT NOT NULL DEFAULT '';
)sql";

// Thesaurus entries organizers add at run time (ThesaurusService), layered over the thesaurus
// the server ships with. Terms are joined by newlines (a term has no control characters);
// `industry` is an industry code or '' for every industry.
constexpr const char kMigration6[] = R"sql(
CREATE TABLE thesaurus_entries (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  from_terms TEXT NOT NULL,
  to_terms TEXT NOT NULL,
  note TEXT NOT NULL,
  industry TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL
) STRICT;
CREATE INDEX thesaurus_entries_by_kind ON thesaurus_entries (kind, id);
)sql";

// People: users who sign in with a password (its Argon2id string), their sessions (SHA-256 of
// the token, as for keys), invitations (SHA-256 of the one-time code) and organizations'
// applications to join. API keys gain an optional region and expiry; existing keys have
// neither, so they keep meaning what they meant.
constexpr const char kMigration7[] = R"sql(
ALTER TABLE api_keys ADD COLUMN region_code TEXT NOT NULL DEFAULT ''
  CHECK (region_code = '' OR (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*'));
ALTER TABLE api_keys ADD COLUMN expire_time INTEGER;

CREATE TABLE users (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  email TEXT NOT NULL UNIQUE CHECK (length(email) BETWEEN 3 AND 254 AND email = lower(email)),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  organization_id TEXT REFERENCES organizations (id),
  role TEXT NOT NULL CHECK (role IN ('ADMIN', 'ORGANIZER', 'INSTITUTE', 'ENTERPRISE', 'OFFICIAL')),
  region_code TEXT NOT NULL
    CHECK (region_code = '' OR (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*')),
  state TEXT NOT NULL CHECK (state IN ('ACTIVE', 'DISABLED')),
  password_hash TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  CHECK ((role IN ('INSTITUTE', 'ENTERPRISE')) = (organization_id IS NOT NULL))
) STRICT;
CREATE INDEX users_by_organization ON users (organization_id, id);

CREATE TABLE sessions (
  id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 16),
  user_id TEXT NOT NULL REFERENCES users (id),
  token_hash BLOB NOT NULL CHECK (length(token_hash) = 32),
  create_time INTEGER NOT NULL,
  last_use_time INTEGER NOT NULL,
  expire_time INTEGER NOT NULL,
  client_address TEXT NOT NULL CHECK (length(client_address) <= 200),
  revoke_time INTEGER
) STRICT;
CREATE INDEX sessions_by_user ON sessions (user_id, create_time);

CREATE TABLE invitations (
  id TEXT NOT NULL PRIMARY KEY CHECK (length(id) = 16),
  code_hash BLOB NOT NULL CHECK (length(code_hash) = 32),
  organization_id TEXT REFERENCES organizations (id),
  role TEXT NOT NULL CHECK (role IN ('ADMIN', 'ORGANIZER', 'INSTITUTE', 'ENTERPRISE', 'OFFICIAL')),
  email TEXT NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  region_code TEXT NOT NULL,
  invited_by TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  expire_time INTEGER NOT NULL,
  user_id TEXT REFERENCES users (id),
  CHECK ((role IN ('INSTITUTE', 'ENTERPRISE')) = (organization_id IS NOT NULL))
) STRICT;

CREATE TABLE applications (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  kind TEXT NOT NULL CHECK (kind IN ('ENTERPRISE', 'UNIVERSITY', 'RESEARCH_INSTITUTE',
                                     'GOVERNMENT', 'INTERMEDIARY', 'FINANCIAL_INSTITUTION')),
  region_code TEXT NOT NULL,
  industries TEXT NOT NULL,
  contact_email TEXT NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
  contact_name TEXT NOT NULL CHECK (length(contact_name) BETWEEN 1 AND 200),
  state TEXT NOT NULL CHECK (state IN ('PENDING', 'APPROVED', 'REJECTED')),
  reject_reason TEXT NOT NULL,
  approved_organization_id TEXT REFERENCES organizations (id),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX applications_by_state ON applications (state, id);
)sql";

// Who sees what. Needs and offerings written by enterprises and institutes wait for review:
// `review` holds SUBMITTED or RETURNED while they do ('' once published, as every existing
// record, whose `state` then holds its state; a withdrawn record keeps it when it was never
// published) and `return_reason` why the last review returned it. A closed need may name the
// agreement that met it. (Keys' regions came with migration 7.)
constexpr const char kMigration8[] = R"sql(
ALTER TABLE needs ADD COLUMN review TEXT NOT NULL DEFAULT ''
  CHECK (review IN ('', 'SUBMITTED', 'RETURNED'));
ALTER TABLE needs ADD COLUMN return_reason TEXT NOT NULL DEFAULT ''
  CHECK (length(return_reason) <= 2000);
ALTER TABLE needs ADD COLUMN closing_agreement_id TEXT REFERENCES agreements (id);
ALTER TABLE offerings ADD COLUMN review TEXT NOT NULL DEFAULT ''
  CHECK (review IN ('', 'SUBMITTED', 'RETURNED'));
ALTER TABLE offerings ADD COLUMN return_reason TEXT NOT NULL DEFAULT ''
  CHECK (length(return_reason) <= 2000);
)sql";

// Keyed audit records: the id of the audit key whose HMAC a record's hash is; empty for the
// SHA-256 records written before (and verified as before). And the hash of the request that
// used each request_id (empty for those recorded before: any repeat of them is a retry).
constexpr const char kMigration9[] = R"sql(
ALTER TABLE audit_events ADD COLUMN key_id TEXT NOT NULL DEFAULT '';
ALTER TABLE request_ids ADD COLUMN request_hash BLOB NOT NULL DEFAULT x'';
)sql";

// Only officials and organizers are limited to a region. Approving an application used to
// copy the organization's region onto its enterprise or institute contact, which then saw only
// that region's records; their organization carries the region, the person does not.
constexpr const char kMigration10[] = R"sql(
UPDATE users SET region_code = '', revision = revision + 1
  WHERE region_code <> '' AND role NOT IN ('OFFICIAL', 'ORGANIZER');
UPDATE invitations SET region_code = ''
  WHERE region_code <> '' AND role NOT IN ('OFFICIAL', 'ORGANIZER');
UPDATE api_keys SET region_code = ''
  WHERE region_code <> '' AND role NOT IN ('OFFICIAL', 'ORGANIZER');
)sql";

// What the in-memory summary index (storage/sqlite/summary_index.h) must read again: every
// agreement written and every organization whose region or parent changed, by id, under a
// sequence number that only grows (AUTOINCREMENT: never reused, even after the newest row is
// replaced). One row per record, the latest change's; AgreementRows writes an agreement's
// parties and industries only together with its row, so the row's triggers see every change.
constexpr const char kMigration11[] = R"sql(
CREATE TABLE summary_changes (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  kind TEXT NOT NULL CHECK (kind IN ('agreement', 'organization')),
  id TEXT NOT NULL,
  UNIQUE (kind, id)
) STRICT;
CREATE TRIGGER agreements_summary_insert AFTER INSERT ON agreements BEGIN
  INSERT OR REPLACE INTO summary_changes (kind, id) VALUES ('agreement', NEW.id);
END;
CREATE TRIGGER agreements_summary_update AFTER UPDATE ON agreements BEGIN
  INSERT OR REPLACE INTO summary_changes (kind, id) VALUES ('agreement', NEW.id);
END;
CREATE TRIGGER agreements_summary_delete AFTER DELETE ON agreements BEGIN
  INSERT OR REPLACE INTO summary_changes (kind, id) VALUES ('agreement', OLD.id);
END;
CREATE TRIGGER organizations_summary_update AFTER UPDATE OF region_code, parent_id
  ON organizations BEGIN
  INSERT OR REPLACE INTO summary_changes (kind, id) VALUES ('organization', NEW.id);
END;
)sql";

// The programme ledger's indicators, the figures regions report for them, and the targets
// issued to regions; the catalogue of indicators the bureau's annual summary reports. An
// observation's and a target's id is derived from its key (core/ledger/), so the key is also
// unique by construction; the UNIQUE constraints say so to the reader and to the planner.
constexpr const char kMigration12[] = R"sql(
CREATE TABLE indicators (
  code TEXT NOT NULL PRIMARY KEY
    CHECK (length(code) BETWEEN 1 AND 40 AND code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
  display_name_zh TEXT NOT NULL CHECK (length(display_name_zh) BETWEEN 1 AND 200),
  display_name_en TEXT NOT NULL CHECK (length(display_name_en) <= 200),
  unit TEXT NOT NULL CHECK (unit IN ('COUNT', 'MONEY', 'PERCENT')),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE TABLE observations (
  id TEXT NOT NULL PRIMARY KEY,
  indicator_code TEXT NOT NULL REFERENCES indicators (code),
  region_code TEXT NOT NULL CHECK (length(region_code) = 6),
  year INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  half INTEGER NOT NULL CHECK (half IN (0, 1, 2)),
  value INTEGER NOT NULL CHECK (value >= 0),
  note TEXT NOT NULL,
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  UNIQUE (indicator_code, year, region_code, half)
) STRICT;
CREATE TABLE targets (
  id TEXT NOT NULL PRIMARY KEY,
  indicator_code TEXT NOT NULL REFERENCES indicators (code),
  region_code TEXT NOT NULL CHECK (length(region_code) = 6),
  year INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  value INTEGER NOT NULL CHECK (value >= 0),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1),
  UNIQUE (indicator_code, year, region_code)
) STRICT;
INSERT INTO indicators (code, display_name_zh, display_name_en, unit, create_time, update_time,
                        revision)
SELECT column1, column2, column3, column4, unixepoch() * 1000000000, unixepoch() * 1000000000, 1
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
  ('rd_budget', '研发经费', 'R&D expenditure', 'MONEY'));
)sql";

// The programme ledger's records: funded projects with their append-only fund arrivals (a
// project's arrived_funds and arrival_count are kept with each arrival, in its transaction),
// technology commissioners and their outcomes, and science–finance records.
constexpr const char kMigration13[] = R"sql(
CREATE TABLE projects (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  level TEXT NOT NULL CHECK (level IN ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY')),
  programme TEXT NOT NULL CHECK (length(programme) BETWEEN 1 AND 200),
  lead_organization_id TEXT NOT NULL REFERENCES organizations (id),
  partners TEXT NOT NULL,
  region_code TEXT NOT NULL CHECK (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*'),
  year INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  approved_funds INTEGER CHECK (approved_funds IS NULL OR approved_funds >= 0),
  arrived_funds INTEGER NOT NULL CHECK (arrived_funds >= 0),
  arrival_count INTEGER NOT NULL CHECK (arrival_count >= 0),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX projects_by_region ON projects (region_code, id);
CREATE INDEX projects_by_year ON projects (year, id);

-- The lead (position 0) and the partners, for the organization filter and scope.
CREATE TABLE project_organizations (
  project_id TEXT NOT NULL REFERENCES projects (id),
  organization_id TEXT NOT NULL REFERENCES organizations (id),
  PRIMARY KEY (project_id, organization_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX project_organizations_by_organization
  ON project_organizations (organization_id, project_id);

CREATE TABLE project_fund_arrivals (
  project_id TEXT NOT NULL REFERENCES projects (id),
  id TEXT NOT NULL CHECK (length(id) >= 6 AND id NOT GLOB '*[^0-9]*'),
  amount INTEGER NOT NULL CHECK (amount > 0),
  arrive_time INTEGER NOT NULL,
  note TEXT NOT NULL CHECK (length(note) <= 200),
  create_time INTEGER NOT NULL,
  PRIMARY KEY (project_id, id)
) STRICT, WITHOUT ROWID;
CREATE TRIGGER project_fund_arrivals_no_update BEFORE UPDATE ON project_fund_arrivals BEGIN
  SELECT RAISE(ABORT, 'fund arrivals are append-only');
END;
CREATE TRIGGER project_fund_arrivals_no_delete BEFORE DELETE ON project_fund_arrivals BEGIN
  SELECT RAISE(ABORT, 'fund arrivals are append-only');
END;

CREATE TABLE commissioners (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  display_name TEXT NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
  home_organization_id TEXT NOT NULL REFERENCES organizations (id),
  region_code TEXT NOT NULL CHECK (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*'),
  year INTEGER NOT NULL CHECK (year BETWEEN 1980 AND 2100),
  service_model TEXT NOT NULL
    CHECK (service_model IN ('MARKET_LED', 'TECHNOLOGY_PUSHED', 'VENTURE')),
  technologies_promoted INTEGER NOT NULL CHECK (technologies_promoted >= 0),
  new_products INTEGER NOT NULL CHECK (new_products >= 0),
  projects INTEGER NOT NULL CHECK (projects >= 0),
  joint_ventures INTEGER NOT NULL CHECK (joint_ventures >= 0),
  cooperatives INTEGER NOT NULL CHECK (cooperatives >= 0),
  enterprises_founded INTEGER NOT NULL CHECK (enterprises_founded >= 0),
  investment INTEGER CHECK (investment IS NULL OR investment >= 0),
  profit INTEGER CHECK (profit IS NULL OR profit >= 0),
  farmer_income_increase INTEGER
    CHECK (farmer_income_increase IS NULL OR farmer_income_increase >= 0),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX commissioners_by_region ON commissioners (region_code, id);
CREATE INDEX commissioners_by_organization ON commissioners (home_organization_id, id);

CREATE TABLE financings (
  id TEXT NOT NULL PRIMARY KEY
    CHECK (length(id) BETWEEN 1 AND 63 AND id GLOB '[a-z0-9]*' AND id NOT GLOB '*[^a-z0-9-]*'),
  kind TEXT NOT NULL CHECK (kind IN ('LOAN', 'GUARANTEE', 'EQUITY', 'AWARD', 'SUBSIDY')),
  provider_id TEXT NOT NULL REFERENCES organizations (id),
  recipient_id TEXT NOT NULL REFERENCES organizations (id) CHECK (recipient_id <> provider_id),
  amount INTEGER NOT NULL CHECK (amount > 0),
  grant_time INTEGER NOT NULL,
  grant_year INTEGER NOT NULL CHECK (grant_year BETWEEN 1980 AND 2100),
  agreement_id TEXT REFERENCES agreements (id),
  region_code TEXT NOT NULL CHECK (length(region_code) = 6 AND region_code NOT GLOB '*[^0-9]*'),
  create_time INTEGER NOT NULL,
  update_time INTEGER NOT NULL,
  revision INTEGER NOT NULL CHECK (revision >= 1)
) STRICT;
CREATE INDEX financings_by_region ON financings (region_code, id);
CREATE INDEX financings_by_provider ON financings (provider_id, id);
CREATE INDEX financings_by_recipient ON financings (recipient_id, id);
)sql";

// The indicators whose figures the ledger's records give (core/ledger/indicator.h
// IsRecordsOnly; usecases/derived_figures.h), so targets can be issued on them.
constexpr const char kMigration14[] = R"sql(
INSERT INTO indicators (code, display_name_zh, display_name_en, unit, create_time, update_time,
                        revision)
SELECT column1, column2, column3, column4, unixepoch() * 1000000000, unixepoch() * 1000000000, 1
FROM (VALUES
  ('projects_approved', '立项项目数', 'Projects approved', 'COUNT'),
  ('project_funds_arrived', '项目到位资金', 'Project funds arrived', 'MONEY'),
  ('commissioners_sent', '选派科技特派员人数', 'Technology commissioners sent', 'COUNT'),
  ('financing_arranged', '科技金融融资额', 'Financing arranged', 'MONEY'),
  ('loans_arranged', '科技贷款额', 'Loans arranged', 'MONEY'));
)sql";

}  // namespace

const std::vector<Migration>& Migrations() {
  static const std::vector<Migration>* const kMigrations = new std::vector<Migration>{
      {1, "reference data, events, needs, offerings", kMigration1},
      {2, "agreements", kMigration2},
      {3, "API keys and the audit trail", kMigration3},
      {4, "fair operations: delegates, meeting plans, requests, meetings", kMigration4},
      {5, "late registration of needs and offerings", kMigration5},
      {6, "thesaurus entries edited at run time", kMigration6},
      {7, "people: users, sessions, invitations, applications; key regions and expiry",
       kMigration7},
      {8, "review of needs and offerings, closing agreements", kMigration8},
      {9, "keyed audit records, request hashes", kMigration9},
      {10, "regions only on officials and organizers", kMigration10},
      {11, "the change log of the summary index", kMigration11},
      {12, "the programme ledger: indicators, observations, targets", kMigration12},
      {13, "the programme ledger's records: projects, fund arrivals, commissioners, financings",
       kMigration13},
      {14, "the ledger's indicators derived from its records", kMigration14},
  };
  return *kMigrations;
}

int LatestSchemaVersion() { return Migrations().back().version; }

int SchemaVersion(Connection& connection) {
  ScopedStatement query = connection.Prepare("PRAGMA user_version");
  query.Step();
  return static_cast<int>(query.Row().Int64(0));
}

absl::Status ApplyMigrations(Connection& connection, int target_version) {
  for (const Migration& migration : Migrations()) {
    if (migration.version > target_version) break;
    // Immediate: the write lock is taken before the version is read, so two processes opening
    // the same new file cannot both apply a migration.
    Transaction transaction(connection, TransactionMode::kImmediate);
    const int current = SchemaVersion(connection);
    if (current > LatestSchemaVersion()) {
      return absl::FailedPreconditionError(absl::StrCat("the database has schema version ", current,
                                                        ", newer than this build's ",
                                                        LatestSchemaVersion()));
    }
    if (current >= migration.version) continue;
    if (current != migration.version - 1) {
      return absl::FailedPreconditionError(absl::StrCat("the database has schema version ", current,
                                                        ", expected ", migration.version - 1));
    }
    connection.Run(migration.sql);
    // The version is a constant of this build, not input.
    connection.Run(absl::StrCat("PRAGMA user_version = ", migration.version));
    transaction.Commit();
    spdlog::info("storage: migrated schema to version {} ({})", migration.version,
                 std::string(migration.name));
  }
  return absl::OkStatus();
}

}  // namespace techmatch::storage::sqlite
