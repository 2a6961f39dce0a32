// A lesson's files as the API lists them, for its learners and in the
// studio: {"id": 4, "name": "Week 1 worksheet.pdf", "size_bytes": 24876,
// "size_text": "24 KB"}; the content comes from GET /api/marketplace/files/{id}.
#pragma once

#include "core/dto.hpp"
#include "marketplace/attachments.hpp"

#include <pqxx/pqxx>

namespace learnloop::server {

[[nodiscard]] inline Json attachment_json(const pqxx::row& row)
{
    const auto size = row["size_bytes"].as<std::int64_t>();
    return { { "id", row["id"].as<std::int64_t>() }, { "name", row["file_name"].as<std::string>() },
        { "size_bytes", size }, { "size_text", file_size_text(size) } };
}

[[nodiscard]] inline Json attachments_json(const pqxx::result& rows)
{
    Json files = Json::array();
    for (const auto& row : rows)
        files.push_back(attachment_json(row));
    return files;
}

} // namespace learnloop::server
