// The marketplace's overview (dashboard_handlers.hpp).
#include "marketplace/dashboard_handlers.hpp"

#include "access/access.hpp"
#include "db/sql.hpp"
#include "marketplace/catalog.hpp"
#include "marketplace/money_json.hpp"
#include "marketplace/payouts.hpp"

namespace learnloop::server {

namespace {

// The courses shown: enough for a marketplace's best sellers at a glance.
constexpr std::int64_t k_dashboard_courses = 10;

} // namespace

Result<ApiResponse> handle_dashboard(const httplib::Request&, pqxx::work& txn, const Caller& caller)
{
    const auto scope = marketplace_scope(caller, Action::PayoutRead);
    auto settings = exec_named(txn, "marketplace/settings");
    if (settings.empty())
        return make_error(ErrorCode::NotFound, "This organisation has no course catalog");
    const auto currency = settings[0]["currency"].as<std::string>();
    const auto show_ratings = settings[0]["show_ratings"].as<bool>();
    const auto money = [&](std::int64_t minor) { return money_json({ minor, currency }); };

    Json months = Json::array();
    std::int64_t year_sales = 0, year_enrolments = 0;
    for (const auto& row : exec_named(txn, "marketplace/dashboard_months", caller.time_zone, scope, caller.user_id,
             currency)) {
        const auto month = row["month"].as<std::string>();
        year_sales += row["sales_minor"].as<std::int64_t>();
        year_enrolments += row["enrolments"].as<std::int64_t>();
        months.push_back({ { "month", month }, { "month_label", month_for_people(month) },
            { "enrolments", row["enrolments"].as<std::int64_t>() }, { "orders", row["orders"].as<std::int64_t>() },
            { "sales", money(row["sales_minor"].as<std::int64_t>()) },
            { "refunded", money(row["refunded_minor"].as<std::int64_t>()) } });
    }

    Json courses = Json::array();
    for (const auto& row : exec_named(txn, "marketplace/dashboard_courses", k_dashboard_courses, scope,
             caller.user_id, currency)) {
        const auto enrolled = row["enrolled"].as<std::int64_t>();
        const auto finished = row["finished"].as<std::int64_t>();
        const auto ratings = row["rating_count"].as<std::int64_t>();
        const auto status = parse_catalog_status(row["status"].as<std::string>());
        Json course { { "id", row["id"].as<std::int64_t>() }, { "title", row["title"].as<std::string>() },
            { "status", row["status"].as<std::string>() },
            { "status_label", status.ok() ? std::string(catalog_status_for_people(status.value())) : std::string() },
            { "lessons", row["lessons"].as<std::int64_t>() }, { "enrolled", enrolled }, { "finished", finished },
            // Rounded down, as a learner's own progress is: 100 only when all have finished.
            { "finished_percent", enrolled > 0 ? finished * 100 / enrolled : 0 },
            { "net_sales", money(row["net_sales_minor"].as<std::int64_t>()) } };
        if (show_ratings) {
            course["rating"] = ratings > 0 ? Json(rating_for_people(row["rating_sum"].as<std::int64_t>(), ratings))
                                           : Json(nullptr);
            course["rating_count"] = ratings;
        }
        courses.push_back(std::move(course));
    }

    const auto counts = exec_named(txn, "marketplace/dashboard_counts", currency, scope, caller.user_id)[0];
    return json_response(200, { { "currency", currency }, { "months", std::move(months) },
                                  { "year_sales", money(year_sales) }, { "year_enrolments", year_enrolments },
                                  { "courses", std::move(courses) }, { "drafts", counts["drafts"].as<std::int64_t>() },
                                  { "published", counts["published"].as<std::int64_t>() },
                                  { "payouts_due", counts["payouts_due"].as<std::int64_t>() },
                                  { "payouts_due_amount", money(counts["payouts_due_minor"].as<std::int64_t>()) },
                                  { "hidden_reviews", counts["hidden_reviews"].as<std::int64_t>() },
                                  { "unanswered_reviews", counts["unanswered_reviews"].as<std::int64_t>() } });
}

} // namespace learnloop::server
