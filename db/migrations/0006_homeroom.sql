-- Homeroom work and year close (issue 7: GB-3, GB-4, GB-8, GB-9, A10, A17). Tenant tables: unit_id (the school)
-- first in every primary key. Dates are YYYY-MM-DD in Vietnam; times UTC microseconds.

-- A class's roll-call of one day. `version` grows with every save; a save names the version it was based on.
CREATE TABLE homeroom_attendance_days (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, day)
);

-- One mark: a student in a session (morning, afternoon) of a day, for the whole session (period 0, buổi) or one
-- teaching period (1–10, tiết). `status`: present, excused (P), unexcused (K), late. `version`: the day version
-- that wrote it.
CREATE TABLE homeroom_attendance (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    student_id BIGINT NOT NULL,
    session TEXT NOT NULL,
    period BIGINT NOT NULL,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, day, student_id, session, period)
);
CREATE INDEX homeroom_attendance_student ON homeroom_attendance (unit_id, student_id, day);

-- Conduct (rèn luyện) of a student per period: hk1, hk2, year (entered only for TT58/TT26 years), summer (the
-- re-evaluation after summer training, A17). `level` is the rank 0–3 (Chưa đạt/Yếu … Tốt), null with only a
-- comment. `version`: the class's conduct version that wrote it (homeroom_year_close.conduct_version).
CREATE TABLE homeroom_conduct (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    period TEXT NOT NULL,
    level BIGINT,
    comment TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, student_id, period)
);

-- Comments on a student: kind month (period YYYY-MM), semester (hk1, hk2) by the homeroom teacher (GB-3), week
-- (period: the Monday) by a subject teacher (subject_code) or the homeroom teacher ('') (GB-9).
CREATE TABLE homeroom_comments (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    period TEXT NOT NULL,
    subject_code TEXT NOT NULL,
    text TEXT NOT NULL,
    author_id BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, student_id, kind, period, subject_code)
);

-- Rewards (khen thưởng) and discipline (kỷ luật) of a student.
CREATE TABLE homeroom_records (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    day TEXT NOT NULL,
    title TEXT NOT NULL,
    decision TEXT NOT NULL,
    note TEXT NOT NULL,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX homeroom_records_class ON homeroom_records (unit_id, class_id);

-- GB-8: the homeroom teacher's confirmation (ký xác nhận) of the class's results of hk1, hk2 (year: the lists'
-- submission).
CREATE TABLE homeroom_confirmations (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    period TEXT NOT NULL,
    confirmed_by BIGINT NOT NULL,
    confirmed_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, period)
);

-- GB-4: a class's year-close lists. `status`: draft (never submitted), submitted, approved, rejected. `version`
-- grows with every step; `conduct_version` with every conduct save of the class.
CREATE TABLE homeroom_year_close (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    conduct_version BIGINT NOT NULL,
    note TEXT NOT NULL,
    submitted_by BIGINT,
    submitted_at BIGINT,
    decided_by BIGINT,
    decided_at BIGINT,
    decision_note TEXT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id)
);

-- One student's line of the submitted lists: the engine's result and the proposal (with the override's basis and
-- reason where the regulation allows one). `final_outcome`: promoted or retained once decided (after the summer
-- for re-assessment and summer training, A17), '' while pending; year carry-over (SCH-7) reads it.
CREATE TABLE homeroom_year_close_items (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    engine_outcome TEXT NOT NULL,
    engine_award TEXT NOT NULL,
    engine_reassess TEXT NOT NULL,
    outcome TEXT NOT NULL,
    award TEXT NOT NULL,
    reassess TEXT NOT NULL,
    basis TEXT NOT NULL,
    reason TEXT NOT NULL,
    final_outcome TEXT NOT NULL,
    PRIMARY KEY (unit_id, class_id, student_id)
);

-- A17: a summer re-assessment result of a subject: `score` tenths or `pass` (1 Đ, 0 CĐ).
CREATE TABLE homeroom_reassessments (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    score BIGINT,
    pass BIGINT,
    updated_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, student_id, subject_code)
);
