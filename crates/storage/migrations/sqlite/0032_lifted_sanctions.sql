-- A warning or suspension withdrawn when an appeal against the decision
-- on its comment is overturned (issue 18). Kept, not deleted: the
-- member's record and the audit log still show it was given and lifted.
-- Keep this file's twin in the other engine's folder in step.

ALTER TABLE member_sanctions ADD COLUMN lifted_at TIMESTAMPTZ;
