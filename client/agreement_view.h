// How an agreement is shown by `agreement get|list|create|...`: every field as a record, and
// the columns of a list.
#ifndef TECHMATCH_CLIENT_AGREEMENT_VIEW_H_
#define TECHMATCH_CLIENT_AGREEMENT_VIEW_H_

#include "client/output.h"
#include "techmatch/v1/agreement.pb.h"

namespace techmatch::client {

// Amounts in the chosen --unit; parties as `ROLE organizations/id`; the money history (when
// asked for) as one line per change: `time  field  old → new`.
const View<techmatch::v1::Agreement>& AgreementView();

}  // namespace techmatch::client

#endif  // TECHMATCH_CLIENT_AGREEMENT_VIEW_H_
