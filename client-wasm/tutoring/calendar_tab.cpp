// The tutoring calendar tab (see calendar_tab.hpp): [SECTION] the week,
// [SECTION] a session, [SECTION] logging, [SECTION] drawing.
#include "tutoring/calendar_tab.hpp"

#include "net/api.hpp"
#include "platform/clock.hpp"
#include "platform/random.hpp"
#include "tutoring/calendar_layout.hpp"
#include "tutoring/calendar_offline.hpp"
#include "tutoring/calendar_views.hpp"
#include "tutoring/sessions.hpp"
#include "ui/icons.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <algorithm>

namespace learnloop::client {

namespace {

// [SECTION] the week -----------------------------------------------------------

int week_start_day(const CalendarTabState& tab)
{
    return tab.settings.data.is_object() ? tab.settings.data.value("week_start", 1) : 1;
}

// The first day of the week shown: the chosen one, else this week's.
std::optional<LocalDateTime> shown_week(const AppState& state, const CalendarTabState& tab)
{
    if (!tab.week_start.empty())
        return read_local_day(tab.week_start);
    if (state.local_now.empty())
        return std::nullopt;
    auto today = read_local_day(state.local_now);
    return today ? std::optional(start_of_week(*today, week_start_day(tab))) : std::nullopt;
}

// "?from=...&to=..." for `days` days from `first`, with the office's tutor filter.
std::string window_query(const CalendarTabState& tab, const LocalDateTime& first, int days)
{
    std::string query = "?from=" + local_day_text(first) + "&to=" + local_day_text(add_seconds(first, days * 86400));
    if (tab.tutor_filter)
        query += "&tutor_id=" + std::to_string(tab.tutor_filter);
    return query;
}

void load_week(AppState& state, CalendarTabState& tab, const LocalDateTime& first, const std::string& key)
{
    tab.loaded_for = key;
    api_load(state, tab.week, "/api/tutoring/occurrences" + window_query(tab, first, 7));
}

// "Mon 7 Dec 2026" of a day's midnight.
std::string day_heading(const LocalDateTime& day) { return day_for_people(day, true); }

// [SECTION] a session ------------------------------------------------------------

// What a session is called on this user's calendar: tutors and the office
// read who is taught, families who teaches.
std::string title_of(const AppState& state, const Json& o)
{
    const auto subject = o.value("subject", "");
    switch (state.session.role) {
    case Role::Student: return subject + " with " + o.value("tutor_name", "");
    case Role::Parent:
    case Role::Admin:
    case Role::Moderator: return subject + ": " + o.value("student_name", "") + " with " + o.value("tutor_name", "");
    case Role::Teacher: return subject + " with " + o.value("student_name", "");
    }
    return subject;
}

// Log buttons show on a booked session once it has begun, for those who log
// (the server's rule, shared-domain check_loggable).
bool loggable(const AppState& state, const Json& o)
{
    auto start = parse_utc_timestamp(o.value("start_utc", ""));
    return ui::can(state, Action::AttendanceLog) && is_booked(o.value("status", "")) && start.ok()
        && check_loggable(o.value("invoiced", false), start.value(), static_cast<std::int64_t>(state.wall_clock)).ok();
}

// Whether this user may move, change or cancel a session: those who manage
// sessions (tutors their own, which are all they see), while it is still
// only booked and on no invoice.
bool manageable(const AppState& state, const Json& o)
{
    return ui::can(state, Action::ScheduleManage) && is_booked(o.value("status", ""))
        && check_changeable(o.value("invoiced", false)).ok();
}

// What changed on the server shows on the next frame: the week and month load again.
void refresh(CalendarTabState& tab)
{
    forget(tab.week);
    forget(tab.month);
    // Loaded again, kept meanwhile: a tutor's booking form reads its students from it.
    tab.to_log_for = "(stale)";
}

// [SECTION] logging --------------------------------------------------------------

// A log reached the server: the connection is back, so the week loads
// afresh (the session shows its status from the server).
void log_sent(CalendarTabState& tab)
{
    tab.kept_at.clear();
    refresh(tab);
}

// A log goes into the outbox first (kept in the browser at once) and is
// sent from there: with no connection it waits, and the calendar shows it.
void log_attendance(AppState& state, CalendarTabState& tab, const Json& o, const std::string& status,
    const std::string& label)
{
    const auto what = o.value("subject", "") + " at " + clock_for_people(o.value("start", ""));
    offline_queue(state, tab.offline,
        { { "series_id", o.value("series_id", std::int64_t(0)) }, { "recurrence_id", o.value("recurrence_id", "") },
            { "status", status }, { "client_id", new_client_id('a') }, { "label", label }, { "what", what } });
    const bool offline = tab.offline.outbox.failures > 0 || !tab.kept_at.empty();
    tab.action = { Phase::Done,
        what + " logged as " + label + (offline ? "; kept on this device and sent when the connection is back" : ""),
        false };
    offline_sync(state, tab.offline, [&tab] { log_sent(tab); });
}

// [SECTION] drawing --------------------------------------------------------------

// A session with what can be done to it. In the list of those not logged
// yet (`in_to_log`), it is named with its day and offers logging only.
void draw_session(AppState& state, CalendarTabState& tab, const Json& o, bool in_to_log = false)
{
    const auto title = title_of(state, o);
    const auto start = o.value("start", ""), end = o.value("end", "");
    const auto when = clock_for_people(start) + "\xE2\x80\x93" + clock_for_people(end);   // 16:00–17:00
    const auto key = session_key(o);
    std::string name = title + ", " + when;
    if (in_to_log)
        if (auto day = read_local_day(start))
            name = "Not logged: " + day_for_people(*day, false) + ", " + name;
    ui::semantics::begin(ui::semantics::Role::Group, name, ImGui::GetID(key.c_str()));
    ImGui::PushID(key.c_str());
    ui::text_colored(ui::k_muted, "%s", when.c_str());
    ImGui::SameLine();
    ui::text_unformatted(title.c_str());
    // On a phone the room and status go on a line of their own, so nothing
    // runs off the screen's edge.
    const bool compact = ui::compact();
    bool line_started = false;
    if (auto room = o.value("room", ""); !room.empty()) {
        if (!compact)
            ImGui::SameLine();
        ui::text_colored(ui::k_muted, compact ? "%s" : "\xC2\xB7 %s", room.c_str());
        line_started = true;
    }
    // A log waiting in the outbox shows as logged, and as waiting.
    const Json* queued = offline_queued(tab.offline, key);
    const auto status = queued ? queued->value("status", "") : o.value("status", "");
    const auto look = look_of(status);
    if (!compact || line_started)
        ImGui::SameLine();
    ui::chip(look.glyph, (queued ? queued->value("label", status) : o.value("status_label", status)).c_str(), look.text,
        look.tint);
    if (queued) {
        ImGui::SameLine();
        ui::chip(ICON_HOURGLASS, "Waiting to send", ui::k_warning, ui::k_warning_tint);
    }
    if (o.value("moved", false) && status != "moved") {
        ImGui::SameLine();
        ui::chip(ICON_REPEAT, "Moved", ui::k_info, ui::k_info_tint);
    }
    if (auto note = o.value("note", ""); !note.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ui::text_colored(ui::k_muted, "%s", note.c_str());
        ImGui::PopTextWrapPos();
    }
    const bool can_log = loggable(state, o) && !queued;
    if (can_log) {
        // The business's own statuses; the first two are the everyday ones.
        const auto& statuses = tab.settings.data.is_object() ? tab.settings.data["attendance_statuses"] : Json::array();
        int shown = 0;
        for (const auto& s : statuses) {
            if (shown > 0)
                ImGui::SameLine();
            const auto label = s.value("label", "");
            if (ui::button(state, (label + "##" + s.value("key", "")).c_str(), "calendar.log." + s.value("key", "")))
                log_attendance(state, tab, o, s.value("key", ""), label);
            ++shown;
        }
    }
    if (!in_to_log && manageable(state, o) && !queued && tab.edit.key != key) {
        if (can_log)
            ImGui::SameLine();
        if (ui::button(state, "Change or cancel", "calendar.change"))
            begin_session_edit(state, tab.edit, o);
    }
    ImGui::PopID();
    ui::semantics::end();
    if (!in_to_log && tab.edit.key == key)
        draw_session_edit(state, tab.edit, state.local_now, [&tab](const std::string& message) {
            tab.action = { Phase::Done, message, false };
            refresh(tab);
        });
    ImGui::Dummy(ImVec2(0, 6 * state.ui_scale));
}

void draw_tutor_filter(AppState& state, CalendarTabState& tab, const Remote* people)
{
    if (!people || !people->data.is_array())
        return;
    std::string preview = "Every tutor";
    for (const auto& p : people->data)
        if (p.value("id", std::int64_t(0)) == tab.tutor_filter)
            preview = p.value("name", "");
    ui::text_unformatted("Tutor");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(220 * state.ui_scale);
    if (ui::begin_combo("##tutor_filter", preview.c_str())) {
        if (ui::selectable("Every tutor", tab.tutor_filter == 0))
            tab.tutor_filter = 0;
        for (const auto& p : people->data) {
            if (p.value("role", "") != "teacher")
                continue;
            auto id = p.value("id", std::int64_t(0));
            if (ui::selectable((p.value("name", "") + "##" + std::to_string(id)).c_str(), tab.tutor_filter == id))
                tab.tutor_filter = id;
        }
        ui::end_combo();
    }
    ui::remember(state, "calendar.tutor_filter");
}

// The week's sessions as a spreadsheet; for the office, the students too.
void draw_downloads(AppState& state, CalendarTabState& tab, const LocalDateTime& first)
{
    auto done = [&tab](AppState&, const ApiAnswer& answer) {
        tab.action = outcome_of(answer, "Downloaded");
    };
    const auto path = "/api/tutoring/sessions.csv" + window_query(tab, first, 7);
    if (ui::button(state, ICON_DOWNLOAD " Download this week (CSV)", "calendar.download_week"))
        api_download(state, path, "sessions-" + local_day_text(first) + ".csv", done);
    if (ui::can(state, Action::RosterExport)) {
        ImGui::SameLine();
        if (ui::button(state, ICON_DOWNLOAD " Download students (CSV)", "calendar.download_students"))
            api_download(state, "/api/tutoring/students.csv", "students.csv", done);
    }
}


// The sessions of the last four weeks before the week shown that have
// begun and are not logged yet (GET /api/tutoring/students' to_log): one
// line saying how many, and on request the list, oldest first, each with
// its log buttons; what a tutor catches up on. Those of the week shown are
// on its grid. Nothing shows while it loads or when it cannot (no
// connection: the week says so).
void draw_to_log(AppState& state, CalendarTabState& tab, const LocalDateTime& first)
{
    if (!ui::can(state, Action::AttendanceLog) || !ui::can(state, Action::ScheduleManage))
        return;
    const auto query = tab.tutor_filter ? "?tutor_id=" + std::to_string(tab.tutor_filter) : std::string();
    if (tab.to_log.phase == Phase::Idle || (tab.to_log_for != query && tab.to_log.phase != Phase::Loading)) {
        tab.to_log_for = query;
        api_load(state, tab.to_log, "/api/tutoring/students" + query);
    }
    if (tab.to_log.phase != Phase::Done || !tab.to_log.data.is_object())
        return;
    const auto week_first = format_local_datetime(first);
    // Pointers into the loaded list itself (it stays as it is while drawn).
    std::vector<const Json*> waiting;
    const auto students = tab.to_log.data.find("students");
    if (students != tab.to_log.data.end() && students->is_array())
        for (const auto& student : *students) {
            const auto sessions = student.is_object() ? student.find("to_log") : student.end();
            if (sessions == student.end() || !sessions->is_array())
                continue;
            for (const auto& o : *sessions)
                if (o.is_object() && o.value("start", "") < week_first && loggable(state, o)
                    && !offline_queued(tab.offline, session_key(o)))
                    waiting.push_back(&o);
        }
    if (waiting.empty())
        return;
    std::stable_sort(waiting.begin(), waiting.end(),
        [](const Json* a, const Json* b) { return a->value("start_utc", "") < b->value("start_utc", ""); });
    const auto count = std::to_string(waiting.size()) + (waiting.size() == 1 ? " session" : " sessions");
    ui::alert_text(ui::k_warning, "! Not logged yet from earlier weeks: %s.", count.c_str());
    ImGui::SameLine();
    if (ui::button(state, tab.show_to_log ? "Hide them" : "Show them", "calendar.to_log"))
        tab.show_to_log = !tab.show_to_log;
    if (!tab.show_to_log)
        return;
    constexpr std::size_t k_shown = 5;
    ImGui::PushID("to_log");
    for (std::size_t i = 0; i < waiting.size() && i < k_shown; ++i) {
        const auto& o = *waiting[i];
        if (auto day = read_local_day(o.value("start", "")))
            ui::text_colored(ui::k_muted, "%s", day_for_people(*day, false).c_str());
        draw_session(state, tab, o, true);
    }
    ImGui::PopID();
    if (waiting.size() > k_shown)
        ui::text_colored(ui::k_muted, "And %zu more: log these first.", waiting.size() - k_shown);
    ImGui::Separator();
}

// What the outbox holds and how sending goes, in words.
void draw_outbox_status(AppState&, CalendarTabState& tab)
{
    const auto waiting = tab.offline.outbox.entries.size();
    if (waiting > 0)
        ui::text_colored(ui::k_muted, "%zu %s waiting to be sent.", waiting, waiting == 1 ? "log is" : "logs are");
    if (const auto trouble = offline_trouble(tab.offline); !trouble.empty())
        ui::alert_text(ui::k_warning, "! %s", trouble.c_str());
    if (!tab.offline.notice.empty())
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", tab.offline.notice.c_str());
}

void draw_booking(AppState& state, CalendarTabState& tab, const Remote* people)
{
    if (!people || !ui::can(state, Action::ScheduleManage))
        return;
    if (!tab.booking.open) {
        if (ui::primary_button(state, "Book a session", "calendar.book"))
            tab.booking.open = true;
        return;
    }
    ImGui::Separator();
    draw_booking_form(state, tab.booking, *people, state.local_now, [&tab] { refresh(tab); });
    ImGui::Separator();
}

void draw_view_switch(AppState& state, CalendarTabState& tab)
{
    ui::begin_radio_group("View");
    int view = tab.month_view ? 1 : 0;
    ui::radio_button("Week", &view, 0);
    ImGui::SameLine();
    ui::radio_button("Month", &view, 1);
    ui::end_radio_group();
    ui::remember(state, "calendar.view");
    tab.month_view = view == 1;
}

// The week: a grid on a wide screen, each day's list on a phone; the
// session picked on the grid, with its actions, below it.
void draw_week(AppState& state, CalendarTabState& tab, const Remote* people, const LocalDateTime& first)
{
    const auto key = local_day_text(first) + "/" + std::to_string(tab.tutor_filter);
    if (tab.week.phase == Phase::Idle || (tab.loaded_for != key && tab.week.phase != Phase::Loading))
        load_week(state, tab, first, key);

    const auto last = add_seconds(first, 6 * 86400);
    ui::heading(("Week of " + day_heading(first)).c_str(), 2);
    if (ui::button(state, "Previous week", "calendar.previous"))
        tab.week_start = local_day_text(add_seconds(first, -7 * 86400));
    ImGui::SameLine();
    if (ui::button(state, "This week", "calendar.this_week"))
        tab.week_start.clear();
    ImGui::SameLine();
    if (ui::button(state, "Next week", "calendar.next"))
        tab.week_start = local_day_text(add_seconds(first, 7 * 86400));
    draw_tutor_filter(state, tab, people);
    draw_downloads(state, tab, first);
    // A tutor books their own sessions, with the students they teach (the
    // list of sessions to log brings them: /api/tutoring/students).
    Remote own_people;
    const Remote* booking_people = people;
    if (!people && state.session.role == Role::Teacher && tab.to_log.data.is_object()) {
        own_people.phase = Phase::Done;
        own_people.data = Json::array();
        own_people.data.push_back(
            { { "id", state.session.user_id }, { "name", state.session.name }, { "role", "teacher" }, { "active", true } });
        for (const auto& student : tab.to_log.data.value("students", Json::array()))
            own_people.data.push_back({ { "id", student.value("id", std::int64_t(0)) }, { "name", student.value("name", "") },
                { "role", "student" }, { "active", true } });
        booking_people = &own_people;
    }
    draw_booking(state, tab, booking_people);
    ui::action_status(tab.action);
    ImGui::Dummy(ImVec2(0, 6 * state.ui_scale));

    // No connection: this week as it was kept, said so.
    // (The week kept is the last one seen; another asked for shows that one.)
    const auto& kept = tab.offline.week;
    if (tab.week.phase == Phase::Failed && kept.is_object() && kept.contains("week")) {
        const auto kept_key = kept.value("key", "");
        if (kept_key == key) {
            tab.week.data = kept["week"];
            tab.week.phase = Phase::Done;
            tab.kept_at = kept.value("saved_at", "");
        } else if (tab.kept_at.empty() && kept_key.size() >= 10 && kept_key.substr(kept_key.find('/') + 1) == std::to_string(tab.tutor_filter)) {
            tab.week_start = kept_key.substr(0, 10);
            tab.kept_at = kept.value("saved_at", "");
        }
    }
    if (tab.week.phase == Phase::Done && tab.kept_at.empty() && tab.kept_request != tab.week.request) {
        tab.kept_request = tab.week.request;
        offline_keep_week(state, tab.offline, key, tab.week.data, tab.settings.data);
    }
    if (!tab.kept_at.empty() && tab.week.phase == Phase::Done && !tab.probing
        && monotonic_ms() - tab.probed_ms >= 10000.0) {
        // Now and then, quietly: is the connection back? Then the week comes from the server again.
        tab.probing = true;
        tab.probed_ms = monotonic_ms();
        const auto request = tab.week.request;
        api_call(state, "GET", "/api/tutoring/occurrences" + window_query(tab, first, 7), nullptr,
            [&tab, request](AppState&, const ApiAnswer& answer) {
                tab.probing = false;
                if (!answer.ok() || request != tab.week.request)
                    return;
                tab.week.data = answer.body;
                tab.kept_at.clear();
                forget(tab.settings);   // and the settings, which were the kept ones
            });
    }
    if (!tab.kept_at.empty()) {
        ui::alert_text(ui::k_warning, "! No connection: this is the week as it was at %s.%s",
            due_for_people(tab.kept_at).c_str(),
            ui::can(state, Action::AttendanceLog) ? " Logs are kept on this device until it is back." : "");
        if (ui::button(state, "Try again", "calendar.offline_retry")) {
            tab.kept_at.clear();
            forget(tab.week);
        }
    }
    draw_outbox_status(state, tab);
    draw_to_log(state, tab, first);
    if (ui::remote_status(state, tab.week, "calendar.retry"))
        forget(tab.week);
    if (tab.week.phase != Phase::Done || tab.loaded_for != key)
        return;
    const auto& list = tab.week.data.is_object() ? tab.week.data["occurrences"] : Json::array();
    if (list.empty()) {
        ui::empty_state(state, "No sessions this week",
            ("Nothing is booked from " + day_heading(first) + " to " + day_heading(last) + ".").c_str());
        return;
    }
    if (!ui::compact()) {
        // The grid, and beside it the session picked on it with what can be
        // done. A log waiting to be sent shows on the grid as it will be.
        Json shown = list;
        for (auto& o : shown)
            if (const Json* queued = offline_queued(tab.offline, session_key(o))) {
                o["status"] = queued->value("status", "");
                o["status_label"] = queued->value("label", "") + " (waiting to send)";
            }
        auto title = [&state](const Json& o) { return title_of(state, o); };
        std::string pressed;
        ui::list_detail(state, "week", !tab.selected.empty(), 0.7f,
            [&] {
                ui::semantics::begin(ui::semantics::Role::Group, "Week of " + day_heading(first));
                pressed = draw_week_grid(state, shown, first, 7, tab.selected, title);
                ui::semantics::end();
            },
            [&] {
                bool shown = false;
                for (const auto& o : list)
                    if (session_key(o) == tab.selected) {
                        ui::heading("The session you picked", 3);
                        draw_session(state, tab, o);
                        shown = true;
                    }
                if (!shown)
                    ui::text_wrapped("Pick a session on the calendar to see it, log it or change it.");
            });
        if (!pressed.empty())
            tab.selected = pressed;
        return;
    }
    std::string current_day;
    for (const auto& o : list) {
        auto day = o.value("start", "").substr(0, 10);
        if (day != current_day) {
            current_day = day;
            if (auto midnight = read_local_day(day))
                ui::heading(day_heading(*midnight).c_str(), 3);
        }
        draw_session(state, tab, o);
    }
}

// The month: weeks of days, each with its first sessions; a day opens its week.
void draw_month(AppState& state, CalendarTabState& tab, const Remote* people)
{
    const auto today = read_local_day(state.local_now);
    if (!today) {
        ui::skeleton_rows(4);
        return;
    }
    int year = today->year, month = today->month;
    if (tab.month_shown.size() == 7) {
        year = std::atoi(tab.month_shown.substr(0, 4).c_str());
        month = std::clamp(std::atoi(tab.month_shown.substr(5, 2).c_str()), 1, 12);
    }
    auto shifted = [&](int by) {
        const int m = year * 12 + (month - 1) + by;
        char text[8];
        std::snprintf(text, sizeof text, "%04d-%02d", m / 12, m % 12 + 1);
        return std::string(text);
    };
    const LocalDateTime first_of_month { year, month, 1, 0, 0, 0 };
    const auto grid_first = start_of_week(first_of_month, week_start_day(tab));
    const auto key = local_day_text(grid_first) + "/" + std::to_string(tab.tutor_filter);
    if (tab.month.phase == Phase::Idle || (tab.month_loaded_for != key && tab.month.phase != Phase::Loading)) {
        tab.month_loaded_for = key;
        api_load(state, tab.month, "/api/tutoring/occurrences" + window_query(tab, grid_first, 42));
    }

    ui::heading((std::string(month_short_name(month)) + " " + std::to_string(year)).c_str(), 2);
    if (ui::button(state, "Previous month", "calendar.previous_month"))
        tab.month_shown = shifted(-1);
    ImGui::SameLine();
    if (ui::button(state, "This month", "calendar.this_month"))
        tab.month_shown.clear();
    ImGui::SameLine();
    if (ui::button(state, "Next month", "calendar.next_month"))
        tab.month_shown = shifted(1);
    draw_tutor_filter(state, tab, people);
    ImGui::Dummy(ImVec2(0, 6 * state.ui_scale));
    if (ui::remote_status(state, tab.month, "calendar.month_retry"))
        forget(tab.month);
    if (tab.month.phase != Phase::Done || tab.month_loaded_for != key)
        return;
    const auto& list = tab.month.data.is_object() ? tab.month.data["occurrences"] : Json::array();
    auto title = [&state](const Json& o) { return title_of(state, o); };
    ui::text_colored(ui::k_muted, "Pick a day to see its week.");
    ui::semantics::begin(ui::semantics::Role::Group, std::string(month_short_name(month)) + " " + std::to_string(year));
    auto pressed = draw_month_grid(state, list, year, month, week_start_day(tab), title);
    ui::semantics::end();
    if (pressed) {
        tab.week_start = local_day_text(start_of_week(*pressed, week_start_day(tab)));
        tab.month_view = false;
        tab.selected.clear();
    }
}

} // namespace

void draw_calendar_tab(AppState& state, CalendarTabState& tab, const Remote* people)
{
    offline_load(state, tab.offline);
    if (!tab.offline.outbox.entries.empty())
        offline_sync(state, tab.offline, [&tab] { log_sent(tab); });
    if (tab.settings.phase == Phase::Idle)
        api_load(state, tab.settings, "/api/tutoring/settings");
    // No connection: the settings kept with the week.
    if (tab.settings.phase == Phase::Failed && tab.offline.week.is_object() && tab.offline.week.contains("settings")
        && tab.offline.week["settings"].is_object()) {
        tab.settings.data = tab.offline.week["settings"];
        tab.settings.phase = Phase::Done;
    }
    if (ui::remote_status(state, tab.settings, "calendar.settings_retry"))
        forget(tab.settings);
    if (tab.settings.phase != Phase::Done)
        return;
    auto first = shown_week(state, tab);
    if (!first) {
        ui::skeleton_rows(4);
        return;
    }
    draw_view_switch(state, tab);
    if (tab.month_view)
        draw_month(state, tab, people);
    else
        draw_week(state, tab, people, *first);
}

Json calendar_tab_summary(const CalendarTabState& tab)
{
    Json sessions = Json::array();
    if (tab.week.data.is_object())
        for (const auto& o : tab.week.data["occurrences"])
            sessions.push_back({ { "start", o.value("start", "") }, { "status", o.value("status", "") },
                { "series_id", o.value("series_id", std::int64_t(0)) } });
    // The week is named once its sessions are here (not while the next loads).
    return { { "week", tab.week.phase == Phase::Done ? tab.loaded_for : std::string() }, { "sessions", sessions },
        { "calendar_view", tab.month_view ? "month" : "week" },
        { "calendar_month", tab.month.phase == Phase::Done ? tab.month_loaded_for : std::string() },
        { "calendar_selected", tab.selected }, { "calendar_editing", tab.edit.key },
        { "booking_open", tab.booking.open }, { "attendance_outbox", tab.offline.outbox.entries.size() },
        { "attendance_synced", tab.offline.outbox.synced }, { "calendar_kept_at", tab.kept_at },
        { "to_log_phase", tab.to_log.phase == Phase::Done ? "done" : "loading" } };
}

} // namespace learnloop::client
