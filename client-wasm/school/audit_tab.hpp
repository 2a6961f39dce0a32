// The school's Audit log tab: who did what, newest first, filtered by action
// and paged.
#pragma once

#include "app.hpp"

#include <cstdint>

namespace learnloop::client {

struct AuditTabState {
    Remote audit;
    std::int64_t offset = 0;      // the first entry shown
    char filter[64] = {};         // an action name, e.g. submission.grade
};

void draw_audit_tab(AppState& state, AuditTabState& tab);

[[nodiscard]] Json audit_tab_summary(const AuditTabState& tab);

} // namespace learnloop::client
