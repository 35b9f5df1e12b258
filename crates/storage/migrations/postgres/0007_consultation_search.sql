-- Search that works in Arabic: the titles and summaries of a consultation
-- in every language, normalised in Rust as the query is (harakat and
-- tatweel removed, alef forms unified, lowercase), so "الأمان" finds
-- "الامان". Kept up to date by the code that changes those texts.
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE consultations ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
