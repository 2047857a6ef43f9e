-- TT27 (primary) sheets (issue 6, GB-1): a cell of a level column holds the subject's level at a mid-term or
-- end-of-term point, 2 Hoàn thành tốt, 1 Hoàn thành, 0 Chưa hoàn thành (TT27 Điều 7 khoản 1); `score` and `pass` are
-- then null. Periodic test results (whole numbers 0–10) are stored in `score` as tenths like every other score.
ALTER TABLE gradebook_scores ADD COLUMN level BIGINT;
