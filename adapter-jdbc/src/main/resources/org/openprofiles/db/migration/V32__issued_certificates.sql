-- Every certificate the certificate authority issued, with its revocation once revoked, and each
-- issuing CA's latest CRL. The CA keeps no records: this is where serial numbers are unique, a
-- profile's certificates are found, OCSP answers come from and CRL numbers go up.

CREATE TABLE issued_certificate (
    -- Issuance order, and the vendor's integer CertificateId.
    seq                  bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    issuer_id            text        NOT NULL CHECK (issuer_id ~ '^[0-9a-f]{8,128}$'),
    issuer_name          text        NOT NULL,
    -- Lower-case hexadecimal, at most 20 octets.
    serial               text        NOT NULL CHECK (serial ~ '^[0-9a-f]{1,40}$'),
    subject              text        NOT NULL,
    not_before           timestamptz NOT NULL,
    not_after            timestamptz NOT NULL,
    der                  bytea       NOT NULL,
    -- One certificate per request: a retried POST of certificate data never issues a second one.
    request_id           uuid        NOT NULL UNIQUE REFERENCES certificate_request (id),
    -- Set when the request completes (the profile it created, or the one it acted on).
    profile_id           uuid        REFERENCES certificate_profile (id),
    holder_id            uuid        NOT NULL REFERENCES app_user (id),
    template_id          uuid        NOT NULL REFERENCES profile_template (id),
    -- The template's name and the requester's login when issued: the vendor's TemplateCommonName
    -- and RequesterName, which do not change with later renames.
    template_name        text        NOT NULL,
    requester_name       text        NOT NULL,
    key_generation       text        NOT NULL CHECK (key_generation IN ('client', 'server')),
    -- SHA-256 (hex) of the client's PKCS#10 request: tells a retried POST from a different one.
    request_fingerprint  text        CHECK (request_fingerprint ~ '^[0-9a-f]{64}$'),
    -- A server-made key archived for recovery: CMS EnvelopedData encrypted to the key-recovery
    -- key named by recovery_key_id. Never a key in clear.
    recovery_key_id      text,
    archived_key         bytea,
    issued_at            timestamptz NOT NULL,
    revoked_at           timestamptz,
    revocation_reason    integer     CHECK (revocation_reason BETWEEN 0 AND 10),
    CHECK ((revoked_at IS NULL) = (revocation_reason IS NULL)),
    CHECK ((archived_key IS NULL) = (recovery_key_id IS NULL))
);
-- Serial numbers are unique, whatever the issuer (they are 159 random bits): OCSP and CRLs find
-- a certificate by it, and an issuance that hits a taken one is retried.
CREATE UNIQUE INDEX issued_certificate_serial ON issued_certificate (serial);
-- "A profile's certificates" in issuance order.
CREATE INDEX issued_certificate_profile ON issued_certificate (profile_id, seq);
-- "A holder's certificates in force", in issuance order.
CREATE INDEX issued_certificate_holder_unrevoked ON issued_certificate (holder_id, seq) WHERE revoked_at IS NULL;
-- An issuer's revocations, for its CRL.
CREATE INDEX issued_certificate_revocations ON issued_certificate (issuer_id, not_after) WHERE revoked_at IS NOT NULL;
-- Foreign-key checks when users or templates are deleted.
CREATE INDEX issued_certificate_holder ON issued_certificate (holder_id);
CREATE INDEX issued_certificate_template ON issued_certificate (template_id);

CREATE TABLE certificate_revocation_list (
    issuer_id    text        PRIMARY KEY CHECK (issuer_id ~ '^[0-9a-f]{8,128}$'),
    -- The last CRL number used (RFC 5280 5.2.3: strictly increasing per issuer).
    last_number  numeric(49) NOT NULL DEFAULT 0,
    this_update  timestamptz,
    next_update  timestamptz,
    der          bytea,
    -- A revocation came after the stored CRL was signed: the next reader signs a new one.
    stale        boolean     NOT NULL DEFAULT true
);
