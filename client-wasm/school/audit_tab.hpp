// The school's Audit log tab: who did what, newest first, in sentences people
// read ("Tara Teacher graded Sam Student's work on “Diary”: 7 → 8.5"), with
// times in the school's zone; filtered by kind of change and paged.
#pragma once

#include "app.hpp"

#include <cstdint>
#include <string>

namespace learnloop::client {

struct AuditTabState {
    Remote audit;
    std::int64_t offset = 0;      // the first entry shown
    int filter = 0;               // index into the tab's list of kinds of change (0: everything)
};

void draw_audit_tab(AppState& state, AuditTabState& tab);

[[nodiscard]] Json audit_tab_summary(const AuditTabState& tab, TenantKind kind);

// One entry of GET /api/audit as a sentence, and what changed (empty when
// nothing more is worth saying); numbers rounded, dates for people.
[[nodiscard]] std::string audit_sentence(const Json& entry);
[[nodiscard]] std::string audit_changes(const Json& entry, TenantKind kind);

} // namespace learnloop::client
