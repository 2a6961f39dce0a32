// Practice-set selection: seat allocation over targets, then template choice
// within each target by history and difficulty.
#include "practice/selection.hpp"

#include "practice/mastery.hpp"
#include "practice/tasks.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <string_view>
#include <tuple>
#include <utility>

namespace learnloop {

SelectionTarget selection_target(std::string target_id, double known)
{
    return { std::move(target_id), known, known >= level_threshold(MasteryLevel::Mastered) };
}

DifficultyBand difficulty_band(double mastery)
{
    if (!(mastery >= 0.4))   // also NaN
        return { 1, 2 };
    if (mastery <= 0.7)
        return { 2, 4 };
    return { 3, 5 };
}

namespace {

constexpr std::size_t k_not_recent = std::numeric_limits<std::size_t>::max();

struct Candidate {
    const SelectionTemplate* tmpl = nullptr;
    std::size_t recent_position = k_not_recent;   // 0 = answered last
};

struct Pool {
    SelectionTarget target;
    SelectionReason reason = SelectionReason::Practice;
    double weight = 1;
    std::vector<Candidate> ranked;   // best first: fresh, then recent (least recent first)
    std::size_t fresh = 0;           // how many of `ranked` are not recent
    std::size_t last_seen = k_not_recent;
    std::size_t seats = 0;
};

double clamped_mastery(double mastery)
{
    return std::isnan(mastery) ? 0.0 : std::clamp(mastery, 0.0, 1.0);
}

int band_distance(int difficulty, DifficultyBand band)
{
    return difficulty < band.low ? band.low - difficulty : difficulty > band.high ? difficulty - band.high : 0;
}

// Gives up to `seats` seats to `pools`, one at a time to the pool with the
// highest weight / (seats held + 1) that still has room under `capacity`
// (D'Hondt); ties go to the earlier pool. Returns the seats given.
template<typename Capacity>
std::size_t allocate(std::vector<Pool*>& pools, std::size_t seats, Capacity capacity)
{
    std::size_t given = 0;
    while (given < seats) {
        Pool* best = nullptr;
        for (auto* pool : pools) {
            if (pool->seats >= capacity(*pool))
                continue;
            // Compare weight / (seats + 1) by cross-multiplying, avoiding division.
            if (!best
                || pool->weight * static_cast<double>(best->seats + 1)
                    > best->weight * static_cast<double>(pool->seats + 1))
                best = pool;
        }
        if (!best)
            break;
        ++best->seats;
        ++given;
    }
    return given;
}

} // namespace

std::vector<SelectedTask> select_tasks(const SelectionInput& input)
{
    // Recent positions, within the window, earliest occurrence wins.
    std::map<std::string, std::size_t, std::less<>> recent;
    for (std::size_t i = 0; i < input.recent_template_ids.size() && i < input.recent_window; ++i)
        recent.emplace(input.recent_template_ids[i], i);

    // One pool per assigned target (first entry wins on duplicates).
    std::vector<Pool> pools;
    std::map<std::string, std::size_t, std::less<>> pool_index;
    for (auto& target : input.targets) {
        if (pool_index.contains(target.target_id))
            continue;
        Pool pool;
        pool.target = target;
        pool.target.mastery = clamped_mastery(target.mastery);
        pool.reason = target.mastered ? SelectionReason::Review : SelectionReason::Practice;
        pool.weight = pool.reason == SelectionReason::Practice ? 1.1 - pool.target.mastery : 1.0;
        pool_index.emplace(target.target_id, pools.size());
        pools.push_back(std::move(pool));
    }
    std::set<std::string, std::less<>> seen_templates;
    for (auto& tmpl : input.templates) {
        auto it = pool_index.find(tmpl.target_id);
        if (it == pool_index.end() || !seen_templates.insert(tmpl.template_id).second)
            continue;
        Candidate candidate { &tmpl, k_not_recent };
        if (auto r = recent.find(tmpl.template_id); r != recent.end())
            candidate.recent_position = r->second;
        pools[it->second].ranked.push_back(candidate);
    }

    for (auto& pool : pools) {
        auto band = difficulty_band(pool.target.mastery);
        auto key = [&](const Candidate& c) {
            bool is_recent = c.recent_position != k_not_recent;
            // Least recently answered first among recent ones: larger position first.
            auto recency = is_recent ? k_not_recent - c.recent_position : 0;
            return std::tuple(is_recent, recency, band_distance(c.tmpl->difficulty, band),
                mix_seed(input.seed, hash_text(c.tmpl->template_id)), std::string_view(c.tmpl->template_id));
        };
        std::sort(pool.ranked.begin(), pool.ranked.end(),
            [&](const Candidate& a, const Candidate& b) { return key(a) < key(b); });
        for (auto& candidate : pool.ranked) {
            if (candidate.recent_position == k_not_recent)
                ++pool.fresh;
            else
                pool.last_seen = std::min(pool.last_seen, candidate.recent_position);
        }
    }

    // Practice: weakest first. Review: practised least recently first (a
    // larger last_seen is longer ago; never seen is the largest), then weaker,
    // then a seeded shuffle so equal targets take turns across sets.
    std::vector<Pool*> practice, review;
    for (auto& pool : pools)
        if (!pool.ranked.empty())
            (pool.reason == SelectionReason::Practice ? practice : review).push_back(&pool);
    std::sort(practice.begin(), practice.end(), [](const Pool* a, const Pool* b) {
        return std::tie(a->target.mastery, a->target.target_id) < std::tie(b->target.mastery, b->target.target_id);
    });
    std::sort(review.begin(), review.end(), [&](const Pool* a, const Pool* b) {
        auto key = [&](const Pool* p) {
            return std::tuple(k_not_recent - p->last_seen, p->target.mastery,
                mix_seed(input.seed, hash_text(p->target.target_id)), std::string_view(p->target.target_id));
        };
        return key(a) < key(b);
    });

    std::size_t size = input.set_size;
    std::size_t review_share = review.empty() ? 0 : practice.empty() ? size : (size + 2) / 5;
    auto fresh = [](const Pool& pool) { return pool.fresh; };
    auto any = [](const Pool& pool) { return pool.ranked.size(); };

    std::size_t filled = allocate(practice, size - review_share, fresh);
    filled += allocate(review, review_share, fresh);
    // Seats one group could not fill with fresh templates go to the other,
    // and only then to recently answered templates.
    filled += allocate(practice, size - filled, fresh);
    filled += allocate(review, size - filled, fresh);
    filled += allocate(practice, size - filled, any);
    filled += allocate(review, size - filled, any);

    // Each target's chosen templates, easiest first; then round-robin.
    std::vector<Pool*> order = practice;
    order.insert(order.end(), review.begin(), review.end());
    std::vector<std::vector<const Candidate*>> chosen;
    for (auto* pool : order) {
        std::vector<const Candidate*> picks;
        for (std::size_t i = 0; i < pool->seats; ++i)
            picks.push_back(&pool->ranked[i]);
        std::stable_sort(picks.begin(), picks.end(),
            [](const Candidate* a, const Candidate* b) { return a->tmpl->difficulty < b->tmpl->difficulty; });
        chosen.push_back(std::move(picks));
    }
    std::vector<SelectedTask> set;
    for (std::size_t round = 0; set.size() < filled; ++round) {
        for (std::size_t p = 0; p < order.size(); ++p) {
            if (round >= chosen[p].size())
                continue;
            auto& tmpl = *chosen[p][round]->tmpl;
            set.push_back({ tmpl.template_id, tmpl.target_id, tmpl.difficulty, order[p]->reason,
                mix_seed(input.seed, hash_text(tmpl.template_id)) });
        }
    }
    return set;
}

} // namespace learnloop
