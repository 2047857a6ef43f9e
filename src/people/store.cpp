#include "people/store.hpp"

namespace hocvu::people::store {

Student ReadStudent(const storage::Row& row) {
    Student s;
    s.unit_id = row.Int(0);
    s.id = row.Int(1);
    s.code = row.Text(2);
    s.family_name = row.Text(3);
    s.middle_name = row.Text(4);
    s.given_name = row.Text(5);
    s.full_name = row.Text(6);
    s.birth_date = row.Text(7);
    s.gender = row.Text(8);
    s.ethnicity = row.Text(9);
    s.birthplace = row.Text(10);
    s.address = row.Text(11);
    s.priority = row.Text(12);
    s.policy = row.Text(13);
    s.status = ParseStudentStatus(row.Text(14)).value_or(StudentStatus::kStudying);
    s.status_reason = row.Text(15);
    s.status_date = row.Text(16);
    s.origin_id = row.OptInt(17);
    return s;
}

Guardian ReadGuardian(const storage::Row& row) {
    return Guardian{row.Int(1),  row.Int(0),  row.Int(2),  row.Text(3),
                    row.Text(4), row.Text(5), row.Text(6), row.OptInt(7)};
}

StaffMember ReadStaff(const storage::Row& row) {
    StaffMember s;
    s.unit_id = row.Int(0);
    s.id = row.Int(1);
    s.account_id = row.OptInt(2);
    s.family_name = row.Text(3);
    s.middle_name = row.Text(4);
    s.given_name = row.Text(5);
    s.full_name = row.Text(6);
    s.birth_date = row.Text(7);
    s.gender = row.Text(8);
    s.ethnicity = row.Text(9);
    s.phone = row.Text(10);
    s.email = row.Text(11);
    s.position = row.Text(12);
    std::string subjects = row.Text(13);
    std::size_t start = 0;
    while (start < subjects.size()) {
        std::size_t comma = subjects.find(',', start);
        if (comma == std::string::npos)
            comma = subjects.size();
        if (comma > start)
            s.subjects.push_back(subjects.substr(start, comma - start));
        start = comma + 1;
    }
    s.qualification = row.Text(14);
    s.professional_rank = row.Text(15);
    s.status = row.Text(16);
    s.username = row.OptText(17).value_or("");
    return s;
}

}  // namespace hocvu::people::store
