#include "reports/api/endpoints.hpp"

#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "org/api/json.hpp"
#include "org/vn_text.hpp"
#include "reports/exports.hpp"
#include "reports/views.hpp"
#include "reports/xlsx/writer.hpp"

namespace hocvu::reports::api {
namespace {

using nlohmann::json;
using org::api::Id;

json ToJson(const ClassRef& c) {
    return {{"id", Id(c.id)},
            {"unit_id", Id(c.unit_id)},
            {"name", c.name},
            {"grade", c.grade},
            {"year", c.year_name},
            {"school_name", c.school_name},
            {"homeroom_name", c.homeroom_name},
            {"regulation", c.regulation}};
}

json ToJson(const StudentRef& s) {
    return {{"id", Id(s.id)},
            {"code", s.code},
            {"full_name", s.full_name},
            {"birth_date", s.birth_date},
            {"gender", s.gender}};
}

json ToJson(const SubjectColumns& s) {
    return {{"code", s.code}, {"name", s.name}, {"scored", s.scored}, {"regular_labels", s.regular_labels}};
}

json ToJson(const SemesterScores& s) {
    return {{"exempt", s.exempt},
            {"regular", s.regular},
            {"midterm", s.midterm},
            {"final", s.final_},
            {"average", s.average}};
}

json ToJson(const StudentStanding& s) {
    return {{"learning", s.learning},
            {"conduct", s.conduct},
            {"absences", s.absences < 0 ? json(nullptr) : json(s.absences)},
            {"outcome", s.outcome},
            {"award", s.award},
            {"rank", s.rank > 0 ? json(s.rank) : json(nullptr)}};
}

json ToJson(const Distribution& d) {
    return {{"counts", d.counts},
            {"percent",
             [&] {
                 json out = json::array();
                 for (std::int64_t t : d.percent_tenths)
                     out.push_back(PercentText(t));
                 return out;
             }()},
            {"assessed", d.assessed},
            {"incomplete", d.incomplete}};
}

http::Response Xlsx(const Export& e) {
    http::Response response;
    response.status = 200;
    response.content_type = std::string(xlsx::kContentType);
    response.body = xlsx::Write(e.workbook);
    response.headers.emplace_back("Content-Disposition", ContentDisposition(e.file_name));
    response.headers.emplace_back("Cache-Control", "no-store");
    return response;
}

std::string PeriodParam(const http::Request& request, const char* fallback) {
    return request.Query("period").value_or(fallback);
}

}  // namespace

bool WantsXlsx(const http::Request& request) {
    if (auto format = request.Query("format")) {
        if (*format == "xlsx")
            return true;
        if (*format == "json")
            return false;
        throw Error(Code::kValidation, "format is json or xlsx");
    }
    return request.Header("accept").find(xlsx::kContentType) != std::string_view::npos;
}

std::string ContentDisposition(std::string_view file_name) {
    // ASCII fallback: Vietnamese letters without their marks, anything else unsafe as '-'.
    std::string ascii;
    std::string_view stem = file_name;
    std::string_view ext;
    if (auto dot = file_name.rfind('.'); dot != std::string_view::npos) {
        stem = file_name.substr(0, dot);
        ext = file_name.substr(dot);
    }
    for (char ch : org::FoldAscii(stem)) {
        const bool safe =
            (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' || ch == '.';
        if (safe) {
            ascii += ch;
        } else if (!ascii.empty() && ascii.back() != '-') {
            ascii += '-';
        }
    }
    while (!ascii.empty() && ascii.back() == '-')
        ascii.pop_back();
    if (ascii.empty())
        ascii = "bao-cao";
    ascii += ext;
    // RFC 5987 attr-char is sent as is; every other byte of the UTF-8 name as %XX.
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string encoded;
    for (char c : file_name) {
        const auto b = static_cast<unsigned char>(c);
        const bool attr = (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9') ||
                          std::string_view("!#$&+-.^_`|~").find(c) != std::string_view::npos;
        if (attr) {
            encoded += c;
        } else {
            encoded += '%';
            encoded += kHex[b >> 4];
            encoded += kHex[b & 0xF];
        }
    }
    return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
}

http::Response GetStudentGradeSheet(org::Call& call) {
    const bool excel = WantsXlsx(call.request);
    StudentGradeSheet sheet = reports::GetStudentGradeSheet(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                                            org::PathId(call.request, "student_id"));
    if (excel)
        return Xlsx(ExportStudentGradeSheet(sheet));
    json subjects = json::array();
    for (const auto& row : sheet.subjects) {
        json s = ToJson(row.subject);
        s["hk1"] = ToJson(row.hk1);
        s["hk2"] = ToJson(row.hk2);
        s["year"] = row.year;
        subjects.push_back(std::move(s));
    }
    return org::api::JsonResponse(
        200, {{"class", ToJson(sheet.cls)},
              {"student", ToJson(sheet.student)},
              {"subjects", subjects},
              {"learning", {{"hk1", sheet.learning[0]}, {"hk2", sheet.learning[1]}, {"year", sheet.learning[2]}}},
              {"explanation", sheet.explanation}});
}

http::Response GetClassGradeSheet(org::Call& call) {
    const bool excel = WantsXlsx(call.request);
    ClassGradeSheet sheet = reports::GetClassGradeSheet(call.ctx, call.Who(), org::PathId(call.request, "class_id"),
                                                        call.request.PathParam("subject_code"));
    if (excel)
        return Xlsx(ExportClassGradeSheet(sheet));
    json rows = json::array();
    for (const auto& row : sheet.rows) {
        rows.push_back(
            {{"student", ToJson(row.student)}, {"hk1", ToJson(row.hk1)}, {"hk2", ToJson(row.hk2)}, {"year", row.year}});
    }
    return org::api::JsonResponse(200,
                                  {{"class", ToJson(sheet.cls)}, {"subject", ToJson(sheet.subject)}, {"rows", rows}});
}

namespace {

http::Response Summary(org::Call& call, const std::string& period, bool year_classification) {
    const bool excel = WantsXlsx(call.request);
    ClassSummary summary =
        reports::GetClassSummary(call.ctx, call.Who(), org::PathId(call.request, "class_id"), period);
    if (excel)
        return Xlsx(ExportClassSummary(summary, year_classification));
    json subjects = json::array();
    for (const auto& s : summary.subjects)
        subjects.push_back(ToJson(s));
    json rows = json::array();
    for (const auto& row : summary.rows) {
        rows.push_back({{"student", ToJson(row.student)},
                        {"averages", row.averages},
                        {"standing", ToJson(row.standing)},
                        {"explanation", row.explanation}});
    }
    return org::api::JsonResponse(200, {{"class", ToJson(summary.cls)},
                                        {"period", summary.period},
                                        {"subjects", subjects},
                                        {"rows", rows},
                                        {"levels", [&] {
                                             json levels = summary.levels;
                                             levels.push_back("incomplete");
                                             return levels;
                                         }()},
                                        {"learning_counts", summary.learning_counts},
                                        {"conduct_counts", summary.conduct_counts},
                                        {"has_conduct", summary.has_conduct}});
}

}  // namespace

http::Response GetClassSummary(org::Call& call) {
    return Summary(call, PeriodParam(call.request, "year"), false);
}

http::Response GetYearClassification(org::Call& call) {
    return Summary(call, "year", true);
}

http::Response GetReportCard(org::Call& call) {
    const bool excel = WantsXlsx(call.request);
    ReportCard card =
        reports::GetReportCard(call.ctx, call.Who(), org::api::QueryId(call.request, "class_id").value_or(0),
                               org::PathId(call.request, "student_id"), PeriodParam(call.request, "year"));
    if (excel)
        return Xlsx(ExportReportCard(card));
    json subjects = json::array();
    for (const auto& row : card.subjects) {
        subjects.push_back(
            {{"code", row.code}, {"name", row.name}, {"hk1", row.hk1}, {"hk2", row.hk2}, {"year", row.year}});
    }
    return org::api::JsonResponse(200, {{"class", ToJson(card.cls)},
                                        {"student", ToJson(card.student)},
                                        {"period", card.period},
                                        {"subjects", subjects},
                                        {"standing", ToJson(card.standing)},
                                        {"homeroom_comment", card.homeroom_comment},
                                        {"explanation", card.explanation}});
}

http::Response GetClassificationRates(org::Call& call) {
    const bool excel = WantsXlsx(call.request);
    ClassificationRates rates =
        reports::GetClassificationRates(call.ctx, call.Who(), org::PathId(call.request, "unit_id"),
                                        call.request.Query("year").value_or(""), PeriodParam(call.request, "year"));
    if (excel)
        return Xlsx(ExportClassificationRates(rates));
    json subjects = json::array();
    for (const auto& row : rates.subjects) {
        subjects.push_back({{"code", row.code},
                            {"name", row.name},
                            {"grade", row.grade},
                            {"scored", row.scored},
                            {"distribution", ToJson(row.distribution)}});
    }
    json grades = json::array();
    for (const auto& row : rates.grades) {
        grades.push_back({{"grade", row.grade},
                          {"classes", row.classes},
                          {"students", row.students},
                          {"learning", ToJson(row.learning)},
                          {"conduct", row.has_conduct ? ToJson(row.conduct) : json(nullptr)}});
    }
    return org::api::JsonResponse(200, {{"unit_id", Id(rates.unit_id)},
                                        {"school_name", rates.school_name},
                                        {"year", rates.year_name},
                                        {"period", rates.period},
                                        {"scored_levels", rates.scored_levels},
                                        {"comment_levels", rates.comment_levels},
                                        {"learning_levels", rates.learning_levels},
                                        {"skipped_classes", rates.skipped_classes},
                                        {"subjects", subjects},
                                        {"grades", grades}});
}

}  // namespace hocvu::reports::api
