// Names and numbers of the Certificate Management API (docs/api-compatibility.md), shared by the
// certificate views.
import { api, ApiError, CM, ADMIN } from './api.js';

export const PROFILE_STATUS = { '-1': 'None', 0: 'New', 1: 'Assigned', 2: 'Active', 3: 'Disabled', 4: 'Suspended', 6: 'Retired' };
export const REQUEST_STATUS = { 0: 'None', 3: 'Approved', 4: 'Denied', 8: 'Completed', 9: 'Failed', 16: 'Pending', 17: 'Canceled', 18: 'Executing' };
export const REQUEST_TYPE = { 1: 'Enroll', 2: 'Duplicate', 4: 'OnlineUpdate', 5: 'Unblock', 6: 'Renew', 7: 'Recover', 8: 'RecoverOnBehalf', 9: 'Retire', 10: 'SuspendOrReinstate', 11: 'Disable' };
export const NIL = '00000000-0000-0000-0000-000000000000';

/** Profile operations and the request type that performs each; revoke has none for software profiles. */
export const OPERATION_REQUEST = {
  renew: 'Renew', disable: 'Disable', recover: 'Recover', recoveronbehalf: 'RecoverOnBehalf', suspend: 'SuspendOrReinstate',
  reinstate: 'SuspendOrReinstate', unblock: 'Unblock', onlineupdate: 'OnlineUpdate', duplicate: 'Duplicate', retire: 'Retire',
};

export const OPERATION_LABEL = {
  renew: 'Renew', disable: 'Disable', recover: 'Recover', recoveronbehalf: 'Recover on behalf', suspend: 'Suspend',
  reinstate: 'Reinstate', unblock: 'Unblock', onlineupdate: 'Online update', duplicate: 'Duplicate', retire: 'Retire',
};

/** Request types that issue a certificate (picked up with POST …/certificatedata). */
export const ISSUES_CERTIFICATE = new Set([1, 2, 6, 7]);

/** X509ClmCertificate.Status (ours): 0 in force, 1 revoked, 2 expired. */
export const CERTIFICATE_STATUS = { 0: 'In force', 1: 'Revoked', 2: 'Expired' };

/** Request types whose completion sets the PIN (the user may have to supply it). */
export const SETS_PIN = new Set([1, 5, 7]);

export function statusKind(name) {
  return { Active: 'ok', Approved: 'info', Completed: 'ok', Pending: 'warn', Suspended: 'warn', Disabled: 'bad', Denied: 'bad', Failed: 'bad', Retired: '', Canceled: '' }[name] || '';
}

function normalizeTemplate(t) {
  return { id: (t.Uuid || t.uuid || t.id || '').toLowerCase(), name: t.Name || t.name || t.id, description: t.Description || t.description || '',
    dataCollection: t.DataCollection || t.dataCollection || [] };
}

/**
 * The templates the caller may enroll from: the vendor route GET …/profiletemplates when the
 * server offers it (issue 10), else the admin list (admins only); null when neither answers.
 * Answers {templates, source}.
 */
export async function loadTemplates() {
  try {
    const { data } = await api(`${CM}/profiletemplates`);
    return { templates: (data || []).map(normalizeTemplate), source: 'profiletemplates' };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status === 401) throw e;
  }
  try {
    const { data } = await api(`${ADMIN}/profile-templates?limit=1000`);
    return { templates: (data || []).map(normalizeTemplate), source: 'admin' };
  } catch (e) {
    if (!(e instanceof ApiError) || e.status === 401) throw e;
  }
  return { templates: null, source: null };
}
