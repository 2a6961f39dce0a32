// What the browser keeps for the app between page loads. Implemented per
// platform (storage_web.cpp).
//   - IndexedDB: the practice outbox (answers waiting for the server) and the
//     set in progress, so that both survive a reload or a closed tab, even
//     offline. Loading is asynchronous and lands in app state.
//   - sessionStorage: the signed-in session, so that reloading the tab (also
//     offline) keeps the student signed in; it ends with the tab, at sign-out
//     and when the server says the session has ended.
#pragma once

#include "core/dto.hpp"

#include <string>

namespace learnloop::client {

// Stores every entry of `entries` (key -> JSON text, or null to delete) in
// one IndexedDB transaction: all of them or none.
void store_save(const Json& entries);
// Starts loading the value under `key`; it arrives (or "null" when there is
// none) through the exported learnloop_store_loaded() (main_web.cpp).
void store_load(const std::string& key);

void session_remember(const std::string& json);
std::string session_recall();   // empty when none
void session_forget();

} // namespace learnloop::client
