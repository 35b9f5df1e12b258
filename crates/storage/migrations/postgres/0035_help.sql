-- Placeholder on the messaging branch for the help feature's migration
-- (issue 19), so the numbers have no gap; the help branch's file of the
-- same name replaces it when the branches are merged.
SELECT 1;
