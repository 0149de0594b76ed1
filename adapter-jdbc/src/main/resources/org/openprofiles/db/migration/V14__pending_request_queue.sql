-- The approvers' queue: Pending requests by the role that approves them, in submission order.
CREATE INDEX certificate_request_pending_by_role ON certificate_request (approver_role, seq)
    WHERE status = 'pending';
