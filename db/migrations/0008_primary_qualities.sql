-- TT27 (primary) quality and competence ratings (issues 6 and 7; TT27 Điều 3, Điều 7 khoản 2, Điều 13). The homeroom
-- teacher rates each student at mid-term (point 'gk') and end of term (point 'ck') of each semester: the 5 phẩm chất
-- (yeu_nuoc, nhan_ai, cham_chi, trung_thuc, trach_nhiem), the 3 năng lực chung (tu_chu, giao_tiep, gqvd_sang_tao)
-- and the 7 năng lực đặc thù (ngon_ngu, tinh_toan, khoa_hoc, cong_nghe, tin_hoc, tham_mi, the_chat); `rating`
-- 2 Tốt, 1 Đạt, 0 Cần cố gắng. Item 'tieu_bieu' (semester 2, 'ck' only, rating 1) records that the class recognised
-- an outstanding achievement or clear progress (Điều 13 khoản 1 điểm a), `note` says which. The semester-2 'ck'
-- ratings are the engine's year-end input. `version`: the class's conduct version that wrote it
-- (homeroom_year_close.conduct_version: ratings are the primary counterpart of conduct).
CREATE TABLE homeroom_qualities (
    unit_id BIGINT NOT NULL,
    class_id BIGINT NOT NULL,
    student_id BIGINT NOT NULL,
    semester BIGINT NOT NULL,
    point TEXT NOT NULL,
    item TEXT NOT NULL,
    rating BIGINT NOT NULL,
    note TEXT NOT NULL,
    version BIGINT NOT NULL,
    updated_by BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (unit_id, class_id, student_id, semester, point, item)
);
