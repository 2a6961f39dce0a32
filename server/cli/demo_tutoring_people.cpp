// The demo tutoring business's people: invented names, written for this
// project, from the families a London tutoring business teaches (Latin with
// accents, Vietnamese, Arabic, Cyrillic, Chinese, Japanese, Korean), each with
// the romanised sign-in the business would give them, and what each child
// learns with whom.
#include "cli/demo_tutoring.hpp"

namespace learnloop::server {

namespace {

constexpr DemoLoginLine k_logins[] = {
    { "admin", "admin@brightpath.learnloop.test" },
    { "moderator", "moderator@brightpath.learnloop.test" },
    { "tutor", "tutor@brightpath.learnloop.test" },
    { "student", "student@brightpath.learnloop.test" },
    { "parent", "parent@brightpath.learnloop.test" },
};

// The first is the tutor login. Rates in pence per hour; 0: the default.
constexpr DemoTutor k_tutors[] = {
    { "Tomás Tutor", "tutor", "Maths", "Room 1", 0 },
    { "Søren Madsen", "soren.madsen", "Piano", "Piano room", 3600 },
    { "Ahmed Karim", "ahmed.karim", "English", "Room 2", 0 },
    { "李华", "li.hua", "Chemistry", "Lab", 4500 },
};
constexpr int maths = 0, piano = 1, english = 2, chemistry = 3;

// After school on weekdays and on Saturday mornings, each tutor differently.
constexpr DemoWindow k_windows[] = {
    { maths, 1, 900, 1200 }, { maths, 2, 900, 1200 }, { maths, 3, 900, 1200 }, { maths, 4, 900, 1200 },
    { maths, 5, 900, 1200 }, { maths, 6, 540, 780 },
    { piano, 1, 900, 1200 }, { piano, 2, 900, 1200 }, { piano, 4, 900, 1200 }, { piano, 5, 900, 1200 },
    { piano, 6, 540, 720 },
    { english, 1, 930, 1200 }, { english, 2, 930, 1200 }, { english, 3, 930, 1200 }, { english, 4, 930, 1200 },
    { english, 6, 600, 780 },
    { chemistry, 2, 900, 1170 }, { chemistry, 3, 900, 1170 }, { chemistry, 4, 900, 1170 }, { chemistry, 6, 570, 750 },
};

constexpr auto weekly = DemoLessonKind::Ongoing;
constexpr auto fortnightly = DemoLessonKind::Fortnightly;

// Thirty children in nineteen families. The first child's first lesson is the
// minimal demo's series (Maths on Thursdays at 16:00).
constexpr DemoHousehold k_households[] = {
    { "Priya Parent", "parent", DemoPayer::Prompt,
        { { "Zoë Student", "student", { { maths, 60, weekly }, { piano, 30, weekly } } },
            { "Noah Student", "noah.student", { { english, 45, weekly } } } } },
    { "Nguyễn Thị Lan", "lan.nguyen", DemoPayer::Prompt,
        { { "Nguyễn Minh Khoa", "khoa.nguyen", { { maths, 60, weekly }, { chemistry, 60, weekly } } },
            { "Nguyễn Bảo Ngọc", "ngoc.nguyen", { { piano, 30, weekly } } } } },
    { "Fatima Al-Sayed", "fatima.alsayed", DemoPayer::PaysAhead,
        { { "Yusuf Al-Sayed", "yusuf.alsayed", { { maths, 60, weekly } } },
            { "Layla Al-Sayed", "layla.alsayed", { { english, 45, weekly }, { maths, 45, fortnightly } } },
            { "Omar Al-Sayed", "omar.alsayed", { { piano, 30, weekly } } } } },
    { "Ingrid Johansson", "ingrid.johansson", DemoPayer::Prompt,
        { { "Astrid Johansson", "astrid.johansson", { { piano, 45, weekly }, { english, 60, fortnightly } } } } },
    { "陈伟", "wei.chen", DemoPayer::Prompt,
        { { "陈小明", "xiaoming.chen", { { maths, 60, weekly }, { chemistry, 60, weekly } } },
            { "陈美丽", "meili.chen", { { piano, 45, weekly } } } } },
    { "Олена Коваленко", "olena.kovalenko", DemoPayer::Prompt,
        { { "Тарас Коваленко", "taras.kovalenko", { { maths, 45, weekly } } } } },
    { "Siobhán Kelly", "siobhan.kelly", DemoPayer::Prompt,
        { { "Ciarán Kelly", "ciaran.kelly", { { english, 60, weekly } } },
            { "Aoife Kelly", "aoife.kelly", { { maths, 45, weekly } } } } },
    { "Mehmet Demir", "mehmet.demir", DemoPayer::Overdue,
        { { "Elif Demir", "elif.demir", { { chemistry, 60, weekly }, { maths, 60, weekly } } } } },
    { "Grace Adeyemi", "grace.adeyemi", DemoPayer::PartPays,
        { { "Tobi Adeyemi", "tobi.adeyemi", { { maths, 60, DemoLessonKind::Split } } },
            { "Funmi Adeyemi", "funmi.adeyemi", { { english, 45, weekly }, { piano, 30, fortnightly } } } } },
    { "François Lefèvre", "francois.lefevre", DemoPayer::Prompt,
        { { "Chloé Lefèvre", "chloe.lefevre", { { piano, 60, weekly } } } } },
    { "Rahul Mehta", "rahul.mehta", DemoPayer::Prompt,
        { { "Aarav Mehta", "aarav.mehta", { { chemistry, 60, weekly } } },
            { "Diya Mehta", "diya.mehta", { { maths, 45, weekly } } } } },
    { "Hannah Schmidt", "hannah.schmidt", DemoPayer::Prompt,
        { { "Jonas Schmidt", "jonas.schmidt", { { english, 60, weekly } } } } },
    { "김서연", "seoyeon.kim", DemoPayer::Prompt,
        { { "김하준", "hajun.kim", { { maths, 60, weekly }, { piano, 30, weekly } } } } },
    { "Carlos Oliveira", "carlos.oliveira", DemoPayer::PartPays,
        { { "Beatriz Oliveira", "beatriz.oliveira", { { english, 45, weekly } } },
            { "Gabriel Oliveira", "gabriel.oliveira", { { maths, 30, weekly } } } } },
    { "Sarah Cohen", "sarah.cohen", DemoPayer::Prompt,
        { { "Eli Cohen", "eli.cohen", { { chemistry, 45, fortnightly }, { maths, 60, weekly } } } } },
    { "Tom Williams", "tom.williams", DemoPayer::Prompt,
        { { "Ruby Williams", "ruby.williams", { { piano, 30, weekly } } },
            { "Alfie Williams", "alfie.williams", { { english, 45, weekly } } } } },
    { "山本 直子", "naoko.yamamoto", DemoPayer::Prompt,
        { { "山本 陽太", "yota.yamamoto", { { maths, 60, weekly } } } } },
    { "Małgorzata Nowak", "malgorzata.nowak", DemoPayer::Prompt,
        { { "Zuzanna Nowak", "zuzanna.nowak", { { english, 60, fortnightly } } },
            { "Kacper Nowak", "kacper.nowak", { { chemistry, 60, DemoLessonKind::Course } } } } },
    { "أميرة حداد", "amira.haddad", DemoPayer::Prompt,
        { { "ريم حداد", "reem.haddad", { { english, 45, weekly }, { maths, 45, weekly } } } } },
};

const char* const k_maths_notes[] = {
    "Worked on quadratic equations: factorising and the formula.",
    "Simultaneous equations by elimination; needs more practice with negatives.",
    "Fractions, decimals and percentages: all the conversions are secure now.",
    "Past paper practice (non-calculator), 41/50.",
    "Pythagoras and right-angled trigonometry.",
    "Algebraic fractions: homework set on simplifying.",
};
const char* const k_piano_notes[] = {
    "Scales: G major and E minor, hands together.",
    "Started the new Grade 3 piece; the left hand needs slow practice.",
    "Sight-reading practice and clapping rhythms.",
    "Dynamics in the Clementi sonatina; lovely progress.",
    "Mock exam run-through, including aural tests.",
};
const char* const k_english_notes[] = {
    "Analysed the opening of 'Jane Eyre': setting and mood.",
    "Persuasive writing: structure and rhetorical devices.",
    "Spelling and punctuation review; apostrophes now confident.",
    "Planned an essay on ambition in 'Macbeth'.",
    "Comprehension practice with timed answers.",
};
const char* const k_chemistry_notes[] = {
    "Moles and concentration calculations.",
    "Wrote up the titration practical.",
    "Balancing equations, including ionic equations.",
    "Organic chemistry: alkanes, alkenes and their tests.",
    "Rates of reaction: reading the graphs.",
};

} // namespace

std::span<const DemoLoginLine> tutoring_demo_logins()
{
    return k_logins;
}

std::span<const DemoTutor> demo_tutors()
{
    return k_tutors;
}

std::span<const DemoWindow> demo_tutor_windows()
{
    return k_windows;
}

std::span<const DemoHousehold> demo_households()
{
    return k_households;
}

std::span<const char* const> demo_lesson_notes(int tutor)
{
    switch (tutor) {
    case maths: return k_maths_notes;
    case piano: return k_piano_notes;
    case english: return k_english_notes;
    default: return k_chemistry_notes;
    }
}

} // namespace learnloop::server
