-- A digest of each directory account's memberships and attribute values as last merged
-- (JdbiDirectory.contentDigest). A merge diffs an account's rows only when the digest it brings
-- differs: a sync of an unchanged directory of 100,000 accounts (4,000,000 membership rows) then
-- compares one number per account instead of every membership. NULL (accounts written before this
-- version, or members of a group removed since) means "unknown": the next merge diffs them.
ALTER TABLE directory_account ADD COLUMN content_digest bigint;
