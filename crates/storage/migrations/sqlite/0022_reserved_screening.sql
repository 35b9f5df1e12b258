-- Placeholder on the notify branch only, so that 0024 has no gap before
-- it: the `screening` branch owns number 0022. Drop this file when merging.
SELECT 1;
