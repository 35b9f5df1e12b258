-- Placeholder on the messaging branch for the tension reports' migration
-- (issue 19), so the numbers have no gap; the tensions branch's file of
-- the same name replaces it when the branches are merged.
SELECT 1;
