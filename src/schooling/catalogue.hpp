#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "schooling/model.hpp"

namespace hocvu::schooling {

/// The 2018 programme's subjects, read once from data/programme_2018.tsv (embedded at build time).
const std::vector<CatalogueSubject>& Catalogue();

/// The grades of a level: TH 1–5, THCS 6–9, THPT 10–12; empty for another level.
std::vector<int> GradesOf(std::string_view level);

/// The level a grade belongs to.
std::string_view LevelOf(int grade);

/// The catalogue subject taught in `grade` with `code`, if any.
std::optional<CatalogueSubject> FindSubject(int grade, std::string_view code);

/// Periods per year of `subject` in `grade`, 0 when not taught.
int PeriodsIn(const CatalogueSubject& subject, int grade);

/// The subjects of `grade` of the given kind, in catalogue order.
std::vector<CatalogueSubject> SubjectsOf(int grade, SubjectKind kind);

}  // namespace hocvu::schooling
