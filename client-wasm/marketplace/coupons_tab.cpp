// Coupons for the office and instructors (coupons_tab.hpp).
#include "marketplace/coupons_tab.hpp"

#include "core/calendar.hpp"
#include "core/numbers.hpp"
#include "marketplace/pricing.hpp"
#include "marketplace/office_view.hpp"
#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"


namespace learnloop::client {

namespace {

const char* const k_list_path = "/api/marketplace/coupons";
// The courses a coupon may be for: every one for the office, an instructor's own.
const char* const k_courses_path = "/api/marketplace/coupons/courses";

void open_form(AppState& state, CouponsTabState& tab)
{
    tab.making = true;
    tab.code[0] = tab.percent[0] = tab.amount[0] = tab.last_day[0] = tab.usage_limit[0] = '\0';
    tab.kind = 0;
    tab.every_course = office_view(state, Action::CouponManage) ? 1 : 0;
    tab.chosen.clear();
    tab.errors.clear();
    tab.make = {};
    if (tab.courses.phase == Phase::Idle)
        api_load(state, tab.courses, k_courses_path);
}

// The form as the API takes it, checked by the same rule as the server's.
// Typed numbers are read here so a person sees words, not a type error.
Result<Json> request_of(const AppState& state, const CouponsTabState& tab)
{
    Json body { { "code", tab.code } };
    if (tab.kind == 0) {
        const auto percent = whole_number(tab.percent);
        if (!percent)
            return make_error(ErrorCode::InvalidArgument, "Type the percentage off as a whole number, 1 to 100",
                "percent");
        body["percent"] = *percent;
    } else {
        body["amount_off"] = tab.amount;
        body["currency"] = tab.currency;
    }
    if (tab.last_day[0] != '\0')
        body["expires_on"] = tab.last_day;
    if (tab.usage_limit[0] != '\0') {
        const auto limit = whole_number(tab.usage_limit);
        if (!limit)
            return make_error(ErrorCode::InvalidArgument, "Type the most uses as a whole number, or leave it empty",
                "usage_limit");
        body["usage_limit"] = *limit;
    }
    if (tab.every_course == 0) {
        if (tab.chosen.empty())
            return make_error(ErrorCode::InvalidArgument, "Choose the courses it is for", "course_ids");
        body["course_ids"] = Json(std::vector<std::int64_t>(tab.chosen.begin(), tab.chosen.end()));
    }
    const auto today = state.local_now.substr(0, 10);
    auto checked = read_coupon_request(body, today);
    if (!checked.ok())
        return checked.error();
    return coupon_request_json(checked.value());
}

void draw_course_choice(AppState& state, CouponsTabState& tab)
{
    if (office_view(state, Action::CouponManage)) {
        ui::text_unformatted("For");
        ui::begin_radio_group("For");
        ui::radio_button("Every course", &tab.every_course, 1);
        ImGui::SameLine();
        ui::radio_button("Chosen courses", &tab.every_course, 0);
        ui::end_radio_group();
        if (tab.every_course == 1)
            return;
    } else {
        ui::text_unformatted("For these courses of yours");
    }
    if (ui::remote_status(state, tab.courses, "coupons.courses.retry"))
        api_load(state, tab.courses, k_courses_path);
    const Json& courses = field_of(tab.courses.data, "courses");
    if (tab.courses.data.is_object() && courses.empty())
        ui::note("There is no course to choose yet.");
    for (const auto& course : courses) {
        const auto id = id_field(course, "id");
        bool on = tab.chosen.count(id) == 1;
        const auto label = text_field(course, "title") + " (" + text_field(course, "price_label") + ")##course"
            + std::to_string(id);
        if (ui::checkbox(label.c_str(), &on)) {
            if (on)
                tab.chosen.insert(id);
            else
                tab.chosen.erase(id);
        }
    }
    ui::field_errors(tab.errors, "course_ids");
}

// The currency an amount off is usually in: the marketplace's.
std::string usual_currency(const CouponsTabState& tab)
{
    return text_field(tab.courses.data, "currency");
}

void draw_form(AppState& state, CouponsTabState& tab)
{
    if (!tab.making) {
        if (ui::primary_button(state, "New coupon", "coupons.new"))
            open_form(state, tab);
        return;
    }
    ui::heading("New coupon", 3);
    if (ui::labelled_input(state, "Code", "SPRING-25", tab.code, sizeof tab.code, "coupons.code", 12))
        tab.errors.clear();   // an error stands until its field is changed
    ui::field_errors(tab.errors, "code");
    ui::text_unformatted("Takes off");
    ui::begin_radio_group("Takes off");
    ui::radio_button("A percentage", &tab.kind, 0);
    ImGui::SameLine();
    ui::radio_button("An amount", &tab.kind, 1);
    ui::end_radio_group();
    if (tab.kind == 0) {
        if (ui::labelled_input(state, "Percent off", "25", tab.percent, sizeof tab.percent, "coupons.percent", 4))
            tab.errors.clear();
        ui::field_errors(tab.errors, "percent");
    } else {
        if (tab.currency[0] == '\0') {
            const auto usual = usual_currency(tab);
            std::snprintf(tab.currency, sizeof tab.currency, "%s", usual.c_str());
        }
        if (ui::labelled_input(state, "Amount off", "5.00", tab.amount, sizeof tab.amount, "coupons.amount", 6))
            tab.errors.clear();
        ui::field_errors(tab.errors, "amount_off");
        if (ui::labelled_input(state, "Currency", "GBP", tab.currency, sizeof tab.currency, "coupons.currency", 4))
            tab.errors.clear();
        ui::field_errors(tab.errors, "currency");
    }
    if (ui::labelled_input(state, "Last day (optional)", "YYYY-MM-DD", tab.last_day, sizeof tab.last_day,
            "coupons.last_day", 7))
        tab.errors.clear();
    ui::field_errors(tab.errors, "expires_on");
    if (ui::labelled_input(state, "Most uses (optional)", "100", tab.usage_limit, sizeof tab.usage_limit,
            "coupons.usage_limit", 5))
        tab.errors.clear();
    ui::field_errors(tab.errors, "usage_limit");
    draw_course_choice(state, tab);

    ImGui::BeginDisabled(tab.make.phase == Phase::Loading);
    if (ui::primary_button(state, "Make coupon", "coupons.make")) {
        tab.errors.clear();
        auto body = request_of(state, tab);
        if (!body.ok()) {
            tab.errors.push_back(body.error());
        } else {
            tab.make = { Phase::Loading, {}, false };
            api_call(state, "POST", k_list_path, body.value(), [&tab](AppState& s, const ApiAnswer& answer) {
                tab.make = outcome_of(answer, text_field(answer.body, "message"));
                if (!answer.ok())
                    return;
                tab.making = false;
                tab.coupons.offset = 0;
                ui::reload_page(s, tab.coupons, k_list_path);
            });
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "coupons.cancel")) {
        tab.making = false;
        tab.make = {};
    }
}

// [SECTION] changing one

void open_change(CouponsTabState& tab, const Json& coupon)
{
    tab.changing = id_field(coupon, "id");
    tab.changing_code = text_field(coupon, "code");
    tab.changing_used = int_field(coupon, "used");
    ui::copy_text(tab.change_last_day, text_field(coupon, "expires_on"));
    const int limit = int_field(coupon, "usage_limit");
    ui::copy_text(tab.change_limit, limit > 0 ? std::to_string(limit) : std::string());
    tab.change_errors.clear();
    tab.change = {};
}

// The change as the API takes it, checked by the server's own rule first.
Result<Json> change_of(const AppState& state, const CouponsTabState& tab)
{
    Json body { { "expires_on", tab.change_last_day[0] == '\0' ? Json(nullptr) : Json(tab.change_last_day) } };
    if (tab.change_limit[0] == '\0') {
        body["usage_limit"] = 0;
    } else {
        const auto limit = whole_number(tab.change_limit);
        if (!limit)
            return make_error(ErrorCode::InvalidArgument, "Type the most uses as a whole number, or leave it empty",
                "usage_limit");
        body["usage_limit"] = *limit;
    }
    auto checked = read_coupon_change(body, state.local_now.substr(0, 10), tab.changing_used);
    if (!checked.ok())
        return checked.error();
    return coupon_change_json(checked.value());
}

void draw_change(AppState& state, CouponsTabState& tab)
{
    if (tab.changing == 0)
        return;
    ui::heading(("Change " + tab.changing_code).c_str(), 3);
    ui::note("Its last day and how often it may be used. What it takes off and its courses stay as learners were "
             "told; for other ones, end it and make another.");
    if (ui::labelled_input(state, "Last day (optional)", "YYYY-MM-DD", tab.change_last_day,
            sizeof tab.change_last_day, "coupons.change.last_day", 7))
        tab.change_errors.clear();
    ui::field_errors(tab.change_errors, "expires_on");
    if (ui::labelled_input(state, "Most uses (optional)", "100", tab.change_limit, sizeof tab.change_limit,
            "coupons.change.usage_limit", 5))
        tab.change_errors.clear();
    ui::field_errors(tab.change_errors, "usage_limit");
    ImGui::BeginDisabled(tab.change.phase == Phase::Loading);
    if (ui::primary_button(state, "Save changes", "coupons.change.save")) {
        tab.change_errors.clear();
        auto body = change_of(state, tab);
        if (!body.ok()) {
            tab.change_errors.push_back(body.error());
        } else {
            tab.change = { Phase::Loading, {}, false };
            api_call(state, "PUT", std::string(k_list_path) + "/" + std::to_string(tab.changing), body.value(),
                [&tab, id = tab.changing](AppState& s, const ApiAnswer& answer) {
                    tab.change = outcome_of(answer, text_field(answer.body, "message"));
                    if (!answer.ok()) {
                        if (answer.body.is_object() && !text_field(answer.body, "field").empty() && tab.changing == id) {
                            tab.change_errors.push_back(make_error(ErrorCode::InvalidArgument,
                                text_field(answer.body, "details"), text_field(answer.body, "field")));
                            tab.change = {};
                        }
                        return;
                    }
                    if (tab.changing == id)
                        tab.changing = 0;
                    ui::reload_page(s, tab.coupons, k_list_path);
                });
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel##change", "coupons.change.cancel")) {
        tab.changing = 0;
        tab.change = {};
    }
}

// Where a coupon stands as a chip: a shape and a word, never colour alone.
void state_chip(const Json& coupon)
{
    const auto word = text_field(coupon, "state_label");
    if (text_field(coupon, "state") == "active")
        ui::chip(ICON_CHECK, word.c_str(), ui::k_ok, ui::k_ok_tint);
    else
        ui::chip(ICON_MINUS, word.c_str(), ui::k_muted, ui::k_muted_tint);
}

void draw_rows(AppState& state, CouponsTabState& tab)
{
    if (!ui::begin_table("coupons", 7, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
        return;
    ImGui::TableSetupColumn("Code", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    ImGui::TableSetupColumn("Takes off", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("Courses", ImGuiTableColumnFlags_WidthStretch, 1.6f);
    ImGui::TableSetupColumn("Uses");
    ImGui::TableSetupColumn("Last day");
    ImGui::TableSetupColumn("State");
    ImGui::TableSetupColumn("Actions");
    ui::table_headers_row();
    for (const auto& c : tab.coupons.remote.data) {
        const auto id = id_field(c, "id");
        const auto code = text_field(c, "code");
        ImGui::PushID(static_cast<int>(id));
        ui::table_next_row();
        ui::table_next_column();
        ui::text_unformatted(code.c_str());
        ui::table_next_column();
        ui::text_unformatted(text_field(c, "off_label").c_str());
        ui::table_next_column();
        const auto courses = text_field(c, "course_titles");
        ui::text_wrapped("%s", courses.empty() ? "Every course" : courses.c_str());
        ui::table_next_column();
        const int limit = int_field(c, "usage_limit");
        const int used = int_field(c, "used");
        ui::text_unformatted((limit > 0 ? std::to_string(used) + " of " + std::to_string(limit)
                                        : std::to_string(used)).c_str());
        ui::table_next_column();
        const auto last_day = read_local_day(text_field(c, "expires_on"));
        ui::text_unformatted(last_day ? day_for_people(*last_day, true).c_str() : "None");
        ui::table_next_column();
        state_chip(c);
        ui::table_next_column();
        if (text_field(c, "state") != "ended") {
            if (ui::button(state, ("Change##" + code).c_str(), "coupons.change." + code))
                open_change(tab, c);
            ImGui::SameLine();
            if (ui::button(state, ("End...##" + code).c_str(), "coupons.end." + code)) {
                tab.ending = id;
                tab.ending_code = code;
                tab.end = {};
                tab.ask_end = true;   // opened outside the table's ID scope (draw_ending)
            }
        }
        ImGui::PopID();
    }
    ui::end_table();
}

void draw_ending(AppState& state, CouponsTabState& tab)
{
    if (tab.ask_end) {
        tab.ask_end = false;
        ui::open_confirm("End this coupon?");
    }
    if (!ui::confirm_dialog(state, "End this coupon?",
            "End " + tab.ending_code + "? Learners can no longer use it. Orders already made with it keep their price.",
            "End coupon"))
        return;
    tab.end = { Phase::Loading, {}, false };
    api_call(state, "POST", std::string(k_list_path) + "/" + std::to_string(tab.ending) + "/end", Json::object(),
        [&tab](AppState& s, const ApiAnswer& answer) {
            tab.end = outcome_of(answer, text_field(answer.body, "message"));
            if (answer.ok())
                ui::reload_page(s, tab.coupons, k_list_path);
        });
}

} // namespace

void draw_coupons_tab(AppState& state, CouponsTabState& tab)
{
    ui::heading("Coupons", 2);
    ui::note(office_view(state, Action::CouponManage)
            ? "A coupon takes a percentage or an amount off a course's price. Share its code: learners type it on "
              "the course's page before they buy. Each order made with it is a use; one cancelled, or left unpaid "
              "for a day, gives its use back."
            : "A coupon takes a percentage or an amount off your courses' prices. Share its code: learners type it "
              "on the course's page before they buy. Each order made with it is a use; one cancelled, or left "
              "unpaid for a day, gives its use back.");
    draw_form(state, tab);
    ui::action_status(tab.make);
    draw_change(state, tab);
    ui::action_status(tab.change);
    draw_ending(state, tab);
    ui::action_status(tab.end);
    if (ui::paged_list_begin(state, tab.coupons, k_list_path, "coupons", "No coupons yet",
            "Make one with \"New coupon\" and share its code."))
        draw_rows(state, tab);
    ui::paged_list_end(state, tab.coupons, k_list_path, "coupons");
}

Json coupons_tab_summary(const CouponsTabState& tab)
{
    Json rows = Json::array();
    if (tab.coupons.remote.data.is_array())
        for (const auto& c : tab.coupons.remote.data)
            rows.push_back({ { "code", text_field(c, "code") }, { "state", text_field(c, "state") },
                { "used", int_field(c, "used") }, { "usage_limit", int_field(c, "usage_limit") },
                { "expires_on", text_field(c, "expires_on") } });
    Json errors = Json::array();
    for (const auto& error : tab.errors)
        errors.push_back({ { "field", error.field }, { "message", error.message } });
    for (const auto& error : tab.change_errors)
        errors.push_back({ { "field", error.field }, { "message", error.message } });
    return { { "coupons", rows }, { "coupons_making", tab.making }, { "coupons_make", tab.make.message },
        { "coupons_changing", tab.changing }, { "coupons_change", tab.change.message },
        { "coupons_end", tab.end.message }, { "coupons_errors", errors } };
}

} // namespace learnloop::client
