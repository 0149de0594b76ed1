// Directory syncs (Administration): start one when the caller may, and every sync with its
// state, progress, counts, errors and warnings, newest first; a running sync is polled until it
// ends. Route #/admin/directory.
import { api, ApiError, ADMIN } from '../api.js';
import { h, clear, field, formError, onSubmit, pagedList, chip, dateTime, page, announce } from '../ui.js';

const SYNCS = `${ADMIN}/directory/syncs`;
/** How often a running sync is read again; its heartbeat (and progress) is written every second. */
const POLL_MS = 1000;

const STATE = { running: ['Running', 'info'], succeeded: ['Succeeded', 'ok'], failed: ['Failed', 'bad'] };
const PHASE = { starting: 'Starting', 'reading-groups': 'Reading groups', 'reading-accounts': 'Reading accounts',
  removing: 'Removing what is gone', 'checking-compliance': 'Checking compliance', done: 'Done' };

export async function directory(nav) {
  const list = h('section', { 'aria-labelledby': 'syncs-h' });
  page('Directory', nav, startForm(list), list);
  drawSyncs(list);
}

function startForm(list) {
  const mode = h('select', { name: 'mode' }, h('option', { value: 'full' }, 'Full: read everything (finds removed accounts)'),
    h('option', { value: 'incremental' }, 'Incremental: read the changes since the last sync'));
  const form = h('form', { class: 'panel', id: 'start-sync', novalidate: true }, h('h2', {}, 'Sync with the directory'), formError(),
    field({ label: 'What to read', name: 'mode', input: mode }),
    h('button', { type: 'submit' }, 'Start sync'));
  onSubmit(form, async () => {
    try {
      await api(SYNCS, { method: 'POST', body: { mode: mode.value } });
      announce('Directory sync started.');
    } catch (e) {
      // One sync at a time: the running one is shown (and followed) below, with the server's message here.
      if (!(e instanceof ApiError) || e.code !== 'sync_running') throw e;
      drawSyncs(list);
      throw e;
    }
    drawSyncs(list);
  });
  return form;
}

function drawSyncs(section) {
  const listing = pagedList({
    first: `${SYNCS}?limit=10`,
    load: (path) => api(path),
    render: (sync) => followed(sync),
    empty: 'No directory sync has run yet.',
    container: h('div', { class: 'stack', id: 'syncs' }),
    label: 'syncs',
  });
  clear(section, h('h2', { id: 'syncs-h' }, 'Syncs'), listing);
}

/** The sync's card; while it runs, read again every POLL_MS and replaced until it ends or leaves the page. */
function followed(sync) {
  let card = syncCard(sync);
  if (sync.state === 'running') {
    const poll = async () => {
      if (!card.isConnected) return;
      try {
        const { data } = await api(`${SYNCS}/${sync.id}`);
        const next = syncCard(data);
        card.replaceWith(next);
        card = next;
        if (data.state === 'running') setTimeout(poll, POLL_MS);
        else announce(`Directory sync ${data.state}.`);
      } catch (e) {
        if (e.status !== 401) card.append(h('p', { class: 'form-error' }, e.message));
      }
    };
    setTimeout(poll, POLL_MS);
  }
  return card;
}

function progressOf(sync) {
  const p = sync.progress || {};
  const phase = PHASE[p.phase] || p.phase || '';
  const read = `${p.groupsRead ?? 0} groups and ${p.accountsRead ?? 0}${p.expectedAccounts ? ` of about ${p.expectedAccounts}` : ''} accounts read`;
  const label = `${phase}${p.percent !== null && p.percent !== undefined ? `, ${p.percent} %` : ''}: ${read}`;
  const bar = h('progress', { max: 100, 'aria-label': 'Sync progress' });
  if (p.percent !== null && p.percent !== undefined) bar.value = p.percent;
  return h('div', { class: 'sync-progress' }, bar, h('p', { class: 'muted', 'data-progress': p.phase }, label));
}

function countsTable(counts) {
  const g = counts.groups || {};
  const a = counts.accounts || {};
  const cell = (value, key) => h('td', { 'data-count': key }, String(value ?? 0));
  return h('div', { class: 'table-wrap' }, h('table', { class: 'counts' },
    h('caption', { class: 'visually-hidden' }, 'What the sync read and changed'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), ['Read', 'Added', 'Changed', 'Removed', 'Kept as missing'].map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {},
      h('tr', {}, h('th', { scope: 'row' }, 'Groups'), cell(g.read, 'groups.read'), cell(g.added, 'groups.added'), cell(g.changed, 'groups.changed'),
        cell(g.removed, 'groups.removed'), cell(g.kept, 'groups.kept')),
      h('tr', {}, h('th', { scope: 'row' }, 'Accounts'), cell(a.read, 'accounts.read'), cell(a.added, 'accounts.added'), cell(a.changed, 'accounts.changed'),
        cell(a.removed, 'accounts.removed'), h('td', {}, '—')))));
}

function syncCard(sync) {
  const [state, kind] = STATE[sync.state] || [sync.state, ''];
  const counts = sync.counts || {};
  const compliance = sync.compliance;
  return h('article', { class: 'panel sync', 'data-sync': sync.id, 'data-state': sync.state, 'aria-labelledby': `sync-${sync.id}` },
    h('div', { class: 'row spread' },
      h('h3', { id: `sync-${sync.id}` }, `${sync.mode === 'incremental' ? 'Incremental' : 'Full'} sync, ${sync.trigger === 'scheduled' ? 'scheduled' : 'on demand'}`),
      chip(state, kind)),
    h('p', { class: 'muted' }, `Started ${dateTime(sync.startedAt)}`,
      sync.finishedAt ? ` · finished ${dateTime(sync.finishedAt)}` : ` · last sign of life ${dateTime(sync.heartbeatAt)}`,
      sync.scope ? ` · read ${sync.scope === 'changes' ? 'the changes' : 'everything'}` : ''),
    sync.fullReadReason ? h('p', { class: 'muted' }, `Read everything because ${sync.fullReadReason}`) : null,
    progressOf(sync),
    sync.error ? h('p', { class: 'form-error', 'data-error': '' }, sync.error) : null,
    sync.state === 'running' ? null : countsTable(counts),
    sync.state === 'running' ? null : h('p', { class: 'muted' }, `${counts.assignmentsEnded ?? 0} assignments ended · ${counts.pagesRead ?? 0} pages read · ${counts.skippedEntries ?? 0} entries skipped`),
    compliance ? h('p', { 'data-compliance': '' }, `After the sync: ${compliance.accounts} accounts, ${compliance.nonCompliant} non-compliant, ${compliance.withAcceptedDeviations} with accepted deviations.`) : null,
    (sync.warnings || []).length ? h('details', {}, h('summary', {}, `${sync.warnings.length} warning(s)`),
      h('ul', {}, sync.warnings.map((w) => h('li', {}, w)))) : null);
}
