// The portal app's state and its per-frame drawing. Immediate mode: plain
// structs, draw_*() every frame, network results land in state.
#pragma once

#include "core/dto.hpp"
#include "core/result.hpp"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace learnloop::client {

enum class Phase { Idle, Loading, Done, Failed };

// Data fetched from the server: its phase, the JSON once loaded, the error
// to show when loading failed.
struct Remote {
    Phase phase = Phase::Idle;
    Json data;
    std::string error;
    std::int64_t total = 0;   // X-Total-Count for paged lists
    std::int64_t offset = 0;
    unsigned request = 0;     // the latest load; an older reply arriving late is dropped
};

struct HealthState {
    Phase phase = Phase::Idle;
    bool server_ok = false;
    HealthResponse response;
    std::string error;            // why the last check failed, for the status line
    double checked_at = -1e9;     // seconds since start
};

struct SignInState {
    char email[256] = {};
    char password[256] = {};
    bool email_edited = false;    // show email feedback once the user has typed
    bool submit_attempted = false;
    std::vector<Error> errors;        // from shared-domain validate_sign_in, every frame
    std::vector<Error> shown_errors;  // the subset on screen now
    Phase phase = Phase::Idle;
    std::string message;          // the server's answer when signing in failed
};

struct SignUpState {
    char name[128] = {};
    char email[256] = {};
    char password[256] = {};
    int role = 1;                 // 0 teacher, 1 student (what sign-up may give)
    bool attempted = false;
    Phase phase = Phase::Idle;
    std::string message;          // the server's refusal
};

struct Session {
    bool signed_in = false;
    std::string token;
    std::string name;
    std::string role;
    std::int64_t user_id = 0;
    // Bumped at every sign-in and sign-out, so answers to requests made in an
    // earlier session are dropped.
    int generation = 0;
};

struct NetworkRecord {
    std::string method;
    std::string url;
    int status = -1;              // -1 before any request, 0 for a network error
};

// The outcome of a form's action: its phase and the message to show.
struct Outcome {
    Phase phase = Phase::Idle;
    std::string message;          // success or failure text
    bool failed = false;
};

struct TeacherState {
    // Classes tab
    std::int64_t members_class = 0;
    Remote members;
    char class_name[128] = {};
    Outcome create_class;
    Remote assignments;
    Remote classes;
    // The assignment editor (id 0: a new assignment).
    bool editor_open = false;
    std::int64_t editing_id = 0;
    char title[256] = {};
    char description[4096] = {};
    char due_date[32] = {};
    int class_choice = -1;        // index into classes, -1 for none
    bool editor_attempted = false;
    Outcome save;
    std::int64_t confirm_delete_id = 0;
    // Submissions of the selected assignment, and the grading panel.
    std::int64_t selected_assignment = 0;
    Remote submissions;
    int selected_submission = -1;
    char grade[16] = {};
    char feedback[2048] = {};
    Outcome grading;
    // Gradebook
    std::int64_t gradebook_class = 0;
    Remote gradebook;
    // Learning targets for the student being graded (curriculum search)
    char target_query[64] = {};
    Remote target_results;
    std::vector<std::string> chosen_targets;
    Outcome assign;
    // Mastery heatmap and one student's drill-down
    std::int64_t mastery_class = 0;
    Remote heatmap;
    std::int64_t heatmap_offset = 0;       // the first student shown (the server pages students)
    int heatmap_first_target = 0;          // the first target column shown
    std::int64_t drill_student = 0;
    Remote drill;
    Remote strands;               // every target, to offer the strands to browse
    std::string strand;           // the strand being browsed, empty for all
};

// "Today's tasks": a personalised set answered one task at a time, graded
// here in the browser by the shared graders, then sent to the server.
struct PracticeState {
    Phase phase = Phase::Idle;        // loading the set
    std::string error;
    Json tasks = Json::array();       // [{task_id, target_id, reason, task}]
    Json targets = Json::array();     // [{target_id, title, known, attempts, level, bkt}]
    std::string message;              // e.g. no targets assigned yet
    std::size_t index = 0;
    // The current answer.
    int choice = -1;
    std::vector<char> picks;          // multiple_select
    char text[512] = {};              // short_text and numeric
    std::vector<std::string> gaps;    // cloze
    std::vector<int> order;           // ordering: indices into the task's items
    bool checked = false;
    std::string verdict;              // "correct", "partial", "incorrect"
    std::string feedback, explanation, invalid;
    double known_before = 0, known_after = 0;
    std::vector<std::pair<std::string, double>> start_known;   // level at the start of the set
    std::vector<std::pair<std::string, double>> known;         // current local estimate per target
    // The server's estimate per target after each synced answer; applied to
    // `known` once nothing is left to send (the server's grade wins).
    std::vector<std::pair<std::string, double>> server_known;
    // Answers waiting for the server (kept until it confirms).
    std::vector<Json> outbox;
    std::vector<std::string> sending; // client ids with a request in flight
    bool outbox_requested = false;    // loading the stored outbox has started
    bool outbox_loaded = false;
    bool resumed = false;             // the set came back from storage after a reload
    bool replacing = false;           // a new set was asked for; the current one stays meanwhile
    std::string replace_error;
    int synced = 0;
    std::string sync_notice;          // e.g. an answer the server already had from elsewhere
    int sync_failures = 0;            // failed sends of the oldest queued answer in a row
    std::string sync_trouble;         // said after a few of them
    int requests_during_check = 0;    // network requests made while grading (should stay 0)
    bool finished = false;
};

struct StudentState {
    PracticeState practice;
    Remote assignments;
    std::int64_t selected = 0;
    Remote submission;            // the selected assignment's own submission
    char answer[8192] = {};
    Outcome submit;
};

struct ParentState {
    Remote children;
    std::int64_t child_id = 0;
    Remote assignments;           // the chosen child's view, with status, grade and feedback
    char link_code[32] = {};
    Outcome redeem;
    Remote mastery;               // the chosen child's mastery and history
    std::string summary;          // the weekly summary drawn last frame
};

struct AdminState {
    Remote users;
    Remote classes;
    Remote links;
    Remote audit;
    char audit_filter[64] = {};
    // New user form
    char new_email[256] = {};
    char new_name[128] = {};
    char new_password[256] = {};
    int new_role = 3;             // index into k_all_roles (student)
    bool new_attempted = false;
    Outcome create_user;
    std::int64_t confirm_deactivate_id = 0;
    Outcome user_action;
    // Classes and links
    char class_name[128] = {};
    int class_teacher = -1;       // index into the teachers of `users`
    Outcome create_class;
    std::int64_t members_class = 0;
    Remote members;
    int member_choice = -1;
    Outcome member_action;
    int link_parent = -1, link_student = -1;
    Outcome link_action;
    std::string last_code;
};

// Where a widget was drawn in the last frame, in CSS pixels, so browser tests
// can click real widgets instead of guessing coordinates.
struct WidgetRect {
    float x = 0, y = 0, width = 0, height = 0;
};

struct AppState {
    enum class Screen { SignIn, SignUp, Portal };
    Screen screen = Screen::SignIn;
    HealthState health;
    SignInState sign_in;
    SignUpState sign_up;
    Session session;
    std::string notice;           // shown on the sign-in screen, e.g. after a session expired
    NetworkRecord last_network;
    int requests_in_flight = 0;
    TeacherState teacher;
    StudentState student;
    ParentState parent;
    AdminState admin;
    float ui_scale = 1.0f;
    bool font_loaded = false;
    long long frame_count = 0;
    double now = 0;               // seconds since start, this frame
    double wall_clock = 0;        // seconds since the epoch, this frame
    double session_remembered_at = 0;   // when the tab's stored session was last refreshed
    std::vector<std::pair<std::string, WidgetRect>> layout;   // rebuilt every frame
};

// Draws one frame of the whole app into the current ImGui frame. `now` is
// seconds since start; `wall_clock` seconds since the epoch.
void draw_app(AppState& state, double now, double wall_clock);

// Sessions: begin_session opens the portal for a signed-in user (every
// portal starts afresh) and remembers the session for reloads of this tab
// (refreshed every minute while the app runs: keep_session_fresh);
// end_session forgets it (sign-out, or the server saying it has ended).
// restore_session reopens a remembered session at start-up, also offline,
// if the app was open in the tab within the last 30 minutes; the first request the
// server refuses with 401 ends it. `now`: seconds since the epoch.
void begin_session(AppState& state, const std::string& token, const std::string& name, const std::string& role,
    std::int64_t user_id, double now);
void keep_session_fresh(AppState& state);
void end_session(AppState& state);
void restore_session(AppState& state, double now);

// Starts a health check (also called every 30 seconds by draw_app).
void start_health_check(AppState& state, double now);

// The state a browser test may read: screen, health, form errors, portal
// summaries, widget rectangles and the last network result. Never includes a
// password or the token.
[[nodiscard]] Json state_for_tests(const AppState& state);

// [portals] one draw function per role, in portal_*.cpp
void draw_teacher_portal(AppState& state);
void draw_student_portal(AppState& state);
void draw_practice(AppState& state);
Json practice_summary(const AppState& state);
// A value loaded from the browser's storage: the stored outbox (merged into
// the current one) or the set in progress (resumed if no set was started yet).
void practice_store_loaded(AppState& state, const std::string& key, const std::string& json);
// Deletes the stored set in progress of the signed-in student (at sign-out).
void practice_sign_out(AppState& state);
void draw_parent_portal(AppState& state);
void draw_admin_portal(AppState& state);
Json teacher_summary(const AppState& state);
Json student_summary(const AppState& state);
Json parent_summary(const AppState& state);
Json admin_summary(const AppState& state);

} // namespace learnloop::client
