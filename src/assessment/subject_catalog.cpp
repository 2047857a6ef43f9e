#include "assessment/subject_catalog.hpp"

#include <array>
#include <cstdint>

namespace hocvu::assessment {
namespace {

struct CatalogEntry {
    std::string_view code;
    SubjectInfo info;
};

// Codes used by the gradebook and the `hocvu assess` contract; aliases map to the same subject.
// TT27 Điều 7 khoản 1: Tiếng Việt and Toán are tested from grade 1; Ngoại ngữ 1 and Tin học và Công nghệ
// from grade 3 (Ngoại ngữ 1 is elective in grades 1–2, A11); Lịch sử và Địa lí and Khoa học from grade 4.
constexpr std::array kCatalog{
    CatalogEntry{"TOAN", {"Toán", SubjectRole::kMath, 1}},
    CatalogEntry{"VAN", {"Ngữ văn", SubjectRole::kLiterature, 0}},
    CatalogEntry{"NGUVAN", {"Ngữ văn", SubjectRole::kLiterature, 0}},
    CatalogEntry{"NV", {"Ngữ văn", SubjectRole::kLiterature, 0}},
    CatalogEntry{"NN", {"Ngoại ngữ", SubjectRole::kForeignLanguage, 3}},
    CatalogEntry{"NN1", {"Ngoại ngữ 1", SubjectRole::kForeignLanguage, 3}},
    CatalogEntry{"TA", {"Tiếng Anh", SubjectRole::kForeignLanguage, 3}},
    CatalogEntry{"NN2", {"Ngoại ngữ 2", SubjectRole::kOther, 0}},
    CatalogEntry{"GDCD", {"Giáo dục công dân", SubjectRole::kOther, 0}},
    CatalogEntry{"LSDL", {"Lịch sử và Địa lí", SubjectRole::kOther, 4}},
    CatalogEntry{"KHTN", {"Khoa học tự nhiên", SubjectRole::kOther, 0}},
    CatalogEntry{"CN", {"Công nghệ", SubjectRole::kOther, 0}},
    CatalogEntry{"CONGNGHE", {"Công nghệ", SubjectRole::kOther, 0}},
    CatalogEntry{"TIN", {"Tin học", SubjectRole::kOther, 0}},
    CatalogEntry{"TINHOC", {"Tin học", SubjectRole::kOther, 0}},
    CatalogEntry{"GDTC", {"Giáo dục thể chất", SubjectRole::kOther, 0}},
    CatalogEntry{"TD", {"Thể dục", SubjectRole::kOther, 0}},
    CatalogEntry{"NT", {"Nghệ thuật", SubjectRole::kOther, 0}},
    CatalogEntry{"NGHETHUAT", {"Nghệ thuật", SubjectRole::kOther, 0}},
    CatalogEntry{"AMNHAC", {"Âm nhạc", SubjectRole::kOther, 0}},
    CatalogEntry{"MITHUAT", {"Mĩ thuật", SubjectRole::kOther, 0}},
    CatalogEntry{"HDTN", {"Hoạt động trải nghiệm, hướng nghiệp", SubjectRole::kOther, 0}},
    CatalogEntry{"HDTNHN", {"Hoạt động trải nghiệm, hướng nghiệp", SubjectRole::kOther, 0}},
    CatalogEntry{"GDDP", {"Nội dung giáo dục của địa phương", SubjectRole::kOther, 0}},
    CatalogEntry{"NDGDDP", {"Nội dung giáo dục của địa phương", SubjectRole::kOther, 0}},
    CatalogEntry{"LY", {"Vật lí", SubjectRole::kOther, 0}},
    CatalogEntry{"VATLI", {"Vật lí", SubjectRole::kOther, 0}},
    CatalogEntry{"HOA", {"Hóa học", SubjectRole::kOther, 0}},
    CatalogEntry{"SINH", {"Sinh học", SubjectRole::kOther, 0}},
    CatalogEntry{"SU", {"Lịch sử", SubjectRole::kOther, 0}},
    CatalogEntry{"LICHSU", {"Lịch sử", SubjectRole::kOther, 0}},
    CatalogEntry{"DIA", {"Địa lí", SubjectRole::kOther, 0}},
    CatalogEntry{"DIALI", {"Địa lí", SubjectRole::kOther, 0}},
    CatalogEntry{"GDKTPL", {"Giáo dục kinh tế và pháp luật", SubjectRole::kOther, 0}},
    CatalogEntry{"GDQPAN", {"Giáo dục quốc phòng và an ninh", SubjectRole::kOther, 0}},
    CatalogEntry{"TV", {"Tiếng Việt", SubjectRole::kOther, 1}},
    CatalogEntry{"DAODUC", {"Đạo đức", SubjectRole::kOther, 0}},
    CatalogEntry{"TNXH", {"Tự nhiên và Xã hội", SubjectRole::kOther, 0}},
    CatalogEntry{"KH", {"Khoa học", SubjectRole::kOther, 4}},
    CatalogEntry{"TINCN", {"Tin học và Công nghệ", SubjectRole::kOther, 3}},
    CatalogEntry{"HDTRAINGHIEM", {"Hoạt động trải nghiệm", SubjectRole::kOther, 0}},
    CatalogEntry{"TIENGDANTOC", {"Tiếng dân tộc thiểu số", SubjectRole::kOther, 0}},
};

// A code of up to 16 bytes packed into two integers, so that a look-up compares integers, not strings.
struct PackedCode {
    std::uint64_t low = 0;
    std::uint64_t high = 0;
    friend constexpr bool operator==(PackedCode, PackedCode) = default;
};

constexpr std::size_t kMaxPackedLength = 16;

constexpr PackedCode Pack(std::string_view code) {
    PackedCode packed;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(code[i]));
        if (i < 8) {
            packed.low |= byte << (8 * i);
        } else {
            packed.high |= byte << (8 * (i - 8));
        }
    }
    return packed;
}

constexpr std::size_t Slot(PackedCode code, std::size_t size) {
    return static_cast<std::size_t>(((code.low ^ (code.high * 31)) * 0x9E3779B97F4A7C15ULL) >> 32) % size;
}

// An open-addressing table of catalog indexes (kEmpty where free), built at compile time.
constexpr std::size_t kTableSize = 128;
constexpr std::uint8_t kEmpty = 0xff;
constexpr std::array<std::uint8_t, kTableSize> kTable = [] {
    std::array<std::uint8_t, kTableSize> table{};
    table.fill(kEmpty);
    for (std::size_t i = 0; i < kCatalog.size(); ++i) {
        std::size_t slot = Slot(Pack(kCatalog[i].code), kTableSize);
        while (table[slot] != kEmpty) {
            slot = (slot + 1) % kTableSize;
        }
        table[slot] = static_cast<std::uint8_t>(i);
    }
    return table;
}();

}  // namespace

SubjectInfo LookUpSubject(std::string_view code) {
    if (code.empty() || code.size() > kMaxPackedLength) {
        return {};
    }
    const PackedCode key = Pack(code);
    for (std::size_t slot = Slot(key, kTableSize); kTable[slot] != kEmpty; slot = (slot + 1) % kTableSize) {
        const CatalogEntry& entry = kCatalog[kTable[slot]];
        if (entry.code == code) {
            return entry.info;
        }
    }
    return {};
}

}  // namespace hocvu::assessment
