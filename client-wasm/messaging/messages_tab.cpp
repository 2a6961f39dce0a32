// The messages tab (see messages_tab.hpp): [SECTION] loading and polling,
// [SECTION] the list, [SECTION] writing, [SECTION] the tab.
#include "messaging/messages_tab.hpp"

#include "core/calendar.hpp"
#include "messaging/messages.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "ui/labels.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

namespace learnloop::client {

namespace {

constexpr double k_poll_seconds = 20;
constexpr const char* k_audience_keys[] = { "everyone", "parent", "student", "teacher", "moderator" };

// [SECTION] loading and polling ---------------------------------------------------

void reload(AppState& state, MessagesTabState& tab)
{
    api_load(state, tab.list, "/api/messages?limit=50");
}

// Asks whether anything changed; the list is read again only when it did.
void poll(AppState& state, MessagesTabState& tab)
{
    if (tab.polling || state.wall_clock - tab.polled_at < k_poll_seconds)
        return;
    tab.polling = true;
    tab.polled_at = state.wall_clock;
    api_call(state, "GET", "/api/messages/unread", nullptr, [&tab](AppState& state, const ApiAnswer& answer) {
        tab.polling = false;
        if (!answer.ok() || !answer.body.is_object())
            return;
        tab.unread = answer.body.value("unread", std::int64_t(0));
        if (answer.body.value("latest_id", std::int64_t(0)) != tab.newest_seen && tab.list.phase != Phase::Loading)
            reload(state, tab);
    });
}

// Once the list shows received messages not yet read, they count as read.
void mark_read(AppState& state, MessagesTabState& tab)
{
    std::int64_t newest_unread = 0;
    for (const auto& m : tab.list.data)
        if (!m.value("mine", false) && !m.value("read", true))
            newest_unread = std::max(newest_unread, m.value("id", std::int64_t(0)));
    if (newest_unread == 0 || newest_unread <= tab.marked_up_to)
        return;
    tab.marked_up_to = newest_unread;
    api_call(state, "POST", "/api/messages/read", { { "up_to_id", newest_unread } },
        [&tab](AppState&, const ApiAnswer& answer) {
            if (answer.ok())
                tab.unread = answer.body.value("unread", std::int64_t(0));
        });
}

// [SECTION] the list ---------------------------------------------------------------

// "From Bea Admin", "To Priya Parent", "To 19 parents", "Notice".
std::string heading_of(const AppState& state, const Json& m)
{
    const auto kind = m.value("kind", "");
    if (kind == "system")
        return state.session.tenant_name.empty() ? std::string("Notice") : "Notice from " + state.session.tenant_name;
    if (!m.value("mine", false))
        return "From " + m.value("sender_name", "");
    if (kind == "broadcast")
        return "To " + std::to_string(m.value("reached", std::int64_t(0))) + " people";
    return "To " + m.value("recipient_name", "");
}

// A UTC time of the server's, in the school's or business's zone: "Sat 5 Dec 2026, 19:39".
std::string time_for_people(const AppState& state, const std::string& utc)
{
    auto seconds = parse_utc_timestamp(utc);
    if (!seconds.ok())
        return utc;
    auto local = parse_local_datetime(civil_time_in_zone(static_cast<double>(seconds.value()), state.time_zone).substr(0, 19), "at");
    return local.ok() ? format_for_people(local.value()) : utc;
}

void draw_message(AppState& state, const Json& m)
{
    const auto heading = heading_of(state, m);
    const bool unread = !m.value("mine", false) && !m.value("read", true);
    const auto when = time_for_people(state, m.value("created_at", ""));
    const auto key = "message." + std::to_string(m.value("id", std::int64_t(0)));
    ui::semantics::begin(ui::semantics::Role::Group, heading + ", " + when, ImGui::GetID(key.c_str()));
    ui::text_unformatted(heading.c_str());
    ImGui::SameLine();
    ui::text_colored(ui::k_muted, "%s", when.c_str());
    if (unread) {
        ImGui::SameLine();
        ui::chip("\xE2\x80\xA2", "New", ui::k_info, ui::k_info_tint);
    }
    ImGui::PushTextWrapPos(0.0f);
    ui::text_unformatted(m.value("body", "").c_str());
    ImGui::PopTextWrapPos();
    ui::semantics::end();
    ImGui::Separator();
}

// [SECTION] writing -----------------------------------------------------------------

void draw_compose(AppState& state, MessagesTabState& tab)
{
    if (tab.contacts.phase == Phase::Idle)
        api_load(state, tab.contacts, "/api/messages/contacts");
    if (!tab.contacts.data.is_array() || tab.contacts.data.empty())
        return;
    const auto& people = tab.contacts.data;
    ui::heading("Write a message", 3);
    ui::text_unformatted("To");
    ImGui::SameLine();
    std::string preview = tab.to >= 0 && tab.to < static_cast<int>(people.size())
        ? people[tab.to].value("name", "") + " (" + ui::role_label(people[tab.to].value("role", ""), state.session.tenant_kind) + ")"
        : std::string("Choose\xE2\x80\xA6");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::begin_combo("##message_to", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (int i = 0; i < static_cast<int>(people.size()); ++i) {
            const auto label = people[i].value("name", "") + " ("
                + ui::role_label(people[i].value("role", ""), state.session.tenant_kind) + ")##c" + std::to_string(i);
            if (ui::selectable(label.c_str(), tab.to == i))
                tab.to = i;
        }
        ui::end_combo();
    }
    ui::remember(state, "messages.to");
    ui::text_unformatted("Message");
    ui::input_text_multiline("##message_body", tab.body, sizeof tab.body, ImVec2(-1, ImGui::GetFontSize() * 5));
    ui::remember(state, "messages.body");
    const bool ready = tab.to >= 0 && tab.to < static_cast<int>(people.size()) && check_message_body(tab.body).ok();
    ImGui::BeginDisabled(!ready);
    if (ui::primary_button(state, "Send", "messages.send") && ready)
        api_call(state, "POST", "/api/messages", { { "recipient_id", people[tab.to].value("id", std::int64_t(0)) }, { "body", tab.body } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Message sent") : "");
                if (answer.ok()) {
                    tab.body[0] = '\0';
                    reload(state, tab);
                }
            });
    ImGui::EndDisabled();
}

void draw_broadcast(AppState& state, MessagesTabState& tab)
{
    if (!ui::can(state, Action::MessageBroadcast))
        return;
    ui::heading("Message everyone", 3);
    ui::text_unformatted("Send to");
    ImGui::SameLine();
    auto audience_word = [&](int i) -> std::string {
        if (i == 0)
            return "Everyone";
        auto role = parse_role(k_audience_keys[i]);
        return "Every " + std::string(role_title(role.value(), state.session.tenant_kind));
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ui::begin_combo("##broadcast_audience", audience_word(tab.audience).c_str())) {
        for (int i = 0; i < static_cast<int>(std::size(k_audience_keys)); ++i)
            if (ui::selectable(audience_word(i).c_str(), tab.audience == i))
                tab.audience = i;
        ui::end_combo();
    }
    ui::remember(state, "messages.audience");
    ui::text_unformatted("Announcement");
    ui::input_text_multiline("##broadcast_body", tab.broadcast, sizeof tab.broadcast, ImVec2(-1, ImGui::GetFontSize() * 4));
    const bool ready = check_message_body(tab.broadcast).ok();
    ImGui::BeginDisabled(!ready);
    if (ui::button(state, "Send to all", "messages.broadcast") && ready)
        api_call(state, "POST", "/api/messages/broadcast", { { "audience", k_audience_keys[tab.audience] }, { "body", tab.broadcast } },
            [&tab](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Sent") : "");
                if (answer.ok()) {
                    tab.broadcast[0] = '\0';
                    reload(state, tab);
                }
            });
    ImGui::EndDisabled();
}

} // namespace

// [SECTION] the tab ---------------------------------------------------------------------

void draw_messages_tab(AppState& state, MessagesTabState& tab)
{
    if (tab.list.phase == Phase::Idle)
        reload(state, tab);
    poll(state, tab);
    if (tab.list.data.is_array()) {
        std::int64_t newest = 0;
        for (const auto& m : tab.list.data)
            newest = std::max(newest, m.value("id", std::int64_t(0)));
        tab.newest_seen = newest;
        mark_read(state, tab);
    }

    draw_compose(state, tab);
    ui::action_status(tab.action);
    draw_broadcast(state, tab);
    ImGui::Separator();
    ui::heading("Messages", 3);
    if (ui::remote_status(state, tab.list, "messages.retry"))
        reload(state, tab);
    if (!tab.list.data.is_array())
        return;
    if (tab.list.data.empty()) {
        ui::empty_state(state, "No messages yet",
            "Messages from the office, and notices about your sessions and invoices, appear here.");
        return;
    }
    for (const auto& m : tab.list.data)
        draw_message(state, m);
}

Json messages_tab_summary(const MessagesTabState& tab)
{
    Json messages = Json::array();
    if (tab.list.data.is_array())
        for (const auto& m : tab.list.data)
            messages.push_back({ { "id", m.value("id", std::int64_t(0)) }, { "kind", m.value("kind", "") },
                { "mine", m.value("mine", false) }, { "body", m.value("body", "") } });
    return { { "messages", messages }, { "messages_phase", tab.list.phase == Phase::Done ? "done" : "loading" },
        { "unread", tab.unread }, { "message_action", tab.action.message }, { "message_action_failed", tab.action.failed } };
}

} // namespace learnloop::client
