-- DropIndex
DROP INDEX "Thread_lastActivityAt_id_idx";

-- Room on each page for a thread's next row version, so that its update stays on the page
-- (HOT) rather than moving the row and adding index entries.
ALTER TABLE "Thread" SET (fillfactor = 70);
