// The widgets a student answers a task with (answer_input.hpp).
#include "practice/answer_input.hpp"

#include "ui/widgets.hpp"

#include <cstdio>
#include <cstdlib>

namespace learnloop::client {

void reset_answer_input(AnswerInput& p, const Task& task)
{
    p.choice = -1;
    p.picks.assign(task.options.size(), 0);
    p.text[0] = '\0';
    p.gaps.assign(task.gap_answers.size(), std::string());
    p.order.clear();
    for (std::size_t i = 0; i < task.items.size(); ++i)
        p.order.push_back(static_cast<int>(i));
}

void restore_answer_input(AnswerInput& p, const Task& task, const Json& json)
{
    reset_answer_input(p, task);
    auto answer = decode_answer(task, json);
    if (!answer.ok())
        return;
    const auto& a = answer.value();
    switch (task.kind) {
    case TaskKind::SingleChoice: p.choice = static_cast<int>(a.choice); break;
    case TaskKind::MultipleSelect:
        for (auto i : a.choices)
            if (i < p.picks.size())
                p.picks[i] = 1;
        break;
    case TaskKind::Numeric:
        if (a.value)
            std::snprintf(p.text, sizeof p.text, "%.10g", *a.value);
        break;
    case TaskKind::ShortText: std::snprintf(p.text, sizeof p.text, "%s", a.text.c_str()); break;
    case TaskKind::Cloze: p.gaps = a.gaps; break;
    case TaskKind::Ordering: p.order.assign(a.order.begin(), a.order.end()); break;
    case TaskKind::QuantitativeComparison:
        for (int i = 0; i < 4; ++i)
            if (a.comparison == k_comparisons[i])
                p.choice = i;
        break;
    }
}

void draw_answer_input(AppState& state, AnswerInput& p, const Task& task, const std::string& prefix, bool locked)
{
    ImGui::BeginDisabled(locked);
    switch (task.kind) {
    case TaskKind::SingleChoice:
        ui::begin_radio_group("Answer");
        for (std::size_t i = 0; i < task.options.size(); ++i) {
            ui::radio_button((task.options[i].text + "##o" + std::to_string(i)).c_str(), &p.choice, static_cast<int>(i));
            ui::remember(state, prefix + ".option." + std::to_string(i));
        }
        ui::end_radio_group();
        break;
    case TaskKind::MultipleSelect:
        for (std::size_t i = 0; i < task.options.size(); ++i) {
            bool picked = p.picks[i];
            if (ui::checkbox((task.options[i].text + "##m" + std::to_string(i)).c_str(), &picked))
                p.picks[i] = picked;
            ui::remember(state, prefix + ".option." + std::to_string(i));
        }
        break;
    case TaskKind::Numeric:
    case TaskKind::ShortText:
        ui::text_unformatted("Your answer");   // names the field beside it
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
        ui::input_text("##text", p.text, sizeof p.text);
        ui::remember(state, prefix + ".text");
        if (!task.unit.empty()) {
            ImGui::SameLine();
            ui::text_unformatted(task.unit.c_str());
        }
        break;
    case TaskKind::Cloze:
        for (std::size_t i = 0; i < task.segments.size(); ++i) {
            ui::text_wrapped("%s", task.segments[i].c_str());
            if (i < p.gaps.size()) {
                char buffer[128];
                ui::copy_text(buffer, p.gaps[i]);
                ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
                if (ui::input_text(("##gap" + std::to_string(i)).c_str(), buffer, sizeof buffer))
                    p.gaps[i] = buffer;
                ui::remember(state, prefix + ".gap." + std::to_string(i));
            }
        }
        break;
    case TaskKind::Ordering:
        for (std::size_t i = 0; i < p.order.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::BeginDisabled(i == 0);
            if (ui::arrow_button("up", ImGuiDir_Up, "Move up"))
                std::swap(p.order[i], p.order[i - 1]);
            ImGui::EndDisabled();
            ui::remember(state, prefix + ".up." + std::to_string(i));
            ImGui::SameLine();
            ImGui::BeginDisabled(i + 1 == p.order.size());
            if (ui::arrow_button("down", ImGuiDir_Down, "Move down"))
                std::swap(p.order[i], p.order[i + 1]);
            ImGui::EndDisabled();
            ImGui::SameLine();
            ui::text("%zu. %s", i + 1, task.items[p.order[i]].c_str());
            ImGui::PopID();
        }
        break;
    case TaskKind::QuantitativeComparison: {
        ui::text_wrapped("Quantity A: %s", task.quantity_a.c_str());
        ui::text_wrapped("Quantity B: %s", task.quantity_b.c_str());
        ui::begin_radio_group("Answer");
        for (int i = 0; i < 4; ++i) {
            ui::radio_button(std::string(comparison_for_people(k_comparisons[i])).c_str(), &p.choice, i);
            ui::remember(state, prefix + ".option." + std::to_string(i));
        }
        ui::end_radio_group();
        break;
    }
    }
    ImGui::EndDisabled();
}

Answer answer_of(const AnswerInput& p, const Task& task)
{
    Answer answer;
    answer.kind = task.kind;
    switch (task.kind) {
    case TaskKind::SingleChoice: answer.choice = p.choice; break;
    case TaskKind::MultipleSelect:
        for (std::size_t i = 0; i < p.picks.size(); ++i)
            if (p.picks[i])
                answer.choices.push_back(i);
        break;
    case TaskKind::Numeric: {
        char* end = nullptr;
        double value = std::strtod(p.text, &end);
        if (end != p.text)
            answer.value = value;   // left empty otherwise: the grader explains what is wrong
        break;
    }
    case TaskKind::ShortText: answer.text = p.text; break;
    case TaskKind::Cloze: answer.gaps = p.gaps; break;
    case TaskKind::Ordering: answer.order.assign(p.order.begin(), p.order.end()); break;
    case TaskKind::QuantitativeComparison: {
        // In the order of the radio buttons (draw_answer_input above).
        if (p.choice >= 0 && p.choice < 4)
            answer.comparison = k_comparisons[p.choice];
        break;
    }
    }
    return answer;
}

std::string answer_problem(const AnswerInput& p, const Task& task)
{
    if (!answer_started(p, task)) {
        switch (task.kind) {
        case TaskKind::Numeric:
        case TaskKind::ShortText: return "Type your answer first";
        case TaskKind::Cloze: return "Fill in the gaps first";
        case TaskKind::MultipleSelect: return "Choose one or more answers first";
        default: return "Choose an answer first";
        }
    }
    if (task.kind == TaskKind::Numeric && !answer_of(p, task).value)
        return "Type a number, such as 12 or 2.5";
    return {};
}

bool answer_started(const AnswerInput& p, const Task& task)
{
    switch (task.kind) {
    case TaskKind::SingleChoice:
    case TaskKind::QuantitativeComparison: return p.choice >= 0;
    case TaskKind::MultipleSelect:
        for (char picked : p.picks)
            if (picked)
                return true;
        return false;
    case TaskKind::Numeric:
    case TaskKind::ShortText: return p.text[0] != '\0';
    case TaskKind::Cloze:
        for (const auto& gap : p.gaps)
            if (!gap.empty())
                return true;
        return false;
    case TaskKind::Ordering: return true;
    }
    return false;
}

} // namespace learnloop::client
