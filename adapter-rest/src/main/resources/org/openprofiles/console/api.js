// The one way the console talks to the server: the public API with the user's bearer token.
import { token } from './auth.js';

export const CM = '/CertificateManagement/api/v1.0';
export const ARM = '/api/v1/Profiles';
export const ADMIN = '/admin/v1';

let onUnauthenticated = () => {};

export function whenUnauthenticated(handler) {
  onUnauthenticated = handler;
}

/**
 * A failed call: the HTTP status and the server's explanation. {@link errors} lists
 * {field, message} pairs from a problem+json (its field and detail, and each of its errors[]) or
 * from an ARM result's errors[].
 */
export class ApiError extends Error {
  constructor(status, body) {
    super(ApiError.describe(status, body));
    this.status = status;
    this.body = body || {};
  }

  static describe(status, body) {
    if (body && typeof body === 'object') {
      if (body.detail) return body.detail;
      if (Array.isArray(body.errors) && body.errors.length) return body.errors.map((e) => e.message).join('; ');
      if (body.title) return body.title;
    }
    return `the server answered ${status}`;
  }

  get code() {
    return this.body.code;
  }

  get errors() {
    const found = [];
    if (Array.isArray(this.body.errors)) {
      for (const e of this.body.errors) found.push({ field: e.field || null, message: e.message || e.detail || e.code });
    }
    if (this.body.field && !found.some((e) => e.field === this.body.field)) {
      found.unshift({ field: this.body.field, message: this.body.detail || this.message });
    }
    if (!found.length) found.push({ field: null, message: this.message });
    return found;
  }
}

/** The path and query of a Link rel="next" target, kept on this origin. */
export function nextLink(header) {
  if (!header) return null;
  for (const part of header.split(',')) {
    const match = part.match(/<([^>]+)>\s*;\s*rel="?next"?/i);
    if (match) {
      const url = new URL(match[1], location.origin);
      return url.pathname + url.search;
    }
  }
  return null;
}

/**
 * Calls the API. Answers {status, data, next} where data is the parsed JSON (null for 204) and
 * next the Link rel="next" path; throws ApiError for any 4xx/5xx.
 */
export async function api(path, { method = 'GET', body, headers = {} } = {}) {
  const sent = { Accept: 'application/json, application/problem+json', ...headers };
  const bearer = token();
  if (bearer) sent.Authorization = `Bearer ${bearer}`;
  if (body !== undefined) sent['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(path, {
      method, headers: sent, body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store', credentials: 'omit', redirect: 'error',
    });
  } catch (e) {
    throw new ApiError(0, { detail: 'the server cannot be reached' });
  }
  const type = response.headers.get('Content-Type') || '';
  const data = response.status === 204 || !type.includes('json') ? null : await response.json().catch(() => null);
  if (response.status === 401) {
    onUnauthenticated(new ApiError(401, data));
  }
  if (!response.ok) throw new ApiError(response.status, data);
  return { status: response.status, data, next: nextLink(response.headers.get('Link')), headers: response.headers };
}

/** A query string from an object, leaving out empty values. */
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Whether a route answers this caller at all (2xx): used to decide which sections to show. */
export async function offers(path) {
  try {
    await api(path);
    return true;
  } catch (e) {
    if (e.status === 401) throw e;
    return false;
  }
}

export function idempotencyKey() {
  return crypto.randomUUID();
}
