-- Idempotency-Key of POST /requests: per caller, the key, a fingerprint of what was asked, and the
-- request it created. A retry with the same key and the same content answers that request again.

CREATE TABLE certificate_request_key (
    user_id      uuid        NOT NULL REFERENCES app_user (id),
    key          text        NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
    fingerprint  text        NOT NULL,
    request_id   uuid        REFERENCES certificate_request (id),
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (user_id, key)
);
-- Foreign-key checks when requests are deleted.
CREATE INDEX certificate_request_key_request ON certificate_request_key (request_id);
