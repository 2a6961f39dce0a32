// A list read a page at a time (paged_list.hpp).
#include "ui/paged_list.hpp"

#include "net/api.hpp"
#include "ui/widgets.hpp"

namespace learnloop::client::ui {

std::string paged_path(const PagedList& list, const std::string& path)
{
    return path + (path.find('?') == std::string::npos ? "?" : "&") + "limit=" + std::to_string(list.page)
        + "&offset=" + std::to_string(list.offset);
}

void reload_page(AppState& state, PagedList& list, const std::string& path)
{
    list.asked = paged_path(list, path);
    api_load(state, list.remote, list.asked);
}

void keep_page(AppState& state, PagedList& list, const std::string& path)
{
    if ((list.remote.phase == Phase::Idle || list.asked != paged_path(list, path)) && list.remote.phase != Phase::Loading)
        reload_page(state, list, path);
}

bool paged_list_begin(AppState& state, PagedList& list, const std::string& path, const std::string& name,
    const char* empty_title, const char* empty_next_step)
{
    keep_page(state, list, path);
    if (remote_status(state, list.remote, name + ".retry"))
        reload_page(state, list, path);
    if (!list.remote.data.is_array())
        return false;
    if (list.remote.data.empty() && list.offset == 0) {
        empty_state(state, empty_title, empty_next_step);
        return false;
    }
    return true;
}

void paged_list_end(AppState& state, PagedList& list, const std::string& path, const std::string& name)
{
    if (!list.remote.data.is_array() || (list.remote.data.empty() && list.offset == 0))
        return;
    if (pager(state, list.offset, list.page, list.remote.data.size(), name))
        reload_page(state, list, path);
}

} // namespace learnloop::client::ui
