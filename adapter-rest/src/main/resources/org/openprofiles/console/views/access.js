// Access profiles: badges in their palette colour with their initials, search, create and edit
// with catalog-driven attribute fields, assignments with their mandatory comment, compliance
// charts (and their trend across directory syncs), and the deviation list with accept and
// remediate. Routes: #/access, #/access/new, #/access/<id>, #/access/<id>/edit.
import { api, ApiError, ARM, ADMIN } from '../api.js';
import {
  h, clear, field, formError, onSubmit, pagedList, dialog, chip, dateTime, page, announce, uid,
} from '../ui.js';
import { textOn } from '../colors.js';
import { donut, bars, line, COLORS } from '../charts.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many accounts a compliance chart counts before it asks the user to count on. */
const COUNT_STEP = 5000;

let palette;
let catalog;
/** Profile names seen on this page, for naming the profile a deviation comes from. */
const profileNames = new Map();

async function colors() {
  palette = palette || (await api(`${ARM}/Colors`)).data;
  return palette;
}

/** The attribute catalog as the vendor's form templates describe it: key → {type, label, rules}. */
async function attributes() {
  if (!catalog) {
    const { data } = await api(`${ARM}/Attributes`);
    catalog = new Map((data.availableAttributes || []).map(({ key, value }) => {
      const c = value.constraints || {};
      return [key, {
        key, type: value.Type, label: value.label || key, required: Boolean(value.isRequired || c.isRequired),
        maxLength: c.maxLength ?? null, forbiddenChars: c.forbiddenChars || '',
        definedValues: c.allowOnlyDefinedValues || value.Type === 'ComboBox' ? (c.definedValues || []) : null,
      }];
    }));
  }
  return catalog;
}

export function badge(profile, large = false) {
  const color = palette.find((c) => c.index === profile.color) || palette[0];
  const el = h('span', { class: `badge${large ? ' large' : ''}`, 'aria-hidden': 'true', 'data-color': color.hex }, profile.initials);
  el.style.backgroundColor = color.hex;
  el.style.color = textOn(color.hex);
  return el;
}

export async function render(hash) {
  await colors();
  const path = hash.replace(/^#\/access\/?/, '');
  if (!path) return list();
  if (path === 'new') return edit(null);
  const [id, action] = path.split('/');
  if (action === 'edit') return edit(id);
  return detail(id);
}

// ---- list -----------------------------------------------------------------------------------

async function list() {
  const search = h('input', { type: 'search', name: 'search', autocomplete: 'off' });
  const results = h('section', { 'aria-labelledby': 'profiles-h' });
  const form = h('form', { role: 'search', class: 'row', 'aria-label': 'Access profiles' },
    h('label', { for: 'profile-search', class: 'visually-hidden' }, 'Search profiles'), search,
    h('button', { type: 'submit', class: 'secondary' }, 'Search'));
  search.id = 'profile-search';
  search.placeholder = 'Name or description';
  const compliance = h('section', { class: 'panel', 'aria-labelledby': 'compliance-h' });
  const trend = h('section', { class: 'panel', 'aria-labelledby': 'trend-h' });
  const deviations = h('section', { 'aria-labelledby': 'deviations-h' });
  page('Access profiles',
    h('div', { class: 'row spread toolbar' }, form, h('a', { href: '#/access/new', class: 'button', id: 'new-profile' }, 'New profile')),
    results, compliance, trend, deviations);
  const draw = () => {
    const text = search.value.trim();
    const listing = pagedList({
      first: `${ARM}?limit=24${text ? `&search=${encodeURIComponent(text)}` : ''}`,
      load: withUsage,
      render: profileCard,
      empty: text ? 'No profile matches.' : 'No access profiles yet.',
      container: h('div', { class: 'grid', id: 'access-profiles' }),
      label: 'profiles',
    });
    clear(results, h('h2', { id: 'profiles-h' }, text ? `Profiles matching “${text}”` : 'Profiles'), listing);
  };
  form.addEventListener('submit', (event) => { event.preventDefault(); draw(); });
  draw();
  const refreshCompliance = () => {
    complianceCharts(compliance, null);
    drawDeviations(deviations, null, refreshCompliance);
  };
  refreshCompliance();
  complianceTrend(trend);
}

/** A page of profiles plus their assignment counts, in one extra call for the whole page. */
async function withUsage(path) {
  const answer = await api(path);
  const items = answer.data || [];
  if (items.length) {
    const { data } = await api(`${ARM}/AdditionalProfileInformation`, { method: 'POST', body: items.map((p) => p.id) });
    for (const p of items) p.usage = data[p.id];
  }
  for (const p of items) profileNames.set(p.id, p.name);
  return { ...answer, data: items };
}

function usageText(usage) {
  if (!usage) return '';
  return `${usage.assignedAccounts} assigned · ${usage.nonCompliantAccounts} non-compliant`;
}

function profileCard(p) {
  return h('article', { class: 'panel access-profile', 'data-profile': p.id, 'data-name': p.name },
    h('div', { class: 'card-head' }, badge(p),
      h('div', {}, h('h3', {}, h('a', { href: `#/access/${p.id}` }, p.name)),
        h('p', { class: 'muted usage' }, usageText(p.usage)))),
    p.description ? h('p', {}, p.description) : null);
}

// ---- compliance charts ------------------------------------------------------------------------

/**
 * Counts the compliance report (GET …/Compliance, following its Link) and draws compliant vs
 * non-compliant and deviations by kind. Counting stops after COUNT_STEP accounts and says so,
 * with a button to count on: a million accounts are not read behind the user's back.
 */
function complianceCharts(section, profile) {
  const tally = { accounts: 0, nonCompliant: 0, missingGroup: 0, wrongAttribute: 0, noProfile: 0 };
  let next = `${ARM}/Compliance?limit=1000${profile ? `&profileId=${profile.id}` : ''}`;
  const body = h('div');
  clear(section, h('h2', { id: 'compliance-h' }, profile ? 'Compliance of this profile' : 'Compliance'), body);
  async function count() {
    clear(body, h('p', { class: 'muted' }, 'Counting…'));
    let read = 0;
    try {
      while (next && read < COUNT_STEP) {
        const answer = await api(next);
        for (const line of answer.data || []) {
          read += 1;
          tally.accounts += 1;
          const mine = (d) => !profile || d.profileId === profile.id;
          const groups = (line.missingGroups || []).filter(mine).length;
          const attrs = (line.wrongAttributes || []).filter(mine).length;
          tally.missingGroup += groups;
          tally.wrongAttribute += attrs;
          if (!profile && line.hasNoProfile && line.isNonCompliant) tally.noProfile += 1;
          if (profile ? groups + attrs > 0 : line.isNonCompliant) tally.nonCompliant += 1;
        }
        next = answer.next;
        if (!answer.data || !answer.data.length) next = null;
      }
    } catch (e) {
      if (e.status !== 401) clear(body, h('p', { class: 'form-error' }, e.message));
      return;
    }
    if (!tally.accounts) {
      clear(body, h('p', { class: 'muted', id: profile ? 'profile-compliance-empty' : 'compliance-empty' },
        profile ? 'No account has this profile yet.' : 'The directory has no accounts yet.'));
      return;
    }
    const kinds = [
      { name: 'Missing group', value: tally.missingGroup, color: COLORS.group },
      { name: 'Wrong attribute', value: tally.wrongAttribute, color: COLORS.attribute },
    ];
    if (!profile) kinds.push({ name: 'No profile', value: tally.noProfile, color: COLORS.none });
    const prefix = profile ? 'profile-' : '';
    const more = next
      ? h('p', {}, `Counted the first ${tally.accounts} accounts. `, h('button', { type: 'button', class: 'link', onclick: count }, 'Count more'))
      : h('p', { class: 'muted' }, `Counted all ${tally.accounts} accounts${profile ? ' holding this profile' : ''}.`);
    clear(body, h('div', { class: 'charts' },
      donut(`${prefix}compliance-accounts`, 'Accounts', [
        { name: 'Compliant', value: tally.accounts - tally.nonCompliant, color: COLORS.ok },
        { name: 'Non-compliant', value: tally.nonCompliant, color: COLORS.bad }]),
      bars(`${prefix}compliance-kinds`, 'Deviations by kind', kinds)), more);
  }
  count();
}

// ---- detail -------------------------------------------------------------------------------------

async function fetchProfile(id) {
  const answer = await api(`${ARM}?AdditionalProfileInformation=${encodeURIComponent(id)}`);
  const profile = (answer.data || [])[0];
  if (!profile) throw new ApiError(404, { detail: 'no such access profile' });
  profileNames.set(profile.id, profile.name);
  profile.etag = answer.headers.get('ETag');
  return profile;
}

async function detail(id) {
  let profile;
  try {
    profile = await fetchProfile(id);
  } catch (e) {
    if (e.status !== 401) page('Access profile', h('p', { class: 'form-error', role: 'alert' }, e.message), h('a', { href: '#/access' }, 'Back to the profiles'));
    return;
  }
  const attrs = await attributes();
  const compliance = h('section', { class: 'panel', 'aria-labelledby': 'compliance-h' });
  const deviations = h('section', { 'aria-labelledby': 'deviations-h' });
  const assignments = h('section', { 'aria-labelledby': 'assignments-h' });
  page(profile.name,
    h('div', { class: 'card-head panel' }, badge(profile, true),
      h('div', {}, h('p', {}, profile.description || h('span', { class: 'muted' }, 'No description.')),
        h('p', { class: 'muted' }, `Created ${profile.creationDateTimeLocal} · changed ${profile.lastModifiedDateTimeLocal}`),
        h('div', { class: 'row' }, h('a', { href: `#/access/${profile.id}/edit`, class: 'button secondary' }, 'Edit'),
          h('button', { type: 'button', class: 'danger', onclick: () => remove(profile) }, 'Delete')))),
    h('section', { class: 'panel', 'aria-labelledby': 'requires-h' }, h('h2', { id: 'requires-h' }, 'Requires'),
      h('h3', {}, 'Group memberships'),
      profile.groups.length
        ? h('ul', { id: 'profile-groups' }, profile.groups.map((g) => h('li', {}, g.displayName || g.id, ' ', h('span', { class: 'muted mono' }, g.distinguishedName || g.id))))
        : h('p', { class: 'muted' }, 'No groups.'),
      h('h3', {}, 'Attribute values'),
      profile.ldapAttributes.length
        ? h('ul', { id: 'profile-attributes' }, profile.ldapAttributes.map((a) => h('li', {}, `${attrs.get(a.key)?.label || a.key}: `, h('strong', {}, a.value))))
        : h('p', { class: 'muted' }, 'No attribute values.')),
    compliance, deviations, assignments);
  const refresh = () => {
    complianceCharts(compliance, profile);
    drawDeviations(deviations, profile, refresh);
    drawAssignments(assignments, profile, refresh);
  };
  refresh();
}

async function remove(profile) {
  const choice = await dialog('Delete this profile?', h('p', {}, `“${profile.name}” and all its assignments will be removed.`),
    [{ label: 'Delete', value: 'delete', class: 'danger' }, { label: 'Keep it', value: 'close' }]);
  if (choice !== 'delete') return;
  try {
    await api(`${ARM}/Delete?profileId=${profile.id}`, { method: 'DELETE' });
    announce(`Profile ${profile.name} deleted.`);
    location.hash = '#/access';
  } catch (e) {
    if (e.status !== 401) await dialog('Could not delete', h('p', { class: 'form-error' }, e.message));
  }
}

function drawAssignments(section, profile, refresh) {
  const rows = h('tbody', { id: 'assignments' });
  const listing = pagedList({
    first: `${ARM}/AssignmentsByProfileId?profileId=${profile.id}&limit=50`,
    load: (path) => api(path),
    render: (a) => h('tr', { 'data-account': a.UserId },
      h('td', {}, a.UserName, h('br'), h('span', { class: 'muted' }, a.DisplayName || '')),
      h('td', { class: 'optional' }, a.Fqdn),
      h('td', {}, a.IsNonCompliant ? chip('Non-compliant', 'bad') : chip('Compliant', 'ok')),
      h('td', { class: 'optional' }, a.Comment, h('br'), h('span', { class: 'muted' }, dateTime(a.AssignedAt))),
      h('td', {}, h('button', { type: 'button', class: 'secondary', onclick: () => unassign(profile, a, refresh) }, 'Unassign'))),
    empty: 'No account has this profile.',
    container: rows,
    label: 'assignments',
  });
  const table = h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Account'), h('th', { scope: 'col', class: 'optional' }, 'Domain'),
      h('th', { scope: 'col' }, 'Compliance'), h('th', { scope: 'col', class: 'optional' }, 'Comment'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))),
    rows));
  listing.prepend(table);
  clear(section, h('h2', { id: 'assignments-h' }, 'Assigned accounts'), assignForm(profile, refresh), listing);
}

function splitIds(text) {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

function assignForm(profile, refresh) {
  const ids = h('textarea', { name: 'accountIds', spellcheck: 'false' });
  const comment = h('input', { type: 'text', name: 'comment', maxlength: 1024, required: true });
  const browse = h('div');
  const form = h('form', { class: 'panel', id: 'assign-form', novalidate: true }, formError(),
    field({ label: 'Accounts', name: 'accountIds', input: ids, hint: 'Account ids, one per line; or pick them from the directory below.' }),
    field({ label: 'Comment', name: 'comment', input: comment, hint: 'Required: why these accounts get this profile.' }),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Assign'),
      h('button', { type: 'button', class: 'secondary', onclick: () => browseAccounts(browse, ids) }, 'Pick from directory')),
    browse);
  onSubmit(form, async () => {
    const accountIds = splitIds(ids.value);
    const problems = [];
    if (!accountIds.length) problems.push({ field: 'accountIds', message: 'Name at least one account.' });
    if (accountIds.some((id) => !GUID.test(id))) problems.push({ field: 'accountIds', message: 'Each account id is a GUID.' });
    if (!comment.value.trim()) problems.push({ field: 'comment', message: 'A comment is required when assigning.' });
    if (problems.length) throw new ApiError(400, { errors: problems });
    const { data } = await api(`${ARM}/Assign`, { method: 'POST', body: { profileId: profile.id, accountIds, comment: comment.value.trim() } });
    announce(`${data.changed} account(s) assigned.`);
    refresh();
  });
  return form;
}

/** Directory accounts to pick from (GET /admin/v1/directory/accounts, readers may list them), by name. */
function browseAccounts(holder, target) {
  const name = h('input', { type: 'search', name: 'account-name', autocomplete: 'off' });
  const results = h('div');
  const show = () => clear(results, pagedList({
    first: `${ADMIN}/directory/accounts?limit=20${name.value.trim() ? `&name=${encodeURIComponent(name.value.trim())}` : ''}`,
    load: (path) => api(path),
    render: (a) => h('li', { 'data-account': a.id }, h('button', { type: 'button', class: 'link', onclick: () => {
      const present = splitIds(target.value);
      if (!present.includes(a.id)) target.value = [...present, a.id].join('\n');
      announce(`${a.samAccountName} added.`);
    } }, `Add ${a.samAccountName}`), ' ', h('span', { class: 'muted' }, a.displayName || ''), a.enabled ? null : h('span', {}, ' ', chip('Disabled', 'bad'))),
    empty: 'No account matches.',
    container: h('ul', { id: 'account-picker' }),
    label: 'accounts',
  }));
  name.addEventListener('input', show);
  clear(holder, h('h3', {}, 'Directory accounts'),
    field({ label: 'Login starts with', name: 'account-name', input: name }), results);
  show();
}

async function unassign(profile, assignment, refresh) {
  const comment = h('input', { type: 'text', name: 'comment', maxlength: 1024 });
  const choice = await dialog(`Unassign ${assignment.UserName}?`, field({ label: 'Comment (optional)', name: 'comment', input: comment }),
    [{ label: 'Unassign', value: 'go', class: 'danger' }, { label: 'Cancel', value: 'close' }]);
  if (choice !== 'go') return;
  try {
    await api(`${ARM}/Unassign`, { method: 'POST', body: { profileId: profile.id, accountIds: [assignment.UserId], ...(comment.value.trim() ? { comment: comment.value.trim() } : {}) } });
    announce(`${assignment.UserName} unassigned.`);
  } catch (e) {
    if (e.status !== 401) await dialog('Could not unassign', h('p', { class: 'form-error' }, e.message));
  }
  refresh();
}

// ---- create and edit ------------------------------------------------------------------------------

/** The directory's groups ({id, name, distinguishedName, missingSince}) when the caller may list them; else null. */
async function directoryGroups(path) {
  try {
    const answer = await api(path);
    return Array.isArray(answer.data) ? answer : null;
  } catch (e) {
    if (e.status === 401) throw e;
    return null;
  }
}

async function edit(id) {
  let profile = null;
  try {
    if (id) profile = await fetchProfile(id);
  } catch (e) {
    if (e.status !== 401) page('Access profile', h('p', { class: 'form-error', role: 'alert' }, e.message));
    return;
  }
  const attrs = await attributes();
  const name = h('input', { type: 'text', name: 'name', maxlength: 256, required: true, value: profile?.name || '' });
  const description = h('textarea', { name: 'description', maxlength: 4096, value: profile?.description || '' });
  const initials = h('input', { type: 'text', name: 'initials', maxlength: 3, value: profile?.initials || '', autocomplete: 'off' });
  const swatches = h('fieldset', { class: 'swatches', 'aria-describedby': 'color-error' }, h('legend', {}, 'Colour'),
    palette.map((c) => {
      const input = h('input', { type: 'radio', name: 'color', value: c.index, checked: (profile ? profile.color : 10) === c.index, 'aria-label': c.name });
      const sample = h('span', { 'aria-hidden': 'true' }, 'Aa');
      sample.style.backgroundColor = c.hex;
      sample.style.color = textOn(c.hex);
      return h('label', { class: 'swatch', title: c.name }, input, sample);
    }));
  const colorField = h('div', { class: 'field', 'data-field': 'color' }, swatches, h('p', { class: 'field-error', id: 'color-error' }));
  const groups = h('textarea', { name: 'groups', spellcheck: 'false', value: (profile?.groups || []).map((g) => g.id).join('\n') });
  const groupPicker = h('div');
  const rows = h('div', { id: 'attribute-rows' });
  const addRow = (key = '', value = '') => rows.append(attributeRow(attrs, key, value));
  (profile?.ldapAttributes || []).forEach((a) => addRow(a.key, a.value));
  const form = h('form', { class: 'panel', id: 'profile-form', novalidate: true }, formError(),
    field({ label: 'Name', name: 'name', input: name }),
    field({ label: 'Description', name: 'description', input: description }),
    colorField,
    field({ label: 'Initials', name: 'initials', input: initials, hint: 'Up to 3 characters; empty: the first letters of the name.' }),
    field({ label: 'Required groups', name: 'groups', input: groups, hint: 'Directory group ids, one per line.' }),
    groupPicker,
    h('fieldset', { class: 'field', 'data-field': 'ldapAttributes' }, h('legend', { class: 'label' }, 'Required attribute values'), rows,
      h('p', { class: 'field-error' }),
      h('button', { type: 'button', class: 'secondary', onclick: () => { addRow(); rows.lastChild.querySelector('select').focus(); } }, 'Add attribute')),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, profile ? 'Save changes' : 'Create profile'),
      h('a', { href: profile ? `#/access/${profile.id}` : '#/access' }, 'Cancel')));
  page(profile ? `Edit ${profile.name}` : 'New access profile', form);
  const listed = await directoryGroups(`${ADMIN}/directory/groups?limit=50`);
  if (listed) {
    groupPicker.append(h('button', { type: 'button', class: 'secondary', onclick: () => {
      clear(groupPicker, h('h3', {}, 'Directory groups'), pagedList({
        first: `${ADMIN}/directory/groups?limit=50`, load: (path) => api(path),
        render: (g) => h('li', { 'data-group': g.id }, h('button', { type: 'button', class: 'link', onclick: () => {
          const present = splitIds(groups.value);
          if (!present.includes(g.id)) groups.value = [...present, g.id].join('\n');
          announce(`${g.name} added.`);
        } }, `Add ${g.name}`), ' ', h('span', { class: 'muted mono' }, g.distinguishedName || ''),
        g.missingSince ? h('span', {}, ' ', chip('Missing from the directory', 'bad')) : null),
        empty: 'The directory has no groups yet.',
        container: h('ul', { id: 'group-picker' }), label: 'groups',
      }));
    } }, 'Pick from directory'));
  } else {
    groupPicker.append(h('p', { class: 'hint' }, 'The directory\'s groups cannot be listed for you: paste their ids.'));
  }
  onSubmit(form, async () => {
    const body = collect(form, attrs, { name, description, initials, groups, rows });
    body.id = profile?.id;
    const headers = profile?.etag ? { 'If-Match': profile.etag } : {};
    const { data } = await api(`${ARM}/CreateUpdate`, { method: 'POST', body, headers });
    announce(data.created ? 'Profile created.' : 'Profile saved.');
    location.hash = `#/access/${data.id}`;
  });
}

/** One attribute: which one, and an input of the catalog's kind for its value. */
function attributeRow(attrs, key, value) {
  const row = h('div', { class: 'attr-row field' });
  const keyId = uid('attr');
  const select = h('select', { id: keyId, 'aria-label': 'Attribute' }, h('option', { value: '' }, 'Choose an attribute…'),
    [...attrs.values()].map((a) => h('option', { value: a.key, selected: a.key === key }, a.label)));
  const slot = h('div');
  const error = h('p', { class: 'field-error', id: `${keyId}-error` });
  const drawInput = (current) => {
    const def = attrs.get(select.value);
    clear(slot, def ? valueInput(def, current, error.id) : h('span', { class: 'muted' }, '—'));
  };
  select.addEventListener('change', () => drawInput(''));
  select.setAttribute('aria-describedby', error.id);
  drawInput(value);
  row.append(select, h('div', {}, slot, error),
    h('button', { type: 'button', class: 'secondary', 'aria-label': 'Remove this attribute', onclick: () => row.remove() }, 'Remove'));
  return row;
}

function valueInput(def, value, describedBy) {
  const label = `Value of ${def.label}`;
  let input;
  switch (def.type) {
    case 'DatePicker':
      input = h('input', { type: 'date', value: (value || '').slice(0, 10) });
      break;
    case 'Checkbox':
      input = h('input', { type: 'checkbox', class: 'attr-value', checked: value === 'true', 'aria-describedby': describedBy });
      return h('label', { class: 'check' }, input, def.label);
    case 'NumberField':
      input = h('input', { type: 'number', step: 1, value });
      break;
    case 'ComboBox':
      input = h('select', {}, def.required ? null : h('option', { value: '' }, '—'),
        (def.definedValues || []).map((v) => h('option', { value: v, selected: v === value }, v)));
      break;
    default:
      input = h('input', { type: 'text', value, maxlength: def.maxLength || undefined });
      if (def.definedValues && def.definedValues.length) {
        const listId = uid('values');
        input.setAttribute('list', listId);
        input.setAttribute('aria-label', label);
        input.setAttribute('aria-describedby', describedBy);
        input.classList.add('attr-value');
        return h('span', {}, input, h('datalist', { id: listId }, def.definedValues.map((v) => h('option', { value: v }))));
      }
  }
  input.setAttribute('aria-label', label);
  input.setAttribute('aria-describedby', describedBy);
  input.classList.add('attr-value');
  return input;
}

function attributeValue(row, def) {
  const input = row.querySelector('.attr-value');
  if (!input) return '';
  if (def.type === 'Checkbox') return input.checked ? 'true' : 'false';
  return input.value.trim();
}

/** The rules the server applies to a single value (AttributeDefinition.check), checked before sending. */
function checkValue(def, value) {
  if (!value) return def.required ? `${def.label} may not be empty` : null;
  if (def.type === 'DatePicker' && !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?)?$/.test(value)) return `${def.label} must be a date`;
  if (def.type === 'NumberField' && !/^-?\d+$/.test(value)) return `${def.label} must be a whole number`;
  if (def.type === 'Checkbox' && value !== 'true' && value !== 'false') return `${def.label} must be true or false`;
  if (def.definedValues && def.definedValues.length && !def.definedValues.includes(value)) return `${def.label} must be one of ${def.definedValues.join(', ')}`;
  if (def.maxLength && value.length > def.maxLength) return `${def.label} must be at most ${def.maxLength} characters`;
  const forbidden = [...def.forbiddenChars].find((ch) => value.includes(ch));
  if (forbidden) return `${def.label} may not contain “${forbidden}”`;
  return null;
}

/**
 * Builds the ProfileModel to send, checking first what the server would refuse (name, lengths,
 * group ids, each attribute value); throws the violations in the server's own error shape, so
 * they show beside their fields exactly as the server's would.
 */
function collect(form, attrs, { name, description, initials, groups, rows }) {
  const problems = [];
  const nameValue = name.value.trim();
  if (!nameValue) problems.push({ field: 'name', message: 'A name is required.' });
  if (nameValue.length > 256) problems.push({ field: 'name', message: 'The name may have at most 256 characters.' });
  if (description.value.length > 4096) problems.push({ field: 'description', message: 'The description may have at most 4096 characters.' });
  if (initials.value.trim().length > 3) problems.push({ field: 'initials', message: 'Initials are at most 3 characters.' });
  const color = Number(form.querySelector('input[name=color]:checked')?.value ?? 0);
  const groupIds = splitIds(groups.value);
  groupIds.forEach((id, i) => {
    if (!GUID.test(id)) problems.push({ field: `groups[${i}]`, message: `“${id}” is not a group id (a GUID).` });
  });
  if (new Set(groupIds.map((g) => g.toLowerCase())).size !== groupIds.length) problems.push({ field: 'groups', message: 'A group is listed twice.' });
  const ldapAttributes = [];
  const seen = new Set();
  [...rows.children].forEach((row, i) => {
    row.dataset.field = `ldapAttributes[${i}]`;
    const key = row.querySelector('select').value;
    if (!key) { problems.push({ field: `ldapAttributes[${i}]`, message: 'Choose an attribute or remove the row.' }); return; }
    const def = attrs.get(key);
    const value = attributeValue(row, def);
    if (seen.has(key)) problems.push({ field: `ldapAttributes[${i}]`, message: `${def.label} is given twice.` });
    seen.add(key);
    const wrong = checkValue(def, value);
    if (wrong) problems.push({ field: `ldapAttributes[${i}]`, message: wrong });
    ldapAttributes.push({ key, value });
  });
  if (problems.length) throw new ApiError(400, { errors: problems });
  return { name: nameValue, description: description.value, color, initials: initials.value.trim(),
    groups: groupIds.map((id) => ({ id })), ldapAttributes };
}

// ---- compliance trend across directory syncs ---------------------------------------------------------

/**
 * The compliance each succeeded directory sync recorded (GET /admin/v1/directory/syncs, newest
 * first; readers may list them) as a line chart, oldest first: the last 30 syncs.
 */
async function complianceTrend(section) {
  const heading = h('h2', { id: 'trend-h' }, 'Compliance across directory syncs');
  let syncs;
  try {
    syncs = (await api(`${ADMIN}/directory/syncs?limit=30`)).data || [];
  } catch (e) {
    if (e.status === 401) return;
    clear(section, heading, h('p', { class: 'muted' }, `The directory's syncs cannot be read: ${e.message}`));
    return;
  }
  const points = syncs.filter((s) => s.state === 'succeeded' && s.compliance).reverse();
  if (!points.length) {
    clear(section, heading, h('p', { class: 'muted', id: 'trend-empty' }, 'No directory sync has finished yet.'));
    return;
  }
  clear(section, heading, line('compliance-trend', 'Accounts after each directory sync',
    points.map((s) => ({ id: s.id, label: dateTime(s.finishedAt) })), [
      { key: 'nonCompliant', name: 'Non-compliant', color: COLORS.bad, values: points.map((s) => s.compliance.nonCompliant) },
      { key: 'compliant', name: 'Compliant', color: COLORS.ok, values: points.map((s) => s.compliance.accounts - s.compliance.nonCompliant) },
      { key: 'accepted', name: 'With accepted deviations', color: COLORS.attribute, values: points.map((s) => s.compliance.withAcceptedDeviations) },
    ]));
}

// ---- deviations: accept and remediate ------------------------------------------------------------------

function profileName(id) {
  return profileNames.get(id) || `profile ${String(id).slice(0, 8)}`;
}

/** The deviations of one report line as the acceptance API names them, with a sentence each. */
function deviationsOf(line, profile) {
  const mine = (d) => !profile || d.profileId === profile.id;
  const found = [];
  for (const g of (line.missingGroups || []).filter(mine)) {
    found.push({ ref: { kind: 'missingGroup', profileId: g.profileId, groupId: g.groupId },
      text: `Not in group ${g.name || g.groupId}, which ${profileName(g.profileId)} requires` });
  }
  for (const a of (line.wrongAttributes || []).filter(mine)) {
    found.push({ ref: { kind: 'wrongAttribute', profileId: a.profileId, attribute: a.key },
      text: `${a.key} is “${a.actual}”, ${profileName(a.profileId)} requires “${a.expected}”` });
  }
  if (!profile && line.hasNoProfile && line.isNonCompliant) {
    found.push({ ref: { kind: 'noProfile' }, text: 'Has no access profile' });
  }
  return found;
}

/**
 * The non-compliant accounts (GET …/Compliance?nonCompliantOnly=true, paged), each deviation with
 * Accept (mandatory comment, optional expiry), the accepted ones with Withdraw, and per account its
 * remediation plan.
 */
function drawDeviations(section, profile, refresh) {
  const listing = pagedList({
    first: `${ARM}/Compliance?nonCompliantOnly=true&limit=20${profile ? `&profileId=${profile.id}` : ''}`,
    load: (path) => api(path),
    render: (line) => deviationCard(line, profile, refresh),
    empty: profile ? 'No account deviates from this profile.' : 'No account deviates.',
    container: h('div', { class: 'stack', id: 'deviations' }),
    label: 'accounts',
  });
  clear(section, h('h2', { id: 'deviations-h' }, 'Deviations'),
    h('p', { class: 'muted' }, 'Accept a deviation someone is responsible for (it then counts nowhere until it expires), or see what would bring the account in line.'),
    listing, profile ? null : acceptanceList(refresh));
}

function deviationCard(line, profile, refresh) {
  const plan = h('div', { class: 'plan' });
  const open = deviationsOf(line, profile);
  const accepted = (line.acceptedDeviations || []).filter((d) => !profile || d.profileId === profile.id);
  // On a profile's page an account listed for another profile's deviations has nothing to show here.
  if (!open.length && !accepted.length) return h('div', { hidden: true });
  return h('article', { class: 'panel deviation-account', 'data-account': line.accountId, 'aria-labelledby': `dev-${line.accountId}` },
    h('div', { class: 'row spread' }, h('h3', { id: `dev-${line.accountId}` }, line.userName,
      line.displayName ? h('span', { class: 'muted' }, ` · ${line.displayName}`) : null),
    h('button', { type: 'button', class: 'secondary', 'data-action': 'remediate',
      onclick: () => remediationPlan(plan, line, refresh) }, 'Remediation plan')),
    open.length ? h('ul', { class: 'plain deviations' }, open.map((d) => deviationItem(line, d, refresh))) : null,
    accepted.length ? h('ul', { class: 'plain accepted' }, accepted.map((d) => acceptedItem(d, refresh))) : null,
    plan);
}

function deviationItem(line, deviation, refresh) {
  const slot = h('div');
  const item = h('li', { 'data-kind': deviation.ref.kind, 'data-group': deviation.ref.groupId, 'data-attribute': deviation.ref.attribute },
    h('div', { class: 'row spread' }, h('span', {}, deviation.text),
      h('button', { type: 'button', class: 'secondary', 'data-action': 'accept', 'aria-label': `Accept: ${deviation.text}`,
        onclick: () => { clear(slot, acceptForm(line, deviation, refresh)); slot.querySelector('input').focus(); } }, 'Accept…')),
    slot);
  return item;
}

function acceptForm(line, deviation, refresh) {
  const comment = h('input', { type: 'text', name: 'comment', maxlength: 1024, required: true });
  const expires = h('input', { type: 'date', name: 'expiresAt' });
  const form = h('form', { class: 'accept-form', novalidate: true }, formError(),
    field({ label: 'Why is this deviation accepted?', name: 'comment', input: comment, hint: 'Required; kept with the acceptance and in the audit trail.' }),
    field({ label: 'Accepted until (optional)', name: 'expiresAt', input: expires, hint: 'From this day on the deviation counts again.' }),
    h('div', { class: 'row' }, h('button', { type: 'submit' }, 'Accept deviation'),
      h('button', { type: 'button', class: 'secondary', onclick: () => form.remove() }, 'Cancel')));
  onSubmit(form, async () => {
    if (!comment.value.trim()) throw new ApiError(400, { errors: [{ field: 'comment', message: 'A comment is required to accept a deviation.' }] });
    await api(`${ARM}/Compliance/Acceptances`, { method: 'POST', body: {
      accountId: line.accountId, deviation: deviation.ref, comment: comment.value.trim(),
      ...(expires.value ? { expiresAt: `${expires.value}T00:00:00Z` } : {}) } });
    announce(`Deviation of ${line.userName} accepted.`);
    refresh();
  });
  return form;
}

function acceptedItem(d, refresh) {
  const a = d.acceptance;
  const what = d.kind === 'missingGroup' ? `Not in group ${d.name || d.groupId}`
    : d.kind === 'wrongAttribute' ? `${d.key} is “${d.actual}” instead of “${d.expected}”` : 'Has no access profile';
  return h('li', { 'data-accepted': a.id },
    h('div', { class: 'row spread' },
      h('span', {}, chip('Accepted', 'info'), ` ${what}: “${a.comment}”`, a.expiresAt ? ` until ${dateTime(a.expiresAt)}` : ''),
      withdrawButton(a, refresh)));
}

/** DELETE …/Compliance/Acceptances/{id}: the deviation counts again at once. */
function withdrawButton(acceptance, refresh) {
  return h('button', { type: 'button', class: 'secondary', 'data-action': 'withdraw', onclick: async () => {
    try {
      await api(`${ARM}/Compliance/Acceptances/${acceptance.id}`, { method: 'DELETE' });
      announce('Acceptance withdrawn.');
    } catch (e) {
      if (e.status !== 401) await dialog('Could not withdraw', h('p', { class: 'form-error' }, e.message));
    }
    refresh();
  } }, 'Withdraw');
}

/**
 * Every acceptance, newest first (GET …/Compliance/Acceptances, paged), expired ones too: an
 * account whose only deviations are accepted is compliant and so not in the deviation list above.
 */
function acceptanceList(refresh) {
  const describe = (d) => (d.kind === 'missingGroup' ? `missing group ${d.groupId} of ${profileName(d.profileId)}`
    : d.kind === 'wrongAttribute' ? `${d.attribute} required by ${profileName(d.profileId)}` : 'no profile');
  const rows = h('tbody', { id: 'acceptances' });
  const listing = pagedList({
    first: `${ARM}/Compliance/Acceptances?limit=20`,
    load: (path) => api(path),
    render: (a) => h('tr', { 'data-acceptance': a.id, 'data-account': a.accountId },
      h('td', {}, h('span', { class: 'mono' }, String(a.accountId).slice(0, 8)), h('br'), describe(a.deviation)),
      h('td', {}, `“${a.comment}”`),
      h('td', { class: 'optional' }, a.expiresAt ? dateTime(a.expiresAt) : 'until withdrawn'),
      h('td', {}, a.inForce ? chip('In force', 'ok') : chip('Expired', '')),
      h('td', {}, a.inForce ? withdrawButton(a, refresh) : null)),
    empty: 'No deviation has been accepted.',
    container: rows,
    label: 'acceptances',
  });
  listing.prepend(h('div', { class: 'table-wrap' }, h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Account and deviation'), h('th', { scope: 'col' }, 'Why'),
      h('th', { scope: 'col', class: 'optional' }, 'Until'), h('th', { scope: 'col' }, 'State'),
      h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions')))), rows)));
  return h('div', {}, h('h3', { id: 'acceptances-h' }, 'Accepted deviations'), listing);
}

function changeText(c) {
  return c.type === 'addToGroup'
    ? `Add to group ${c.groupName || c.groupId} (required by ${c.profileName || profileName(c.profileId)})`
    : `Set ${c.attribute} to “${c.value}”${c.currentValue ? `, now “${c.currentValue}”` : ''} (required by ${c.profileName || profileName(c.profileId)})`;
}

const OUTCOME = { applied: ['Applied', 'ok'], already_in_place: ['Already in place', 'ok'], failed: ['Failed', 'bad'], not_attempted: ['Not attempted', ''] };

/**
 * The account's remediation plan (a dry run, GET …/Remediate?accountId=), and applying it only on
 * the user's explicit opt-in (POST {apply: true}); the server decides whether writing is allowed.
 */
async function remediationPlan(holder, line, refresh) {
  let plan;
  try {
    plan = (await api(`${ARM}/Remediate?accountId=${line.accountId}`)).data;
  } catch (e) {
    if (e.status !== 401) clear(holder, h('p', { class: 'form-error', role: 'alert' }, e.message));
    return;
  }
  const account = (plan.accounts || [])[0] || { changes: [], notRemediable: [] };
  const draw = (result) => h('ul', { class: 'plain changes' }, (result.changes || []).map((c) => h('li', { 'data-change': c.type },
    changeText(c), c.outcome ? h('span', {}, ' ', chip(...(OUTCOME[c.outcome] || [c.outcome, ''])), c.message ? ` ${c.message}` : '') : null)));
  const heading = h('h4', { tabindex: '-1' }, 'Remediation plan');
  const parts = [heading];
  parts.push(account.changes.length ? draw(account) : h('p', { class: 'muted' }, 'No change in the directory would help.'));
  if ((account.notRemediable || []).length) {
    parts.push(h('p', {}, 'The directory cannot fix: '), h('ul', { class: 'not-remediable' }, account.notRemediable.map((t) => h('li', {}, t))));
  }
  if (account.changes.length) {
    const optIn = h('input', { type: 'checkbox', name: 'apply' });
    const form = h('form', { class: 'apply-form', novalidate: true }, formError(),
      field({ label: 'Write these changes to the directory', name: 'apply', input: optIn,
        hint: 'Nothing is written unless you tick this; the server also has to allow writing to the directory.' }),
      h('button', { type: 'submit', class: 'danger' }, 'Apply'));
    onSubmit(form, async () => {
      if (!optIn.checked) throw new ApiError(400, { errors: [{ field: 'apply', message: 'Tick the box to write to the directory.' }] });
      const { data } = await api(`${ARM}/Remediate`, { method: 'POST', body: { accountId: line.accountId, apply: true } });
      const done = (data.accounts || [])[0] || { changes: [] };
      clear(holder, h('h4', { tabindex: '-1' }, 'Remediation applied'), draw(done),
        h('p', { class: 'muted' }, 'The compliance figures change when the next directory sync reads the directory back.'));
      holder.querySelector('h4').focus();
      announce('Remediation applied.');
    });
    parts.push(form);
  }
  clear(holder, ...parts);
  heading.focus();
}
