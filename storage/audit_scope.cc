#include "storage/audit_scope.h"

namespace techmatch::storage {
namespace {

thread_local PendingAudit* current = nullptr;

}  // namespace

AuditScope::AuditScope(PendingAudit& pending) : previous_(current) { current = &pending; }

AuditScope::~AuditScope() { current = previous_; }

PendingAudit* AuditScope::Current() { return current; }

}  // namespace techmatch::storage
