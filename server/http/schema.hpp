// Small builders for the JSON Schemas (2020-12, as OpenAPI 3.1 uses) that
// describe request and response bodies beside each area's route table.
//
//   object_schema({ { "title", string_schema() }, { "due_date", local_datetime_schema() } }, { "title" })
#pragma once

#include "core/dto.hpp"

#include <initializer_list>
#include <string>
#include <utility>

namespace learnloop::server {

[[nodiscard]] Json string_schema(std::string description = {});
[[nodiscard]] Json integer_schema(std::string description = {});
[[nodiscard]] Json number_schema(std::string description = {});
[[nodiscard]] Json boolean_schema(std::string description = {});
[[nodiscard]] Json id_schema();                    // a positive integer id
[[nodiscard]] Json local_datetime_schema();        // "YYYY-MM-DDTHH:MM:SS" in the tenant's zone
[[nodiscard]] Json utc_timestamp_schema();         // "YYYY-MM-DDTHH:MM:SSZ"
[[nodiscard]] Json enum_schema(std::initializer_list<const char*> values);
[[nodiscard]] Json nullable(Json schema);
[[nodiscard]] Json array_of(Json items);
[[nodiscard]] Json schema_ref(std::string_view schema_name);   // {"$ref": "#/components/schemas/NAME"}
[[nodiscard]] Json any_object();                   // a JSON object of any shape
// An object with these properties; `required` names those that must be present.
// Responses may carry more fields than listed (the contract allows it), so
// extra properties are not refused.
[[nodiscard]] Json object_schema(std::initializer_list<std::pair<const char*, Json>> properties,
    std::initializer_list<const char*> required = {});
// A request body: like object_schema, but unknown fields are refused, as the
// server refuses them (json_only_fields).
[[nodiscard]] Json request_schema(std::initializer_list<std::pair<const char*, Json>> properties,
    std::initializer_list<const char*> required = {});
// {"message": "..."} plus the given fields: the shape of most write answers.
[[nodiscard]] Json message_schema(std::initializer_list<std::pair<const char*, Json>> properties = {});

} // namespace learnloop::server
