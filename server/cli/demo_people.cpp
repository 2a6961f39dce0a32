// The demo school's families: invented names, written for this project, in the
// scripts a London school's register holds (Latin with accents, Cyrillic, CJK,
// Arabic), each with the romanised sign-in a school would give them.
#include "cli/demo_school.hpp"

namespace learnloop::server {

namespace {

// One line per child: the child, then the parent linked to them. A parent
// named twice (same email) has two children in the school. The demo's own
// student and parent (Sam and Pat) are added by the seed, not listed here.
constexpr DemoFamily k_families[] = {
    // student                       student login            parent                         parent login
    { "Oliver Bennett",              "oliver.bennett",        "Claire Bennett",              "claire.bennett" },
    { "Amelia Hughes",               "amelia.hughes",         "Mark Hughes",                 "mark.hughes" },
    { "Harry Clarke",                "harry.clarke",          "Joanne Clarke",               "joanne.clarke" },
    { "Isla Murphy",                 "isla.murphy",           "Siobhán Murphy",              "siobhan.murphy" },
    { "Priya Patel",                 "priya.patel",           "Rajesh Patel",                "rajesh.patel" },
    { "Aoife O'Connor",              "aoife.oconnor",         "Niamh O'Connor",              "niamh.oconnor" },
    { "Jack Robinson",               "jack.robinson",         "Emma Robinson",               "emma.robinson" },
    { "Freya Walsh",                 "freya.walsh",           "Daniel Walsh",                "daniel.walsh" },
    { "Noah Thompson",               "noah.thompson",         "Rachel Thompson",             "rachel.thompson" },
    { "Ruby Ellis",                  "ruby.ellis",            "Simon Ellis",                 "simon.ellis" },
    { "Chloë Davies",                "chloe.davies",          "Gareth Davies",               "gareth.davies" },
    { "Kwame Mensah",                "kwame.mensah",          "Abena Mensah",                "abena.mensah" },
    { "Chidi Okafor",                "chidi.okafor",          "Ngozi Okafor",                "ngozi.okafor" },
    { "Arjun Sharma",                "arjun.sharma",          "Sunita Sharma",               "sunita.sharma" },
    { "Zara Ahmed",                  "zara.ahmed",            "Imran Ahmed",                 "imran.ahmed" },
    { "Zofia Kowalska",              "zofia.kowalska",        "Anna Kowalska",               "anna.kowalska" },
    { "Jakub Nowak",                 "jakub.nowak",           "Tomasz Nowak",                "tomasz.nowak" },
    { "Wiktoria Wiśniewska",         "wiktoria.wisniewska",   "Małgorzata Wiśniewska",       "malgorzata.wisniewska" },
    { "Michał Zieliński",            "michal.zielinski",      "Agnieszka Zielińska",         "agnieszka.zielinska" },
    { "Łucja Wójcik",                "lucja.wojcik",          "Paweł Wójcik",                "pawel.wojcik" },
    { "Szymon Lewandowski",          "szymon.lewandowski",    "Katarzyna Lewandowska",       "katarzyna.lewandowska" },
    { "Lucía Fernández",             "lucia.fernandez",       "Javier Fernández",            "javier.fernandez" },
    { "Mateo García",                "mateo.garcia",          "Carmen García",               "carmen.garcia" },
    { "Sofía Martínez",              "sofia.martinez",        "Alejandro Martínez",          "alejandro.martinez" },
    { "Martín Rodríguez",            "martin.rodriguez",      "Elena Rodríguez",             "elena.rodriguez" },
    { "Valentina Gómez",             "valentina.gomez",       "Andrés Gómez",                "andres.gomez" },
    { "Iñigo Etxeberria",            "inigo.etxeberria",      "Ane Etxeberria",              "ane.etxeberria" },
    { "João Silva",                  "joao.silva",            "Mariana Silva",               "mariana.silva" },
    { "Inês Costa",                  "ines.costa",            "Rui Costa",                   "rui.costa" },
    { "Олена Шевченко",              "olena.shevchenko",      "Ірина Шевченко",              "iryna.shevchenko" },
    { "Андрій Коваленко",            "andrii.kovalenko",      "Оксана Коваленко",            "oksana.kovalenko" },
    { "Марія Бондаренко",            "mariia.bondarenko",     "Василь Бондаренко",           "vasyl.bondarenko" },
    { "Дмитро Ткаченко",             "dmytro.tkachenko",      "Наталія Ткаченко",            "nataliia.tkachenko" },
    { "Анастасия Иванова",           "anastasia.ivanova",     "Елена Иванова",               "elena.ivanova" },
    { "Михаил Смирнов",              "mikhail.smirnov",       "Сергей Смирнов",              "sergei.smirnov" },
    { "Софія Мельник",               "sofiia.melnyk",         "Юлія Мельник",                "yuliia.melnyk" },
    { "王芳",                        "wang.fang",             "王伟",                        "wang.wei" },
    { "李娜",                        "li.na",                 "李强",                        "li.qiang" },
    { "张伟",                        "zhang.wei",             "张丽",                        "zhang.li" },
    { "陈静",                        "chen.jing",             "陈刚",                        "chen.gang" },
    { "刘洋",                        "liu.yang",              "刘敏",                        "liu.min" },
    { "黄子轩",                      "huang.zixuan",          "黄美玲",                      "huang.meiling" },
    { "佐藤 陽菜",                   "hina.sato",             "佐藤 健一",                   "kenichi.sato" },
    { "鈴木 蓮",                     "ren.suzuki",            "鈴木 由美",                   "yumi.suzuki" },
    { "高橋 さくら",                 "sakura.takahashi",      "高橋 誠",                     "makoto.takahashi" },
    { "田中 悠真",                   "yuma.tanaka",           "田中 恵子",                   "keiko.tanaka" },
    { "김민준",                      "minjun.kim",            "김지현",                      "jihyun.kim" },
    { "ليلى حداد",                   "layla.haddad",          "سامي حداد",                   "sami.haddad" },
    { "Omar Khalil",                 "omar.khalil",           "Rania Khalil",                "rania.khalil" },
    { "يوسف منصور",                  "youssef.mansour",       "هدى منصور",                   "huda.mansour" },
    { "Emre Yılmaz",                 "emre.yilmaz",           "Ayşe Yılmaz",                 "ayse.yilmaz" },
    { "Nguyễn Minh Anh",             "minhanh.nguyen",        "Nguyễn Văn Hùng",             "hung.nguyen" },
    { "Eleni Papadopoulou",          "eleni.papadopoulou",    "Nikos Papadopoulos",          "nikos.papadopoulos" },
    { "Lena Schäfer",                "lena.schafer",          "Jürgen Schäfer",              "jurgen.schafer" },
    { "Matteo Rossi",                "matteo.rossi",          "Giulia Rossi",                "giulia.rossi" },
    { "Léa Dubois",                  "lea.dubois",            "Céline Dubois",               "celine.dubois" },
    { "Björn Lindqvist",             "bjorn.lindqvist",       "Karin Lindqvist",             "karin.lindqvist" },
    { "Ananya Iyer",                 "ananya.iyer",           "Lakshmi Iyer",                "lakshmi.iyer" },
    { "Tomás Byrne",                 "tomas.byrne",           "Deirdre Byrne",               "deirdre.byrne" },
    { "Amara Nwosu",                 "amara.nwosu",           "Chinedu Nwosu",               "chinedu.nwosu" },
    { "Ethan Walker",                "ethan.walker",          "Laura Walker",                "laura.walker" },
    { "Grace Mitchell",              "grace.mitchell",        "Paul Mitchell",               "paul.mitchell" },
    { "Alfie Turner",                "alfie.turner",          "Helen Turner",                "helen.turner" },
    { "Poppy Harrison",              "poppy.harrison",        "James Harrison",              "james.harrison" },
    { "Leo Morgan",                  "leo.morgan",            "Sarah Morgan",                "sarah.morgan" },
    { "Evie Chapman",                "evie.chapman",          "Nick Chapman",                "nick.chapman" },
    { "Mohammed Hussain",            "mohammed.hussain",      "Fatima Hussain",              "fatima.hussain" },
    { "Maya Goldberg",               "maya.goldberg",         "David Goldberg",              "david.goldberg" },
    // Brothers and sisters of children above: the same parent, two children.
    { "Jan Kowalski",                "jan.kowalski",          "Anna Kowalska",               "anna.kowalska" },
    { "王磊",                        "wang.lei",              "王伟",                        "wang.wei" },
    { "Pablo García",                "pablo.garcia",          "Carmen García",               "carmen.garcia" },
};

} // namespace

std::span<const DemoFamily> demo_families()
{
    return k_families;
}

} // namespace learnloop::server
