// Each resource's filter fields in SQL (storage/sql_filter.h), shared by the SQL backends.
//
// A fragment names the tables as that resource's list query does: agreements as `a`,
// participants as `p` joined with their organization as `o`, needs and offerings by their
// table names, projects as `p`, commissioners as `c`, financings as `f`; every other resource has
// one table and bare column names.
#ifndef TECHMATCH_STORAGE_FILTER_COLUMNS_H_
#define TECHMATCH_STORAGE_FILTER_COLUMNS_H_

#include "storage/sql_filter.h"

namespace techmatch::storage {

SqlFields OrganizationFilterColumns();
SqlFields EventFilterColumns();
SqlFields ParticipantFilterColumns();
SqlFields NeedFilterColumns();
SqlFields OfferingFilterColumns();
SqlFields AgreementFilterColumns();
SqlFields AuditEventFilterColumns();
SqlFields UserFilterColumns();
SqlFields ApplicationFilterColumns();
SqlFields MeetingRequestFilterColumns();
SqlFields ProjectFilterColumns();
SqlFields CommissionerFilterColumns();
SqlFields FinancingFilterColumns();

}  // namespace techmatch::storage

#endif  // TECHMATCH_STORAGE_FILTER_COLUMNS_H_
