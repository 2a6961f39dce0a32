// A list the API gives a page at a time (?limit=&offset=), newest first:
// the page shown, the address last asked and the answer. A screen draws its
// rows between paged_list_begin and paged_list_end, which ask for the page
// when the filters change, show loading and errors (with a retry), the empty
// state, and the pager under the rows.
//   if (ui::paged_list_begin(state, tab.list, path, "coupons", "No coupons yet", "Make one above."))
//       draw_rows(state, tab);
//   ui::paged_list_end(state, tab.list, path, "coupons");
#pragma once

#include "app.hpp"

#include <string>

namespace learnloop::client::ui {

struct PagedList {
    int page = 20;          // rows a page
    int offset = 0;         // the first row shown
    std::string asked;      // the address last asked
    Remote remote;          // the page's rows (a JSON array)
};

// `path` ("/api/marketplace/orders", or with its filters "...?status=paid")
// with the page's limit and offset.
[[nodiscard]] std::string paged_path(const PagedList& list, const std::string& path);
// Asks for the page shown again (after an action changed its rows).
void reload_page(AppState& state, PagedList& list, const std::string& path);
// Asks for the page when nothing has been asked yet or the address (its
// filters, its page) changed: paged_list_begin does, and a screen whose
// list is not always drawn (a phone showing one order) calls it each frame.
void keep_page(AppState& state, PagedList& list, const std::string& path);
// Before the rows: asks for the page when nothing has been asked yet or the
// address (its filters, its page) changed; skeleton rows while loading, the
// error with a retry button (`name` + ".retry"); the empty state when the
// first page has no rows. True when there are rows to draw.
bool paged_list_begin(AppState& state, PagedList& list, const std::string& path, const std::string& name,
    const char* empty_title, const char* empty_next_step);
// After the rows: the pager (`name` + ".newer", ".older"), which asks for the
// page it moves to.
void paged_list_end(AppState& state, PagedList& list, const std::string& path, const std::string& name);

} // namespace learnloop::client::ui
