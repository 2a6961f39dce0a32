// System notices (see notices.hpp).
#include "messaging/notices.hpp"

#include "db/sql.hpp"

namespace learnloop::server {

void notify(pqxx::transaction_base& txn, std::int64_t tenant_id, const std::vector<std::int64_t>& recipients,
    const std::string& body)
{
    if (recipients.empty())
        return;
    exec_named(txn, "messaging/notify", tenant_id, body, ids_array(recipients));
}

} // namespace learnloop::server
