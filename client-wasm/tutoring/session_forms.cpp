// Booking and changing sessions (see session_forms.hpp): [SECTION] shared
// fields, [SECTION] booking, [SECTION] changing a session.
#include "tutoring/session_forms.hpp"

#include "core/calendar.hpp"
#include "identity/roles.hpp"
#include "net/api.hpp"
#include "school/people.hpp"
#include "tutoring/sessions.hpp"
#include "ui/date_picker.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cctype>
#include <cstdio>

namespace learnloop::client {

namespace {

// [SECTION] shared fields ------------------------------------------------------

constexpr int k_lengths[] = { 30, 45, 60, 75, 90, 120 };
constexpr int k_counts[] = { 4, 6, 8, 10, 12, 15, 20, 30, 40 };
constexpr const char* k_repeats[] = { "Does not repeat", "Every week", "Every two weeks" };
constexpr const char* k_scopes[] = { "This session", "This and following sessions", "Every session" };

std::string minutes_text(int minutes)
{
    if (minutes % 60 == 0)
        return std::to_string(minutes / 60) + (minutes == 60 ? " hour" : " hours");
    return std::to_string(minutes) + " minutes";
}

void label(const char* text)
{
    ui::text_unformatted(text);
    ImGui::SameLine();
}

// A session's length from a list (its own length kept when it is not on it).
void length_field(AppState& state, const char* text, int& minutes, const std::string& name)
{
    label(text);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    if (ui::begin_combo(("##" + name).c_str(), minutes_text(minutes).c_str())) {
        for (int m : k_lengths)
            if (ui::selectable(minutes_text(m).c_str(), minutes == m))
                minutes = m;
        ui::end_combo();
    }
    ui::remember(state, name);
}

void text_field(AppState& state, const char* text, const char* hint, char* buffer, std::size_t size,
    const std::string& name, float width_em)
{
    label(text);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * width_em);
    ui::input_text_with_hint(("##" + name).c_str(), hint, buffer, size);
    ui::remember(state, name);
}

// Why the server refused: a clash's messages, or its one message.
void take_refusal(const ApiAnswer& answer, std::vector<std::string>& problems, Outcome& outcome)
{
    problems.clear();
    if (answer.body.is_object() && answer.body.contains("conflicts") && answer.body["conflicts"].is_array()) {
        for (const auto& c : answer.body["conflicts"])
            problems.push_back(c.value("message", ""));
        outcome = { Phase::Failed, "This clashes with another session; nothing was saved.", true };
        return;
    }
    outcome = outcome_of(answer, "");
}

void draw_problems(const std::vector<std::string>& problems)
{
    for (const auto& p : problems)
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", p.c_str());
}

// " Also: ..." for the warnings the server sent with a saved change.
std::string warnings_text(const Json& body)
{
    std::string text;
    if (!body.is_object() || !body.contains("warnings") || !body["warnings"].is_array())
        return text;
    const auto& warnings = body["warnings"];
    // The first two in full; the rest counted (a weekly booking can warn once a week).
    for (std::size_t i = 0; i < warnings.size() && i < 2; ++i)
        if (warnings[i].is_string())
            text += " Note: " + warnings[i].get<std::string>() + ".";
    if (warnings.size() > 2)
        text += " And " + std::to_string(warnings.size() - 2) + " more like these.";
    return text;
}

// The next whole hour from now (a new booking's first suggestion).
std::string next_hour(const std::string& today)
{
    auto parsed = read_local_datetime(today);
    if (!parsed)
        return today;
    auto v = *parsed;
    v.minute = 0;
    v.second = 0;
    return format_local_datetime(add_seconds(v, 3600));
}

} // namespace

// [SECTION] booking --------------------------------------------------------------

void draw_booking_form(AppState& state, BookingForm& form, const Remote& people, const std::string& today,
    const std::function<void()>& on_booked)
{
    ui::heading("Book a session", 3);
    const auto tutors = users_with_role(people, Role::Teacher), students = users_with_role(people, Role::Student);
    if (!form.starts[0] && !today.empty())
        ui::copy_text(form.starts, next_hour(today));
    label(std::string(role_title(Role::Teacher, state.session.tenant_kind)).c_str());
    person_combo("##booking_tutor", tutors, form.tutor);
    ui::remember(state, "booking.tutor");
    if (!ui::compact())
        ImGui::SameLine();
    label("Student");
    person_combo("##booking_student", students, form.student);
    ui::remember(state, "booking.student");
    text_field(state, "Subject", "Maths", form.subject, sizeof form.subject, "booking.subject", 12);
    if (!ui::compact())
        ImGui::SameLine();
    text_field(state, "Room", "optional", form.room, sizeof form.room, "booking.room", 8);
    ui::date_time_picker(state, "##booking_starts", form.starts, sizeof form.starts, today, "Starts", "booking.starts");
    if (!ui::compact())
        ImGui::SameLine();
    length_field(state, "Length", form.minutes, "booking.length");
    label("Repeats");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (ui::begin_combo("##booking_repeat", k_repeats[form.repeat])) {
        for (int i = 0; i < static_cast<int>(std::size(k_repeats)); ++i)
            if (ui::selectable(k_repeats[i], form.repeat == i))
                form.repeat = i;
        ui::end_combo();
    }
    ui::remember(state, "booking.repeat");
    if (form.repeat > 0) {
        ImGui::SameLine();
        label("for");
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
        const auto count_text = std::to_string(form.count) + " sessions";
        if (ui::begin_combo("##booking_count", count_text.c_str())) {
            for (int c : k_counts)
                if (ui::selectable((std::to_string(c) + " sessions").c_str(), form.count == c))
                    form.count = c;
            ui::end_combo();
        }
        ui::remember(state, "booking.count");
    }
    // What is missing, said once Book was pressed, and gone as soon as it is filled in.
    std::vector<std::string> missing;
    const bool has_tutor = form.tutor >= 0 && form.tutor < static_cast<int>(tutors.size());
    const bool has_student = form.student >= 0 && form.student < static_cast<int>(students.size());
    if (!has_tutor) {
        std::string role(role_title(Role::Teacher, state.session.tenant_kind));
        role[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(role[0])));
        missing.push_back("Choose the " + role + ".");
    }
    if (!has_student)
        missing.push_back("Choose the student.");
    if (!form.subject[0])
        missing.push_back("Write what the session is about (the subject).");
    if (form.attempted)
        draw_problems(missing);
    draw_problems(form.problems);

    const bool busy = form.outcome.phase == Phase::Loading;
    ImGui::BeginDisabled(busy);
    if (ui::primary_button(state, busy ? "Booking\xE2\x80\xA6###book" : "Book###book", "booking.book")) {
        form.problems.clear();
        form.attempted = true;
        if (missing.empty()) {
            Json body { { "tutor_id", tutors[static_cast<std::size_t>(form.tutor)]->value("id", std::int64_t(0)) },
                { "student_id", students[static_cast<std::size_t>(form.student)]->value("id", std::int64_t(0)) },
                { "subject", form.subject }, { "dtstart", form.starts }, { "duration_minutes", form.minutes } };
            if (form.room[0])
                body["room"] = form.room;
            if (form.repeat > 0)
                body["rrule"] = std::string("FREQ=WEEKLY;") + (form.repeat == 2 ? "INTERVAL=2;" : "")
                    + "COUNT=" + std::to_string(form.count);
            const auto what = std::string(form.subject) + " with "
                + students[static_cast<std::size_t>(form.student)]->value("name", "") + " from "
                + due_for_people(form.starts);
            form.outcome = { Phase::Loading, "Booking\xE2\x80\xA6" };
            api_call(state, "POST", "/api/tutoring/series", body,
                [&form, what, on_booked](AppState&, const ApiAnswer& answer) {
                    if (!answer.ok()) {
                        take_refusal(answer, form.problems, form.outcome);
                        return;
                    }
                    std::string message = "Booked: " + what + ".";
                    const auto skipped = answer.body.value("skipped", Json::array()).size();
                    if (skipped > 0)
                        message += " " + std::to_string(skipped) + (skipped == 1 ? " session falls" : " sessions fall")
                            + " on blocked dates and was left out.";
                    form.outcome = { Phase::Done, message + warnings_text(answer.body) };
                    form.subject[0] = '\0';
                    form.room[0] = '\0';
                    form.attempted = false;
                    on_booked();
                });
        }
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Close", "booking.close")) {
        form.open = false;
        form.problems.clear();
        form.attempted = false;
    }
    ui::action_status(form.outcome);
}

// [SECTION] changing a session -----------------------------------------------------

void begin_session_edit(AppState& state, SessionEdit& edit, const Json& session)
{
    edit.key = std::to_string(session.value("series_id", std::int64_t(0))) + "@" + session.value("recurrence_id", "");
    edit.session = session;
    edit.scope = 0;
    ui::copy_text(edit.starts, session.value("start", "").substr(0, 19));
    edit.minutes = session.value("duration_minutes", 60);
    ui::copy_text(edit.room, session.value("room", ""));
    edit.cancel_pending = edit.drop_pending = false;
    edit.problems.clear();
    edit.outcome = {};
    forget(edit.series);
    api_load(state, edit.series, "/api/tutoring/series/" + std::to_string(session.value("series_id", std::int64_t(0))));
}

namespace {

void send_change(AppState& state, SessionEdit& edit, bool drop_changes, const std::function<void(const std::string&)>& on_changed)
{
    const auto& s = edit.session;
    const auto series_id = std::to_string(s.value("series_id", std::int64_t(0)));
    const auto recurrence = s.value("recurrence_id", "");
    const std::string starts = edit.starts;
    Json body;
    std::string path;
    if (edit.scope == 0) {
        path = "/api/tutoring/series/" + series_id + "/occurrence";
        body = { { "recurrence_id", recurrence } };
        if (starts != s.value("start", "").substr(0, 19))
            body["starts"] = starts;
        if (edit.minutes != s.value("duration_minutes", 60))
            body["duration_minutes"] = edit.minutes;
    } else {
        path = "/api/tutoring/series/" + series_id;
        // Shared-domain's rule: the series' slot moves by as much as the
        // person moved this session from where it is shown.
        const auto first_text = edit.series.data.is_object() ? edit.series.data.value("dtstart", recurrence) : recurrence;
        const auto slot = read_local_datetime(recurrence), first = read_local_datetime(first_text), shown = read_local_datetime(s.value("start", "")),
                   wanted = read_local_datetime(starts);
        SeriesMove move { edit.scope == 1, std::nullopt };
        if (slot && first && shown && wanted)
            move = series_move(edit.scope == 1, *slot, *first, *shown, *wanted);
        body = { { "scope", move.following ? "following" : "all" } };
        if (move.following)
            body["recurrence_id"] = recurrence;
        if (move.starts)
            body["starts"] = format_local_datetime(*move.starts);
        if (edit.minutes != s.value("duration_minutes", 60))
            body["duration_minutes"] = edit.minutes;
        if (edit.room != s.value("room", ""))
            body["room"] = edit.room;
        if (drop_changes)
            body["drop_changes"] = true;
    }
    edit.outcome = { Phase::Loading, "Saving\xE2\x80\xA6" };
    const auto scope_words = std::string(k_scopes[edit.scope]);
    const auto sent_for = edit.key;
    api_call(state, "PUT", path, body, [&edit, scope_words, sent_for, on_changed](AppState&, const ApiAnswer& answer) {
        // Another session opened meanwhile: its form stays as it is.
        if (edit.key != sent_for) {
            if (answer.ok())
                on_changed("Saved (" + scope_words + ")." + warnings_text(answer.body));
            return;
        }
        if (!answer.ok()) {
            if (answer.status == 409 && answer.body.is_object() && answer.body.value("field", "") == "drop_changes") {
                edit.dropped = static_cast<int>(answer.body.value("dropped", Json::array()).size());
                edit.drop_pending = true;
                edit.ask_drop = true;   // the dialog opens where it is drawn
                edit.outcome = {};
                return;
            }
            take_refusal(answer, edit.problems, edit.outcome);
            return;
        }
        edit.problems.clear();
        edit.outcome = {};
        edit.key.clear();
        on_changed("Saved (" + scope_words + ")." + warnings_text(answer.body));
    });
}

void send_cancel(AppState& state, SessionEdit& edit, const std::function<void(const std::string&)>& on_changed)
{
    const auto& s = edit.session;
    const auto path = "/api/tutoring/series/" + std::to_string(s.value("series_id", std::int64_t(0))) + "/occurrence";
    edit.outcome = { Phase::Loading, "Cancelling\xE2\x80\xA6" };
    const auto sent_for = edit.key;
    api_call(state, "PUT", path, { { "recurrence_id", s.value("recurrence_id", "") }, { "cancelled", true } },
        [&edit, sent_for, on_changed](AppState&, const ApiAnswer& answer) {
            if (edit.key != sent_for) {
                if (answer.ok())
                    on_changed("Session cancelled; the student, their family and the tutor are told.");
                return;
            }
            if (!answer.ok()) {
                take_refusal(answer, edit.problems, edit.outcome);
                return;
            }
            edit.outcome = {};
            edit.key.clear();
            on_changed("Session cancelled; the student, their family and the tutor are told.");
        });
}

} // namespace

void draw_session_edit(AppState& state, SessionEdit& edit, const std::string& today,
    const std::function<void(const std::string&)>& on_changed)
{
    if (edit.key.empty())
        return;
    const auto& s = edit.session;
    ui::heading(("Change " + s.value("subject", "") + " on " + due_for_people(s.value("start", ""))).c_str(), 3);
    const bool repeats = edit.series.data.is_object() && edit.series.data["rrule"].is_string();
    ui::begin_radio_group("Which sessions");
    for (int i = 0; i < static_cast<int>(std::size(k_scopes)); ++i) {
        if (i > 0 && !repeats)
            break;   // a single session has no others to change
        if (i > 0 && !ui::compact())
            ImGui::SameLine();
        ui::radio_button(k_scopes[i], &edit.scope, i);
    }
    ui::end_radio_group();
    ui::date_time_picker(state, "##edit_starts", edit.starts, sizeof edit.starts, today, "New start", "edit.starts");
    if (!ui::compact())
        ImGui::SameLine();
    length_field(state, "New length", edit.minutes, "edit.length");
    if (edit.scope > 0)
        text_field(state, "New room", "none", edit.room, sizeof edit.room, "edit.room", 8);
    draw_problems(edit.problems);

    const bool busy = edit.outcome.phase == Phase::Loading;
    ImGui::BeginDisabled(busy);
    if (ui::primary_button(state, "Save changes", "edit.save"))
        send_change(state, edit, false, on_changed);
    if (edit.scope == 0 && !s.value("cancelled", false)) {
        ImGui::SameLine();
        if (ui::button(state, "Cancel this session", "edit.cancel_session")) {
            edit.cancel_pending = true;
            ui::open_confirm("Cancel session?");
        }
    }
    ImGui::SameLine();
    if (ui::button(state, "Close", "edit.close"))
        edit.key.clear();
    ImGui::EndDisabled();
    ui::action_status(edit.outcome);

    if (edit.cancel_pending
        && ui::confirm_dialog(state, "Cancel session?",
            "Cancel " + s.value("subject", "") + " with " + s.value("student_name", "") + " on "
                + due_for_people(s.value("start", "")) + "? The student, their family and the tutor are told.",
            "Cancel session")) {
        edit.cancel_pending = false;
        send_cancel(state, edit, on_changed);
    }
    if (edit.ask_drop) {
        edit.ask_drop = false;
        ui::open_confirm("Drop changed sessions?");
    }
    if (edit.drop_pending
        && ui::confirm_dialog(state, "Drop changed sessions?",
            std::to_string(edit.dropped) + (edit.dropped == 1 ? " session that was" : " sessions that were")
                + " moved or cancelled on their own no longer fit the new schedule and will be dropped. Go ahead?",
            "Drop and save")) {
        edit.drop_pending = false;
        send_change(state, edit, true, on_changed);
    }
}

} // namespace learnloop::client
