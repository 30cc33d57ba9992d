// The page's one way to the server: JSON in and out, the CSRF token on every state change, and
// errors as ApiError carrying the server's message and per-field violations.

let csrfToken = null;
let onLoginNeeded = () => {};

export class ApiError extends Error {
  constructor(status, message, violations) {
    super(message);
    this.status = status;
    this.violations = violations || [];
  }
}

export function useSession(session) {
  csrfToken = session && session.csrfToken ? session.csrfToken : null;
}

export function whenLoginNeeded(callback) {
  onLoginNeeded = callback;
}

export async function request(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch (e) {
    throw new ApiError(0, 'The host does not answer: is `mv-infra serve` still running?');
  }
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (response.status === 401 && path !== '/api/session') {
    onLoginNeeded();
  }
  if (!response.ok) {
    throw new ApiError(response.status, (data && data.error) || `HTTP ${response.status}`, data && data.violations);
  }
  return { status: response.status, data };
}

export const api = {
  get: (path) => request('GET', path).then((r) => r.data),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  put: (path, body) => request('PUT', path, body),
  del: (path) => request('DELETE', path),
};

export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}
