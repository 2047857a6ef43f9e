#include "assessment/subject_catalog.hpp"

#include <array>

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

}  // namespace

SubjectInfo LookUpSubject(std::string_view code) {
    if (code.empty()) {
        return {};
    }
    for (const CatalogEntry& entry : kCatalog) {
        if (entry.code.size() == code.size() && entry.code[0] == code[0] && entry.code == code) {
            return entry.info;
        }
    }
    return {};
}

}  // namespace hocvu::assessment
