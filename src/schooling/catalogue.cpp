#include "schooling/catalogue.hpp"

#include <stdexcept>
#include <string>

namespace hocvu::schooling {

std::string_view ProgrammeText();  // generated from data/programme_2018.tsv

namespace {

std::vector<std::string> SplitTabs(std::string_view line) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (true) {
        std::size_t tab = line.find('\t', start);
        out.emplace_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
        if (tab == std::string_view::npos)
            break;
        start = tab + 1;
    }
    return out;
}

SubjectKind ParseKind(const std::string& text) {
    if (text == "compulsory")
        return SubjectKind::kCompulsory;
    if (text == "optional")
        return SubjectKind::kOptional;
    if (text == "elective")
        return SubjectKind::kElective;
    if (text == "topic")
        return SubjectKind::kTopic;
    throw std::logic_error("programme_2018.tsv: unknown kind " + text);
}

std::vector<CatalogueSubject> Load() {
    std::vector<CatalogueSubject> out;
    std::string_view text = ProgrammeText();
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#')
            continue;
        auto cells = SplitTabs(line);
        if (cells.size() < 6)
            throw std::logic_error("programme_2018.tsv: short line");
        CatalogueSubject s{cells[0], cells[1], cells[2], ParseKind(cells[3]), cells[4] == "scored", {}, {}};
        std::vector<int> grades = GradesOf(s.level);
        if (cells.size() != 5 + grades.size())
            throw std::logic_error("programme_2018.tsv: wrong grade count");
        for (std::size_t i = 0; i < grades.size(); ++i) {
            if (cells[5 + i] == "-")
                continue;
            s.grades.push_back(grades[i]);
            s.periods.push_back(std::stoi(cells[5 + i]));
        }
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace

std::string_view Name(SubjectKind kind) {
    switch (kind) {
        case SubjectKind::kCompulsory:
            return "compulsory";
        case SubjectKind::kOptional:
            return "optional";
        case SubjectKind::kElective:
            return "elective";
        case SubjectKind::kTopic:
            return "topic";
    }
    return "compulsory";
}

const std::vector<CatalogueSubject>& Catalogue() {
    static const std::vector<CatalogueSubject> catalogue = Load();
    return catalogue;
}

std::vector<int> GradesOf(std::string_view level) {
    if (level == "TH")
        return {1, 2, 3, 4, 5};
    if (level == "THCS")
        return {6, 7, 8, 9};
    if (level == "THPT")
        return {10, 11, 12};
    return {};
}

std::string_view LevelOf(int grade) {
    if (grade >= 1 && grade <= 5)
        return "TH";
    if (grade >= 6 && grade <= 9)
        return "THCS";
    if (grade >= 10 && grade <= 12)
        return "THPT";
    return "";
}

int PeriodsIn(const CatalogueSubject& subject, int grade) {
    for (std::size_t i = 0; i < subject.grades.size(); ++i) {
        if (subject.grades[i] == grade)
            return subject.periods[i];
    }
    return 0;
}

std::optional<CatalogueSubject> FindSubject(int grade, std::string_view code) {
    for (const CatalogueSubject& s : Catalogue()) {
        if (s.level == LevelOf(grade) && s.code == code && PeriodsIn(s, grade) > 0)
            return s;
    }
    return std::nullopt;
}

std::vector<CatalogueSubject> SubjectsOf(int grade, SubjectKind kind) {
    std::vector<CatalogueSubject> out;
    for (const CatalogueSubject& s : Catalogue()) {
        if (s.level == LevelOf(grade) && s.kind == kind && PeriodsIn(s, grade) > 0)
            out.push_back(s);
    }
    return out;
}

}  // namespace hocvu::schooling
