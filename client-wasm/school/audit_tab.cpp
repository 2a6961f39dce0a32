// The school's Audit log tab (see audit_tab.hpp).
// [SECTION] sentences, [SECTION] tab
#include "school/audit_tab.hpp"

#include "core/calendar.hpp"
#include "net/api.hpp"
#include "ui/labels.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <iterator>

namespace learnloop::client {

namespace {

constexpr int k_audit_page = 25;

// [SECTION] sentences ----------------------------------------------------------

// The kinds of change the filter offers: a label and the action it shows.
struct AuditKind {
    const char* label;
    const char* action;   // empty: everything
};
constexpr AuditKind k_kinds[] = {
    { "Every change", "" },
    { "Grades", "submission.grade" },
    { "Work handed in", "submission.create" },
    { "New assignments", "assignment.create" },
    { "Assignment changes", "assignment.update" },
    { "New accounts", "user.create" },
    { "Account changes", "user.update" },
    { "Approvals", "user.approve" },
    { "Sign-ins", "session.create" },
};

std::string in_quotes(const std::string& text)
{
    return "\xE2\x80\x9C" + text + "\xE2\x80\x9D";   // “text”
}

std::string text_of(const Json& entry, const char* key)
{
    return entry.contains(key) && entry[key].is_string() ? entry[key].get<std::string>() : std::string();
}

// Who acted, by name; the command line and a sign-up form have none.
std::string actor_for_people(const Json& entry)
{
    std::string who = text_of(entry, "actor_name");
    if (!who.empty())
        return who;
    const std::string actor = text_of(entry, "actor");
    return actor == "cli" ? "The school's set-up" : actor.starts_with("user:") ? "A former user" : "A visitor signing up";
}

// A field's value for people: numbers rounded, due dates as dates, known
// estimates (0..1) as percentages, long text and lists summarised.
std::string value_for_people(const std::string& key, const Json& value, TenantKind kind)
{
    if (value.is_null())
        return "none";
    if (value.is_boolean())
        return value.get<bool>() ? "yes" : "no";
    if (value.is_number()) {
        double number = value.get<double>();
        if (key == "known")
            return ui::format_percent(number);
        return ui::format_number(number, 2);
    }
    if (value.is_string()) {
        std::string text = value.get<std::string>();
        if (key == "role")
            return ui::role_label(text, kind);
        if (key == "approval")
            return text == "pending" ? "waiting" : text;
        if (key == "verdict")
            return ui::verdict_label(text);
        if (key.ends_with("_date") || key == "due_date")
            return due_for_people(text);
        if (key.ends_with("_at") || key == "from" || key == "to")
            return text.size() >= 19 ? due_for_people(text.substr(0, 19)) : text;
        if (text.size() > 60)
            text = text.substr(0, 57) + "\xE2\x80\xA6";
        return in_quotes(text);
    }
    if (value.is_array())
        return std::to_string(value.size()) + (value.size() == 1 ? " item" : " items");
    return std::to_string(value.size()) + " details";
}

std::string key_for_people(const std::string& key)
{
    static const std::pair<const char*, const char*> names[] = {
        { "due_date", "due" }, { "description_length", "description length" }, { "class_id", "class" },
        { "known", "mastery" }, { "content_length", "answer length" }, { "expires_at", "until" },
        { "signup_policy", "who may sign up" },
    };
    for (const auto& [wire, label] : names)
        if (key == wire)
            return label;
    std::string text = key;
    std::replace(text.begin(), text.end(), '_', ' ');
    return text;
}

// Fields worth no words: ids a person cannot read, hashes, internals.
bool hidden_field(const std::string& key)
{
    return key.ends_with("_id") || key == "id" || key == "profile" || key == "hash" || key == "seed"
        || key == "session_id" || key == "bkt" || key == "fitted";
}

} // namespace

std::string audit_sentence(const Json& e)
{
    const std::string action = text_of(e, "action");
    const std::string who = actor_for_people(e);
    const std::string subject = text_of(e, "entity_name");
    const std::string context = text_of(e, "context_name");
    const bool self = !subject.empty() && subject == who;
    const Json& after = e.contains("after") ? e["after"] : Json();
    const Json& before = e.contains("before") ? e["before"] : Json();

    if (action == "submission.grade") {
        std::string sentence = who + " graded " + (subject.empty() ? "a student" : subject) + "\xE2\x80\x99s work";
        if (!context.empty())
            sentence += " on " + in_quotes(context);
        return sentence;
    }
    if (action == "submission.create" || action == "submission.update") {
        std::string sentence = who + (action == "submission.create" ? " handed in work" : " handed in work again");
        if (!context.empty())
            sentence += " on " + in_quotes(context);
        if (after.is_object() && after.value("late", false))
            sentence += ", after the due time";
        return sentence;
    }
    if (action.starts_with("assignment.")) {
        std::string title = subject.empty() && before.is_object() ? before.value("title", "") : subject;
        if (title.empty() && after.is_object())
            title = after.value("title", "");
        return who + " " + ui::audit_action_label(action) + (title.empty() ? "" : " " + in_quotes(title));
    }
    if (action == "class.add_member" || action == "class.remove_member") {
        std::string student = context.empty() ? "a student" : context;
        return who + (action == "class.add_member" ? " added " + student + " to " : " removed " + student + " from ")
            + (subject.empty() ? "a class" : subject);
    }
    if (action == "parent_link.create")
        return who + " linked " + (subject.empty() ? "a parent" : subject) + " to " + (context.empty() ? "a student" : context);
    if (action == "parent_link.redeem")
        return who + " linked their account to " + (context.empty() ? "their child" : context) + " with a code";
    if (action == "parent_link_code.create")
        return who + " made a parent link code for " + (context.empty() ? "a student" : context);
    if (action == "session.create" || action == "session.revoke" || action == "session.refresh"
        || action == "user.password_change" || action == "task_set.create" || action == "task.answer")
        return who + " " + ui::audit_action_label(action);
    if (action.starts_with("user.")) {
        if (self && action == "user.update")
            return who + " changed their own account";
        std::string name = subject.empty() && after.is_object() ? after.value("name", "") : subject;
        return who + " " + ui::audit_action_label(action) + " " + (name.empty() ? "a person" : name);
    }
    if (action == "class.create")
        return who + " created the class " + (subject.empty() ? "" : in_quotes(subject));
    return who + " " + ui::audit_action_label(action) + (subject.empty() ? "" : " " + in_quotes(subject));
}

std::string audit_changes(const Json& e, TenantKind kind)
{
    const Json& before = e.contains("before") ? e["before"] : Json();
    const Json& after = e.contains("after") ? e["after"] : Json();
    std::vector<std::string> parts;
    if (before.is_object() && after.is_object()) {
        // What changed: "grade 7 → 8.5", "due Fri 23 Oct 2026, 17:00 → ...".
        for (const auto& [key, value] : after.items()) {
            if (hidden_field(key) || (before.contains(key) && before[key] == value))
                continue;
            if (!before.contains(key) || before[key].is_null())
                parts.push_back(key_for_people(key) + " " + value_for_people(key, value, kind));
            else
                parts.push_back(key_for_people(key) + " " + value_for_people(key, before[key], kind) + " \xE2\x86\x92 "
                    + value_for_people(key, value, kind));
        }
    } else if (after.is_object()) {
        // Something new: its few readable details.
        for (const auto& [key, value] : after.items()) {
            if (hidden_field(key) || key == "name" || key == "title" || key == "email" || key == "approval")
                continue;
            parts.push_back(key_for_people(key) + " " + value_for_people(key, value, kind));
            if (parts.size() == 4)
                break;
        }
    }
    std::string text;
    for (const auto& part : parts)
        text += (text.empty() ? "" : " \xC2\xB7 ") + part;
    if (!text.empty())
        text[0] = static_cast<char>(text[0] >= 'a' && text[0] <= 'z' ? text[0] - 'a' + 'A' : text[0]);
    return text;
}

namespace {

// [SECTION] tab ----------------------------------------------------------------

void load_audit(AppState& state, AuditTabState& tab)
{
    std::string path = "/api/audit?limit=" + std::to_string(k_audit_page) + "&offset=" + std::to_string(tab.offset);
    if (tab.filter > 0)
        path += std::string("&action=") + k_kinds[tab.filter].action;   // action names are [a-z._]: safe in a URL
    api_load(state, tab.audit, path);
}

void draw_paging(AppState& state, AuditTabState& tab)
{
    ui::text_unformatted("Show");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ui::begin_combo("##audit_kind", k_kinds[tab.filter].label)) {
        for (int i = 0; i < static_cast<int>(std::size(k_kinds)); ++i) {
            if (ui::selectable(k_kinds[i].label, tab.filter == i) && tab.filter != i) {
                tab.filter = i;
                tab.offset = 0;
                load_audit(state, tab);
            }
        }
        ui::end_combo();
    }
    ui::remember(state, "admin.audit_kind");
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.offset == 0);
    if (ui::button(state, "\xE2\x86\x90 Newer", "admin.audit_newer")) {
        tab.offset = std::max<std::int64_t>(0, tab.offset - k_audit_page);
        load_audit(state, tab);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(!tab.audit.data.is_array() || tab.audit.data.size() < static_cast<std::size_t>(k_audit_page));
    if (ui::button(state, "Older \xE2\x86\x92", "admin.audit_older")) {
        tab.offset += k_audit_page;
        load_audit(state, tab);
    }
    ImGui::EndDisabled();
}

} // namespace

void draw_audit_tab(AppState& state, AuditTabState& tab)
{
    if (tab.audit.phase == Phase::Idle)
        load_audit(state, tab);
    draw_paging(state, tab);
    if (ui::remote_status(state, tab.audit, "admin.audit"))
        load_audit(state, tab);
    if (!tab.audit.data.is_array())
        return;
    if (tab.audit.data.empty()) {
        ui::empty_state(state, "Nothing to show", tab.filter > 0
                ? "No change of this kind has been recorded yet. Choose \xE2\x80\x9C" "Every change\xE2\x80\x9D to see the rest."
                : "Changes appear here as people use Learnloop.");
        return;
    }
    if (ui::begin_table("audit", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_ScrollY)) {
        ImGui::TableSetupScrollFreeze(0, 1);
        ImGui::TableSetupColumn("When", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 12);
        ImGui::TableSetupColumn("Who", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 11);
        ImGui::TableSetupColumn("What happened", ImGuiTableColumnFlags_WidthStretch);
        ui::table_headers_row();
        for (const auto& e : tab.audit.data) {
            ui::table_next_row();
            ui::table_next_column();
            ui::text_unformatted(ui::when_for_people(e.value("created_local", ""), state.local_now).c_str());
            ui::table_next_column();
            ui::text_unformatted(actor_for_people(e).c_str());
            ui::table_next_column();
            ui::text_wrapped("%s", audit_sentence(e).c_str());
            if (auto changes = audit_changes(e, state.session.tenant_kind); !changes.empty()) {
                ImGui::PushTextWrapPos(0.0f);
                ui::text_colored(ui::k_muted, "%s", changes.c_str());
                ImGui::PopTextWrapPos();
            }
        }
        ui::end_table();
    }
}

Json audit_tab_summary(const AuditTabState& tab, TenantKind kind)
{
    Json audit = Json::array(), sentences = Json::array();
    if (tab.audit.data.is_array()) {
        for (const auto& e : tab.audit.data) {
            audit.push_back(e.value("action", ""));
            sentences.push_back(audit_sentence(e) + ". " + audit_changes(e, kind));
        }
    }
    return { { "audit", audit }, { "audit_text", sentences } };
}

} // namespace learnloop::client
