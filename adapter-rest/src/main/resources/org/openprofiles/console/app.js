// The console's shell: sign-in, the sections this caller may use (learned by asking the API),
// and hash routes to the views. Plain ES modules, no build step.
import { api, ApiError, offers, whenUnauthenticated, CM, ARM, ADMIN } from './api.js';
import { token, signIn, signOut, startOidc, finishOidc } from './auth.js';
import { h, field, formError, onSubmit, showErrors, page } from './ui.js';

const ROUTES = [
  { pattern: /^#\/certificates$/, needs: 'certificates', view: () => import('./views/certificates.js') },
  { pattern: /^#\/approvals$/, needs: 'certificates', view: () => import('./views/approvals.js') },
  { pattern: /^#\/access(\/.*)?$/, needs: 'access', view: () => import('./views/access.js') },
  { pattern: /^#\/admin\/.+$/, needs: 'admin', view: () => import('./views/admin.js') },
];

let config = {};
let capabilities = null;

async function loadConfig() {
  try {
    const response = await fetch('/console/config.json', { cache: 'no-store', credentials: 'omit' });
    config = response.ok ? await response.json() : {};
  } catch (e) {
    config = {};
  }
}

/**
 * Which sections answer this caller: each is one cheap call to the API it uses. The approvers'
 * queue answers everyone (204 when nothing waits), so Approvals is in the menu while something
 * waits for this caller's decision; #/approvals itself is always reachable.
 */
async function probe() {
  await api(`${CM}/profiles?limit=1`);
  const [approvals, access, admin] = await Promise.all([
    api(`${CM}/requests?pendingmyapproval=true&limit=1`).then((r) => r.status === 200, () => false),
    offers(`${ARM}/Colors`),
    offers(`${ADMIN}/users?limit=1`),
  ]);
  return { certificates: true, approvals, access, admin };
}

function showShell() {
  const nav = document.getElementById('nav');
  nav.hidden = !capabilities;
  document.getElementById('sign-out').hidden = !capabilities;
  for (const item of nav.querySelectorAll('[data-needs]')) {
    item.hidden = !capabilities || !capabilities[item.dataset.needs];
  }
}

function markCurrent() {
  for (const link of document.querySelectorAll('#nav a')) {
    const section = link.getAttribute('href').split('/')[1];
    if (location.hash.split('/')[1] === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function route() {
  if (!capabilities) {
    signInPage();
    return;
  }
  const hash = location.hash || '#/certificates';
  const found = ROUTES.find((r) => r.pattern.test(hash) && capabilities[r.needs]);
  if (!found) {
    location.replace('#/certificates');
    return;
  }
  markCurrent();
  const module = await found.view();
  await module.render(hash);
  document.querySelector('main h1')?.focus();
}

function signInPage(message) {
  const input = h('input', { type: 'password', name: 'token', autocomplete: 'off', spellcheck: 'false', required: true });
  const form = h('form', { class: 'panel', id: 'sign-in', novalidate: true }, formError(),
    field({ label: 'API token', name: 'token', input, hint: 'Paste the token your administrator issued to you. It stays in this tab only.' }),
    h('button', { type: 'submit' }, 'Sign in'));
  onSubmit(form, async () => {
    if (!input.value.trim()) {
      showErrors(form, new ApiError(400, { field: 'token', detail: 'Paste your API token.' }));
      return;
    }
    signIn(input.value);
    input.value = '';
    await start();
  });
  const oidc = config.oidc
    ? h('section', { class: 'panel', 'aria-labelledby': 'oidc-h' }, h('h2', { id: 'oidc-h' }, 'Single sign-on'),
      h('button', { type: 'button', id: 'oidc-sign-in', onclick: async (event) => {
        try {
          await startOidc(config.oidc);
        } catch (e) {
          event.target.after(h('p', { class: 'form-error', role: 'alert' }, e.message));
        }
      } }, 'Sign in with your organisation'))
    : null;
  page('Sign in', message ? h('p', { class: 'form-error', role: 'alert', id: 'sign-in-message' }, message) : null, oidc, form);
  showShell();
  if (message) {
    form.querySelector('[data-field="token"] .field-error').textContent = message;
    input.setAttribute('aria-invalid', 'true');
  }
}

async function start() {
  try {
    capabilities = await probe();
  } catch (e) {
    capabilities = null;
    signOut();
    signInPage(e.status === 401 ? `This token was not accepted: ${e.message}` : e.message);
    return;
  }
  showShell();
  if (!location.hash || location.hash === '#/') location.hash = '#/certificates';
  else await route();
}

// A request still in flight when the caller signed out (or the token was revoked) ends in a 401
// that whenUnauthenticated has already handled: it is not an error of the page.
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError && event.reason.status === 401) event.preventDefault();
});

whenUnauthenticated((error) => {
  if (!capabilities) return;
  capabilities = null;
  signOut();
  signInPage(`Please sign in again: ${error.message}`);
});

document.getElementById('sign-out').addEventListener('click', () => {
  signOut();
  capabilities = null;
  history.replaceState(null, '', '/console/');
  signInPage();
  document.getElementById('main').focus();
});

window.addEventListener('hashchange', () => { route(); });

(async () => {
  await loadConfig();
  if (config.oidc) {
    try {
      await finishOidc(config.oidc);
    } catch (e) {
      signInPage(e.message);
      return;
    }
  }
  if (token()) await start();
  else signInPage();
})();
