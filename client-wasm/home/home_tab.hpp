// Each role's home page, the first screen after signing in: what needs doing
// now, each item a link to the screen where it is done.
//   teacher: work handed in and not yet marked; students who need help
//   student: today's practice; work overdue or due this week
//   parent:  each child at a glance (their week's practice, work due)
// Built from the replies the portals already read (the lists themselves come
// from shared-domain: tracker/work_lists.hpp, practice/heatmap.hpp).
#pragma once

#include "app.hpp"

#include <cstdint>
#include <map>

namespace learnloop::client {

struct HomeState {
    // Per class or child, loaded as they are listed. Entries are never
    // erased (a reply on its way points at its Remote); reopening the page
    // forgets them, so it always shows the work as it is now.
    std::map<std::int64_t, Remote> gradebooks;   // class id -> its gradebook
    std::map<std::int64_t, Remote> heatmaps;     // class id -> its heatmap (who needs help)
    std::map<std::int64_t, Remote> child_work;   // child id -> their assignments
    std::map<std::int64_t, Remote> child_practice;   // child id -> their mastery and history
    Remote practice;                              // the student's own mastery
    int drawn_frame = -2;                         // the last frame drawn: a gap means the page was reopened
    Json shown;                                   // what the page showed last frame, for the test hook
};

// `classes`: the teacher's classes (the portal loads them).
void draw_teacher_home(AppState& state, HomeState& home, Remote& classes);
// `assignments`: the student's assignment list (shared with their Assignments tab).
void draw_student_home(AppState& state, HomeState& home, Remote& assignments);
// `children`: the parent's children (shared with their Children tab).
void draw_parent_home(AppState& state, HomeState& home, Remote& children);

[[nodiscard]] Json home_summary(const HomeState& home);

} // namespace learnloop::client
