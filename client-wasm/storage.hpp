// Answers waiting for the server, kept in the browser's IndexedDB so they
// survive a reload or a closed tab. Implemented per platform
// (storage_web.cpp); loading is asynchronous and lands in app state.
#pragma once

#include <string>

namespace learnloop::client {

// Replaces the stored outbox of `user_key` with `json` (an array).
void outbox_save(const std::string& user_key, const std::string& json);
// Starts loading the stored outbox of `user_key`; the result arrives through
// the exported learnloop_outbox_loaded() (main_web.cpp).
void outbox_load(const std::string& user_key);

} // namespace learnloop::client
