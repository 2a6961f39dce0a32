// A marketplace's catalog for visitors (see visit_screen.hpp).
#include "marketplace/visit_screen.hpp"

#include "ui/icons.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client {

namespace {

VisitState& visit_of(AppState& state)
{
    if (!state.visit)
        state.visit = std::make_unique<VisitState>();
    return *state.visit;
}

// A fresh catalog for the marketplace `code`. Its loads go on numbering
// where the last ones were, so an answer still on its way for another
// marketplace is not taken for this one's.
void restart_catalog(VisitState& visit, const std::string& code)
{
    const auto results = visit.catalog.results.request;
    const auto course = visit.catalog.course.request;
    visit.catalog = CatalogTabState {};
    visit.catalog.results.request = results;
    visit.catalog.course.request = course;
    visit.catalog.visiting = code;
}

std::string marketplace_name(const VisitState& visit)
{
    for (const auto* remote : { &visit.catalog.results, &visit.catalog.course })
        if (remote->data.is_object() && !text_field(remote->data, "marketplace_name").empty())
            return text_field(remote->data, "marketplace_name");
    return "Courses";
}

} // namespace

void open_visit(AppState& state, const std::string& code, std::int64_t course_id)
{
    auto& visit = visit_of(state);
    if (visit.catalog.visiting != code)
        restart_catalog(visit, code);
    state.screen = AppState::Screen::Visit;
    ui::Route route;
    route.page = "visit";
    route.tab = code;
    route.id = course_id;
    (void)open_catalog_tab(state, visit.catalog, route);
}

void draw_visit(AppState& state)
{
    auto& visit = visit_of(state);
    ImGui::AlignTextToFramePadding();   // the title on the line of the Sign in button
    ui::heading(marketplace_name(visit).c_str(), 1);
    constexpr const char* sign_in_label = "Sign in";
    const float button_width = ImGui::CalcTextSize(sign_in_label).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - button_width);
    if (ui::button(state, sign_in_label, "visit.sign_in")) {
        ui::copy_text(state.sign_in.tenant, visit.catalog.visiting);
        state.sign_in.tenant_recalled = true;
        state.navigation.after_sign_in.clear();
        state.screen = AppState::Screen::SignIn;
        return;
    }
    ui::text_colored(ui::k_muted, "Look around: sign in to enrol in a course, or to buy one.");
    ImGui::Separator();
    if (visit.catalog.results.phase == Phase::Failed && visit.catalog.results.data.is_null()) {
        // No catalog at that code: said in words, with the way back.
        ui::alert_text(ui::k_error, "\xE2\x9C\x97 %s", visit.catalog.results.error.c_str());
        if (ui::button(state, "Back to sign in", "visit.back")) {
            state.screen = AppState::Screen::SignIn;
            return;
        }
        ImGui::SameLine();
        if (ui::button(state, "Try again", "visit.retry"))
            restart_catalog(visit, visit.catalog.visiting);   // searched again as it is drawn
        return;
    }
    draw_catalog_tab(state, visit.catalog, visit.progress);
}

ui::Route visit_route(const AppState& state)
{
    ui::Route route;
    route.page = "visit";
    if (!state.visit)
        return route;
    route.tab = state.visit->catalog.visiting;
    route.id = catalog_tab_place(state.visit->catalog).id;
    return route;
}

std::string visit_title(const AppState& state)
{
    if (!state.visit)
        return "Courses";
    const auto place = catalog_tab_place(state.visit->catalog);
    const auto name = marketplace_name(*state.visit);
    return place.name.empty() ? name : place.name + " \xE2\x80\x94 " + name;
}

Json visit_summary(const AppState& state)
{
    if (!state.visit)
        return nullptr;
    auto summary = catalog_tab_summary(state.visit->catalog);
    summary["visiting"] = state.visit->catalog.visiting;
    summary["marketplace_name"] = marketplace_name(*state.visit);
    return summary;
}

} // namespace learnloop::client
