-- A user's e-mail address and user principal name: certificate templates may put them into a
-- certificate's subject or alternative names. Both optional.

ALTER TABLE app_user
    ADD COLUMN email               text CHECK (length(email) BETWEEN 3 AND 254),
    ADD COLUMN user_principal_name text CHECK (length(user_principal_name) BETWEEN 3 AND 1024);
