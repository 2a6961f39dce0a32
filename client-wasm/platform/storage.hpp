// What the browser keeps for the app between page loads. Implemented per
// platform (storage_web.cpp).
//   - IndexedDB: the practice outbox (answers waiting for the server) and the
//     set in progress, so that both survive a reload or a closed tab, even
//     offline. Loading is asynchronous and lands in app state.
//   - sessionStorage: the signed-in session, so that reloading the tab (also
//     offline) keeps the student signed in; it ends with the tab, at sign-out
//     and when the server says the session has ended.
//   - localStorage: the known-device token the server gave this browser for
//     each account it signed in to. It is no credential (the password is
//     always checked); it lets the owner sign in while guessers elsewhere
//     have locked the account (docs/operations.md), so it outlives sessions.
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

// The known-device token for an account (its normalised email); empty when none.
void device_token_remember(const std::string& email, const std::string& token);
std::string device_token_recall(const std::string& email);

// The school or business code last signed in with on this device (empty: the default school).
void tenant_code_remember(const std::string& code);
std::string tenant_code_recall();

} // namespace learnloop::client
