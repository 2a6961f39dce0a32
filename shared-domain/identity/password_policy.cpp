// The rule for a newly chosen password (see password_policy.hpp).
// [SECTION] text helpers, [SECTION] the common-password list, [SECTION] the rule
#include "identity/password_policy.hpp"

#include "core/validation.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace learnloop {

// The bytes of the list file, embedded at build time
// (cmake/embed_password_list.cmake): one password per line.
extern const unsigned char k_common_password_list[];
extern const std::size_t k_common_password_list_size;

namespace {

// [SECTION] text helpers ---------------------------------------------------

Error invalid(std::string message)
{
    return make_error(ErrorCode::InvalidArgument, std::move(message), "password");
}

char ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string to_ascii_lower(std::string_view text)
{
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(), ascii_lower);
    return out;
}

// Letters for the purpose of trimming: ASCII letters and every non-ASCII
// byte, so a word in any script is kept whole.
bool is_word_byte(char c)
{
    auto u = static_cast<unsigned char>(c);
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

// The code points of valid UTF-8 text (the caller checked it is valid).
std::vector<std::uint32_t> code_points(std::string_view text)
{
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < text.size();) {
        auto lead = static_cast<unsigned char>(text[i]);
        int extra = lead < 0x80 ? 0 : lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
        std::uint32_t cp = extra == 0 ? lead : extra == 1 ? (lead & 0x1F) : extra == 2 ? (lead & 0x0F) : (lead & 0x07);
        for (int k = 1; k <= extra && i + k < text.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += 1 + extra;
    }
    return out;
}

// C0 controls (tab, line feed, NUL, ...), DEL and the C1 controls: invisible,
// typed by accident or pasted, and never what a person means to remember.
bool is_control(std::uint32_t cp)
{
    return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F);
}

// How many characters a guesser could not predict: a character continuing a
// run of one repeated character or of a step of one (1234, dcba) adds
// nothing. "aaaaaaaaab" -> 3, "1234567890" -> 2, "correct horse" -> 13.
std::size_t unpredictable_length(const std::vector<std::uint32_t>& cps)
{
    std::size_t count = 0;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (i >= 2) {
            auto step = static_cast<std::int64_t>(cps[i]) - cps[i - 1];
            auto before = static_cast<std::int64_t>(cps[i - 1]) - cps[i - 2];
            if (step == before && step >= -1 && step <= 1)
                continue;
        }
        ++count;
    }
    return count;
}

std::size_t distinct_count(std::vector<std::uint32_t> cps)
{
    std::sort(cps.begin(), cps.end());
    return static_cast<std::size_t>(std::unique(cps.begin(), cps.end()) - cps.begin());
}

// Read as the letter it stands for; '1' reads as 'i' in one form and 'l' in another.
std::string read_look_alikes(std::string_view text, char one)
{
    std::string out(text);
    for (auto& c : out) {
        switch (c) {
        case '0': c = 'o'; break;
        case '1': c = one; break;
        case '3': c = 'e'; break;
        case '4': case '@': c = 'a'; break;
        case '5': case '$': c = 's'; break;
        case '7': c = 't'; break;
        default: break;
        }
    }
    return out;
}

// [SECTION] the common-password list ---------------------------------------

// Words a person signing up here reaches for first, which a general list
// does not rank: the product, the places and the roles.
constexpr std::array<std::string_view, 9> k_context_words = {
    "learnloop", "school", "schule", "teacher", "student", "parent", "classroom", "homework", "welcome",
};

// Every lookup form of every listed password, sorted for binary search; built
// once, on first use (about 4,000 entries).
const std::vector<std::string>& common_forms()
{
    static const std::vector<std::string> forms = [] {
        std::vector<std::string> out;
        auto add = [&](std::string_view entry) {
            for (auto& form : password_lookup_forms(entry))
                out.push_back(std::move(form));
        };
        std::string_view text(reinterpret_cast<const char*>(k_common_password_list), k_common_password_list_size);
        std::size_t start = 0;
        while (start < text.size()) {
            auto end = text.find('\n', start);
            if (end == std::string_view::npos)
                end = text.size();
            auto line = text.substr(start, end - start);
            if (!line.empty() && line.back() == '\r')
                line.remove_suffix(1);
            // Openwall's lists start with "#!comment:" lines.
            if (!line.empty() && line.substr(0, 10) != "#!comment:")
                add(line);
            start = end + 1;
        }
        for (auto word : k_context_words)
            add(word);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }();
    return forms;
}

// The parts of an email's local part and of a name worth refusing inside a
// password: lower-cased runs of letters and digits of 4 or more characters
// (shorter ones, "ana", are inside too many ordinary words).
std::vector<std::string> personal_words(const PasswordOwner& owner)
{
    std::vector<std::string> words;
    auto split = [&](std::string_view text) {
        std::string word;
        auto flush = [&] {
            if (utf8_length(word) >= 4)
                words.push_back(word);
            word.clear();
        };
        for (char c : text) {
            auto u = static_cast<unsigned char>(c);
            if (is_word_byte(c) || (c >= '0' && c <= '9'))
                word += ascii_lower(c);
            else if (u < 0x80)
                flush();
        }
        flush();
    };
    auto email = trim(owner.email);
    auto local = email.substr(0, email.find('@'));
    // The whole local part ("ana.lopez") and its parts ("lopez").
    if (utf8_length(local) >= 4)
        words.push_back(to_ascii_lower(local));
    split(local);
    split(owner.name);
    return words;
}

} // namespace

std::vector<std::string> password_lookup_forms(std::string_view password)
{
    std::vector<std::string> forms;
    auto add = [&](std::string form) {
        if (!form.empty() && std::find(forms.begin(), forms.end(), form) == forms.end())
            forms.push_back(std::move(form));
    };
    auto lowered = to_ascii_lower(password);
    add(lowered);
    auto first = std::find_if(lowered.begin(), lowered.end(), is_word_byte);
    auto last = std::find_if(lowered.rbegin(), lowered.rend(), is_word_byte).base();
    auto core = first < last ? std::string(first, last) : std::string();
    add(core);
    add(read_look_alikes(core, 'i'));
    add(read_look_alikes(core, 'l'));
    return forms;
}

bool is_common_password(std::string_view password)
{
    const auto& common = common_forms();
    for (const auto& form : password_lookup_forms(password))
        if (std::binary_search(common.begin(), common.end(), form))
            return true;
    return false;
}

std::size_t common_password_count()
{
    std::size_t count = 0;
    std::string_view text(reinterpret_cast<const char*>(k_common_password_list), k_common_password_list_size);
    for (std::size_t start = 0; start < text.size();) {
        auto end = std::min(text.find('\n', start), text.size());
        auto line = text.substr(start, end - start);
        if (!line.empty() && line.substr(0, 10) != "#!comment:")
            ++count;
        start = end + 1;
    }
    return count;
}

// [SECTION] the rule -------------------------------------------------------

Result<void> check_new_password(std::string_view password, const PasswordOwner& owner)
{
    if (password.empty())
        return invalid("Password is required");
    if (!is_valid_utf8(password))
        return invalid("Password must be valid UTF-8 text");
    auto cps = code_points(password);
    if (std::any_of(cps.begin(), cps.end(), is_control))
        return invalid("Remove tabs, line breaks and other invisible characters from your password");
    if (cps.size() < k_password_min_length)
        return invalid("Choose a longer password: at least 8 characters. A few unrelated words are easy to "
                       "remember and hard to guess");
    if (cps.size() > k_password_max_length)
        return invalid("Choose a shorter password: at most 128 characters");
    // At most one predictable character in the shortest password allowed.
    if (unpredictable_length(cps) < k_password_min_length - 1 || distinct_count(cps) < 5)
        return invalid("Choose a password that is not mostly one repeated character or a run such as 1234 or "
                       "abcd");
    if (is_common_password(password))
        return invalid("This password is one of the most common ones and is tried first by attackers; choose "
                       "something less predictable, such as a few unrelated words");
    auto lowered = to_ascii_lower(password);
    for (const auto& word : personal_words(owner))
        if (lowered.find(word) != std::string::npos)
            return invalid("Choose a password that does not contain your name or email address");
    return {};
}

} // namespace learnloop
