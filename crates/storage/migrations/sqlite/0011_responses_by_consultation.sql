-- Responses of one consultation in id order: the export pages through
-- them by id (keyset paging), and without this index each page read and
-- sorted every response of the consultation (a 100,000-response export
-- took half a minute). Keep this file's twin in the other engine's
-- folder in step.

CREATE INDEX responses_by_consultation ON responses (consultation_id, id);
