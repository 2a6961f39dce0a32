// An invoice as a PDF file people print or keep (GET
// /api/tutoring/invoices/{id}.pdf): the business, the number (a draft says
// it is one), who it is for and the sessions' period, one row per session,
// the sums, and the payments made; on as many A4 pages as it needs.
#pragma once

#include "core/result.hpp"
#include "core/dto.hpp"

#include <string>

namespace learnloop::server {

// `invoice`: as GET /api/tutoring/invoices/{id} answers it (lines and
// payments included). `issued_on`: the local day it was issued, or empty.
[[nodiscard]] Result<std::string> invoice_pdf(const Json& invoice, const std::string& business,
    const std::string& issued_on);

} // namespace learnloop::server
