// One input per field template, chosen from its type and storage as the descriptors declare them.
// A widget reads and writes values in the API's shape and knows whether the operator changed it.
import { h, fill, formatDate } from '../dom.js';
import { api } from '../api.js';

const SECRET_MASK = '******';
const REFERENCE_OPTIONS = 500;

/**
 * existing: the entity exists (allowEdit=false fields are then read-only).
 * value: the field's value from the API (masked for secrets), references: uuid → {entity, label}.
 */
export function widget(field, value, { existing, references }) {
  const readOnly = existing && !field.allowEdit;
  const id = `f-${field.code}`;
  const kind = readOnly ? readOnlyInput : pick(field);
  const w = kind(field, id);
  w.field = field;
  w.readOnly = readOnly;
  w.errorEl = h('div', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  w.noteEl = h('div', { class: 'field-note', id: `${id}-note` });
  const label = h('label', { for: id, title: field.help || null }, field.label, field.required && !readOnly ? h('span', { class: 'required', title: 'required' }, ' *') : null);
  w.row = h('div', { class: ['field', w.wide ? 'wide' : null, readOnly ? 'is-readonly' : null], dataset: { field: field.code } },
    label, w.control, h('div', { class: 'field-hint' }, hint(field, readOnly)), w.noteEl, w.errorEl);
  w.set(value, references || {});
  w.setError = (message) => {
    w.errorEl.textContent = message || '';
    w.row.classList.toggle('has-error', Boolean(message));
    if (w.input) {
      if (message) w.input.setAttribute('aria-invalid', 'true');
      else w.input.removeAttribute('aria-invalid');
      w.input.setAttribute('aria-describedby', `${id}-error`);
    }
  };
  w.setNote = (text) => {
    w.noteEl.textContent = text || '';
  };
  /** The server has a new value; a field the operator did not touch shows it, a touched one keeps the edit. */
  w.rebase = (latest, refs) => {
    const touched = w.isDirty();
    const changed = !same(w.initial, normalize(field, latest));
    if (!touched) {
      w.set(latest, refs || {});
      return false;
    }
    w.initial = normalize(field, latest);
    return changed;
  };
  return w;
}

function pick(field) {
  if (field.secret) return secretInput;
  if (field.storage === 'MAP') return mapInput;
  if (field.storage === 'LIST') return field.type === 'LIST' || field.type === 'ENTITY' ? multiSelect : listText;
  switch (field.type) {
    case 'BOOLEAN': return checkbox;
    case 'LIST': return listSelect;
    case 'ENTITY': return referenceSelect;
    case 'DATE': return dateInput;
    case 'LONG': case 'DOUBLE': return field.code === 'ttl' ? ttlInput : numberInput;
    case 'TEXT_AREA': case 'LONG_TEXT': return textArea;
    default: return textInput;
  }
}

function hint(field, readOnly) {
  const parts = field.help ? [field.help] : [];
  if (readOnly) parts.push('set by the provider or a button');
  if (!readOnly) {
    if (['STRING', 'TEXT_AREA', 'LONG_TEXT'].includes(field.type) && field.maxValue) parts.push(`at most ${field.maxValue} characters`);
    if (['LONG', 'DOUBLE'].includes(field.type)) {
      if (field.minValue !== null && field.maxValue !== null) parts.push(`${field.minValue} to ${field.maxValue}`);
      else if (field.minValue !== null) parts.push(`at least ${field.minValue}`);
      else if (field.maxValue !== null) parts.push(`at most ${field.maxValue}`);
    }
    if (field.type === 'DATE') parts.push('UTC');
    if (field.storage === 'LIST' && !['LIST', 'ENTITY'].includes(field.type)) parts.push('separate values with commas');
    if (field.storage === 'MAP') parts.push('one key=value per line');
  }
  return parts.join(' · ');
}

/** The value in the form the widgets compare: strings for scalars, so 300 and "300" are the same. */
function normalize(field, value) {
  if (value === null || value === undefined || value === '') return null;
  if (field.secret) return value === SECRET_MASK ? SECRET_MASK : null;
  if (Array.isArray(value)) return value.length ? value.map(String) : null;
  if (typeof value === 'object') return Object.keys(value).length ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, String(v)])) : null;
  if (field.type === 'DATE') return String(value).replace(/(\.\d+)?Z$/, '').slice(0, 19);
  return String(value);
}

export function same(a, b) {
  return JSON.stringify(a) === JSON.stringify(b);
}

function scalarWidget(field, control, input, toInput, fromInput) {
  const w = {
    control,
    input,
    initial: null,
    set(value) {
      w.initial = normalize(field, value);
      toInput(w.initial);
    },
    current: () => fromInput(),
    isDirty: () => !same(fromInput(), w.initial),
    /** What to send: the typed text for numbers and dates too, so the server's message names what was typed. */
    read() {
      const v = fromInput();
      if (v === null) return null;
      return field.type === 'DATE' ? `${v}Z` : v;
    },
  };
  return w;
}

function textInput(field, id) {
  const input = h('input', { id, name: field.code, type: 'text', autocomplete: 'off', maxlength: field.maxValue || undefined });
  return scalarWidget(field, input, input, (v) => { input.value = v ?? ''; }, () => (input.value === '' ? null : input.value));
}

function numberInput(field, id) {
  const input = h('input', { id, name: field.code, type: 'text', inputmode: field.type === 'LONG' ? 'numeric' : 'decimal', autocomplete: 'off', class: 'narrow' });
  return scalarWidget(field, input, input, (v) => { input.value = v ?? ''; }, () => (input.value.trim() === '' ? null : input.value.trim()));
}

/** A TTL, where 1 means "automatic" (Cloudflare): an Auto choice beside the number, which then stands aside. */
function ttlInput(field, id) {
  const input = h('input', { id, name: field.code, type: 'text', inputmode: 'numeric', autocomplete: 'off', class: 'narrow' });
  const auto = h('input', { type: 'checkbox', id: `${id}-auto`, name: `${field.code}-auto` });
  const control = h('div', { class: 'ttl' }, input, h('label', { class: 'check', for: `${id}-auto` }, auto, 'Auto'));
  const sync = () => {
    if (auto.checked) input.value = '';
    input.placeholder = auto.checked ? 'Auto' : '';
  };
  auto.addEventListener('change', () => {
    sync();
    if (!auto.checked) input.focus();
  });
  // typing a number is choosing it over Auto
  input.addEventListener('input', () => {
    if (input.value.trim() !== '' && auto.checked) {
      auto.checked = false;
      sync();
    }
  });
  return scalarWidget(field, control, input, (v) => {
    auto.checked = v === '1';
    input.value = v === '1' ? '' : v ?? '';
    sync();
  }, () => {
    if (auto.checked) return '1';
    return input.value.trim() === '' ? null : input.value.trim();
  });
}

function dateInput(field, id) {
  const input = h('input', { id, name: field.code, type: 'datetime-local', step: '1', class: 'narrow' });
  const w = scalarWidget(field, input, input, (v) => { input.value = v ?? ''; }, () => {
    if (input.value === '') return null;
    return input.value.length === 16 ? `${input.value}:00` : input.value;
  });
  return w;
}

function textArea(field, id) {
  const input = h('textarea', { id, name: field.code, rows: field.type === 'LONG_TEXT' ? 6 : 3, maxlength: field.maxValue || undefined });
  const w = scalarWidget(field, input, input, (v) => { input.value = v ?? ''; }, () => (input.value === '' ? null : input.value));
  w.wide = true;
  return w;
}

function checkbox(field, id) {
  const input = h('input', { id, name: field.code, type: 'checkbox' });
  const control = h('span', { class: 'check' }, input, h('span', { class: 'muted' }, 'yes'));
  return {
    control,
    input,
    initial: null,
    set(value) {
      this.initial = value === null || value === undefined ? null : String(value === true || value === 'true');
      input.checked = this.initial === 'true';
    },
    isDirty() {
      return String(input.checked) !== (this.initial ?? 'false');
    },
    read: () => input.checked,
  };
}

function listSelect(field, id) {
  const input = h('select', { id, name: field.code },
    h('option', { value: '' }, '— none —'),
    field.listValues.map((v) => h('option', { value: v.code }, v.label === v.code ? v.code : `${v.label} (${v.code})`)));
  return scalarWidget(field, input, input, (v) => { input.value = v ?? ''; }, () => (input.value === '' ? null : input.value));
}

/** The referenced template's entities as options, loaded once per form; the current one shows before they arrive. */
function referenceSelect(field, id) {
  const input = h('select', { id, name: field.code }, h('option', { value: '' }, '— none —'));
  const open = h('a', { class: 'reference-open', hidden: true }, 'Open');
  const more = h('div', { class: 'field-hint' });
  const control = h('div', { class: 'reference' }, input, open);
  let loaded = false;
  const syncLink = () => {
    open.hidden = !input.value;
    if (input.value) open.href = `#/e/${encodeURIComponent(field.referencedEntity)}/${encodeURIComponent(input.value)}`;
  };
  input.addEventListener('change', syncLink);
  const ensureOption = (uuid, label) => {
    if (uuid && ![...input.options].some((o) => o.value === uuid)) input.append(h('option', { value: uuid }, label || uuid));
  };
  const w = scalarWidget(field, control, input, (v) => {
    ensureOption(v, w.labels && w.labels[v] && w.labels[v].label);
    input.value = v ?? '';
    syncLink();
  }, () => (input.value === '' ? null : input.value));
  const set = w.set;
  w.set = (value, references) => {
    w.labels = references;
    set(value);
  };
  api.get(`/api/entities/${encodeURIComponent(field.referencedEntity)}?limit=${REFERENCE_OPTIONS}`).then((page) => {
    if (loaded) return;
    loaded = true;
    const keep = input.value;
    for (const item of page.items) ensureOption(item.uuid, item.label);
    for (const option of input.options) {
      const item = page.items.find((i) => i.uuid === option.value);
      if (item) option.textContent = item.label;
    }
    input.value = keep;
    if (page.total > page.items.length) {
      more.textContent = `The first ${page.items.length} of ${page.total} are listed.`;
      control.append(more);
    }
  }).catch(() => {});
  return w;
}

function multiSelect(field, id) {
  const options = field.type === 'LIST' ? field.listValues.map((v) => ({ value: v.code, label: v.label })) : [];
  const input = h('select', { id, name: field.code, multiple: true, size: Math.min(6, Math.max(3, options.length)) },
    options.map((o) => h('option', { value: o.value }, o.label)));
  const selected = () => [...input.selectedOptions].map((o) => o.value);
  const w = scalarWidget(field, input, input, (v) => {
    const wanted = new Set(v || []);
    for (const uuid of wanted) {
      if (![...input.options].some((o) => o.value === uuid)) {
        input.append(h('option', { value: uuid }, (w.labels && w.labels[uuid] && w.labels[uuid].label) || uuid));
      }
    }
    for (const o of input.options) o.selected = wanted.has(o.value);
  }, () => (selected().length ? selected() : null));
  const set = w.set;
  w.set = (value, references) => {
    w.labels = references;
    set(value);
  };
  if (field.type === 'ENTITY') {
    api.get(`/api/entities/${encodeURIComponent(field.referencedEntity)}?limit=${REFERENCE_OPTIONS}`).then((page) => {
      const keep = new Set(selected());
      for (const item of page.items) {
        if (![...input.options].some((o) => o.value === item.uuid)) input.append(h('option', { value: item.uuid }, item.label));
      }
      for (const o of input.options) o.selected = keep.has(o.value);
    }).catch(() => {});
  }
  return w;
}

function listText(field, id) {
  const input = h('input', { id, name: field.code, type: 'text', autocomplete: 'off' });
  const parse = () => input.value.split(',').map((s) => s.trim()).filter(Boolean);
  return scalarWidget(field, input, input, (v) => { input.value = (v || []).join(', '); }, () => (parse().length ? parse() : null));
}

function mapInput(field, id) {
  const input = h('textarea', { id, name: field.code, rows: 4, class: 'mono' });
  const parse = () => {
    const out = {};
    for (const line of input.value.split('\n')) {
      if (!line.trim()) continue;
      const eq = line.indexOf('=');
      out[(eq < 0 ? line : line.slice(0, eq)).trim()] = eq < 0 ? '' : line.slice(eq + 1).trim();
    }
    return Object.keys(out).length ? out : null;
  };
  const w = scalarWidget(field, input, input, (v) => {
    input.value = v ? Object.entries(v).map(([k, x]) => `${k}=${x}`).join('\n') : '';
  }, parse);
  w.wide = true;
  return w;
}

/**
 * Write-only: the page never has a secret's value, only whether one is set. Empty means "keep it";
 * "clear" removes it.
 */
function secretInput(field, id) {
  const input = h('input', { id, name: field.code, type: 'password', autocomplete: 'new-password', maxlength: field.maxValue || undefined });
  const clear = h('input', { type: 'checkbox', id: `${id}-clear` });
  const clearLabel = h('label', { class: 'check secret-clear', for: `${id}-clear` }, clear, 'clear');
  const control = h('div', { class: 'secret' }, input, clearLabel);
  clear.addEventListener('change', () => {
    input.disabled = clear.checked;
    if (clear.checked) input.value = '';
  });
  return {
    control,
    input,
    initial: null,
    set(value) {
      this.initial = value === SECRET_MASK ? SECRET_MASK : null;
      input.value = '';
      input.disabled = false;
      clear.checked = false;
      input.placeholder = this.initial ? '•••••• set — type to replace' : 'not set';
      clearLabel.hidden = !this.initial;
    },
    isDirty: () => input.value !== '' || clear.checked,
    read: () => (clear.checked ? '' : input.value),
  };
}

function readOnlyInput(field, id) {
  const display = h('div', { class: 'readonly-value', id, tabindex: '0' });
  return {
    control: display,
    input: null,
    initial: null,
    wide: field.storage === 'MAP' || field.type === 'LONG_TEXT',
    set(value, references) {
      this.initial = normalize(field, value);
      fill(display, show(field, value, references || {}) || h('span', { class: 'muted' }, '—'));
    },
    isDirty: () => false,
    read: () => undefined,
  };
}

/** A value as text for reading: list labels, referenced entities' labels, dates in local time. */
export function show(field, value, references) {
  if (value === null || value === undefined || value === '') return '';
  if (field.secret) return '••••••';
  if (Array.isArray(value)) return value.map((v) => show({ ...field, storage: 'SINGLE' }, v, references)).join(', ');
  if (typeof value === 'object') return Object.entries(value).map(([k, v]) => `${k}=${v}`).join('; ');
  switch (field.type) {
    case 'BOOLEAN': return value === true || value === 'true' ? 'yes' : 'no';
    case 'LONG': return field.code === 'ttl' && String(value) === '1' ? 'Auto' : String(value);
    case 'DATE': return formatDate(value);
    case 'ENTITY': return (references[value] && references[value].label) || value;
    case 'LIST': {
      const item = field.listValues.find((v) => v.code === value);
      return item ? item.label : String(value);
    }
    default: return String(value);
  }
}
