// System notices: messages with no sender that other areas send when
// something happens to people (a session moved or cancelled, an invoice
// issued). They arrive in the recipients' messages, unread.
#pragma once

#include <pqxx/pqxx>

#include <cstdint>
#include <string>
#include <vector>

namespace learnloop::server {

// Sends `body` to each of `recipients` (repeats and the acting user left
// out by the caller), in the caller's transaction.
void notify(pqxx::transaction_base& txn, std::int64_t tenant_id, const std::vector<std::int64_t>& recipients,
    const std::string& body);

} // namespace learnloop::server
