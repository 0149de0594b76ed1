// Administration (admins): users and their roles and tokens, profile templates with their
// policies, directory syncs, and the audit trail. Routes under #/admin/.
import { api, ApiError, ADMIN, query } from '../api.js';
import { h, clear, field, formError, onSubmit, pagedList, dialog, chip, dateTime, page, announce } from '../ui.js';
import { directory } from './directory.js';

const ROLES = ['admin', 'profile-manager', 'profile-reader', 'cm-agent', 'cm-approver', 'metrics-reader'];
const OPERATIONS = ['enroll', 'renew', 'disable', 'recover', 'recoveronbehalf', 'suspend', 'reinstate', 'unblock', 'onlineupdate', 'duplicate', 'retire', 'revoke'];

export function subnav(current) {
  const link = (href, label, key) => h('a', { href, 'aria-current': current === key ? 'page' : null }, label);
  return h('nav', { class: 'subnav', 'aria-label': 'Administration' },
    link('#/admin/users', 'Users', 'users'), link('#/admin/templates', 'Profile templates', 'templates'),
    link('#/admin/directory', 'Directory', 'directory'), link('#/admin/audit', 'Audit trail', 'audit'));
}

export async function render(hash) {
  const [, , area, id] = hash.split('/');
  if (area === 'users' && id) return user(id);
  if (area === 'users') return users();
  if (area === 'templates' && id) return template(id === 'new' ? null : id);
  if (area === 'templates') return templates();
  if (area === 'audit') return audit();
  if (area === 'directory') return directory(subnav('directory'));
  location.replace('#/admin/users');
  return undefined;
}

function roleBoxes(name, selected = []) {
  return h('fieldset', { class: 'field', 'data-field': name }, h('legend', { class: 'label' }, 'Roles'),
    ROLES.map((role) => h('label', { class: 'check' }, h('input', { type: 'checkbox', name, value: role, checked: selected.includes(role) }), role)),
    h('p', { class: 'field-error' }));
}

function checkedRoles(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map((i) => i.value);
}

// ---- users ----------------------------------------------------------------------------------------

async function users() {
  const login = h('input', { type: 'text', name: 'login', autocomplete: 'off', required: true });
  const displayName = h('input', { type: 'text', name: 'displayName', autocomplete: 'off' });
  const form = h('form', { class: 'panel', id: 'create-user', novalidate: true }, h('h2', {}, 'New user'), formError(),
    field({ label: 'Login', name: 'login', input: login }),
    field({ label: 'Display name', name: 'displayName', input: displayName }),
    roleBoxes('roles'),
    h('button', { type: 'submit' }, 'Create user'));
  onSubmit(form, async () => {
    const { data } = await api(`${ADMIN}/users`, { method: 'POST', body: { login: login.value.trim(), displayName: displayName.value.trim() || undefined, roles: checkedRoles(form, 'roles') } });
    announce(`User ${data.login} created.`);
    location.hash = `#/admin/users/${data.id}`;
  });
  const rows = h('tbody', { id: 'users' });
  const listing = pagedList({
    first: `${ADMIN}/users?limit=50`, load: (path) => api(path), container: rows, label: 'users',
    render: (u) => h('tr', { 'data-user': u.id },
      h('td', {}, h('a', { href: `#/admin/users/${u.id}` }, u.login)),
      h('td', { class: 'optional' }, u.displayName),
      h('td', {}, u.roles.join(', ') || '—'),
      h('td', {}, u.enabled ? chip('Enabled', 'ok') : chip('Disabled', 'bad'))),
  });
  listing.prepend(h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {},
    h('th', { scope: 'col' }, 'Login'), h('th', { scope: 'col', class: 'optional' }, 'Name'), h('th', { scope: 'col' }, 'Roles'), h('th', { scope: 'col' }, 'State'))), rows)));
  page('Users', subnav('users'), h('section', { 'aria-label': 'Users' }, listing), form);
}

async function user(id) {
  let u;
  try {
    u = (await api(`${ADMIN}/users/${encodeURIComponent(id)}`)).data;
  } catch (e) {
    if (e.status !== 401) page('User', subnav('users'), h('p', { class: 'form-error', role: 'alert' }, e.message));
    return;
  }
  const rolesForm = h('form', { class: 'panel', id: 'roles-form', novalidate: true }, formError(), roleBoxes('roles', u.roles),
    h('button', { type: 'submit' }, 'Save roles'));
  onSubmit(rolesForm, async () => {
    await api(`${ADMIN}/users/${u.id}/roles`, { method: 'PUT', body: { roles: checkedRoles(rolesForm, 'roles') } });
    announce('Roles saved.');
    user(u.id);
  });
  const toggle = h('button', { type: 'button', class: u.enabled ? 'danger' : '', onclick: async () => {
    try {
      await api(`${ADMIN}/users/${u.id}/${u.enabled ? 'disable' : 'enable'}`, { method: 'POST' });
      announce(u.enabled ? 'User disabled.' : 'User enabled.');
      user(u.id);
    } catch (e) {
      if (e.status !== 401) await dialog('Refused', h('p', { class: 'form-error' }, e.message));
    }
  } }, u.enabled ? 'Disable user' : 'Enable user');
  const tokens = h('section', { 'aria-labelledby': 'tokens-h' });
  page(u.displayName || u.login, subnav('users'),
    h('div', { class: 'panel' }, h('p', {}, 'Login ', h('strong', {}, u.login), ' · ', u.enabled ? chip('Enabled', 'ok') : chip('Disabled', 'bad')),
      h('p', { class: 'muted' }, 'Id ', h('code', {}, u.id), ` · created ${dateTime(u.createdAt)}`), toggle),
    h('h2', {}, 'Roles'), rolesForm, tokens);
  drawTokens(tokens, u);
}

function drawTokens(section, u) {
  const name = h('input', { type: 'text', name: 'name', autocomplete: 'off' });
  const expires = h('input', { type: 'datetime-local', name: 'expiresAt' });
  const shown = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'panel', id: 'issue-token', novalidate: true }, formError(),
    field({ label: 'Token name', name: 'name', input: name }),
    field({ label: 'Expires (optional)', name: 'expiresAt', input: expires, hint: 'Your local time; empty: never.' }),
    h('button', { type: 'submit' }, 'Issue token'), shown);
  onSubmit(form, async () => {
    let expiresAt;
    if (expires.value) {
      const when = new Date(expires.value);
      if (Number.isNaN(when.getTime())) throw new ApiError(400, { field: 'expiresAt', detail: 'Not a date and time.' });
      expiresAt = when.toISOString();
    }
    const { data } = await api(`${ADMIN}/users/${u.id}/tokens`, { method: 'POST', body: { name: name.value.trim() || undefined, expiresAt } });
    clear(shown, h('div', { class: 'secret', id: 'new-token' }, h('p', {}, h('strong', {}, 'Copy this token now: it is shown only once.')),
      h('code', {}, data.token)));
    name.value = '';
    expires.value = '';
    drawList();
  });
  const listHolder = h('div');
  function drawList() {
    const rows = h('tbody', { id: 'tokens' });
    const listing = pagedList({
      first: `${ADMIN}/users/${u.id}/tokens?limit=50`, load: (path) => api(path), container: rows, label: 'tokens', empty: 'No tokens.',
      render: (t) => h('tr', { 'data-token': t.id },
        h('td', {}, t.name || '—'), h('td', { class: 'optional' }, dateTime(t.createdAt)),
        h('td', {}, t.revokedAt ? chip('Revoked', 'bad') : t.expiresAt ? `until ${dateTime(t.expiresAt)}` : chip('No expiry', 'info')),
        h('td', {}, t.revokedAt ? '' : h('button', { type: 'button', class: 'secondary', onclick: async () => {
          try {
            await api(`${ADMIN}/users/${u.id}/tokens/${t.id}`, { method: 'DELETE' });
            announce('Token revoked.');
          } catch (e) {
            if (e.status !== 401) await dialog('Refused', h('p', { class: 'form-error' }, e.message));
          }
          drawList();
        } }, 'Revoke'))),
    });
    listing.prepend(h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'),
      h('th', { scope: 'col', class: 'optional' }, 'Created'), h('th', { scope: 'col' }, 'Validity'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))), rows)));
    clear(listHolder, listing);
  }
  drawList();
  clear(section, h('h2', { id: 'tokens-h' }, 'API tokens'), form, listHolder);
}

// ---- templates ------------------------------------------------------------------------------------

async function templates() {
  const rows = h('tbody', { id: 'templates' });
  const listing = pagedList({
    first: `${ADMIN}/profile-templates?limit=50`, load: (path) => api(path), container: rows, label: 'templates', empty: 'No profile templates yet.',
    render: (t) => h('tr', { 'data-template': t.id },
      h('td', {}, h('a', { href: `#/admin/templates/${t.id}` }, t.name)),
      h('td', {}, String(t.version)),
      h('td', { class: 'optional' }, Object.keys(t.policies || {}).filter((op) => t.policies[op].enabled !== false).join(', ') || '—')),
  });
  listing.prepend(h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'),
    h('th', { scope: 'col' }, 'Version'), h('th', { scope: 'col', class: 'optional' }, 'Operations'))), rows)));
  page('Profile templates', subnav('templates'), h('p', {}, h('a', { href: '#/admin/templates/new', class: 'button' }, 'New template')), listing);
}

async function template(id) {
  let t = null;
  if (id) {
    try {
      t = (await api(`${ADMIN}/profile-templates/${encodeURIComponent(id)}`)).data;
    } catch (e) {
      if (e.status !== 401) page('Profile template', subnav('templates'), h('p', { class: 'form-error', role: 'alert' }, e.message));
      return;
    }
  }
  const pin = t?.pinPolicy || { minLength: 4, maxLength: 16 };
  const name = h('input', { type: 'text', name: 'name', required: true, value: t?.name || '' });
  const description = h('textarea', { name: 'description', value: t?.description || '' });
  const number = (key, value) => h('input', { type: 'number', name: key, min: 1, max: 127, step: 1, value });
  const minLength = number('pinPolicy.minLength', pin.minLength);
  const maxLength = number('pinPolicy.maxLength', pin.maxLength);
  const pinChecks = ['requireDigit', 'requireLowercase', 'requireUppercase', 'requireSymbol'].map((key) =>
    field({ label: key.replace('require', 'Needs a '), name: `pinPolicy.${key}`, input: h('input', { type: 'checkbox', 'data-pin': key, checked: Boolean(pin[key]) }) }));
  const policyRows = OPERATIONS.map((op) => policyRow(op, t?.policies?.[op]));
  const form = h('form', { class: 'panel', id: 'template-form', novalidate: true }, formError(),
    field({ label: 'Name', name: 'name', input: name }),
    field({ label: 'Description', name: 'description', input: description }),
    h('fieldset', { class: 'field', 'data-field': 'pinPolicy' }, h('legend', { class: 'label' }, 'PIN policy'),
      field({ label: 'Minimum length', name: 'pinPolicy.minLength', input: minLength }),
      field({ label: 'Maximum length', name: 'pinPolicy.maxLength', input: maxLength }), pinChecks, h('p', { class: 'field-error' })),
    h('fieldset', { class: 'field', 'data-field': 'policies' }, h('legend', { class: 'label' }, 'Operation policies'),
      h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {},
        ['Operation', 'Offered', 'Owner may start', 'On behalf of others (roles)', 'Approvals', 'Approver role', 'Server sets PIN'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, policyRows))), h('p', { class: 'field-error' })),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, t ? 'Save template' : 'Create template'), h('a', { href: '#/admin/templates' }, 'Back')));
  onSubmit(form, async () => {
    const pinPolicy = { minLength: Number(minLength.value), maxLength: Number(maxLength.value) };
    for (const box of form.querySelectorAll('[data-pin]')) pinPolicy[box.dataset.pin] = box.checked;
    const policies = {};
    for (const row of policyRows) {
      const read = row.read();
      if (read) policies[row.dataset.operation] = read;
    }
    const body = { name: name.value.trim(), description: description.value, pinPolicy, policies };
    const { data } = t
      ? await api(`${ADMIN}/profile-templates/${t.id}`, { method: 'PUT', body: { ...body, version: t.version } })
      : await api(`${ADMIN}/profile-templates`, { method: 'POST', body });
    announce('Template saved.');
    if (t) template(data.id); else location.hash = `#/admin/templates/${data.id}`;
  });
  page(t ? `Template ${t.name}` : 'New profile template', subnav('templates'),
    t ? h('p', { class: 'muted' }, 'Id ', h('code', {}, t.id), ` · version ${t.version} · changed ${dateTime(t.updatedAt)}`) : null, form);
}

/** One operation's policy as a table row; read() answers the policy, or null when not offered. */
function policyRow(op, policy) {
  const cell = (name, input) => h('td', { 'data-field': `policies.${op}.${name}` }, input, h('p', { class: 'field-error' }));
  const offered = h('input', { type: 'checkbox', checked: Boolean(policy) && policy.enabled !== false, 'aria-label': `${op}: offered` });
  const owner = h('input', { type: 'checkbox', checked: !policy || policy.ownerMayInitiate !== false, 'aria-label': `${op}: owner may start` });
  const behalf = h('input', { type: 'text', value: (policy?.onBehalfRoles || []).join(' '), 'aria-label': `${op}: roles acting on behalf`, placeholder: 'cm-agent' });
  const approvals = h('input', { type: 'number', min: 0, max: 10, step: 1, value: policy?.approvalsNeeded ?? 0, 'aria-label': `${op}: approvals needed` });
  const approver = h('select', { 'aria-label': `${op}: approver role` }, h('option', { value: '' }, '—'),
    ROLES.map((r) => h('option', { value: r, selected: policy?.approverRole === r }, r)));
  const serverPin = h('input', { type: 'checkbox', checked: Boolean(policy?.serverGeneratesPin), 'aria-label': `${op}: server sets the PIN` });
  const row = h('tr', { 'data-operation': op }, h('th', { scope: 'row' }, op), cell('enabled', offered), cell('ownerMayInitiate', owner),
    cell('onBehalfRoles', behalf), cell('approvalsNeeded', approvals), cell('approverRole', approver), cell('serverGeneratesPin', serverPin));
  row.read = () => (offered.checked ? {
    enabled: true, ownerMayInitiate: owner.checked, onBehalfRoles: behalf.value.split(/[\s,]+/).filter(Boolean),
    approvalsNeeded: Number(approvals.value || 0), approverRole: approver.value || null, serverGeneratesPin: serverPin.checked,
  } : null);
  return row;
}

// ---- audit ----------------------------------------------------------------------------------------

async function audit() {
  const inputs = {
    actor: h('input', { type: 'text', name: 'actor', spellcheck: 'false' }),
    action: h('input', { type: 'text', name: 'action' }),
    objectType: h('input', { type: 'text', name: 'objectType' }),
    objectId: h('input', { type: 'text', name: 'objectId', spellcheck: 'false' }),
    from: h('input', { type: 'datetime-local', name: 'from' }),
    to: h('input', { type: 'datetime-local', name: 'to' }),
  };
  const results = h('div');
  const form = h('form', { class: 'panel', id: 'audit-filter', novalidate: true }, formError(),
    h('div', { class: 'grid' },
      field({ label: 'Actor (user id)', name: 'actor', input: inputs.actor }),
      field({ label: 'Action', name: 'action', input: inputs.action, hint: 'e.g. user.create' }),
      field({ label: 'Object type', name: 'objectType', input: inputs.objectType }),
      field({ label: 'Object id', name: 'objectId', input: inputs.objectId }),
      field({ label: 'From', name: 'from', input: inputs.from }),
      field({ label: 'To', name: 'to', input: inputs.to })),
    h('button', { type: 'submit' }, 'Filter'));
  const iso = (value) => (value ? new Date(value).toISOString() : '');
  const draw = async () => {
    const filters = { actor: inputs.actor.value.trim(), action: inputs.action.value.trim(), objectType: inputs.objectType.value.trim(),
      objectId: inputs.objectId.value.trim(), from: iso(inputs.from.value), to: iso(inputs.to.value), limit: 50 };
    const first = `${ADMIN}/audit${query(filters)}`;
    await api(first); // a refused filter is shown beside its field before anything is listed
    const rows = h('tbody', { id: 'audit-events' });
    const listing = pagedList({
      first, load: (path) => api(path), container: rows, label: 'events', empty: 'No event matches.',
      render: (e) => h('tr', { 'data-event': e.id },
        h('td', {}, dateTime(e.occurredAt)), h('td', {}, h('code', {}, e.action)),
        h('td', { class: 'optional' }, e.objectType, h('br'), h('code', {}, e.objectId || '')),
        h('td', { class: 'optional mono' }, e.actor || 'service'),
        h('td', {}, h('pre', { class: 'json' }, JSON.stringify({ before: e.before, after: e.after }, null, 1)))),
    });
    listing.prepend(h('div', { class: 'table-wrap' }, h('table', {}, h('thead', {}, h('tr', {},
      ['When', 'Action', 'Object', 'Actor', 'Change'].map((c, i) => h('th', { scope: 'col', class: i === 2 || i === 3 ? 'optional' : null }, c)))), rows)));
    clear(results, listing);
  };
  onSubmit(form, draw);
  page('Audit trail', subnav('audit'), form, results);
  draw().catch((e) => clear(results, h('p', { class: 'form-error' }, e.message)));
}
