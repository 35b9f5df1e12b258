-- Placeholder on the notify branch only, so that 0024 has no gap before
-- it: the `modtools` branch owns number 0023. Drop this file when merging.
SELECT 1;
