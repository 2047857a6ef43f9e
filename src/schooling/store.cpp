#include "schooling/store.hpp"

namespace hocvu::schooling::store {

SchoolYear ReadYear(const storage::Row& row) {
    return SchoolYear{row.Int(1), row.Int(0), row.Text(2), row.Text(3), row.Text(4), row.Text(5), {}};
}

ClassInfo ReadClass(const storage::Row& row) {
    ClassInfo c;
    c.unit_id = row.Int(0);
    c.id = row.Int(1);
    c.year_id = row.Int(2);
    c.grade = static_cast<int>(row.Int(3));
    c.name = row.Text(4);
    c.session = row.Text(5);
    c.homeroom_staff_id = row.OptInt(6);
    c.homeroom_name = row.OptText(7).value_or("");
    c.student_count = row.Int(8);
    return c;
}

TeachingAssignment ReadTeaching(const storage::Row& row) {
    return TeachingAssignment{row.Int(1),  row.Int(0),  row.Int(2),
                              row.Text(3), row.Text(4), static_cast<int>(row.Int(5)),
                              row.Int(6),  row.Text(7)};
}

Enrolment ReadEnrolment(const storage::Row& row) {
    return Enrolment{row.Int(1),  row.Int(0),  row.Int(2),  row.Int(3),  row.Int(4),
                     row.Text(5), row.Text(6), row.Text(7), row.Text(8), row.Text(9)};
}

Exemption ReadExemption(const storage::Row& row) {
    return Exemption{row.Int(1),  row.Int(0), row.Int(2), row.Int(3), static_cast<int>(row.Int(4)),
                     row.Text(5), row.Text(6)};
}

}  // namespace hocvu::schooling::store
