-- Placeholder on the notify branch only, so that 0024 has no gap before
-- it: the `opinions` branch owns number 0021. Drop this file when merging.
SELECT 1;
