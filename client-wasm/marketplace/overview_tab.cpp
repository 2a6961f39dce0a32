// The marketplace's overview (overview_tab.hpp).
#include "marketplace/overview_tab.hpp"

#include "marketplace/office_view.hpp"
#include "net/api.hpp"
#include "ui/charts.hpp"
#include "ui/icons.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <functional>

namespace learnloop::client {

namespace {

const char* const k_path = "/api/marketplace/dashboard";

std::int64_t minor_of(const Json& money)
{
    return money.is_object() ? money.value("minor", std::int64_t(0)) : 0;
}

std::string plural(std::int64_t n, const char* one, const char* many)
{
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

// A chart of one number per month, oldest first, with a sentence for those
// who cannot see it: the total and the best month.
void month_chart(AppState& state, const Json& months, const char* name, const char* title,
    const std::function<double(const Json&)>& value, const std::function<std::string(const Json&)>& label,
    const std::string& total_text)
{
    std::vector<ui::Bar> bars;
    const Json* best = nullptr;
    for (const auto& month : months) {
        bars.push_back({ text_field(month, "month_label").substr(0, 3), value(month), label(month) });
        if (value(month) > 0 && (!best || value(month) > value(*best)))
            best = &month;
    }
    ui::heading(title, 3);
    const auto alt = std::string(title) + " over the last twelve months: " + total_text
        + (best ? ", the most in " + text_field(*best, "month_label") + " (" + label(*best) + ")" : std::string());
    ui::bar_chart(state, name, bars, alt, 560.0f, 140.0f);
}

void draw_waiting(const AppState& state, const Json& d)
{
    ui::heading("Waiting for you", 3);
    bool any = false;
    const auto drafts = id_field(d, "drafts");
    if (drafts > 0) {
        ui::bullet_text("%s", (plural(drafts, "draft", "drafts") + " not published yet").c_str());
        any = true;
    }
    const auto unanswered = id_field(d, "unanswered_reviews");
    if (unanswered > 0) {
        ui::bullet_text("%s", (plural(unanswered, "review", "reviews") + " without an answer").c_str());
        any = true;
    }
    if (office_view(state, Action::PayoutRead)) {
        const auto due = id_field(d, "payouts_due");
        if (due > 0) {
            ui::bullet_text("%s", (plural(due, "payout", "payouts") + " due to instructors, "
                                      + text_field(field_of(d, "payouts_due_amount"), "text") + " in all")
                                      .c_str());
            any = true;
        }
        const auto hidden = id_field(d, "hidden_reviews");
        if (hidden > 0) {
            ui::bullet_text("%s", (plural(hidden, "review", "reviews") + " hidden by a moderator").c_str());
            any = true;
        }
    }
    if (!any)
        ui::note("Nothing: every course is published, every review answered.");
}

void draw_courses(AppState& state, const Json& courses)
{
    ui::heading("Best selling courses", 3);
    if (courses.empty()) {
        ui::empty_state(state, "No courses yet", office_view(state, Action::PayoutRead) ? "Instructors write them in My courses."
                                                                    : "Write one in My courses.");
        return;
    }
    const bool ratings = field_of(courses[0], "rating_count").is_number();
    if (!ui::begin_table("overview_courses", ratings ? 6 : 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Course", ImGuiTableColumnFlags_WidthStretch, 2.0f);
    ImGui::TableSetupColumn("Status");
    ImGui::TableSetupColumn("Learners");
    ImGui::TableSetupColumn("Finished");
    if (ratings)
        ImGui::TableSetupColumn("Rating");
    ImGui::TableSetupColumn("Sales less refunds");
    ui::table_headers_row();
    for (const auto& c : courses) {
        ui::table_next_row();
        ui::table_next_column();
        ui::text_wrapped("%s", text_field(c, "title").c_str());
        ui::table_next_column();
        ui::text_unformatted(text_field(c, "status_label").c_str());
        ui::table_next_column();
        ui::text_unformatted(std::to_string(id_field(c, "enrolled")).c_str());
        ui::table_next_column();
        ui::text_unformatted(id_field(c, "enrolled") > 0
                ? (std::to_string(id_field(c, "finished")) + " (" + std::to_string(id_field(c, "finished_percent")) + "%)").c_str()
                : "None yet");
        if (ratings) {
            ui::table_next_column();
            const auto rating = text_field(c, "rating");
            ui::text_unformatted(rating.empty() ? "Not rated"
                                                : (rating + " of 5 (" + std::to_string(id_field(c, "rating_count")) + ")").c_str());
        }
        ui::table_next_column();
        ui::text_unformatted(text_field(field_of(c, "net_sales"), "text").c_str());
    }
    ui::end_table();
}

} // namespace

void draw_overview_tab(AppState& state, OverviewTabState& tab)
{
    ui::heading("Overview", 2);
    ui::note(office_view(state, Action::PayoutRead) ? "Every course of the marketplace: this month, what waits, and the last twelve months."
                                : "Your courses: this month, what waits, and the last twelve months.");
    // Asked again when the tab is shown a minute later (after publishing a
    // course, or a sale meanwhile).
    if (tab.dashboard.phase == Phase::Idle
        || (tab.dashboard.phase == Phase::Done && state.wall_clock - tab.loaded_at > 60)) {
        tab.loaded_at = state.wall_clock;
        api_load(state, tab.dashboard, k_path);
    }
    if (ui::remote_status(state, tab.dashboard, "overview.retry"))
        api_load(state, tab.dashboard, k_path);
    const Json& d = tab.dashboard.data;
    if (tab.dashboard.phase != Phase::Done || !d.is_object())
        return;
    const Json& months = field_of(d, "months");
    if (months.is_array() && !months.empty()) {
        const Json& now = months.back();
        ui::text_unformatted(("This month: " + plural(id_field(now, "orders"), "order", "orders") + ", "
                                 + text_field(field_of(now, "sales"), "text") + " in sales, "
                                 + plural(id_field(now, "enrolments"), "new learner", "new learners") + ".")
                                 .c_str());
    }
    draw_waiting(state, d);
    if (months.is_array() && !months.empty()) {
        const auto currency = text_field(d, "currency");
        month_chart(state, months, "overview.sales_chart", ("Sales by month, in " + currency).c_str(),
            [](const Json& m) { return static_cast<double>(minor_of(field_of(m, "sales"))); },
            [](const Json& m) { return text_field(field_of(m, "sales"), "text"); },
            text_field(field_of(d, "year_sales"), "text") + " in all");
        month_chart(state, months, "overview.learners_chart", "New learners by month",
            [](const Json& m) { return static_cast<double>(id_field(m, "enrolments")); },
            [](const Json& m) { return std::to_string(id_field(m, "enrolments")); },
            plural(id_field(d, "year_enrolments"), "learner", "learners") + " in all");
    }
    draw_courses(state, field_of(d, "courses"));
}

Json overview_tab_summary(const OverviewTabState& tab)
{
    Json courses = Json::array();
    const Json& d = tab.dashboard.data;
    if (d.is_object())
        for (const auto& c : field_of(d, "courses"))
            courses.push_back({ { "title", text_field(c, "title") }, { "enrolled", id_field(c, "enrolled") },
                { "sales", text_field(field_of(c, "net_sales"), "text") } });
    return { { "overview_courses", courses },
        { "overview_months", d.is_object() ? field_of(d, "months").size() : 0 } };
}

} // namespace learnloop::client
