// The messages tab (see messages_tab.hpp): [SECTION] loading and polling,
// [SECTION] the conversations, [SECTION] a conversation, [SECTION] writing,
// [SECTION] the tab.
#include "messaging/messages_tab.hpp"

#include "core/calendar.hpp"
#include "messaging/messages.hpp"
#include "net/api.hpp"
#include "platform/clock.hpp"
#include "ui/icons.hpp"
#include "ui/labels.hpp"
#include "ui/semantics.hpp"
#include "ui/theme.hpp"
#include "ui/widgets.hpp"

#include <imgui.h>

#include <cctype>
#include <imgui_internal.h>

#include <algorithm>

namespace learnloop::client {

namespace {

constexpr double k_poll_seconds = 20;
constexpr const char* k_audience_keys[] = { "everyone", "parent", "student", "teacher", "moderator" };

// [SECTION] loading and polling ---------------------------------------------------

void load_threads(AppState& state, MessagesTabState& tab)
{
    tab.loaded_latest = tab.latest_id;
    api_load(state, tab.threads, "/api/messages/threads?limit=100");
}

void load_talk(AppState& state, MessagesTabState& tab)
{
    tab.talk_for = tab.open;
    api_load(state, tab.talk, "/api/messages?limit=100&with=" + tab.open);
}

// Something was sent or arrived: the list, and the conversation open, again.
void reload(AppState& state, MessagesTabState& tab)
{
    load_threads(state, tab);
    if (!tab.open.empty())
        load_talk(state, tab);
}

// What a conversation's key names (shared-domain Thread): a person, the notices, the announcements.
Thread::Kind kind_of(const std::string& with)
{
    auto thread = parse_thread(with);
    return thread.ok() ? thread.value().kind : Thread::Kind::Person;
}

const Json* thread_of(const MessagesTabState& tab, const std::string& with)
{
    if (tab.threads.data.is_array())
        for (const auto& t : tab.threads.data)
            if (t.value("with", "") == with)
                return &t;
    return nullptr;
}

// Once the open conversation shows received messages not yet read, they
// count as read (that conversation's only).
void mark_read(AppState& state, MessagesTabState& tab)
{
    if (tab.open.empty() || tab.talk_for != tab.open || !tab.talk.data.is_array())
        return;
    std::int64_t newest_unread = 0;
    for (const auto& m : tab.talk.data)
        if (!m.value("mine", false) && !m.value("read", true))
            newest_unread = std::max(newest_unread, m.value("id", std::int64_t(0)));
    if (newest_unread == 0 || newest_unread <= tab.marked_up_to)
        return;
    tab.marked_up_to = newest_unread;
    api_call(state, "POST", "/api/messages/read", { { "up_to_id", newest_unread }, { "with", tab.open } },
        [&tab, with = tab.open](AppState&, const ApiAnswer& answer) {
            if (!answer.ok())
                return;
            tab.unread = answer.body.value("unread", std::int64_t(0));
            // The list's count goes at once; the conversation keeps its
            // "New" marks until it is read again.
            if (tab.threads.data.is_array())
                for (auto& t : tab.threads.data)
                    if (t.value("with", "") == with)
                        t["unread"] = 0;
        });
}

// A person's name and what they are in this business: "Bea Admin (Administrator)".
std::string person_words(const AppState& state, const Json& person)
{
    return person.value("name", "") + " (" + ui::role_label(person.value("role", ""), state.session.tenant_kind) + ")";
}

// What a conversation is called: the person's name, or the notices or announcements.
std::string thread_title(const AppState& state, const Json& t)
{
    switch (kind_of(t.value("with", ""))) {
    case Thread::Kind::Notices:
        return state.session.tenant_name.empty() ? std::string("Notices") : "Notices from " + state.session.tenant_name;
    case Thread::Kind::Announcements: return "Your announcements";
    case Thread::Kind::Person: break;
    }
    if (t.contains("person") && t["person"].is_object())
        return person_words(state, t["person"]);
    return "Someone who has left";
}

// Whether the signed-in person may answer in this conversation (shared-domain may_message).
bool may_reply(const AppState& state, const Json* t)
{
    if (!t || !t->contains("person") || !(*t)["person"].is_object() || !(*t)["person"].value("active", true))
        return false;
    auto role = parse_role((*t)["person"].value("role", ""));
    return role.ok() && ui::can(state, Action::MessageSend) && may_message(state.session.role, role.value());
}

// [SECTION] the conversations -------------------------------------------------------

// One conversation in the list: its name, unread count, when, and the
// newest message's first words; a button named with all of them.
bool draw_thread_row(AppState& state, const Json& t, bool picked)
{
    const float scale = state.ui_scale;
    const float line = ImGui::GetTextLineHeight();
    const float pad = 8 * scale;
    const auto title = thread_title(state, t);
    const auto unread = t.value("unread", std::int64_t(0));
    const auto& last = t.contains("last") && t["last"].is_object() ? t["last"] : Json::object();
    const auto when = ui::time_for_people(state, last.value("created_at", ""));
    const auto preview = (last.value("mine", false) ? std::string("You: ") : std::string())
        + message_preview(last.value("body", ""), 60);
    const auto width = ImGui::GetContentRegionAvail().x;
    const ImVec2 min = ImGui::GetCursorScreenPos();
    const ImVec2 max(min.x + width, min.y + 2 * line + 2 * pad);
    ImGui::PushID(t.value("with", "").c_str());
    bool pressed = ImGui::InvisibleButton("thread", ImVec2(std::max(width, 1.0f), max.y - min.y));
    pressed |= ui::semantics::take_activation(ImGui::GetItemID());
    const bool hovered = ImGui::IsItemHovered();
    auto* draw = ImGui::GetWindowDrawList();
    auto colour = [](const ImVec4& c) { return ImGui::GetColorU32(c); };
    if (picked || hovered)
        draw->AddRectFilled(min, max, colour(picked ? ui::k_info_tint : ui::k_muted_tint), 6 * scale);
    draw->PushClipRect(min, max, true);
    float x = min.x + pad;
    const char* title_shown = ui::drawn(title.c_str());
    draw->AddText(ImVec2(x, min.y + pad), colour(ui::k_text), title_shown);
    if (unread > 0) {
        // The count in a filled pill after the name (and in words for a screen reader).
        const auto count = std::to_string(unread) + " new";
        const ImVec2 text = ImGui::CalcTextSize(count.c_str());
        const float left = x + ImGui::CalcTextSize(title_shown).x + pad;
        draw->AddRectFilled(ImVec2(left, min.y + pad), ImVec2(left + text.x + pad, min.y + pad + line), colour(ui::k_info),
            line / 2);
        draw->AddText(ImVec2(left + pad / 2, min.y + pad), colour(ui::k_surface), count.c_str());
    }
    const ImVec2 when_size = ImGui::CalcTextSize(when.c_str());
    if (!ui::compact() || when_size.x < width / 3)
        draw->AddText(ImVec2(max.x - pad - when_size.x, min.y + pad), colour(ui::k_muted), when.c_str());
    draw->AddText(ImVec2(x, min.y + pad + line), colour(ui::k_muted), ui::drawn(preview.c_str()));
    draw->PopClipRect();
    if (hovered)
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    std::string name = title;
    if (unread > 0)
        name += ", " + std::to_string(unread) + " new";
    name += ", " + when + ": " + preview;
    ui::semantics::add(ui::semantics::Role::Button, name, picked ? ui::semantics::Selected : ui::semantics::None);
    ImGui::PopID();
    ImGui::Separator();
    return pressed;
}

void open_thread(AppState& state, MessagesTabState& tab, const std::string& with)
{
    if (tab.open == with)
        return;
    tab.open = with;
    tab.marked_up_to = 0;
    tab.reply[0] = '\0';
    forget(tab.talk);
    if (!with.empty())
        load_talk(state, tab);
}

void draw_threads(AppState& state, MessagesTabState& tab)
{
    ui::heading("Conversations", 3);
    if (ui::remote_status(state, tab.threads, "messages.retry"))
        load_threads(state, tab);
    if (!tab.threads.data.is_array())
        return;
    if (tab.threads.data.empty()) {
        ui::empty_state(state, "No messages yet",
            "Messages from the office, and notices about your sessions and invoices, appear here.");
        return;
    }
    std::string picked;
    for (const auto& t : tab.threads.data)
        if (draw_thread_row(state, t, t.value("with", "") == tab.open))
            picked = t.value("with", "");
    if (!picked.empty())
        open_thread(state, tab, picked);
}

// [SECTION] a conversation ----------------------------------------------------------

// "Bea Admin", "You", "Brightpath Tutoring" (a notice), "You, to 19 people".
std::string from_words(const AppState& state, const Json& m)
{
    const auto kind = m.value("kind", "");
    if (kind == "system")
        return state.session.tenant_name.empty() ? std::string("Notice") : state.session.tenant_name;
    if (!m.value("mine", false))
        return m.value("sender_name", "");
    if (kind == "broadcast")
        return "You, to " + std::to_string(m.value("reached", std::int64_t(0))) + " people";
    return "You";
}

void draw_message(AppState& state, const Json& m)
{
    const auto from = from_words(state, m);
    const bool unread = !m.value("mine", false) && !m.value("read", true);
    const auto when = ui::time_for_people(state, m.value("created_at", ""));
    const auto key = "message." + std::to_string(m.value("id", std::int64_t(0)));
    ui::semantics::begin(ui::semantics::Role::Group, from + ", " + when, ImGui::GetID(key.c_str()));
    ui::text_colored(m.value("mine", false) ? ui::k_accent : ui::k_text, "%s", from.c_str());
    ImGui::SameLine();
    ui::text_colored(ui::k_muted, "%s", when.c_str());
    if (unread) {
        ImGui::SameLine();
        ui::chip(ICON_ENVELOPE, "New", ui::k_info, ui::k_info_tint);
    }
    ImGui::PushTextWrapPos(0.0f);
    ui::text_unformatted(m.value("body", "").c_str());
    ImGui::PopTextWrapPos();
    ui::semantics::end();
    ImGui::Spacing();
}

void send_reply(AppState& state, MessagesTabState& tab, std::int64_t person)
{
    api_call(state, "POST", "/api/messages", { { "recipient_id", person }, { "body", tab.reply } },
        [&tab](AppState& state, const ApiAnswer& answer) {
            tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Message sent") : "");
            if (answer.ok()) {
                tab.reply[0] = '\0';
                reload(state, tab);
            }
        });
}

void draw_talk(AppState& state, MessagesTabState& tab)
{
    const Json* t = thread_of(tab, tab.open);
    ui::heading(t ? thread_title(state, *t).c_str() : "Conversation", 3);
    if (ui::remote_status(state, tab.talk, "messages.talk_retry"))
        load_talk(state, tab);
    if (tab.talk.data.is_array()) {
        // Oldest first, as a conversation reads; the newest at the bottom, by the reply box.
        for (auto it = tab.talk.data.rbegin(); it != tab.talk.data.rend(); ++it)
            draw_message(state, *it);
        if (tab.talk.data.empty() && tab.talk.phase == Phase::Done)
            ui::text_colored(ui::k_muted, "No messages yet.");
        if (tab.talk.data.size() >= 100)
            ui::text_colored(ui::k_muted, "The 100 newest messages are shown.");
    }
    if (!may_reply(state, t)) {
        if (kind_of(tab.open) == Thread::Kind::Notices)
            ui::text_colored(ui::k_muted, "Notices are sent by the system; they cannot be answered.");
        else if (t && t->contains("person") && (*t)["person"].is_object() && !(*t)["person"].value("active", true))
            ui::text_colored(ui::k_muted, "%s has left; their messages stay here.", (*t)["person"].value("name", "").c_str());
        return;
    }
    ImGui::Separator();
    const auto person = (*t)["person"];
    ui::text_unformatted(("Reply to " + person.value("name", "")).c_str());
    ui::input_text_multiline("##message_reply", tab.reply, sizeof tab.reply, ImVec2(-1, ImGui::GetFontSize() * 4));
    ui::remember(state, "messages.reply");
    const bool ready = check_message_body(tab.reply).ok();
    ImGui::BeginDisabled(!ready);
    if (ui::primary_button(state, "Send reply", "messages.send_reply") && ready)
        send_reply(state, tab, person.value("id", std::int64_t(0)));
    ImGui::EndDisabled();
}

// [SECTION] writing -----------------------------------------------------------------

void draw_compose(AppState& state, MessagesTabState& tab)
{
    if (tab.contacts.phase == Phase::Idle)
        api_load(state, tab.contacts, "/api/messages/contacts");
    ui::heading("New message", 3);
    if (ui::remote_status(state, tab.contacts, "messages.contacts_retry"))
        api_load(state, tab.contacts, "/api/messages/contacts");
    if (!tab.contacts.data.is_array())
        return;
    const auto& people = tab.contacts.data;
    if (people.empty()) {
        ui::text_colored(ui::k_muted, "There is nobody you can write to yet.");
        return;
    }
    ui::text_unformatted("To");
    ImGui::SameLine();
    std::string preview = tab.to >= 0 && tab.to < static_cast<int>(people.size()) ? person_words(state, people[tab.to])
                                                                                 : std::string("Choose\xE2\x80\xA6");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ui::begin_combo("##message_to", preview.c_str(), ImGuiComboFlags_HeightLargest)) {
        for (int i = 0; i < static_cast<int>(people.size()); ++i) {
            const auto label = person_words(state, people[i]) + "##c" + std::to_string(i);
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
    if (ui::primary_button(state, "Send", "messages.send") && ready) {
        const auto person = people[tab.to].value("id", std::int64_t(0));
        api_call(state, "POST", "/api/messages", { { "recipient_id", person }, { "body", tab.body } },
            [&tab, person](AppState& state, const ApiAnswer& answer) {
                tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Message sent") : "");
                if (!answer.ok())
                    return;
                // The form closes and the conversation it started (or added to) opens.
                tab.body[0] = '\0';
                tab.to = -1;
                tab.writing = false;
                open_thread(state, tab, std::to_string(person));
                load_threads(state, tab);
            });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "messages.cancel_new"))
        tab.writing = false;
}

void draw_broadcast(AppState& state, MessagesTabState& tab)
{
    ui::heading("Message everyone", 3);
    ui::text_unformatted("Send to");
    ImGui::SameLine();
    auto audience_word = [&](int i) -> std::string {
        if (i == 0)
            return "Everyone";
        auto role = parse_role(k_audience_keys[i]);
        auto title = std::string(role_title(role.value(), state.session.tenant_kind));   // "Tutor": "Every tutor"
        title[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(title[0])));
        return "Every " + title;
    };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ui::begin_combo("##broadcast_audience", audience_word(tab.audience).c_str())) {
        for (int i = 0; i < static_cast<int>(std::size(k_audience_keys)); ++i)
            if (ui::selectable(audience_word(i).c_str(), tab.audience == i))
                tab.audience = i;
        ui::end_combo();
    }
    ui::remember(state, "messages.audience");
    // Among one tutor's (or teacher's) students and their families.
    if (tab.contacts.phase == Phase::Idle)
        api_load(state, tab.contacts, "/api/messages/contacts");
    std::vector<const Json*> teachers;
    if (tab.contacts.data.is_array())
        for (const auto& c : tab.contacts.data)
            if (c.value("role", "") == "teacher")
                teachers.push_back(&c);
    if (!teachers.empty()) {
        if (!ui::compact())
            ImGui::SameLine();
        auto among_word = [&](const Json* teacher) {
            return teacher ? teacher->value("name", "") + "'s students and their families"
                           : std::string("The whole ") + (state.session.tenant_kind == TenantKind::Tutoring ? "business" : "school");
        };
        const Json* picked = nullptr;
        for (const auto* t : teachers)
            if (t->value("id", std::int64_t(0)) == tab.among)
                picked = t;
        ui::text_unformatted("Among");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22);
        if (ui::begin_combo("##broadcast_among", among_word(picked).c_str(), ImGuiComboFlags_HeightLargest)) {
            if (ui::selectable(among_word(nullptr).c_str(), picked == nullptr))
                tab.among = 0;
            for (const auto* t : teachers) {
                const auto id = t->value("id", std::int64_t(0));
                if (ui::selectable((among_word(t) + "##among" + std::to_string(id)).c_str(), picked == t))
                    tab.among = id;
            }
            ui::end_combo();
        }
        ui::remember(state, "messages.among");
    }
    ui::text_unformatted("Announcement");
    ui::input_text_multiline("##broadcast_body", tab.broadcast, sizeof tab.broadcast, ImVec2(-1, ImGui::GetFontSize() * 4));
    const bool ready = check_message_body(tab.broadcast).ok();
    ImGui::BeginDisabled(!ready);
    if (ui::button(state, "Send to all", "messages.broadcast") && ready) {
        Json request { { "audience", k_audience_keys[tab.audience] }, { "body", tab.broadcast } };
        if (tab.among)
            request["teacher_id"] = tab.among;
        api_call(state, "POST", "/api/messages/broadcast", request, [&tab](AppState& state, const ApiAnswer& answer) {
            tab.action = outcome_of(answer, answer.ok() ? answer.body.value("message", "Sent") : "");
            if (!answer.ok())
                return;
            tab.broadcast[0] = '\0';
            tab.announcing = false;
            tab.among = 0;
            open_thread(state, tab, thread_key({ Thread::Kind::Announcements, 0 }));
            load_threads(state, tab);
        });
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ui::button(state, "Cancel", "messages.cancel_broadcast"))
        tab.announcing = false;
}

} // namespace

// [SECTION] the tab ---------------------------------------------------------------------

void poll_messages(AppState& state, MessagesTabState& tab)
{
    if (tab.polling || state.wall_clock - tab.polled_at < k_poll_seconds)
        return;
    tab.polling = true;
    tab.polled_at = state.wall_clock;
    api_call(state, "GET", "/api/messages/unread", nullptr, [&tab](AppState&, const ApiAnswer& answer) {
        tab.polling = false;
        if (!answer.ok() || !answer.body.is_object())
            return;
        tab.unread = answer.body.value("unread", std::int64_t(0));
        tab.latest_id = answer.body.value("latest_id", std::int64_t(0));
    });
}

std::string messages_badge(const MessagesTabState& tab)
{
    return tab.unread > 0 ? std::to_string(tab.unread) : std::string();
}

void draw_messages_tab(AppState& state, MessagesTabState& tab)
{
    if (tab.threads.phase == Phase::Idle)
        load_threads(state, tab);
    // What the poll found new shows once the list in hand is older than it.
    else if (tab.latest_id >= 0 && tab.loaded_latest >= 0 && tab.latest_id != tab.loaded_latest
        && tab.threads.phase != Phase::Loading)
        reload(state, tab);
    else if (tab.loaded_latest < 0 && tab.latest_id >= 0)
        tab.loaded_latest = tab.latest_id;   // the first poll answered after the first load went
    // A person the address named: their conversation, once the list is in
    // (with no messages yet, an empty one to write in).
    if (tab.route_person && tab.threads.phase == Phase::Done) {
        open_thread(state, tab, std::to_string(std::exchange(tab.route_person, 0)));
    }
    mark_read(state, tab);

    if (!tab.writing && !tab.announcing) {
        if (ui::can(state, Action::MessageSend) && ui::button(state, ICON_PLUS " New message", "messages.new")) {
            tab.writing = true;
            tab.action = {};
        }
        // Everything read at once, also in conversations far down the list.
        if (tab.unread > 0 && tab.latest_id > 0) {
            ImGui::SameLine();
            if (ui::button(state, "Mark everything read", "messages.all_read"))
                api_call(state, "POST", "/api/messages/read", { { "up_to_id", tab.latest_id } },
                    [&tab](AppState& state, const ApiAnswer& answer) {
                        tab.action = outcome_of(answer, "Everything is read");
                        if (!answer.ok())
                            return;
                        tab.unread = answer.body.value("unread", std::int64_t(0));
                        load_threads(state, tab);
                    });
        }
        if (ui::can(state, Action::MessageBroadcast)) {
            ImGui::SameLine();
            if (ui::button(state, "Message everyone", "messages.announce")) {
                tab.announcing = true;
                tab.action = {};
            }
        }
    }
    if (tab.writing)
        draw_compose(state, tab);
    else if (tab.announcing)
        draw_broadcast(state, tab);
    ui::action_status(tab.action);
    ImGui::Separator();

    const bool back = ui::list_detail(state, "messages", !tab.open.empty(), 0.4f,
        [&] { draw_threads(state, tab); },
        [&] {
            if (tab.open.empty())
                ui::text_colored(ui::k_muted, "Pick a conversation to read it here.");
            else
                draw_talk(state, tab);
        });
    if (back)
        open_thread(state, tab, "");
}

Json messages_tab_summary(const MessagesTabState& tab)
{
    Json threads = Json::array(), messages = Json::array();
    if (tab.threads.data.is_array())
        for (const auto& t : tab.threads.data)
            threads.push_back({ { "with", t.value("with", "") }, { "unread", t.value("unread", std::int64_t(0)) },
                { "messages", t.value("messages", std::int64_t(0)) } });
    if (tab.talk.data.is_array() && tab.talk_for == tab.open)
        for (const auto& m : tab.talk.data)
            messages.push_back({ { "id", m.value("id", std::int64_t(0)) }, { "kind", m.value("kind", "") },
                { "mine", m.value("mine", false) }, { "body", m.value("body", "") } });
    return { { "threads", threads }, { "threads_phase", tab.threads.phase == Phase::Done ? "done" : "loading" },
        { "messages", messages }, { "messages_phase", tab.talk.phase == Phase::Done ? "done" : "loading" },
        { "message_thread", tab.open }, { "unread", tab.unread }, { "messages_polled", tab.latest_id >= 0 }, { "message_action", tab.action.message },
        { "message_action_failed", tab.action.failed } };
}

ui::TabPlace messages_tab_place(const MessagesTabState& tab)
{
    ui::TabPlace place;
    auto thread = parse_thread(tab.open);
    if (!tab.open.empty() && thread.ok() && thread.value().kind == Thread::Kind::Person) {
        place.id = thread.value().person_id;
        if (const Json* t = thread_of(tab, tab.open); t && t->contains("person") && (*t)["person"].is_object())
            place.name = (*t)["person"].value("name", "");
    }
    return place;
}

bool open_messages_tab(MessagesTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id == 0) {
        tab.open.clear();
        return true;
    }
    if (tab.open != std::to_string(route.id))
        tab.route_person = route.id;
    return true;
}

} // namespace learnloop::client
