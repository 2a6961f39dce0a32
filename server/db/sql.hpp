// Named SQL: every statement lives in a .sql file beside its area
// (server/<area>/queries/<name>.sql), embedded at build time and prepared on
// each connection under "<area>/<name>". Handlers never hold SQL text.
//
// A file may include a shared fragment with {{> area/_name}} (fragments are
// files whose name starts with '_'; they are never prepared on their own) and
// use variables written {{name}}, given by the file's own `-- let name = value`
// lines or by prepare_variants() for statements prepared once per value.
//
//   auto rows = exec_named(txn, "tracker/find_assignment", zone, id);
//   rows[0]["title"].as<std::string>();        // columns are read by name
//
// Statements run prepared by default. Behind a pooler in transaction mode
// (PgBouncer before 1.21), a connection's prepared statements do not follow
// the client from one transaction to the next, so the server can instead send
// each statement's text with its parameters (StatementMode::Unnamed; see
// docs/scaling.md).
#pragma once

#include "core/json_reader.hpp"

#include <pqxx/pqxx>

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace learnloop::server {

// The text of a named statement or fragment as written in its file, or empty.
[[nodiscard]] std::string_view sql_file(std::string_view name);
// Every embedded name, sorted.
[[nodiscard]] std::vector<std::string> sql_names();
// A statement's text with its includes and variables expanded; `variables`
// add to (and override) the file's own `-- let` lines. An unknown include or
// a variable left without a value is a programming error: it throws
// std::logic_error, which the first test run reports.
[[nodiscard]] std::string expand_sql(std::string_view name, const std::map<std::string, std::string>& variables = {});

// How named statements reach the database.
enum class StatementMode {
    Prepared,   // prepared once per connection under their name (libpqxx prepares on first use)
    Unnamed,    // the expanded text sent with each call, for poolers in transaction mode
};
void set_statement_mode(StatementMode mode);
[[nodiscard]] StatementMode statement_mode();

// Every statement (not fragments, not files marked `-- variants`) expanded
// once, the first time it is needed; then prepared on each new connection
// in StatementMode::Prepared.
void prepare_named_statements(pqxx::connection& connection);

// Adds a statement once per value of one variable, as "<name>[<value>]" with
// {{<variable>}} replaced by `literal(value)`, to the expanded statements
// (call before the first connection; repeated calls change nothing). For
// statements whose plan should not be shared between values (the per-role
// assignment lists).
void add_variants(std::string_view name, const std::string& variable, const std::vector<std::string>& values);
[[nodiscard]] std::string variant_name(std::string_view name, std::string_view value);

// The expanded text of a statement (or variant) by name; throws
// std::logic_error for a name that is not one.
[[nodiscard]] const std::string& statement_text(const std::string& name);

// Runs a named statement in the current statement mode.
template<typename... Args>
pqxx::result exec_named(pqxx::transaction_base& txn, const std::string& name, Args&&... args)
{
    if (statement_mode() == StatementMode::Prepared)
        return txn.exec_prepared(name, std::forward<Args>(args)...);
    return txn.exec_params(statement_text(name), std::forward<Args>(args)...);
}

// A column that may be NULL, read as an optional.
template<typename T>
std::optional<T> optional_field(const pqxx::field& field)
{
    if (field.is_null())
        return std::nullopt;
    return field.as<T>();
}

// A column that may be NULL, as JSON: its value, or null.
//   nullable_json<std::string>(row["paid_at"]) -> "2026-12-07T10:00:00Z" or null
template<typename T>
[[nodiscard]] Json nullable_json(const pqxx::field& field)
{
    return field.is_null() ? Json(nullptr) : Json(field.as<T>());
}

// A parameter that is NULL where the value is empty (or not positive):
//   nonempty_or_null("")  -> NULL     positive_or_null(0) -> NULL
inline std::optional<std::string> nonempty_or_null(const std::string& text)
{
    return text.empty() ? std::nullopt : std::optional<std::string>(text);
}

inline std::optional<std::int64_t> positive_or_null(std::int64_t id)
{
    return id > 0 ? std::optional<std::int64_t>(id) : std::nullopt;
}

// A jsonb column that may be NULL, parsed (the database wrote it, so it parses).
std::optional<Json> optional_json(const pqxx::field& field);
// A JSON value for a `$n::jsonb` parameter, NULL when there is none.
std::optional<std::string> json_parameter(const std::optional<Json>& value);

// Ids as a PostgreSQL array literal, "{1,2,3}", for a `$n::bigint[]` parameter.
inline std::string ids_array(const std::vector<std::int64_t>& ids)
{
    std::string out = "{";
    for (auto id : ids) {
        if (out.size() > 1)
            out += ',';
        out += std::to_string(id);
    }
    return out + "}";
}

// One page of a list: ?limit=1..200 (default 50) &offset>=0.

struct Page {
    std::int64_t limit = 50;
    std::int64_t offset = 0;
};

// The rows of one page and the number of rows in the whole list.
struct PageRows {
    pqxx::result rows;
    std::int64_t total = 0;
};

// One page of a list read into a repository's structs, and the whole list's size.
template<typename T>
struct PageOf {
    std::vector<T> items;
    std::int64_t total = 0;
};

// Runs a paged statement. By convention its $1 is the limit, $2 the offset,
// and each row carries the whole list's size as column `total`
// (count(*) OVER ()), so a list states its filter once. A page past the end
// has no rows to carry the total; the same statement then runs once more for
// its first row.
template<typename... Args>
PageRows exec_page(pqxx::transaction_base& txn, const std::string& statement, const Page& page, Args&&... args)
{
    PageRows result;
    result.rows = exec_named(txn, statement, page.limit, page.offset, args...);
    if (!result.rows.empty()) {
        result.total = result.rows[0]["total"].as<std::int64_t>();
    } else if (page.offset > 0) {
        pqxx::result first = exec_named(txn, statement, std::int64_t { 1 }, std::int64_t { 0 }, args...);
        result.total = first.empty() ? 0 : first[0]["total"].as<std::int64_t>();
    }
    return result;
}

} // namespace learnloop::server
