// The audit trail: every press, newest first — who, when, which button, on what, outcome, duration.
import { h, fill, formatDate, formatDuration, badge, ago } from '../dom.js';
import { api, query } from '../api.js';

const PAGE = 50;

export async function renderAudit(view) {
  const entity = view.params.get('entity') || '';
  const offset = Math.max(0, Number.parseInt(view.params.get('offset') || '0', 10) || 0);
  const page = await api.get(`/api/audit${query({ entity, offset, limit: PAGE })}`);
  if (!view.alive()) return;
  const link = (params) => `#/audit${query(params)}`;
  const target = entity && page.references[entity];

  const rows = page.items.map((e) => {
    const template = view.template(e.entity);
    const ref = e.entityUuid && page.references[e.entityUuid];
    return h('tr', {},
      h('td', { class: 'nowrap', title: formatDate(e.at) }, formatDate(e.at), h('div', { class: 'muted small' }, ago(e.at))),
      h('td', {}, e.user),
      h('td', {}, e.actionLabel, h('div', { class: 'muted small mono' }, e.action)),
      h('td', {}, template ? template.name : e.entity, ' ',
        e.entityUuid ? (ref
          ? h('a', { href: `#/e/${encodeURIComponent(e.entity)}/${encodeURIComponent(e.entityUuid)}` }, ref.label)
          : h('span', { class: 'muted', title: 'deleted since' }, e.entityUuid.slice(0, 8))) : null),
      h('td', {}, badge(e.outcome)),
      h('td', { class: 'num nowrap' }, formatDuration(e.durationMs)),
      h('td', { class: 'message' }, e.message || ''));
  });

  fill(view.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Audit trail'),
      h('p', { class: 'meta' }, 'Every button press: who pressed it, on what, how it ended and how long it took.'))),
    h('section', { class: 'card' },
      entity ? h('div', { class: 'toolbar' }, h('span', { class: 'chip' }, 'Only ', target ? target.label : entity.slice(0, 8),
        h('a', { href: '#/audit', class: 'chip-close', 'aria-label': 'Show all' }, '×'))) : null,
      page.items.length === 0 ? h('p', { class: 'empty' }, 'No press recorded yet.')
        : h('table', { class: 'table', id: 'audit' },
          h('thead', {}, h('tr', {}, ['When', 'Who', 'Button', 'On', 'Outcome', 'Duration', 'Message'].map((c) => h('th', { scope: 'col' }, c)))),
          h('tbody', {}, rows)),
      offset > 0 || page.hasMore ? h('div', { class: 'pager' },
        h('a', { class: ['button', 'small', offset === 0 ? 'disabled' : null], href: offset === 0 ? null : link({ entity, offset: Math.max(0, offset - PAGE) }) }, '← Newer'),
        h('a', { class: ['button', 'small', page.hasMore ? null : 'disabled'], href: page.hasMore ? link({ entity, offset: offset + PAGE }) : null }, 'Older →')) : null));
}
