// Small DOM helpers: elements built node by node, never from HTML strings (so no markup injection and nothing CSP refuses),
// form fields that show the server's errors beside the input they name, paged lists, dialogs.
import { ApiError } from './api.js';

let nextId = 0;
export function uid(prefix = 'f') {
  nextId += 1;
  return `${prefix}-${nextId}`;
}

/** h('button', {class: 'x', onclick: f}, 'text', child…) */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'value' || key === 'checked' || key === 'selected') el[key] = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

export function announce(text) {
  const status = document.getElementById('status');
  status.textContent = '';
  setTimeout(() => { status.textContent = text; }, 50);
}

/**
 * A labelled field for the form's error display: data-field is the API's name for it (the
 * problem's field), the error paragraph sits right under the input and is tied to it with
 * aria-describedby.
 */
export function field({ label, name, input, hint }) {
  const id = input.id || uid(name.replace(/[^a-z0-9]/gi, '') || 'f');
  input.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const error = h('p', { class: 'field-error', id: `${id}-error` });
  input.setAttribute('aria-describedby', [hintEl ? hintEl.id : null, error.id].filter(Boolean).join(' '));
  if (input.type === 'checkbox') {
    return h('div', { class: 'field', 'data-field': name }, h('label', { class: 'check', for: id }, input, label), hintEl, error);
  }
  return h('div', { class: 'field', 'data-field': name }, h('label', { for: id }, label), input, hintEl, error);
}

export function formError() {
  return h('div', { class: 'form-error', role: 'alert' });
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error, .form-error')) el.textContent = '';
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
}

/** The field element a server error names: exact, else its parent name (groups[2] → groups). */
function fieldFor(form, name) {
  let candidate = name;
  while (candidate) {
    const found = form.querySelector(`[data-field="${CSS.escape(candidate)}"]`);
    if (found) return found;
    const shorter = candidate.replace(/(\[[^\]]*\]|\.[^.[\]]*)$/, '');
    if (shorter === candidate) break;
    candidate = shorter;
  }
  return null;
}

/** Shows each error beside the field it names, the rest at the top of the form; focuses the first. */
export function showErrors(form, error) {
  clearErrors(form);
  const list = error instanceof ApiError ? error.errors : [{ field: null, message: error.message || String(error) }];
  let first = null;
  const general = form.querySelector('.form-error');
  for (const { field: name, message } of list) {
    const target = name ? fieldFor(form, name) : null;
    if (target) {
      const text = target.querySelector('.field-error');
      text.textContent = text.textContent ? `${text.textContent} ${message}` : message;
      const input = target.querySelector('input, select, textarea');
      if (input) {
        input.setAttribute('aria-invalid', 'true');
        first = first || input;
      }
    } else if (general) {
      general.append(h('p', {}, name ? `${name}: ${message}` : message));
      first = first || general;
    }
  }
  if (first) {
    if (first.matches('input, select, textarea')) first.focus();
    else { first.tabIndex = -1; first.focus(); }
  }
}

/** Runs an async submit: disables the form's buttons meanwhile and shows any error in the form. */
export function onSubmit(form, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors(form);
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => { b.disabled = true; });
    try {
      await action(event);
    } catch (e) {
      if (e && e.status === 401) return;
      showErrors(form, e);
    } finally {
      buttons.forEach((b) => { b.disabled = false; });
    }
  });
  return form;
}

/**
 * A list that pages with the API's cursors: loads the first page, then "Show more" follows
 * Link rel="next" and appends.
 */
export function pagedList({ first, load, render, empty = 'Nothing here.', container = h('div', { class: 'stack' }), label }) {
  const holder = h('div');
  const more = h('button', { type: 'button', class: 'secondary', hidden: true }, label ? `Show more ${label}` : 'Show more');
  const error = h('p', { class: 'form-error', role: 'alert' });
  let next = first;
  let count = 0;
  async function page() {
    more.disabled = true;
    error.textContent = '';
    try {
      const { data, next: following } = await load(next);
      const items = Array.isArray(data) ? data : [];
      for (const item of items) container.append(render(item));
      count += items.length;
      next = following;
      more.hidden = !next;
      if (count === 0) container.append(h('p', { class: 'muted empty' }, empty));
    } catch (e) {
      if (e.status !== 401) error.textContent = e.message;
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', async () => {
    const before = container.children.length;
    await page();
    const firstNew = container.children[before];
    if (firstNew) {
      const focusable = firstNew.querySelector('a, button') || firstNew;
      if (focusable === firstNew) firstNew.tabIndex = -1;
      focusable.focus();
    }
  });
  holder.append(container, error, h('div', { class: 'pager' }, more));
  holder.ready = page();
  return holder;
}

/** A modal dialog with the given content; resolves with the button value that closed it. */
export function dialog(title, content, buttons = [{ label: 'Close', value: 'close' }]) {
  const titleId = uid('dlg');
  const form = h('form', { method: 'dialog' },
    h('h2', { id: titleId }, title), content,
    h('div', { class: 'row' }, buttons.map((b) => h('button', { value: b.value, class: b.class || (b.value === 'close' ? 'secondary' : '') }, b.label))));
  const el = h('dialog', { 'aria-labelledby': titleId }, form);
  document.body.append(el);
  return new Promise((resolve) => {
    el.addEventListener('close', () => {
      el.remove();
      resolve(el.returnValue);
    });
    el.showModal();
  });
}

export function chip(text, kind = '') {
  return h('span', { class: `chip ${kind}` }, text);
}

export function dateTime(iso) {
  if (!iso || iso.startsWith('0001-')) return '—';
  const d = new Date(iso.endsWith('Z') || /[+-]\d\d:\d\d$/.test(iso) ? iso : `${iso}Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
}

export function shortId(id) {
  return id ? id.slice(0, 8) : '';
}

/** A heading plus the page's content, replacing what main shows; focus goes to the heading. */
export function page(title, ...content) {
  const main = document.getElementById('main');
  const heading = h('h1', { tabindex: '-1' }, title);
  clear(main, heading, ...content);
  document.title = `${title} · OpenProfiles console`;
  return heading;
}

/**
 * Hands bytes to the user as a file: a Blob behind a temporary object URL and a click on a
 * download link (nothing goes through a URL the server sees, nothing is stored).
 */
export function download(filename, content, type) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
