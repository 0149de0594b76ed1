// My certificates: my profiles with the operations I am offered and their certificates, Enroll
// from a template, and my requests with their progress (complete with a PIN, cancel, pick the
// certificate up: for a key the browser makes, or as a PFX when the server makes the key).
import { api, ApiError, CM, idempotencyKey } from '../api.js';
import {
  h, clear, field, formError, onSubmit, pagedList, dialog, chip, dateTime, shortId, page, announce, download,
} from '../ui.js';
import {
  PROFILE_STATUS, REQUEST_STATUS, REQUEST_TYPE, OPERATION_REQUEST, OPERATION_LABEL, SETS_PIN, ISSUES_CERTIFICATE,
  CERTIFICATE_STATUS, statusKind, loadTemplates,
} from '../certificates.js';
import {
  generateKey, certificationRequest, certificatesOf, publicKeyOf, serialOf, sameBytes, encryptedPrivateKey, base64, fromBase64, pem,
} from '../pkcs.js';

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
    drawRequests(requests, refresh, () => drawProfiles(profiles, names, refresh));
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
  card.append(profileCertificates(p));
  return card;
}

/**
 * Certificates picked up in this tab, by serial (upper-case hex): the page keeps them in memory
 * so a profile card can offer them again; nothing is stored, and the private key is not kept.
 */
const issued = new Map();

/** The profile's certificates (GET …/profiles/{id}/certificates), with downloads for those picked up here. */
function profileCertificates(p) {
  const holder = h('div', { class: 'certificates', 'data-certificates': p.Uuid });
  api(`${CM}/profiles/${p.Uuid}/certificates`).then(({ data }) => {
    if (!data || !data.length) return;
    clear(holder, h('h4', {}, 'Certificates'), h('ul', { class: 'plain' }, data.map((c) => {
      const serial = normalSerial(c.SerialNumber);
      const status = CERTIFICATE_STATUS[c.Status] || String(c.Status);
      const kept = issued.get(serial);
      return h('li', { 'data-serial': serial },
        chip(status, { 'In force': 'ok', Revoked: 'bad', Expired: '' }[status] || ''), ' ',
        h('span', { class: 'mono' }, serial), ` · valid ${dateTime(c.NotBefore)} – ${dateTime(c.NotAfter)}`,
        kept ? certificateDownloads(kept) : null);
    })));
  }).catch((e) => {
    if (e.status !== 401) clear(holder, h('p', { class: 'form-error' }, e.message));
  });
  return holder;
}

function normalSerial(hex) {
  return String(hex || '').replace(/^0+(?=.)/, '').toUpperCase();
}

function certificateDownloads(cert) {
  const name = `certificate-${cert.serial}`;
  return h('div', { class: 'row', role: 'group', 'aria-label': `Download certificate ${cert.serial}` },
    h('button', { type: 'button', class: 'secondary', 'data-download': 'pem',
      onclick: () => download(`${name}.pem`, pem('CERTIFICATE', cert.der), 'application/x-pem-file') }, 'Certificate (PEM)'),
    h('button', { type: 'button', class: 'secondary', 'data-download': 'der',
      onclick: () => download(`${name}.cer`, cert.der, 'application/pkix-cert') }, 'Certificate (DER)'),
    h('a', { href: '/pki/chain.pem', download: 'ca-chain.pem' }, 'CA chain'));
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
  const dataFields = h('div', { class: 'field', 'data-field': 'datacollection' });
  const comment = h('textarea', { name: 'comment', maxlength: 4096 });
  // The enroll policy's data collection (GET …/profiletemplates/{id}/policies/enroll, the vendor's
  // PolicyDataCollection): one field per item; the server checks required items and lengths and
  // names "datacollection" when one is wrong, which shows under these fields.
  let shown = 0;
  const showDataCollection = async () => {
    const id = templateInput.value.trim();
    const mine = ++shown;
    let items = [];
    if (templates && templates.length && id) {
      try {
        const { data } = await api(`${CM}/profiletemplates/${encodeURIComponent(id)}/policies/enroll`);
        items = (data && data.PolicyDataCollection) || [];
      } catch (e) {
        if (e.status === 401) return;
      }
    }
    if (mine !== shown) return;
    clear(dataFields, items.map((item, i) => field({ label: `${item.Name}${item.IsRequired ? ' (required)' : ''}`, name: `datacollection[${i}]`,
      input: h('input', { type: 'text', 'data-collect': item.Name, maxlength: item.MaxLength || undefined }),
      hint: item.Description || null })));
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

function drawRequests(section, refresh, refreshProfiles) {
  const list = pagedList({
    first: `${CM}/requests?targetuser=current&limit=${PAGE}`,
    load: async (path) => {
      const answer = await api(path);
      // Newest first on screen within a page; the API lists in submission order.
      return { ...answer, data: (answer.data || []).slice().reverse() };
    },
    render: (r) => requestCard(r, refresh, refreshProfiles),
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

function requestCard(r, refresh, refreshProfiles) {
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
  if ((status === 'Approved' || status === 'Completed') && ISSUES_CERTIFICATE.has(r.RequestType)) {
    const pickup = h('div', { class: 'pickup' });
    pickup.append(h('button', { type: 'button', class: 'secondary', 'data-action': 'pickup',
      onclick: () => startPickup(r, pickup, refreshProfiles) }, 'Get certificate'));
    card.append(pickup);
  }
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

// ---- picking the certificate up -------------------------------------------------------------------

/**
 * Asks how the request's certificate is made (GET …/certificaterequestgenerationoptions): 200
 * means the client makes the key, so the browser does; 204 means the server makes it and answers
 * a PFX protected by the password the user chooses.
 */
async function startPickup(r, holder, refreshProfiles) {
  holder.querySelector('button').disabled = true;
  try {
    const { data } = await api(`${CM}/requests/${r.Uuid}/certificaterequestgenerationoptions`);
    const options = Array.isArray(data) && data.length ? data[0] : null;
    clear(holder, options ? clientKeyForm(r, options, holder, refreshProfiles) : pfxForm(r, holder, refreshProfiles));
    holder.querySelector('input').focus();
  } catch (e) {
    if (e.status !== 401) clear(holder, h('p', { class: 'form-error', role: 'alert' }, e.message));
  }
}

/** Two password fields that must match; the secret stays in the inputs and the request body only. */
function secretFields(name, label, hint) {
  const first = h('input', { type: 'password', name, autocomplete: 'new-password', maxlength: 1024 });
  const again = h('input', { type: 'password', name: `${name}-again`, autocomplete: 'new-password', maxlength: 1024 });
  const check = () => {
    const problems = [];
    if (!first.value) problems.push({ field: name, message: `${label} is required.` });
    else if (first.value !== again.value) problems.push({ field: `${name}-again`, message: 'The two entries differ.' });
    if (problems.length) throw new ApiError(400, { errors: problems });
    return first.value;
  };
  const forget = () => { first.value = ''; again.value = ''; };
  return { fields: [field({ label, name, input: first, hint }), field({ label: `${label} again`, name: `${name}-again`, input: again })], check, forget };
}

function clientKeyForm(r, options, holder, refreshProfiles) {
  const secret = secretFields('passphrase', 'Passphrase for your private key',
    'Your browser makes the key; it never leaves this computer. The key file you save is encrypted with this passphrase.');
  const form = h('form', { class: 'pickup-form', novalidate: true }, formError(),
    h('p', { class: 'muted' }, `Key: ${options.KeyAlgorithmName}${options.KeySize ? ` ${options.KeySize} bits` : ''}.`),
    secret.fields, h('button', { type: 'submit' }, 'Make my key and get the certificate'));
  onSubmit(form, async () => {
    const passphrase = secret.check();
    const key = await generateKey(options);
    const request = await certificationRequest(key);
    const { data } = await api(`${CM}/requests/${r.Uuid}/certificatedata`, { method: 'POST',
      body: { certificaterequests: [base64(request.der)], comments: 'picked up in the web console' } });
    const answer = (data || []).find((c) => c.Pkcs7 && !c.isKeyHistory);
    if (!answer) throw new Error('the server answered no certificate');
    const der = certificatesOf(fromBase64(answer.Pkcs7)).find((c) => sameBytes(publicKeyOf(c), request.spki));
    if (!der) throw new Error('the answer holds no certificate for this key');
    const keyFile = pem('ENCRYPTED PRIVATE KEY', await encryptedPrivateKey(key, passphrase));
    secret.forget();
    const cert = { serial: normalSerial(serialOf(der)), der };
    issued.set(cert.serial, cert);
    clear(holder, h('div', { class: 'issued', 'data-serial': cert.serial, role: 'status' },
      h('p', {}, 'Certificate issued, serial ', h('span', { class: 'mono' }, cert.serial),
        '. Save your private key now: this page does not keep it.'),
      h('div', { class: 'row' },
        h('button', { type: 'button', 'data-download': 'key',
          onclick: () => download(`private-key-${cert.serial}.pem`, keyFile, 'application/x-pem-file') }, 'Private key (encrypted)')),
      certificateDownloads(cert)));
    announce('Certificate issued.');
    holder.querySelector('button').focus();
    refreshProfiles();
  });
  return form;
}

function pfxForm(r, holder, refreshProfiles) {
  const secret = secretFields('pfxpassword', 'PFX password',
    'The server makes the key and hands it to you once, in a PFX file protected by this password.');
  const form = h('form', { class: 'pickup-form', novalidate: true }, formError(), secret.fields,
    h('button', { type: 'submit' }, 'Get the PFX'));
  onSubmit(form, async () => {
    const pfxpassword = secret.check();
    let data;
    try {
      ({ data } = await api(`${CM}/requests/${r.Uuid}/certificatedata`, { method: 'POST',
        body: { pfxpassword, comments: 'picked up in the web console' } }));
    } finally {
      secret.forget();
    }
    const files = (data || []).filter((c) => c.Pfx).map((c, i) => ({
      name: c.isKeyHistory ? `key-history-${i}-${shortId(r.Uuid)}.pfx` : `certificate-${shortId(r.Uuid)}.pfx`,
      label: c.isKeyHistory ? `Earlier key ${i} (PFX)` : 'PFX file', bytes: fromBase64(c.Pfx),
    }));
    if (!files.length) throw new Error('the server answered no PFX');
    clear(holder, h('div', { class: 'issued', role: 'status' },
      h('p', {}, 'Certificate issued. Save the PFX now: the server keeps no copy of it.'),
      h('div', { class: 'row' }, files.map((f) => h('button', { type: 'button', 'data-download': 'pfx',
        onclick: () => download(f.name, f.bytes, 'application/x-pkcs12') }, f.label)))));
    announce('Certificate issued.');
    holder.querySelector('button').focus();
    refreshProfiles();
  });
  return form;
}
