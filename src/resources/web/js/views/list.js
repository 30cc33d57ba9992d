// The entities of one template: the fields the descriptors mark as summary are the columns; a filter
// searches every (non-secret) value; pages of 25. The URL keeps filter and page, so back and reload work.
import { h, fill, ago, formatDate } from '../dom.js';
import { api, query } from '../api.js';
import { show } from './fields.js';

const PAGE = 25;

export async function renderList(view, cet) {
  const template = view.template(cet);
  if (!template) {
    fill(view.main, h('div', { class: 'alert bad' }, `No entity template ${cet}.`));
    return;
  }
  const q = view.params.get('q') || '';
  const offset = Math.max(0, Number.parseInt(view.params.get('offset') || '0', 10) || 0);
  const page = await api.get(`/api/entities/${encodeURIComponent(cet)}${query({ q, offset, limit: PAGE })}`);
  if (!view.alive()) return;

  const summary = template.fields.filter((f) => f.summary);
  const columns = summary.length ? summary : template.fields.filter((f) => !f.secret).slice(0, 4);
  const link = (params) => `#/e/${encodeURIComponent(cet)}${query(params)}`;
  const category = view.categoryOf(cet);

  const filter = h('input', { type: 'search', id: 'filter', value: q, placeholder: 'Filter by any value…',
    'aria-label': 'Filter', autocomplete: 'off' });
  let timer;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => view.navigate(link({ q: filter.value.trim() }), true), 300);
  });

  const rows = page.items.map((item) => {
    const href = `#/e/${encodeURIComponent(cet)}/${encodeURIComponent(item.uuid)}`;
    return h('tr', { class: 'clickable', dataset: { uuid: item.uuid }, onclick: (e) => { if (e.target.tagName !== 'A') location.hash = href; } },
      columns.map((f, i) => {
        const text = show(f, item.fields[f.code], page.references);
        return h('td', { class: [f.type === 'LONG' || f.type === 'DOUBLE' ? 'num' : null] },
          i === 0 ? h('a', { href }, text || item.label) : cell(f, item.fields[f.code], text));
      }),
      h('td', { class: 'nowrap muted', title: formatDate(item.updatedAt) }, ago(item.updatedAt)));
  });

  const from = page.total === 0 ? 0 : offset + 1;
  const to = offset + page.items.length;
  const flash = view.takeFlash();
  fill(view.main,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, category ? h('span', {}, category.name) : null),
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, template.name), h('p', { class: 'meta' }, template.description)),
      h('a', { class: 'button primary', id: 'new', href: `#/e/${encodeURIComponent(cet)}/new` }, `New ${template.name}`)),
    flash ? h('div', { class: ['alert', flash.kind], role: 'status' }, flash.text) : null,
    h('section', { class: 'card' },
      h('div', { class: 'toolbar' }, filter, h('span', { class: 'muted count', id: 'count' },
        page.total === 0 ? '' : `${from}–${to} of ${page.total}`)),
      page.items.length === 0
        ? h('p', { class: 'empty' }, q ? `Nothing matches “${q}”.` : `No ${template.name} yet.`)
        : h('table', { class: 'table', id: 'entities' },
          h('thead', {}, h('tr', {}, columns.map((f) => h('th', { scope: 'col', title: f.help || null, class: [f.type === 'LONG' || f.type === 'DOUBLE' ? 'num' : null] }, f.label)),
            h('th', { scope: 'col' }, 'Updated'))),
          h('tbody', {}, rows)),
      page.total > PAGE ? h('div', { class: 'pager' },
        h('a', { class: ['button', 'small', offset === 0 ? 'disabled' : null], href: offset === 0 ? null : link({ q, offset: Math.max(0, offset - PAGE) }),
          'aria-disabled': offset === 0 ? 'true' : null }, '← Previous'),
        h('a', { class: ['button', 'small', to >= page.total ? 'disabled' : null], href: to >= page.total ? null : link({ q, offset: offset + PAGE }),
          'aria-disabled': to >= page.total ? 'true' : null }, 'Next →')) : null));
  if (q) {
    filter.focus();
    filter.setSelectionRange(q.length, q.length);
  }
}

function cell(field, value, text) {
  if (field.type === 'BOOLEAN' && value !== null && value !== undefined) {
    return h('span', { class: ['pill', value === true ? 'yes' : 'no'] }, text);
  }
  if (field.type === 'LIST' && text) return h('span', { class: 'pill' }, text);
  return text;
}
