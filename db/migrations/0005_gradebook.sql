-- The gradebook (issue 6, GB-1, GB-6, GB-7, GB-8, SCH-10, SCH-11, SCH-13). Tenant tables: unit_id (the school)
-- first in every primary key. Scores are integer tenths; times UTC microseconds.

-- A score sheet: one class × subject × semester. `version` grows with every save; a save names the version it
-- was based on, so a cell another person changed since is reported, never overwritten silently.
CREATE TABLE gradebook_sheets (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    semester BIGINT NOT NULL,
    version BIGINT NOT NULL,
    confirmed_by BIGINT,
    confirmed_at BIGINT,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, subject_code, semester)
);

-- One entered cell. `item` is tx1…tx12, gk or ck. `score` (tenths) for scored subjects, `pass` (1 Đ, 0 CĐ) for
-- comment subjects; both null while the cell is pending a make-up. `status`: entered, makeup (a make-up
-- assessment's result), no_makeup (the explicit 0 / CĐ of TT22 Điều 7 khoản 4, with a reason), pending (chờ
-- kiểm tra bù: blocks closing the semester, regulations.md A5). `version`: the sheet version that wrote it.
CREATE TABLE gradebook_scores (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    semester BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    item TEXT NOT NULL,
    score BIGINT,
    pass BIGINT,
    status TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, subject_code, semester, student_id, item)
);

-- Every change of a cell, for the cell's history in the grid; the audit entry of the save (audit_id) is the
-- tamper-evident record.
CREATE TABLE gradebook_score_history (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    semester BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    item TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    reason TEXT NOT NULL,
    actor_id BIGINT NOT NULL,
    at BIGINT NOT NULL,
    audit_id BIGINT NOT NULL,
    correction_id BIGINT,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX gradebook_score_history_cell ON gradebook_score_history (unit_id, class_id, subject_code, semester,
                                                                      student_id, item);

-- SCH-13: when entry of a column kind (tx, gk, ck) opens and closes in a semester of a year.
CREATE TABLE gradebook_windows (
    unit_id BIGINT NOT NULL,
    year_id BIGINT NOT NULL,
    semester BIGINT NOT NULL,
    item_kind TEXT NOT NULL,
    opens_at BIGINT NOT NULL,
    closes_at BIGINT NOT NULL,
    set_by BIGINT NOT NULL,
    set_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, year_id, semester, item_kind)
);

-- SCH-11: khóa điểm (a class × subject × semester) and khóa sổ (subject_code '*': every subject of a class; semester
-- 0: the whole year).
CREATE TABLE gradebook_locks (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    semester BIGINT NOT NULL,
    locked_by BIGINT NOT NULL,
    locked_at BIGINT NOT NULL,
    reason TEXT NOT NULL,
    PRIMARY KEY (unit_id, class_id, subject_code, semester)
);

-- GB-7: a change asked for after the entry window closed; the principal approves (the change is applied,
-- referencing the request) or rejects it. `witnesses`: names, one per line.
CREATE TABLE gradebook_corrections (
    unit_id BIGINT NOT NULL,
    id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    subject_code TEXT NOT NULL,
    semester BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    item TEXT NOT NULL,
    old_value TEXT NOT NULL,
    new_value TEXT NOT NULL,
    reason TEXT NOT NULL,
    status TEXT NOT NULL,
    requested_by BIGINT NOT NULL,
    requested_at BIGINT NOT NULL,
    decided_by BIGINT,
    decided_at BIGINT,
    decision_note TEXT NOT NULL,
    witnesses TEXT NOT NULL,
    PRIMARY KEY (unit_id, id)
);
CREATE INDEX gradebook_corrections_status ON gradebook_corrections (unit_id, status);
