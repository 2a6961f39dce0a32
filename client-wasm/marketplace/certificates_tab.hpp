// Certificates for the office and instructors of a marketplace: each learner's
// certificate of completion (who, which course, when, valid or revoked), its
// public page opened in a new tab, and, for administrators, revoking one
// with a reason the public page shows (after a confirmation).
#pragma once

#include "app.hpp"
#include "ui/paged_list.hpp"

#include <string>

namespace learnloop::client {

struct CertificatesTabState {
    int status_filter = 0;          // 0 every certificate, 1 valid, 2 revoked
    ui::PagedList certificates;     // GET /api/marketplace/certificates
    std::string revoking;           // the certificate whose reason is being typed
    std::string revoking_text;      // "Sam Taylor's certificate for Python for data analysis"
    char reason[501] = "";
    Outcome revoke;
};

void draw_certificates_tab(AppState& state, CertificatesTabState& tab);
[[nodiscard]] Json certificates_tab_summary(const CertificatesTabState& tab);

} // namespace learnloop::client
