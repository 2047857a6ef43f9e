-- Save throughput (issue 6, item 9). A save enters one column (item) for the whole class; these layouts make it
-- touch one or two B-tree pages per table instead of one page per student.
--
-- SQLite: the cells and their history become WITHOUT ROWID tables, stored in their primary key's B-tree (a rowid
-- table keeps the rows in one B-tree and the key in another, so every row was written twice), and the cells' key
-- puts the item before the student, so a column's 45 cells are neighbours. Same columns, same uniqueness (the same
-- six key columns), same data; the rebuild runs in this migration's one transaction. PostgreSQL keeps its heap
-- tables (no rowid; engine-only blocks: docs/ARCHITECTURE.md).
--
-- Both engines: the history's cell index puts the item before the student too, so a save's 45 lines go into its
-- column's range instead of one place per student; it still finds a cell's history (and progress's first entry of a
-- cell) by equality on every column.

-- sqlite-only begin
CREATE TABLE gradebook_scores_rebuilt (
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
    level BIGINT,
    PRIMARY KEY (unit_id, class_id, subject_code, semester, item, student_id)
) WITHOUT ROWID;
INSERT INTO gradebook_scores_rebuilt (unit_id, class_id, subject_code, semester, student_id, item, score, pass,
                                      status, version, updated_by, updated_at, level)
SELECT unit_id, class_id, subject_code, semester, student_id, item, score, pass, status, version, updated_by,
       updated_at, level
FROM gradebook_scores;
DROP TABLE gradebook_scores;
ALTER TABLE gradebook_scores_rebuilt RENAME TO gradebook_scores;

CREATE TABLE gradebook_score_history_rebuilt (
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
) WITHOUT ROWID;
INSERT INTO gradebook_score_history_rebuilt (unit_id, id, class_id, subject_code, semester, student_id, item,
                                             old_value, new_value, reason, actor_id, at, audit_id, correction_id)
SELECT unit_id, id, class_id, subject_code, semester, student_id, item, old_value, new_value, reason, actor_id, at,
       audit_id, correction_id
FROM gradebook_score_history;
DROP TABLE gradebook_score_history;
ALTER TABLE gradebook_score_history_rebuilt RENAME TO gradebook_score_history;
-- sqlite-only end

DROP INDEX IF EXISTS gradebook_score_history_cell;
CREATE INDEX gradebook_score_history_column ON gradebook_score_history (unit_id, class_id, subject_code, semester,
                                                                        item, student_id);
