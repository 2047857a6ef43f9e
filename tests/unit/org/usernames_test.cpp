// ORG-2, ORG-3: usernames made by the seed decision's rule (Điều 3.2), table-driven.
#include <gtest/gtest.h>

#include <set>

#include "common/error.hpp"
#include "org/usernames.hpp"
#include "org/vn_text.hpp"

namespace hocvu::org {
namespace {

struct StemCase {
    const char* family;
    const char* middle;
    const char* given;
    const char* stem;
};

// đ/Đ, every tone mark (sắc, huyền, hỏi, ngã, nặng) on every vowel shape, compound given and family names.
const StemCase kStems[] = {
    {"Nguyễn", "Văn", "Toàn", "toannv"},                 // the decision's own example
    {"Đặng", "Thị Ánh", "Tuyết", "tuyetdta"},            // two middle names, Đ initial
    {"Đặng", "Thị", "Ánh Tuyết", "anhtuyetdt"},          // compound given name kept whole
    {"Đoàn", "", "Đức", "ducd"},                         // đ in the given name, no middle name
    {"đỗ", "đình", "đạt", "datdd"},                      // lower-case đ everywhere
    {"Lê", "Thị", "Bá", "balt"},                         // sắc
    {"Lê", "Thị", "Bà", "balt"},                         // huyền
    {"Lê", "Thị", "Bả", "balt"},                         // hỏi
    {"Lê", "Thị", "Bã", "balt"},                         // ngã
    {"Lê", "Thị", "Bạ", "balt"},                         // nặng
    {"Trần", "Thị", "Ngọc", "ngoctt"},                   // ọ
    {"Phạm", "Thị", "Hường", "huongpt"},                 // ư with horn and huyền
    {"Vương", "Quốc", "Khải", "khaivq"},                 // ơ, ố, ả
    {"Hồ", "Ngọc", "Ẩn", "anhn"},                        // Ẩ: circumflex + hỏi, upper case
    {"Dương", "Thị", "Ỷ", "ydt"},                        // ỷ
    {"Tôn Nữ", "Thị", "Ỳ", "ytnt"},                      // compound family name
    {"NGUYỄN", "VĂN", "TOÀN", "toannv"},                 // upper case input
    {"  Nguyễn ", " Văn  ", " Toàn ", "toannv"},         // stray spaces
    {"Y", "", "Bhiăm", "bhiamy"},                        // Ê Đê name, ă
    {"H'", "", "Liên", "lienh"},                         // apostrophe dropped
    {"Nguyễn", "Thị Minh", "Khai", "khaintm"},
};

TEST(StaffUsernameStem, FollowsTheRule) {
    for (const StemCase& c : kStems) {
        EXPECT_EQ(StaffUsernameStem({c.family, c.middle, c.given}), c.stem)
            << c.family << " | " << c.middle << " | " << c.given;
    }
}

TEST(StaffUsernameStem, NfdInputGivesTheSameStem) {
    // "Nguyễn Văn Toàn" typed with combining marks (NFD).
    std::string nfd_family = "Nguye\xcc\x82\xcc\x83n";
    std::string nfd_given = "Toa\xcc\x80n";
    EXPECT_EQ(StaffUsernameStem({nfd_family, "Va\xcc\x86n", nfd_given}), "toannv");
}

TEST(StaffUsername, WithUnitCodeAndCollisions) {
    EXPECT_EQ(StaffUsername("toannv", "thptchuvanan"), "toannv.thptchuvanan");
    EXPECT_EQ(StaffUsername("tuyetdta", "thcsledinhchinh"), "tuyetdta.thcsledinhchinh");
    EXPECT_EQ(StaffUsername("toannv", "thptchuvanan", 2), "toannv2.thptchuvanan");

    std::set<std::string> taken;
    auto pick = [&](const char* f, const char* m, const char* g, const char* unit) {
        std::string u = PickStaffUsername({f, m, g}, unit, [&](const std::string& s) { return taken.contains(s); });
        taken.insert(u);
        return u;
    };
    EXPECT_EQ(pick("Nguyễn", "Văn", "Toàn", "thptchuvanan"), "toannv.thptchuvanan");
    EXPECT_EQ(pick("Ngô", "Văn", "Toàn", "thptchuvanan"), "toannv2.thptchuvanan");
    EXPECT_EQ(pick("Nông", "Viết", "Toàn", "thptchuvanan"), "toannv3.thptchuvanan");
    EXPECT_EQ(pick("Nguyễn", "Văn", "Toàn", "thcsledinhchinh"), "toannv.thcsledinhchinh");  // other unit: free
}

TEST(StaffUsername, EmptyGivenNameIsRefused) {
    EXPECT_EQ(StaffUsernameStem({"Nguyễn", "Văn", ""}), "");
    EXPECT_THROW(PickStaffUsername({"Nguyễn", "Văn", " "}, "x", [](const std::string&) { return false; }), Error);
}

TEST(SplitFullName, FirstMiddleLast) {
    PersonName n = SplitFullName("Đặng Thị Ánh Tuyết");
    EXPECT_EQ(n.family, "Đặng");
    EXPECT_EQ(n.middle, "Thị Ánh");
    EXPECT_EQ(n.given, "Tuyết");
    EXPECT_EQ(SplitFullName("Toàn").given, "Toàn");
}

TEST(AdminUsername, DistrictUnderscoreUnit) {
    EXPECT_EQ(AdminUsername("gianghia", "thptchuvanan"), "gianghia_thptchuvanan");
    EXPECT_EQ(AdminUsername("ĐắkMil", "THCS-Nguyễn Du"), "dakmil_thcsnguyendu");
}

TEST(FoldAscii, DiacriticsInsensitiveSearchKey) {
    EXPECT_EQ(FoldAscii("Trường THPT Chu Văn An"), "truong thpt chu van an");
    EXPECT_EQ(FoldAscii("Đắk Nông"), "dak nong");
    EXPECT_EQ(FoldAscii("ĂÂÊÔƠƯĐ ăâêôơưđ"), "aaeooud aaeooud");
}

TEST(FoldAscii, EveryToneMarkOnEveryVowel) {
    // 134 accented Vietnamese vowels plus đ, lower and upper case, each folds to its base letter.
    EXPECT_EQ(FoldAscii("aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵdđAÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬEÈÉẺẼẸÊỀẾỂỄỆIÌÍỈĨỊOÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢUÙÚỦŨỤƯỪỨỬỮỰYỲÝỶỸỴDĐ"),
              "aaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyyddaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeiiiiiioooooooooooooooooouuuuuuuuuuuuyyyyyydd");
}

TEST(IsValidCode, LowerAsciiAndDigits) {
    EXPECT_TRUE(IsValidCode("thptchuvanan"));
    EXPECT_TRUE(IsValidCode("th2"));
    EXPECT_FALSE(IsValidCode(""));
    EXPECT_FALSE(IsValidCode("THPT"));
    EXPECT_FALSE(IsValidCode("chu van an"));
    EXPECT_FALSE(IsValidCode("chuvănan"));
}

}  // namespace
}  // namespace hocvu::org
