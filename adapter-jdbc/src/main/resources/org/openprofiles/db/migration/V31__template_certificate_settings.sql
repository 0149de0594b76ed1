-- Templates gain the settings of the certificates their profiles get, versioned with the rest of
-- the template: NULL means the documented defaults (a client-authentication certificate for the
-- user from an EC P-256 or RSA 2048 request, one year), so templates stored before keep working.
ALTER TABLE profile_template ADD COLUMN certificate_settings jsonb;

-- Per operation: whether the user supplies a PIN (only a template that asks for one requires it;
-- software profiles have none by default), and the items the requester is asked for
-- ([{"name", "description", "required", "maxLength"}], the vendor's PolicyDataCollection).
ALTER TABLE template_policy
    ADD COLUMN user_supplies_pin boolean NOT NULL DEFAULT false,
    ADD COLUMN data_collection   jsonb   NOT NULL DEFAULT '[]',
    ADD CONSTRAINT template_policy_one_pin_source CHECK (NOT (user_supplies_pin AND server_generates_pin));
