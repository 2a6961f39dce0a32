// A certificate's public face: /verify/<id> shows anyone (no sign-in) whom
// it was awarded to, for which course, when and by whom, whether it is valid,
// revoked or was changed, and a QR code to the page itself; the same page
// checks a certificate file pasted into it, and POST /api/certificates/verify
// answers the same question in JSON for programs (wallets, employers' HR
// systems). The verdict comes from the signature over every byte of the
// credential, whose key must be one a Learnloop organisation signs with,
// and from the issuer's record of revocations.
#pragma once

#include "http/route.hpp"

#include <vector>

namespace learnloop::server {

// The pages, the stylesheet, the JSON check and the credential files.
[[nodiscard]] std::vector<Route> certificate_verify_routes();

} // namespace learnloop::server
