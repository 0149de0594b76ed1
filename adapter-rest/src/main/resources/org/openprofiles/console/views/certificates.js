// My certificates: my profiles with the operations I am offered, Enroll from a template, and my
// requests with their progress (complete with a PIN, cancel).
import { api, CM, idempotencyKey } from '../api.js';
import {
  h, clear, field, formError, onSubmit, pagedList, dialog, chip, dateTime, shortId, page, announce,
} from '../ui.js';
import {
  PROFILE_STATUS, REQUEST_STATUS, REQUEST_TYPE, OPERATION_REQUEST, OPERATION_LABEL, SETS_PIN, statusKind, loadTemplates,
} from '../certificates.js';

const PAGE = 20;

export async function render() {
  const profiles = h('section', { 'aria-labelledby': 'profiles-h' });
  const enroll = h('section', { 'aria-labelledby': 'enroll-h' });
  const requests = h('section', { 'aria-labelledby': 'requests-h' });
  page('My certificates', profiles, enroll, requests);
  const { templates, source } = await loadTemplates();
  const names = new Map((templates || []).map((t) => [t.id, t.name]));
  const refresh = () => {
    drawProfiles(profiles, names, refresh);
    drawRequests(requests, refresh);
  };
  drawEnroll(enroll, templates, source, refresh);
  refresh();
}

function drawProfiles(section, names, refresh) {
  const list = pagedList({
    first: `${CM}/profiles?limit=${PAGE}`,
    load: (path) => api(path),
    render: (p) => profileCard(p, names, refresh),
    empty: 'You have no certificate profiles yet. Enroll one below.',
    container: h('div', { class: 'grid', id: 'profiles' }),
    label: 'profiles',
  });
  clear(section, h('h2', { id: 'profiles-h' }, 'My profiles'), list);
}

function profileCard(p, names, refresh) {
  const status = PROFILE_STATUS[p.Status] || String(p.Status);
  const operations = (p.ProfileOperations || []).filter((op) => OPERATION_REQUEST[op]);
  const card = h('article', { class: 'panel profile', 'data-profile': p.Uuid, 'aria-labelledby': `p-${p.Uuid}` },
    h('div', { class: 'row spread' },
      h('h3', { id: `p-${p.Uuid}` }, names.get(p.ProfileTemplateUuid) || 'Certificate profile'),
      chip(status, statusKind(status))),
    h('p', { class: 'muted' }, 'Profile ', h('code', {}, p.Uuid), h('br'),
      `Template version ${p.ProfileTemplateVersion}`,
      p.Comment ? h('span', {}, h('br'), `Comment: ${p.Comment}`) : null),
    operations.length
      ? h('div', { class: 'row', role: 'group', 'aria-label': `Operations on profile ${shortId(p.Uuid)}` },
        operations.map((op) => h('button', { type: 'button', class: 'secondary', 'data-operation': op,
          onclick: () => requestOperation(p, op, refresh) }, OPERATION_LABEL[op])))
      : h('p', { class: 'muted' }, 'No operation is offered to you for this profile.'));
  return card;
}

async function requestOperation(profile, operation, refresh) {
  const comment = h('textarea', { name: 'comment', maxlength: 4096 });
  const error = formError();
  const content = h('div', {}, h('p', {}, `${OPERATION_LABEL[operation]} profile `, h('code', {}, shortId(profile.Uuid)), '?'),
    error, field({ label: 'Comment (optional)', name: 'comment', input: comment }));
  const choice = await dialog(`${OPERATION_LABEL[operation]} this profile`, content,
    [{ label: `Request ${OPERATION_LABEL[operation].toLowerCase()}`, value: 'go' }, { label: 'Cancel', value: 'close' }]);
  if (choice !== 'go') return;
  try {
    await submitRequest({ type: OPERATION_REQUEST[operation], profile: profile.Uuid, profiletemplateuuid: profile.ProfileTemplateUuid, comment: comment.value });
    announce(`${OPERATION_LABEL[operation]} requested.`);
  } catch (e) {
    if (e.status !== 401) await dialog('The request was refused', h('p', { class: 'form-error' }, e.message));
  }
  refresh();
}

/** POST …/requests with a fresh Idempotency-Key (a double click cannot submit twice). */
async function submitRequest(body) {
  return api(`${CM}/requests`, { method: 'POST', body, headers: { 'Idempotency-Key': idempotencyKey() } });
}

function drawEnroll(section, templates, source, refresh) {
  const form = h('form', { class: 'panel', id: 'enroll-form', novalidate: true });
  const error = formError();
  let templateInput;
  let notice = null;
  if (templates && templates.length) {
    templateInput = h('select', { name: 'profiletemplateuuid', required: true },
      templates.map((t) => h('option', { value: t.id }, t.name)));
  } else {
    templateInput = h('input', { type: 'text', name: 'profiletemplateuuid', required: true, autocomplete: 'off', spellcheck: 'false' });
    notice = h('p', { class: 'notice' }, 'The server does not list profile templates to you yet; paste the id of the template your administrator gave you.');
  }
  const dataFields = h('div');
  const comment = h('textarea', { name: 'comment', maxlength: 4096 });
  const showDataCollection = () => {
    const chosen = (templates || []).find((t) => t.id === templateInput.value);
    clear(dataFields, (chosen ? chosen.dataCollection : []).map((item, i) => {
      const name = item.Name || item.name;
      return field({ label: name, name: `datacollection[${i}]`, input: h('input', { type: 'text', 'data-collect': name }) });
    }));
  };
  templateInput.addEventListener('change', showDataCollection);
  showDataCollection();
  clear(form, error, notice,
    field({ label: 'Profile template', name: 'profiletemplateuuid', input: templateInput,
      hint: source === 'admin' ? 'Listed from the administration API (you are an administrator).' : null }),
    dataFields,
    field({ label: 'Comment (optional)', name: 'comment', input: comment }),
    h('button', { type: 'submit' }, 'Enroll'));
  onSubmit(form, async () => {
    const collected = [...dataFields.querySelectorAll('[data-collect]')].map((i) => ({ name: i.dataset.collect, value: i.value }));
    await submitRequest({ type: 'Enroll', profiletemplateuuid: templateInput.value.trim(), comment: comment.value,
      ...(collected.length ? { datacollection: collected } : {}) });
    comment.value = '';
    announce('Enrollment requested. Complete it under My requests when it is approved.');
    refresh();
  });
  clear(section, h('h2', { id: 'enroll-h' }, 'Enroll a new profile'), form);
}

function drawRequests(section, refresh) {
  const list = pagedList({
    first: `${CM}/requests?targetuser=current&limit=${PAGE}`,
    load: async (path) => {
      const answer = await api(path);
      // Newest first on screen within a page; the API lists in submission order.
      return { ...answer, data: (answer.data || []).slice().reverse() };
    },
    render: (r) => requestCard(r, refresh),
    empty: 'You have submitted no requests.',
    container: h('div', { class: 'stack', id: 'requests' }),
    label: 'requests',
  });
  clear(section, h('h2', { id: 'requests-h' }, 'My requests'), list);
}

/** Submitted → Approval → Approved → Completed, with the step the request is at. */
export function progress(request) {
  const status = REQUEST_STATUS[request.Status] || String(request.Status);
  const steps = ['Submitted', 'Approval', 'Ready', 'Completed'];
  const at = { Pending: 1, Approved: 2, Completed: 3, Denied: 1, Failed: 3, Canceled: 2, Executing: 3, None: 0 }[status] ?? 0;
  const ended = { Denied: 'Denied', Failed: 'Failed', Canceled: 'Canceled' }[status];
  return h('ol', { class: 'progress', 'aria-label': `Progress: ${status}` }, steps.map((step, i) => {
    if (i < at || (i === at && status === 'Completed')) return h('li', { class: 'done' }, step);
    if (i === at && ended) return h('li', { class: 'failed', 'aria-current': 'step' }, ended);
    if (i === at) return h('li', { 'aria-current': 'step' }, step);
    return h('li', {}, step);
  }));
}

function requestCard(r, refresh) {
  const status = REQUEST_STATUS[r.Status] || String(r.Status);
  const type = REQUEST_TYPE[r.RequestType] || String(r.RequestType);
  const actions = h('div', { class: 'row' });
  const card = h('article', { class: 'panel request', 'data-request': r.Uuid, 'data-status': status, 'aria-label': `${type} request ${shortId(r.Uuid)}` },
    h('div', { class: 'row spread' }, h('h3', {}, `${type} request`), chip(status, statusKind(status))),
    progress(r),
    h('p', { class: 'muted' }, `Submitted ${dateTime(r.Submitted)}`,
      r.OldProfileUuid && !r.OldProfileUuid.startsWith('00000000') ? h('span', {}, ' · profile ', h('code', {}, shortId(r.OldProfileUuid))) : null,
      r.NewProfileUuid && !r.NewProfileUuid.startsWith('00000000') ? h('span', {}, ' · new profile ', h('code', {}, shortId(r.NewProfileUuid))) : null,
      r.Comment ? ` · “${r.Comment}”` : ''),
    actions);
  if (status === 'Approved') actions.append(completeForm(r, refresh));
  if (status === 'Pending' || status === 'Approved') {
    actions.append(h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        await api(`${CM}/requests/${r.Uuid}`, { method: 'PUT', body: { status: 'Canceled' } });
        announce('Request canceled.');
      } catch (e) {
        if (e.status !== 401) await dialog('Could not cancel', h('p', { class: 'form-error' }, e.message));
      }
      refresh();
    } }, 'Cancel request'));
  }
  return card;
}

/** Completing picks the result up; Enroll, Recover and Unblock set the PIN (given here, or shown once). */
function completeForm(r, refresh) {
  const form = h('form', { class: 'complete', novalidate: true });
  const pin = SETS_PIN.has(r.RequestType)
    ? h('input', { type: 'password', name: 'pin', autocomplete: 'new-password', maxlength: 127 }) : null;
  form.append(formError(),
    pin ? field({ label: 'PIN', name: 'pin', input: pin, hint: 'Leave empty when your organisation lets the server choose the PIN.' }) : null,
    h('button', { type: 'submit' }, 'Complete'));
  onSubmit(form, async () => {
    const body = { status: 'Completed' };
    if (pin && pin.value) body.pin = pin.value;
    const { data } = await api(`${CM}/requests/${r.Uuid}`, { method: 'PUT', body });
    if (pin) pin.value = '';
    if (data && data.Pin) {
      await dialog('Your new PIN', h('div', { class: 'secret' },
        h('p', {}, 'Note it now: it is shown only this once and stored nowhere.'), h('code', { id: 'generated-pin' }, data.Pin)));
    }
    announce('Request completed.');
    refresh();
  });
  return form;
}
