-- The language a consultation's own texts are written in (a tag of the
-- site's catalogue: `en`, `ar`): its texts are marked with it, and its
-- translations are into the site's other languages. Consultations
-- written before it was recorded were written in the site's first
-- language, English. Keep this file's twin in the other engine's folder
-- in step.

ALTER TABLE consultations ADD COLUMN language TEXT NOT NULL DEFAULT 'en';
