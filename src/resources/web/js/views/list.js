// The entities of one template: the fields the descriptors mark as summary are the columns; a filter
// searches every (non-secret) value; pages of 25. The URL keeps filter and page, so back and reload work.
import { h, fill, ago, formatDate, spinner, formatDuration, unpushedMark, pressChanges } from '../dom.js';
import { api, query } from '../api.js';
import { show } from './fields.js';
import { presses } from '../presses.js';

const PAGE = 25;

export async function renderList(view, cet) {
  const template = view.template(cet);
  if (!template) {
    fill(view.main, h('div', { class: 'alert bad' }, `No entity template ${cet}.`));
    return;
  }
  const state = {
    q: view.params.get('q') || '',
    offset: Math.max(0, Number.parseInt(view.params.get('offset') || '0', 10) || 0),
    loads: 0,
  };
  const summary = template.fields.filter((f) => f.summary);
  const columns = summary.length ? summary : template.fields.filter((f) => !f.secret).slice(0, 4);
  const results = h('div', { class: 'results' });
  const count = h('span', { class: 'muted count', id: 'count' });
  const link = (params) => `#/e/${encodeURIComponent(cet)}${query(params)}`;

  /** Only the results are redrawn while the operator types, so the filter keeps focus and keystrokes. */
  const load = async () => {
    const mine = ++state.loads;
    const page = await api.get(`/api/entities/${encodeURIComponent(cet)}${query({ q: state.q, offset: state.offset, limit: PAGE })}`);
    if (!view.alive() || mine !== state.loads) return;
    const to = state.offset + page.items.length;
    count.textContent = page.total === 0 ? '' : `${state.offset + 1}–${to} of ${page.total}`;
    fill(results,
      page.items.length === 0
        ? h('p', { class: 'empty' }, state.q ? `Nothing matches “${state.q}”.` : `No ${template.name} yet.`)
        : entityTable(template, columns, page),
      page.total > PAGE ? h('div', { class: 'pager' },
        pageLink('← Previous', state.offset > 0 && link({ q: state.q, offset: Math.max(0, state.offset - PAGE) })),
        pageLink('Next →', to < page.total && link({ q: state.q, offset: state.offset + PAGE }))) : null);
  };

  const filter = h('input', { type: 'search', id: 'filter', value: state.q, placeholder: 'Filter by any value…',
    'aria-label': 'Filter', autocomplete: 'off' });
  let timer;
  filter.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      state.q = filter.value.trim();
      state.offset = 0;
      history.replaceState(null, '', link({ q: state.q }));
      load().catch((e) => fill(results, h('div', { class: 'alert bad', role: 'alert' }, e.message)));
    }, 250);
  });

  // buttons of the list itself (e.g. "List Cloudflare domains"): they run with no entity
  const listButtons = await api.get(`/api/lists/${encodeURIComponent(cet)}/actions`);
  const pressResult = h('div', { id: 'list-press-result', 'aria-live': 'polite' });
  const showResult = (p) => {
    const kind = { SUCCESS: 'ok', FAILED: 'bad', REFUSED: 'warn' }[p.result.outcome] || 'info';
    fill(pressResult, h('div', { class: ['alert', kind], role: kind === 'bad' ? 'alert' : 'status', dataset: { outcome: p.result.outcome } },
      h('strong', {}, `${p.label}: `), h('span', { class: 'press-message' }, p.result.message),
      h('span', { class: 'muted' }, ` · ${formatDuration(p.result.durationMs || p.elapsedMs)}`),
      pressChanges(p.result.changes, (code) => (view.template(code) || { name: code }).name)));
    load().catch(() => {});
  };
  /** The script's latest progress line under the spinner; false while the press is not shown here (no notice needed then). */
  const showProgress = (p) => {
    const box = pressResult.querySelector('.alert.progress');
    if (!box || !p.progress) return Boolean(box);
    const line = box.querySelector('.press-progress') || box.appendChild(h('p', { class: 'press-progress' }));
    line.textContent = p.progress;
    return true;
  };
  const unsubscribe = presses.subscribe((p) => {
    if (!view.alive()) {
      unsubscribe();
      return false;
    }
    if (p.entity !== cet || p.uuid) return false;
    if (p.state === 'RUNNING') return showProgress(p);
    showResult(p);
    return true;
  });
  let flashBox = null;
  const pressOnList = async (button, el) => {
    if (flashBox) flashBox.remove(); // one outcome at a time: the press's replaces the banner that led here
    el.disabled = true;
    el.prepend(spinner());
    fill(pressResult, h('div', { class: 'alert info progress', role: 'status' }, spinner(), h('strong', {}, button.label), ' is running…'));
    try {
      const { status, data } = await api.post(`/api/lists/${encodeURIComponent(cet)}/actions/${encodeURIComponent(button.code)}?wait=2`, {});
      if (status === 202) presses.follow(data);
      else showResult(data);
    } catch (e) {
      fill(pressResult, h('div', { class: 'alert bad', role: 'alert' }, h('strong', {}, `${button.label}: `), e.message));
    } finally {
      el.disabled = false;
      const s = el.querySelector('.spinner');
      if (s) s.remove();
    }
  };
  const buttonBar = listButtons.map((b) => {
    const el = h('button', { class: 'button action', type: 'button', dataset: { listAction: b.code }, title: b.description || b.label }, b.label);
    el.addEventListener('click', () => pressOnList(b, el));
    return el;
  });

  await load();
  if (!view.alive()) return;
  const category = view.categoryOf(cet);
  const flash = view.takeFlash();
  flashBox = flash ? h('div', { class: ['alert', flash.kind], role: 'status', id: 'list-flash' }, flash.text) : null;
  fill(view.main,
    h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' }, category ? h('span', {}, category.name) : null),
    h('div', { class: 'page-head' },
      h('div', {}, h('h1', {}, template.name), h('p', { class: 'meta' }, template.description)),
      h('div', { class: 'head-buttons' }, buttonBar,
        h('a', { class: 'button primary', id: 'new', href: `#/e/${encodeURIComponent(cet)}/new` }, `New ${template.name}`))),
    flashBox,
    pressResult,
    h('section', { class: 'card' }, h('div', { class: 'toolbar' }, filter, count), results));
  if (state.q) {
    filter.focus();
    filter.setSelectionRange(state.q.length, state.q.length);
  }
}

/** The fields a template's label comes from, in its order (EntityTemplate.NAMING_FIELDS): the Name column shows them. */
const NAMING = ['name', 'code', 'instanceName'];

/**
 * Rows of entities, each linked by its own name (its label) in the first column, never by a referenced
 * entity's name; the other columns are the given fields, less the one the name already shows.
 */
export function entityTable(template, columns, page, { id } = { id: 'entities' }) {
  const cet = template.code;
  const naming = NAMING.find((code) => template.fields.some((f) => f.code === code && !f.secret));
  // a column that only repeats the name (a rule named by its description) is left out
  const repeatsName = (f) => page.items.length > 0 && page.items.every((item) => show(f, item.fields[f.code], page.references) === item.label);
  const rest = columns.filter((f) => f.code !== naming && !repeatsName(f));
  const numeric = (f) => (f.type === 'LONG' || f.type === 'DOUBLE' ? 'num' : null);
  const rows = page.items.map((item) => {
    const href = `#/e/${encodeURIComponent(cet)}/${encodeURIComponent(item.uuid)}`;
    return h('tr', { class: 'clickable', dataset: { uuid: item.uuid }, onclick: (e) => { if (e.target.tagName !== 'A') location.hash = href; } },
      h('td', {}, h('a', { href, class: 'entity-link' }, item.label), item.unpushed ? ' ' : null, unpushedMark(item.unpushed)),
      rest.map((f) => {
        const text = show(f, item.fields[f.code], page.references);
        return h('td', { class: numeric(f) }, cell(f, item.fields[f.code], text));
      }),
      h('td', { class: 'nowrap muted', title: formatDate(item.updatedAt) }, ago(item.updatedAt)));
  });
  return h('table', { class: 'table', id },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Name'),
      rest.map((f) => h('th', { scope: 'col', title: f.help || null, class: numeric(f) }, f.label)),
      h('th', { scope: 'col' }, 'Updated'))),
    h('tbody', {}, rows));
}

function pageLink(text, href) {
  return h('a', { class: ['button', 'small', href ? null : 'disabled'], href: href || null, 'aria-disabled': href ? null : 'true' }, text);
}

function cell(field, value, text) {
  if (field.type === 'BOOLEAN' && value !== null && value !== undefined) {
    return h('span', { class: ['pill', value === true ? 'yes' : 'no'] }, text);
  }
  if (field.type === 'LIST' && text) return h('span', { class: 'pill' }, text);
  return text;
}
