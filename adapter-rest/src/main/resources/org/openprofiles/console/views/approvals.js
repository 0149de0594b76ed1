// Approvals: the Pending requests waiting for my decision (GET …/requests?pendingmyapproval=true),
// each with approve / deny. The requester's reason is shown; the decision routes take no comment
// today (see docs/console.md), so the console offers none rather than collect one that is dropped.
import { api, CM } from '../api.js';
import { h, clear, formError, onSubmit, pagedList, chip, dateTime, shortId, page, announce } from '../ui.js';
import { REQUEST_TYPE } from '../certificates.js';
import { progress } from './certificates.js';

export async function render() {
  const holder = h('section', { 'aria-labelledby': 'queue-h' });
  page('Approvals', holder);
  draw(holder);
}

function draw(holder) {
  const list = pagedList({
    first: `${CM}/requests?pendingmyapproval=true&limit=20`,
    load: (path) => api(path),
    render: (r) => decision(r, () => draw(holder)),
    empty: 'Nothing waits for your decision.',
    container: h('div', { class: 'stack', id: 'queue' }),
    label: 'requests',
  });
  clear(holder, h('h2', { id: 'queue-h' }, 'Waiting for my decision'), list);
}

function decision(r, refresh) {
  const type = REQUEST_TYPE[r.RequestType] || String(r.RequestType);
  const form = h('form', { novalidate: true }, formError(),
    h('div', { class: 'row' },
      h('button', { type: 'submit', value: 'approve' }, 'Approve'),
      h('button', { type: 'submit', value: 'deny', class: 'danger' }, 'Deny')));
  onSubmit(form, async (event) => {
    const verdict = event.submitter && event.submitter.value === 'deny' ? 'deny' : 'approve';
    await api(`${CM}/requests/${r.Uuid}/${verdict}`, { method: 'POST' });
    announce(verdict === 'approve' ? 'Request approved.' : 'Request denied.');
    refresh();
  });
  return h('article', { class: 'panel approval', 'data-request': r.Uuid, 'aria-label': `${type} request ${shortId(r.Uuid)}` },
    h('div', { class: 'row spread' }, h('h3', {}, `${type} request`), chip('Pending', 'warn')),
    progress(r),
    h('p', { class: 'muted' }, 'For user ', h('code', {}, r.TargetUserUuid), h('br'), 'Requested by ', h('code', {}, r.OriginatorUserUuid),
      h('br'), `Submitted ${dateTime(r.Submitted)}`,
      r.OldProfileUuid && !r.OldProfileUuid.startsWith('00000000') ? h('span', {}, h('br'), 'Profile ', h('code', {}, r.OldProfileUuid)) : null,
      r.Comment ? h('span', {}, h('br'), `Reason given: ${r.Comment}`) : null),
    form);
}
