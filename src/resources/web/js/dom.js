// Building the page without ever parsing data as HTML: every value becomes a text node or an attribute.
// There is deliberately no innerHTML anywhere in this page.

/**
 * h('a', {href: '#/x', class: 'link', onclick: fn}, 'text', child, [more]) → an element.
 * Attribute values go through setAttribute/properties, children through createTextNode.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      el.className = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (['value', 'checked', 'disabled', 'selected', 'multiple', 'hidden', 'readOnly', 'required'].includes(key)) {
      el[key] = value;
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el with the given children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

export function formatDate(iso) {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? String(iso) : dateTime.format(d);
}

export function formatDuration(ms) {
  if (ms === null || ms === undefined) return '';
  if (ms < 1000) return `${ms} ms`;
  if (ms < 60000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60000);
  return `${minutes} min ${Math.round((ms % 60000) / 1000)} s`;
}

/** A short relative time ("3 min ago") for recent events; the full date is in the title. */
export function ago(iso) {
  const seconds = Math.round((Date.now() - new Date(iso).getTime()) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86400) return `${Math.floor(seconds / 3600)} h ago`;
  return formatDate(iso);
}

export function badge(outcome) {
  const kind = { SUCCESS: 'ok', FAILED: 'bad', REFUSED: 'warn', RUNNING: 'info', PARTIAL: 'warn' }[outcome] || 'neutral';
  return h('span', { class: ['badge', kind] }, outcome ? outcome.toLowerCase() : '');
}

export function spinner() {
  return h('span', { class: 'spinner', 'aria-hidden': 'true' });
}

/**
 * The mark of an entity whose editable fields differ from what its provider last answered (the API's `unpushed`),
 * naming the provider and, in its title, the fields.
 */
export function unpushedMark(unpushed) {
  if (!unpushed) return null;
  return h('span', { class: 'badge warn as-written unpushed', title: `Differs from ${unpushed.provider}: ${unpushed.fields.join(', ')}` },
    `local changes not pushed to ${unpushed.provider}`);
}

/**
 * What a press wrote (its result's `changes`), each entity linked by its name, deleted ones named only:
 * "Created DNS record www.example.com · Updated Credential example.com · and 18 more". `name(cet)` is a template's name.
 */
export function pressChanges(changes, name) {
  if (!changes || !changes.items || (changes.items.length === 0 && !changes.more)) return null;
  const words = { CREATED: 'Created', UPDATED: 'Updated', DELETED: 'Deleted' };
  const parts = changes.items.map((c) => h('li', { dataset: { change: c.kind } }, `${words[c.kind]} ${name(c.entity)} `,
    c.kind === 'DELETED' ? h('span', { class: 'entity-label' }, c.label)
      : h('a', { class: 'entity-link', href: `#/e/${encodeURIComponent(c.entity)}/${encodeURIComponent(c.uuid)}` }, c.label)));
  return h('ul', { class: 'press-changes' }, parts, changes.more ? h('li', { class: 'muted' }, `and ${changes.more} more`) : null);
}
