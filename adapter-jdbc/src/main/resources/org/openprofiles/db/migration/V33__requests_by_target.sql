-- GET /requests?targetuser=current lists the requests whose target is the caller (an agent's
-- Enroll on their behalf) as well as those they submitted: a keyset-paged merge of this index and
-- the originator's, in submission order. Replaces the plain foreign-key index on the target.

CREATE INDEX certificate_request_target_seq ON certificate_request (target_user_id, seq);
CREATE INDEX certificate_request_target_status ON certificate_request (target_user_id, status, seq);
DROP INDEX certificate_request_target;
