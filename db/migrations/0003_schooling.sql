-- School years, classes, curriculum, staff and student records, assignments, enrolments and the student
-- lifecycle (issue 5, SCH-1…SCH-9, SCH-14). Every table is a tenant table: unit_id (the school) comes first in its
-- primary key. Dates are 'YYYY-MM-DD' text.

-- A school year of one school, e.g. '2026-2027'.
CREATE TABLE school_years (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    name TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id),
    UNIQUE (unit_id, name)
);
CREATE INDEX school_years_id ON school_years (id);

-- Học kì I and II of a year.
CREATE TABLE semesters (
    unit_id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    number BIGINT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    PRIMARY KEY (unit_id, year_id, number)
);

-- The subjects a grade learns in a year at this school, from the 2018 programme catalogue.
CREATE TABLE curriculum (
    unit_id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    grade BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    periods_per_year BIGINT NOT NULL,
    assessment TEXT NOT NULL,
    elective BIGINT NOT NULL,
    PRIMARY KEY (unit_id, year_id, grade, subject_code)
);

CREATE TABLE classes (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    grade BIGINT NOT NULL,
    name TEXT NOT NULL,
    day_session TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id),
    UNIQUE (unit_id, year_id, name)
);
CREATE INDEX classes_id ON classes (id);

-- THPT elective subjects (and chuyên đề) a class learns beyond its grade's compulsory curriculum.
CREATE TABLE class_electives (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    PRIMARY KEY (unit_id, class_id, subject_code)
);

-- HR record of a teacher or staff member; account_id is the person's sign-in account.
CREATE TABLE staff (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    account_id BIGINT,
    family_name TEXT NOT NULL,
    middle_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    gender TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    job_position TEXT NOT NULL,
    subjects TEXT NOT NULL,
    qualification TEXT NOT NULL,
    professional_rank TEXT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX staff_id ON staff (id);

-- A student's record at a school. `code` is the Ministry database id; a student admitted from another school of
-- the system gets a new record here (origin_id: the record at the former school, which is kept).
CREATE TABLE students (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    code TEXT NOT NULL,
    family_name TEXT NOT NULL,
    middle_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    full_name TEXT NOT NULL,
    search_name TEXT NOT NULL,
    birth_date TEXT NOT NULL,
    gender TEXT NOT NULL,
    ethnicity TEXT NOT NULL,
    birthplace TEXT NOT NULL,
    address TEXT NOT NULL,
    priority TEXT NOT NULL,
    policy TEXT NOT NULL,
    status TEXT NOT NULL,
    status_reason TEXT NOT NULL,
    status_date TEXT NOT NULL,
    origin_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id),
    UNIQUE (unit_id, code)
);
CREATE INDEX students_id ON students (id);
CREATE INDEX students_code ON students (code);

CREATE TABLE guardians (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    full_name TEXT NOT NULL,
    relation TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    account_id BIGINT,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX guardians_student ON guardians (student_id);

-- Phân công giảng dạy: a teacher teaches a subject to a class in a semester.
CREATE TABLE teaching_assignments (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    semester BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id),
    UNIQUE (unit_id, class_id, subject_code, semester)
);

-- Phân công chủ nhiệm: one homeroom teacher per class (a class belongs to one year).
CREATE TABLE homeroom_assignments (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    staff_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id)
);

-- A student in a class; a class transfer ends one enrolment and starts another, scores stay with the student.
CREATE TABLE enrolments (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    started_on TEXT NOT NULL,
    ended_on TEXT NOT NULL,
    end_reason TEXT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX enrolments_class ON enrolments (class_id, status);
CREATE INDEX enrolments_student ON enrolments (student_id);

-- Miễn giảm môn học: a student exempt from a subject in a semester of a year.
CREATE TABLE exemptions (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    semester BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id),
    UNIQUE (unit_id, student_id, year_id, semester, subject_code)
);
