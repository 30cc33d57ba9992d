// The start page as a dashboard: the providers and whether their credentials work, what failed recently,
// and the templates with their counts, those with buttons first (where the operator acts).
import { h, fill, ago, formatDate, badge } from '../dom.js';
import { api } from '../api.js';
import { show } from './fields.js';

const RECENT = 50;
const FAILURES = 8;

export async function renderHome(view) {
  const { module } = view;
  const providersBox = h('section', { class: 'card', id: 'dash-providers' }, h('h2', {}, 'Providers'), h('p', { class: 'muted' }, 'Loading…'));
  const failuresBox = h('section', { class: 'card', id: 'dash-failures' }, h('h2', {}, 'Failed recently'), h('p', { class: 'muted' }, 'Loading…'));
  const tiles = h('div', { class: 'tiles', id: 'dash-templates' });
  fill(view.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Infrastructure'), h('p', { class: 'meta' }, module.description))),
    h('div', { class: 'dash-grid' }, providersBox, failuresBox),
    h('section', { class: 'home-group' }, h('h2', {}, 'Templates'), tiles));

  // templates that have buttons first, then in the navigation's order
  const order = module.categories.flatMap((c) => c.entities).filter((code) => view.template(code));
  const ranked = [...order].sort((a, b) => Number(view.template(b).buttons.length > 0) - Number(view.template(a).buttons.length > 0));
  const counts = new Map(ranked.map((code) => [code, h('span', { class: 'tile-count', dataset: { count: code } }, '…')]));
  fill(tiles, ranked.map((code) => {
    const t = view.template(code);
    const category = view.categoryOf(code);
    return h('a', { class: 'tile', href: `#/e/${encodeURIComponent(code)}`, dataset: { template: code } },
      h('span', { class: 'tile-head' }, h('strong', {}, t.name), counts.get(code)),
      h('span', { class: 'muted small' }, category ? category.name : ''),
      t.buttons.length ? h('span', { class: 'tile-foot' }, `${t.buttons.length} button${t.buttons.length > 1 ? 's' : ''}`) : null);
  }));
  for (const code of ranked) {
    api.get(`/api/entities/${encodeURIComponent(code)}?limit=1`)
      .then((page) => { counts.get(code).textContent = String(page.total); })
      .catch(() => { counts.get(code).textContent = '?'; });
  }
  await Promise.all([
    providers(view, providersBox).catch((e) => fill(providersBox, h('h2', {}, 'Providers'), h('p', { class: 'muted' }, e.message))),
    failures(view, failuresBox).catch((e) => fill(failuresBox, h('h2', {}, 'Failed recently'), h('p', { class: 'muted' }, e.message))),
  ]);
}

async function providers(view, box) {
  const providerT = view.template('ServiceProvider');
  const credentialT = view.template('Credential');
  if (!providerT || !credentialT) {
    box.hidden = true;
    return;
  }
  const [list, credentials] = await Promise.all([api.get('/api/entities/ServiceProvider?limit=100'), api.get('/api/entities/Credential?limit=500')]);
  if (!view.alive()) return;
  const byUuid = new Map(credentials.items.map((c) => [c.uuid, c]));
  const field = (t, code) => t.fields.find((f) => f.code === code);
  const statusKind = { VALID: 'ok', ACTIVE: 'ok', EXPIRING: 'warn', INVALID: 'bad', INACTIVE: 'bad' };
  const rows = list.items.map((p) => {
    const credential = byUuid.get(p.fields.credential);
    const status = credential ? credential.fields.status : null;
    const statusText = credential ? show(field(credentialT, 'status'), status || 'UNCHECKED', {}) || 'Not checked yet' : 'No credential';
    return h('tr', { dataset: { provider: p.uuid } },
      h('td', {}, h('a', { href: `#/e/ServiceProvider/${encodeURIComponent(p.uuid)}` }, p.label)),
      h('td', {}, show(field(providerT, 'kind'), p.fields.kind, {})),
      h('td', {}, credential ? h('a', { href: `#/e/Credential/${encodeURIComponent(credential.uuid)}` }, credential.label) : h('span', { class: 'muted' }, '—')),
      h('td', {}, h('span', { class: ['badge', 'as-written', statusKind[status] || (credential ? 'neutral' : 'warn')], dataset: { status: status || 'NONE' } }, statusText)),
      h('td', { class: 'message' }, credential ? credential.fields.statusReason || '' : 'Give it a credential before pressing its buttons.'),
      h('td', { class: 'nowrap muted', title: credential && credential.fields.lastConnection ? formatDate(credential.fields.lastConnection) : null },
        credential && credential.fields.lastConnection ? ago(credential.fields.lastConnection) : ''));
  });
  fill(box,
    h('div', { class: 'card-head' }, h('h2', {}, 'Providers'), h('a', { href: '#/e/ServiceProvider' }, `All ${list.total}`)),
    rows.length === 0
      ? h('p', { class: 'empty' }, 'No provider yet. ', h('a', { href: '#/e/ServiceProvider/new' }, 'Add one'),
        ', or run ', h('code', {}, 'mv-infra credential import'), '.')
      : h('table', { class: 'table compact' },
        h('thead', {}, h('tr', {}, ['Provider', 'Kind', 'Credential', 'Status', 'Why', 'Last check'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows)));
}

async function failures(view, box) {
  const page = await api.get(`/api/audit?limit=${RECENT}`);
  if (!view.alive()) return;
  const failed = page.items.filter((e) => e.outcome === 'FAILED' || e.outcome === 'REFUSED').slice(0, FAILURES);
  const name = (e) => (page.references && page.references[e.entityUuid] && page.references[e.entityUuid].label) || '';
  const template = (e) => (view.template(e.entity) ? view.template(e.entity).name : e.entity);
  fill(box,
    h('div', { class: 'card-head' }, h('h2', {}, 'Failed recently'), h('a', { href: '#/audit' }, 'Audit trail')),
    failed.length === 0
      ? h('p', { class: 'empty' }, `None of the last ${page.items.length} presses failed.`)
      : h('table', { class: 'table compact' }, h('tbody', {}, failed.map((e) => h('tr', { class: 'dash-failure' },
        h('td', { class: 'nowrap', title: formatDate(e.at) }, ago(e.at)),
        h('td', {}, e.actionLabel),
        h('td', {}, e.entityUuid
          ? h('a', { href: `#/e/${encodeURIComponent(e.entity)}/${encodeURIComponent(e.entityUuid)}` }, name(e) || template(e))
          : h('a', { href: `#/e/${encodeURIComponent(e.entity)}` }, template(e))),
        h('td', {}, badge(e.outcome)),
        h('td', { class: 'message' }, e.message || ''))))));
}
