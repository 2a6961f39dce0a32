// An academy's Exam bank tab (see bank_tab.hpp).
// [SECTION] loading, [SECTION] list, [SECTION] one question, [SECTION] tab
#include "academy/bank_tab.hpp"

#include "academy/gift.hpp"
#include "core/numbers.hpp"
#include "core/validation.hpp"
#include "net/api.hpp"
#include "ui/icons.hpp"
#include "ui/widgets.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <iterator>

namespace learnloop::client {

namespace {

constexpr int k_bank_page = 50;

// The kind filter: "Any kind", then these (tab.kind is 1 + the index).
constexpr BankQuestionKind k_kinds[] = { BankQuestionKind::SingleChoice, BankQuestionKind::MultipleSelect,
    BankQuestionKind::Numeric, BankQuestionKind::ShortText, BankQuestionKind::TrueFalse,
    BankQuestionKind::QuantComparison };

std::string kind_label(int choice)
{
    return choice == 0 ? std::string("Any kind") : std::string(bank_question_kind_for_people(k_kinds[choice - 1]));
}
constexpr const char* k_difficulties[] = { "Any difficulty", "1 (easiest)", "2", "3", "4", "5 (hardest)" };

// [SECTION] loading --------------------------------------------------------------

void load_page(AppState& state, BankTabState& tab)
{
    std::string path = "/api/academy/bank?limit=" + std::to_string(k_bank_page) + "&offset=" + std::to_string(tab.offset);
    if (tab.kind > 0)
        path += "&kind=" + std::string(bank_question_kind_name(k_kinds[tab.kind - 1]));
    if (tab.difficulty > 0)
        path += "&difficulty=" + std::to_string(tab.difficulty);
    if (tab.words[0])
        path += "&q=" + query_escape(tab.words);
    api_load(state, tab.page, path);
}

void select_question(AppState& state, BankTabState& tab, std::int64_t id)
{
    tab.selected = id;
    forget(tab.question);
    forget(tab.regrade);
    if (id != 0)
        api_load(state, tab.question, "/api/academy/bank/" + std::to_string(id));
}

void search_again(AppState& state, BankTabState& tab)
{
    tab.offset = 0;
    load_page(state, tab);
}

// "Difficulty 3 · Percent change · Shared bank"
std::string facts_of(const Json& q)
{
    std::string facts = "Difficulty " + std::to_string(q.value("difficulty", 1));
    if (auto skill = q.value("skill", std::string()); !skill.empty()) {
        std::replace(skill.begin(), skill.end(), '-', ' ');
        skill[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(skill[0])));
        facts += " \xC2\xB7 " + skill;
    }
    facts += q.value("shared", false) ? " \xC2\xB7 Shared bank" : " \xC2\xB7 This academy's own";
    return facts;
}

// A question on one line, shortened for a list: "x is a number. Quantity A: 3(x + 2) …"
std::string one_line(std::string text, std::size_t most)
{
    std::replace(text.begin(), text.end(), '\n', ' ');
    if (utf8_length(text) <= most)
        return text;
    return utf8_prefix(text, most) + "\xE2\x80\xA6";
}

// A question's row in the list: its first line, shortened.
std::string list_label(const Json& q)
{
    return one_line(q.value("text", std::string()), ui::compact() ? 30 : 70);
}

// [SECTION] list -----------------------------------------------------------------

void draw_filters(AppState& state, BankTabState& tab)
{
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 16));
    if (ui::input_text_with_hint("##bank_words", "Words in the question", tab.words, sizeof tab.words,
            ImGuiInputTextFlags_EnterReturnsTrue))
        search_again(state, tab);
    ui::remember(state, "teacher.bank.words");
    ImGui::SameLine();
    if (ui::button(state, ICON_SEARCH " Search", "teacher.bank.search"))
        search_again(state, tab);
    ui::text_unformatted("Kind");   // names the field beside it
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 13));
    if (ui::begin_combo("##bank_kind", kind_label(tab.kind).c_str())) {
        for (int i = 0; i <= static_cast<int>(std::size(k_kinds)); ++i)
            if (ui::selectable(kind_label(i).c_str(), tab.kind == i) && tab.kind != i) {
                tab.kind = i;
                search_again(state, tab);
            }
        ui::end_combo();
    }
    ui::remember(state, "teacher.bank.kind");
    ImGui::SameLine();
    ui::text_unformatted("Difficulty");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ui::place(ImGui::GetFontSize() * 9));
    if (ui::begin_combo("##bank_difficulty", k_difficulties[tab.difficulty])) {
        for (int i = 0; i < static_cast<int>(std::size(k_difficulties)); ++i)
            if (ui::selectable(k_difficulties[i], tab.difficulty == i) && tab.difficulty != i) {
                tab.difficulty = i;
                search_again(state, tab);
            }
        ui::end_combo();
    }
    ui::remember(state, "teacher.bank.difficulty");
}

void draw_paging(AppState& state, BankTabState& tab)
{
    const auto shown = tab.page.data.is_array() ? static_cast<std::int64_t>(tab.page.data.size()) : 0;
    if (shown == 0)
        return;
    ui::text_colored(ui::k_muted, "Questions %lld\xE2\x80\x93%lld", static_cast<long long>(tab.offset + 1),
        static_cast<long long>(tab.offset + shown));
    ImGui::SameLine();
    ImGui::BeginDisabled(tab.offset == 0);
    if (ui::button(state, "\xE2\x86\x90 Previous", "teacher.bank.previous")) {
        tab.offset = std::max<std::int64_t>(0, tab.offset - k_bank_page);
        load_page(state, tab);
    }
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(shown < k_bank_page);
    if (ui::button(state, "Next \xE2\x86\x92", "teacher.bank.next")) {
        tab.offset += k_bank_page;
        load_page(state, tab);
    }
    ImGui::EndDisabled();
}

void draw_list(AppState& state, BankTabState& tab)
{
    draw_filters(state, tab);
    if (ui::remote_status(state, tab.page, "teacher.bank"))
        load_page(state, tab);
    if (!tab.page.data.is_array())
        return;
    if (tab.page.data.empty() && tab.offset > 0) {
        // The last page was full and nothing follows it.
        if (ui::empty_state(state, "No more questions", "That was the last of them.", "Back to the first page",
                "teacher.bank.first"))
            search_again(state, tab);
        return;
    }
    if (tab.page.data.empty()) {
        const bool filtered = tab.words[0] || tab.kind > 0 || tab.difficulty > 0;
        ui::empty_state(state, filtered ? "No question matches" : "The bank is empty",
            filtered ? "Try fewer words, or any kind and any difficulty."
                     : "Questions appear here once the shared bank or your academy's own file is imported.");
        return;
    }
    draw_paging(state, tab);
    if (ui::begin_table("bank", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("Question", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("Kind", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 10);
        ImGui::TableSetupColumn("Difficulty", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ui::table_headers_row();
        for (const auto& q : tab.page.data) {
            const auto id = q.value("id", std::int64_t(0));
            ui::table_next_row();
            ui::table_next_column();
            const auto label = list_label(q) + "##q" + std::to_string(id);
            if (ui::selectable(label.c_str(), tab.selected == id, ImGuiSelectableFlags_SpanAllColumns))
                select_question(state, tab, id);
            ui::remember(state, "teacher.bank.question." + std::to_string(id));
            ui::table_next_column();
            ui::text_unformatted(q.value("kind_label", std::string()).c_str());
            ui::table_next_column();
            ui::text_unformatted(std::to_string(q.value("difficulty", 1)).c_str());
        }
        ui::end_table();
    }
}

// [SECTION] one question ---------------------------------------------------------

void draw_answers(const Json& q)
{
    const auto kind = q.value("kind", std::string());
    if (kind == "true_false") {
        ui::text_colored(ui::k_ok, "\xE2\x9C\x93 %s", q.value("truth", false) ? "True" : "False");
        return;
    }
    if (kind == "numeric") {
        for (const auto& n : q.value("numeric", Json::array())) {
            const double weight = n.value("weight", 100.0);
            std::string line = number_text(n.value("value", 0.0), 10);
            if (n.value("tolerance", 0.0) > 0)
                line += " (\xC2\xB1 " + number_text(n.value("tolerance", 0.0), 10) + ")";
            if (weight < 100)
                line += " \xE2\x80\x94 " + number_text(weight, 10) + "% of the mark";
            ui::text_colored(weight >= 100 ? ui::k_ok : ui::k_muted, "%s %s", weight >= 100 ? "\xE2\x9C\x93" : "\xE2\x80\xA2",
                line.c_str());
        }
        return;
    }
    const bool weighted = kind == "multiple_select";
    for (const auto& c : q.value("choices", Json::array())) {
        const double weight = c.value("weight", 0.0);
        const bool right = weighted ? weight > 0 : weight >= 100;
        std::string line = c.value("text", std::string());
        if (weighted || (weight != 0 && weight < 100))
            line += " (" + number_text(std::round(weight * 100) / 100, 10) + "%)";
        ImGui::PushTextWrapPos(0.0f);
        ui::text_colored(right ? ui::k_ok : ui::k_muted, "%s %s", right ? "\xE2\x9C\x93" : "\xE2\x80\xA2", line.c_str());
        ImGui::PopTextWrapPos();
        if (auto feedback = c.value("feedback", std::string()); !feedback.empty()) {
            ImGui::Indent();
            ui::note(feedback.c_str());
            ImGui::Unindent();
        }
    }
}

// Answers given to earlier versions, re-scored with this one: whose changed.
void draw_regrade(AppState& state, BankTabState& tab)
{
    if (!ui::can(state, Action::QuizManage))
        return;
    if (tab.regrade.phase == Phase::Idle) {
        if (ui::button(state, "Re-score answers to earlier versions", "teacher.bank.regrade")) {
            tab.regrade.phase = Phase::Loading;
            const auto id = tab.selected;
            api_call(state, "POST", "/api/academy/bank/" + std::to_string(id) + "/regrade", Json::object(),
                [&tab, id](AppState&, const ApiAnswer& answer) {
                    if (tab.selected != id)
                        return;
                    tab.regrade.phase = answer.ok() ? Phase::Done : Phase::Failed;
                    tab.regrade.data = answer.body;
                    tab.regrade.error = answer.ok() ? std::string() : answer.error_text();
                });
        }
        return;
    }
    if (tab.regrade.phase == Phase::Loading) {
        ui::text_colored(ui::k_muted, "\xE2\x80\xA6 Re-scoring");
        return;
    }
    if (tab.regrade.phase == Phase::Failed) {
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", tab.regrade.error.c_str());
        return;
    }
    const auto& result = tab.regrade.data;
    ui::alert_text(ui::k_ok, "\xE2\x9C\x93 %s", result.value("message", std::string()).c_str());
    for (const auto& c : result.value("changed", Json::array()))
        ui::bullet_text("%s, %s, question %lld: %s \xE2\x86\x92 %s", c.value("student_name", std::string()).c_str(),
            c.value("quiz_title", std::string()).c_str(), static_cast<long long>(c.value("question_number", 0)),
            number_text(c.value("before", 0.0), 10).c_str(), number_text(c.value("after", 0.0), 10).c_str());
}

void draw_question(AppState& state, BankTabState& tab)
{
    if (!tab.selected) {
        ui::empty_state(state, "Choose a question", "Pick one from the list to see its answers, hints and explanation.");
        return;
    }
    // A failure shows the server's words ("Question not found") and a retry.
    if (ui::remote_status(state, tab.question, "teacher.bank.detail"))
        select_question(state, tab, tab.selected);
    if (tab.question.phase != Phase::Done || !tab.question.data.is_object())
        return;
    const auto& q = tab.question.data;
    ui::heading(q.value("kind_label", std::string()).c_str(), 2);
    ui::text_colored(ui::k_muted, "%s", facts_of(q).c_str());
    if (!q.value("current", true))
        ui::text_colored(ui::k_info, "Version %lld, an earlier one: quizzes ask the newest.",
            static_cast<long long>(q.value("version", 1)));
    else if (q.value("versions", 1) > 1) {
        ui::text_colored(ui::k_muted, "Version %lld (changed since it was first written)",
            static_cast<long long>(q.value("version", 1)));
        draw_regrade(state, tab);
    }
    ImGui::Separator();
    ImGui::PushTextWrapPos(0.0f);
    ui::text_unformatted(ui::drawn(q.value("text", std::string()).c_str()));
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    ui::heading("Answers", 3);
    draw_answers(q);
    if (const auto hints = q.value("hints", Json::array()); hints.is_array() && !hints.empty()) {
        ui::heading("Hints, one at a time", 3);
        int number = 1;
        for (const auto& hint : hints) {
            ImGui::PushTextWrapPos(0.0f);
            ui::text("%d. %s", number++, hint.is_string() ? hint.get<std::string>().c_str() : "");
            ImGui::PopTextWrapPos();
        }
    }
    if (auto explanation = q.value("explanation", std::string()); !explanation.empty()) {
        ui::heading("Explanation", 3);
        ui::note(explanation.c_str());
    }
}

} // namespace

// [SECTION] tab ------------------------------------------------------------------

void draw_bank_tab(AppState& state, BankTabState& tab)
{
    if (tab.page.phase == Phase::Idle)
        load_page(state, tab);
    if (ui::list_detail(state, "teacher.bank.layout", tab.selected != 0, 0.55f, [&] { draw_list(state, tab); },
            [&] { draw_question(state, tab); }))
        select_question(state, tab, 0);
}

ui::TabPlace bank_tab_place(const BankTabState& tab)
{
    std::string name;
    if (tab.selected && tab.question.data.is_object())
        name = tab.question.data.value("code", std::string());
    return { tab.selected, {}, 0, name };
}

bool open_bank_tab(AppState& state, BankTabState& tab, const ui::Route& route)
{
    if (!route.detail.empty())
        return false;
    if (route.id != tab.selected)
        select_question(state, tab, route.id);
    return true;
}

Json bank_tab_summary(const BankTabState& tab)
{
    Json codes = Json::array(), labels = Json::array();
    if (tab.page.data.is_array())
        for (const auto& q : tab.page.data) {
            codes.push_back(q.value("code", std::string()));
            labels.push_back(list_label(q));
        }
    return { { "bank", codes }, { "bank_labels", labels }, { "bank_offset", tab.offset }, { "question", tab.question.data } };
}

} // namespace learnloop::client
