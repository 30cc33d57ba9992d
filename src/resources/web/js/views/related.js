// What references an entity, where the operator looks: a domain's DNS records and lockdown rules, a server's
// volumes, public IPs and actions. One group per referencing template, each entity linked by its own name,
// with that template's list buttons beside it (e.g. "Sync DNS records" on the domain's page).
import { h, fill, spinner, formatDuration, pressChanges } from '../dom.js';
import { api } from '../api.js';
import { presses } from '../presses.js';
import { show } from './fields.js';
import { entityTable } from './list.js';

const MAX = 500;

export async function renderRelated(view, template, entity, box) {
  const referencing = view.module.entities
    .map((t) => ({ t, via: t.fields.filter((f) => f.type === 'ENTITY' && f.referencedEntity === template.code) }))
    .filter((r) => r.via.length);
  if (!referencing.length) return;
  const groups = await Promise.all(referencing.map(async ({ t, via }) => {
    const [page, buttons] = await Promise.all([
      api.get(`/api/entities/${encodeURIComponent(t.code)}?q=${encodeURIComponent(entity.uuid)}&limit=${MAX}`),
      api.get(`/api/lists/${encodeURIComponent(t.code)}/actions`).catch(() => []),
    ]);
    const refers = (item) => via.some((f) => {
      const v = item.fields[f.code];
      return Array.isArray(v) ? v.includes(entity.uuid) : v === entity.uuid;
    });
    return { t, via, items: page.items.filter(refers), references: page.references, buttons };
  }));
  if (!view.alive()) return;
  const shown = groups.filter((g) => g.items.length || g.buttons.length);
  box.hidden = shown.length === 0;
  fill(box, h('h2', {}, 'Related'), shown.map((g) => group(view, g, entity)));
}

function group(view, { t, via, items, references, buttons }, entity) {
  const result = h('div', { class: 'related-result', 'aria-live': 'polite' });
  const list = `#/e/${encodeURIComponent(t.code)}`;
  const summary = t.fields.filter((f) => f.summary && !via.includes(f) && !f.secret);
  const body = h('div', {});
  const draw = (rows, refs) => fill(body, rows.length
    ? entityTable(t, summary.slice(0, 4), { items: rows, references: refs }, { id: null })
    : h('p', { class: 'empty' }, `No ${t.name} refers to this one yet.`));
  draw(items, references);
  const reload = async () => {
    const page = await api.get(`/api/entities/${encodeURIComponent(t.code)}?q=${encodeURIComponent(entity.uuid)}&limit=${MAX}`);
    if (!view.alive()) return;
    const mine = page.items.filter((item) => via.some((f) => {
      const v = item.fields[f.code];
      return Array.isArray(v) ? v.includes(entity.uuid) : v === entity.uuid;
    }));
    count.textContent = String(mine.length);
    draw(mine, page.references);
  };
  const count = h('span', { class: 'count-badge' }, String(items.length));
  const bar = buttons.map((b) => {
    const el = h('button', { class: 'button action small', type: 'button', dataset: { listAction: b.code }, title: b.description || b.label }, b.label);
    el.addEventListener('click', async () => {
      el.disabled = true;
      fill(result, h('div', { class: 'alert info progress', role: 'status' }, spinner(), h('strong', {}, b.label), ' is running…'));
      const done = (p) => {
        const kind = { SUCCESS: 'ok', FAILED: 'bad', REFUSED: 'warn' }[p.result.outcome] || 'info';
        fill(result, h('div', { class: ['alert', kind], role: kind === 'bad' ? 'alert' : 'status', dataset: { outcome: p.result.outcome } },
          h('strong', {}, `${p.label}: `), h('span', { class: 'press-message' }, p.result.message),
          h('span', { class: 'muted' }, ` · ${formatDuration(p.result.durationMs || p.elapsedMs)}`),
          pressChanges(p.result.changes, (code) => (view.template(code) || { name: code }).name)));
        reload().catch(() => {});
      };
      try {
        const { status, data } = await api.post(`/api/lists/${encodeURIComponent(t.code)}/actions/${encodeURIComponent(b.code)}?wait=2`, {});
        if (status === 202) done(await presses.follow(data));
        else done(data);
      } catch (e) {
        fill(result, h('div', { class: 'alert bad', role: 'alert' }, h('strong', {}, `${b.label}: `), e.message));
      } finally {
        el.disabled = false;
      }
    });
    return el;
  });
  return h('section', { class: 'related-group', dataset: { related: t.code } },
    h('div', { class: 'card-head' },
      h('h3', {}, h('a', { href: list }, t.name), ' ', count,
        h('span', { class: 'muted small' }, ` · by ${via.map((f) => f.label).join(', ')}`)),
      h('div', { class: 'head-buttons' }, bar)),
    result, body);
}

export { show };
