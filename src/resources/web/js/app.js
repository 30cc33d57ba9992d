// Boot and routing. Everything shown is generated from /api/module (the module's descriptors) and the
// entity API; routes live in the URL hash so that reload, back and links work without server routes.
import { h, fill } from './dom.js';
import { api, useSession, whenLoginNeeded, ApiError } from './api.js';
import { presses } from './presses.js';
import { renderHome } from './views/home.js';
import { renderList } from './views/list.js';
import { renderForm } from './views/form.js';
import { renderAudit } from './views/audit.js';
import { renderJobs } from './views/jobs.js';
import { renderLogin } from './views/login.js';

const main = document.getElementById('main');

/** What every view gets: the module description, navigation, and whether it is still the current view. */
const app = {
  module: null,
  session: null,
  templates: new Map(),
  leaveGuard: null,
  pendingFlash: null,
  /** A message for the next view (e.g. "created" after a save moves to the new entity). */
  flash(kind, text) {
    app.pendingFlash = { kind, text };
  },
  takeFlash() {
    const flash = app.pendingFlash;
    app.pendingFlash = null;
    return flash;
  },
  /** A view with unsaved edits asks before the operator leaves it: guard = {dirty: () => boolean} or null. */
  setLeaveGuard(guard) {
    app.leaveGuard = guard;
  },
  template(code) {
    return app.templates.get(code);
  },
  categoryOf(code) {
    return app.module.categories.find((c) => c.entities.includes(code));
  },
  /** Goes to a route; {@code replace} swaps the current history entry instead of adding one. */
  navigate(hash, replace) {
    if (!replace) {
      location.hash = hash;
      return;
    }
    history.replaceState(null, '', hash);
    lastHash = location.hash;
    route();
  },
};

let renderCount = 0;
let lastHash = location.hash;

async function route() {
  const { path, params } = parseHash();
  const id = ++renderCount;
  const view = { ...app, main, params, alive: () => id === renderCount };
  app.leaveGuard = null;
  highlightNav(path);
  window.scrollTo(0, 0); // a new page starts at its top, not where the last one was scrolled to
  try {
    if (path[0] === 'login') return renderLogin(view, start);
    if (!app.module) return;
    if (path.length === 0) return await renderHome(view);
    if (path[0] === 'e' && path.length === 2) return await renderList(view, path[1]);
    if (path[0] === 'e' && path.length === 3) return await renderForm(view, path[1], path[2] === 'new' ? null : path[2]);
    if (path[0] === 'audit') return await renderAudit(view);
    if (path[0] === 'jobs') return await renderJobs(view);
    fill(main, h('h1', {}, 'Not found'), h('p', {}, 'Nothing lives at this address. ', h('a', { href: '#/' }, 'Back to the start')));
  } catch (e) {
    if (!view.alive() || (e instanceof ApiError && e.status === 401)) return;
    fill(main, h('div', { class: 'alert bad', role: 'alert' }, e.message));
  }
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [pathPart, queryPart] = raw.split('?');
  const path = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  return { path, params: new URLSearchParams(queryPart || '') };
}

function renderNav() {
  const nav = document.getElementById('nav');
  const groups = app.module.categories.map((category) => h('section', { class: 'nav-group' },
    h('h2', { class: 'nav-title' }, category.name),
    h('ul', {}, category.entities.map((code) => h('li', {},
      h('a', { href: `#/e/${encodeURIComponent(code)}`, dataset: { route: `e/${code}` } }, app.template(code).name))))));
  const activity = h('section', { class: 'nav-group' },
    h('h2', { class: 'nav-title' }, 'Activity'),
    h('ul', {},
      h('li', {}, h('a', { href: '#/audit', dataset: { route: 'audit' } }, 'Audit trail')),
      app.templates.has('ServerAction') ? h('li', {}, h('a', { href: '#/e/ServerAction', dataset: { route: 'e/ServerAction' } }, 'Server actions')) : null,
      h('li', {}, h('a', { href: '#/jobs', dataset: { route: 'jobs' } }, 'Jobs'))));
  fill(nav, groups, activity);
}

function highlightNav(path) {
  const current = path.slice(0, 2).join('/');
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.route === current);
    if (a.dataset.route === current) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function renderUser() {
  const user = document.getElementById('user');
  const logout = document.getElementById('logout');
  const signedIn = Boolean(app.session && app.session.authenticated);
  document.body.classList.toggle('signed-out', !signedIn);
  user.textContent = signedIn ? app.session.user : '';
  logout.hidden = !(app.session && app.session.loginRequired && app.session.authenticated);
}

async function logout() {
  try {
    await api.del('/api/session');
  } finally {
    app.module = null;
    app.session = null;
    useSession(null);
    renderUser();
    fill(document.getElementById('nav'));
    app.navigate('#/login', true);
  }
}

/** Session first (its CSRF token), then the module; a host that needs a login shows the login form. */
async function start() {
  app.session = await api.get('/api/session');
  useSession(app.session);
  renderUser();
  if (!app.session.authenticated) {
    const next = location.hash.startsWith('#/login') ? '' : location.hash;
    app.navigate(`#/login${next ? `?next=${encodeURIComponent(next)}` : ''}`, true);
    return;
  }
  app.module = await api.get('/api/module');
  app.templates = new Map(app.module.entities.map((e) => [e.code, e]));
  document.getElementById('module-version').textContent = `${app.module.code} ${app.module.version}`;
  renderNav();
  presses.start(app);
  if (location.hash.startsWith('#/login')) {
    const next = new URLSearchParams(location.hash.split('?')[1] || '').get('next');
    app.navigate(next && next.startsWith('#/') ? next : '#/', true);
  } else {
    route();
  }
}

whenLoginNeeded(() => {
  if (!location.hash.startsWith('#/login')) {
    app.module = null;
    app.navigate(`#/login?next=${encodeURIComponent(location.hash)}`, true);
  }
});

window.addEventListener('hashchange', () => {
  if (app.leaveGuard && app.leaveGuard.dirty() && !window.confirm('Leave this form? Your unsaved changes will be lost.')) {
    history.replaceState(null, '', lastHash);
    return;
  }
  lastHash = location.hash;
  route();
});
window.addEventListener('beforeunload', (event) => {
  if (app.leaveGuard && app.leaveGuard.dirty()) event.preventDefault();
});
document.getElementById('logout').addEventListener('click', logout);

start().catch((e) => fill(main, h('div', { class: 'alert bad', role: 'alert' }, e.message)));
