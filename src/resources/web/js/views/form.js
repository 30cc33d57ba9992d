// One entity: its fields as a form generated from the field templates, its buttons (only those whose
// condition holds now), the result of the last press, and its recent history. A press never replaces
// the form: when it ends, fields the operator did not touch take the new values, touched ones are kept.
import { h, fill, formatDate, formatDuration, spinner, ago, badge, unpushedMark, pressChanges } from '../dom.js';
import { api, ApiError } from '../api.js';
import { presses } from '../presses.js';
import { ask } from '../ask.js';
import { widget, show } from './fields.js';
import { renderRelated } from './related.js';

export async function renderForm(view, cet, uuid) {
  const template = view.template(cet);
  if (!template) {
    fill(view.main, h('div', { class: 'alert bad' }, `No entity template ${cet}.`));
    return;
  }
  const entity = uuid ? await api.get(`/api/entities/${encodeURIComponent(cet)}/${encodeURIComponent(uuid)}`) : null;
  if (!view.alive()) return;
  new EntityForm(view, template, entity).render();
}

const PROVIDER_COPY = 'providerCopy';

class EntityForm {
  constructor(view, template, entity) {
    this.view = view;
    this.template = template;
    this.entity = entity;
    this.widgets = [];
  }

  get path() {
    return `/api/entities/${encodeURIComponent(this.template.code)}`;
  }

  get entityPath() {
    return `${this.path}/${encodeURIComponent(this.entity.uuid)}`;
  }

  render() {
    const { template, entity, view } = this;
    const category = view.categoryOf(template.code);
    this.title = h('h1', {}, entity ? entity.label : `New ${template.name}`);
    this.meta = h('p', { class: 'meta' });
    this.unpushed = h('p', { class: 'unpushed-line', id: 'unpushed' });
    this.alert = h('div', { class: 'form-alert', id: 'form-alert' });
    this.pressResult = h('div', { class: 'press-result', id: 'press-result', 'aria-live': 'polite' });
    this.buttonsBar = h('div', { class: 'buttons-bar', id: 'buttons' });
    this.history = h('section', { class: 'card history', hidden: !entity });
    this.related = h('section', { class: 'card related', id: 'related', hidden: true });

    // the provider's last answer is the reference point of the "not pushed" mark, not a field to read
    const fields = template.fields.filter((f) => (entity || !f.hideOnNew) && f.code !== PROVIDER_COPY);
    const values = entity ? entity.fields : Object.fromEntries(template.fields.map((f) => [f.code, f.defaultValue]));
    this.widgets = fields.map((f) => widget(f, values[f.code], { existing: Boolean(entity), references: entity ? entity.references : {} }));
    const form = h('form', { class: 'card entity-form', id: 'entity-form', novalidate: true, onsubmit: (e) => { e.preventDefault(); this.save(); } },
      h('div', { class: 'fields' }, this.widgets.map((w) => w.row)),
      h('div', { class: 'form-actions' },
        h('button', { class: 'button primary', type: 'submit', id: 'save', title: `Saves the ${template.name} here; its buttons act at the provider` }, 'Save'),
        this.saveAndPressBox(),
        h('a', { class: 'button ghost', href: `#/e/${encodeURIComponent(template.code)}` }, entity ? 'Back to the list' : 'Cancel'),
        entity ? h('button', { class: 'button danger push-right', type: 'button', id: 'delete', onclick: () => this.remove() }, 'Delete') : null));
    form.addEventListener('input', () => this.onEdit());
    form.addEventListener('change', () => this.onEdit());

    fill(view.main,
      h('nav', { class: 'breadcrumb', 'aria-label': 'Breadcrumb' },
        category ? h('span', {}, category.name) : null,
        h('a', { href: `#/e/${encodeURIComponent(template.code)}` }, template.name)),
      h('div', { class: 'page-head' }, h('div', {}, this.title, this.meta, this.unpushed)),
      this.alert,
      entity && template.buttons.length ? h('section', { class: 'card actions-card' },
        h('h2', {}, 'Actions'), this.buttonsBar, this.pressResult) : null,
      form,
      this.related,
      this.history);
    this.showMeta();
    const flash = view.takeFlash();
    if (flash) this.showAlert(flash.kind, flash.text);
    view.setLeaveGuard({ dirty: () => this.dirty() });
    if (entity) {
      this.loadButtons();
      this.loadHistory();
      this.loadRelated();
      this.unsubscribe = presses.subscribe((p) => this.onPress(p));
      for (const running of presses.runningOn(template.code, entity.uuid)) this.onPress(running);
    }
  }

  /** "Save and press": the choice of button, filled by loadButtons with those that apply now. */
  saveAndPressBox() {
    if (!this.entity || !this.template.buttons.length) return null;
    this.saveAndPressChoice = h('select', { id: 'save-and-press-button', 'aria-label': 'Button to press after saving' });
    return h('span', { class: 'save-and-press', id: 'save-and-press-box', hidden: true },
      h('button', { class: 'button', type: 'button', id: 'save-and-press', onclick: () => this.saveAndPress(),
        title: 'Saves, then presses the chosen button on what was saved' }, 'Save and press'),
      this.saveAndPressChoice);
  }

  /** Save; if the save is valid, press the chosen button on the saved values; one banner says both. */
  async saveAndPress() {
    const code = this.saveAndPressChoice.value;
    const label = this.saveAndPressChoice.selectedOptions[0] ? this.saveAndPressChoice.selectedOptions[0].textContent : code;
    const saved = await this.save({ quiet: true });
    if (!saved || !this.view.alive()) return;
    const buttons = await this.loadButtons();
    const button = (buttons || []).find((b) => b.code === code);
    if (!button) {
      this.showAlert('warn', `${saved === 'changed' ? 'Saved' : 'Nothing to save'}; ${label} does not apply to this ${this.template.name} now.`);
      return;
    }
    this.pressPrefix = saved === 'changed' ? 'Saved, then ' : '';
    await this.press(button);
  }

  dirty() {
    return this.widgets.some((w) => w.isDirty());
  }

  onEdit() {
    if (this.dirtyHint) this.dirtyHint.hidden = !this.dirty();
  }

  showMeta() {
    const unpushed = this.entity && this.entity.unpushed;
    fill(this.unpushed, unpushedMark(unpushed), unpushed ? ` ${unpushed.fields.join(', ')} ${unpushed.fields.length === 1 ? 'differs' : 'differ'} from what ${unpushed.provider} last answered.` : null);
    this.unpushed.hidden = !unpushed;
    if (!this.entity) {
      fill(this.meta, `Fields marked * are required.`);
      return;
    }
    fill(this.meta, `${this.template.name} · version ${this.entity.version} · updated `,
      h('time', { datetime: this.entity.updatedAt, title: formatDate(this.entity.updatedAt) }, ago(this.entity.updatedAt)),
      ' · ', h('span', { class: 'mono' }, this.entity.uuid));
  }

  /** The alert sits above the form: bring it into view, the operator may have clicked Save far below. */
  showAlert(kind, message, extra) {
    fill(this.alert, message ? h('div', { class: ['alert', kind], role: kind === 'bad' ? 'alert' : 'status' }, message, extra || null) : null);
    if (message && this.alert.getBoundingClientRect().top < 60) this.alert.scrollIntoView({ block: 'nearest' });
  }

  clearErrors() {
    this.showAlert();
    for (const w of this.widgets) w.setError('');
  }

  /** Each violation next to its field; those naming no field of the form go in the alert above it. */
  showViolations(error) {
    const byField = new Map(this.widgets.map((w) => [w.field.code, w]));
    const elsewhere = [];
    for (const v of error.violations) {
      const w = byField.get(v.field);
      if (w) w.setError(v.message);
      else elsewhere.push(`${v.field}: ${v.message}`);
    }
    const n = error.violations.length - elsewhere.length;
    this.showAlert('bad', n ? `Please correct the ${n === 1 ? 'field' : `${n} fields`} marked below.` : error.message,
      elsewhere.length ? h('ul', {}, elsewhere.map((e) => h('li', {}, e))) : null);
    const first = this.widgets.find((w) => w.row.classList.contains('has-error'));
    if (first && first.input) first.input.focus();
  }

  collect() {
    const fields = {};
    for (const w of this.widgets) {
      if (w.readOnly) continue;
      if (this.entity) {
        if (w.isDirty()) fields[w.field.code] = w.read();
      } else if (w.field.type === 'BOOLEAN' ? w.isDirty() : w.read() !== null && w.read() !== '') {
        fields[w.field.code] = w.read();
      }
    }
    return fields;
  }

  /** Saves what was typed: 'changed', 'unchanged' (nothing to save), or false when refused; quiet shows no "Saved." banner. */
  async save({ quiet } = {}) {
    this.clearErrors();
    fill(this.pressResult); // one outcome at a time: the save's replaces the last press's
    const saveButton = document.getElementById('save');
    saveButton.disabled = true;
    try {
      if (!this.entity) {
        const { data } = await api.post(this.path, { fields: this.collect() });
        this.view.flash('ok', `${this.template.name} ${data.label} created.`);
        this.view.setLeaveGuard(null);
        this.view.navigate(`#/e/${encodeURIComponent(this.template.code)}/${encodeURIComponent(data.uuid)}`, true);
        return 'changed';
      }
      const changes = this.collect();
      if (Object.keys(changes).length === 0) {
        if (!quiet) this.showAlert('info', 'Nothing to save: no field was changed.');
        return 'unchanged';
      }
      const { data } = await api.put(this.entityPath, { version: this.entity.version, fields: changes });
      this.entity = data;
      for (const w of this.widgets) {
        w.set(data.fields[w.field.code], data.references);
        w.setNote('');
      }
      this.afterChange();
      if (!quiet) this.showAlert('ok', 'Saved.');
      return 'changed';
    } catch (e) {
      this.showError(e);
      return false;
    } finally {
      saveButton.disabled = false;
    }
  }

  showError(e) {
    if (e instanceof ApiError && e.status === 422) {
      this.showViolations(e);
    } else if (e instanceof ApiError && e.status === 409 && this.entity) {
      this.showAlert('warn', e.message, h('div', { class: 'alert-actions' },
        h('button', { class: 'button small', type: 'button', onclick: () => this.refresh(true) }, 'Reload, keeping my changes')));
    } else {
      this.showAlert('bad', e.message);
    }
  }

  /**
   * A local delete says what it takes with it: what refers to this entity (a provider's domains and their records)
   * goes too or nothing goes; what only it refers to (its credential) goes if ticked, else stays.
   */
  async remove() {
    const name = `${this.template.name} ${this.entity.label}`;
    let dependents;
    try {
      dependents = await api.get(`${this.entityPath}/dependents`);
    } catch (e) {
      this.showError(e);
      return;
    }
    let body = { version: this.entity.version, deleteReferrers: false, alsoDelete: [] };
    if (dependents.referrers.length === 0 && dependents.exclusive.length === 0) {
      if (!window.confirm(`Delete ${name}? This cannot be undone.`)) return;
    } else {
      const templateName = (cet) => (this.view.template(cet) || { name: cet }).name;
      const groups = Object.entries(dependents.counts).map(([cet, n]) => {
        const labels = dependents.referrers.filter((r) => r.entity === cet).slice(0, 3).map((r) => r.label);
        return h('li', {}, `${n} ${templateName(cet)}${n === 1 ? '' : 's'}: ${labels.join(', ')}${n > labels.length ? ', …' : ''}`);
      });
      const controls = [];
      if (dependents.referrers.length) {
        controls.push({ name: 'deleteReferrers', label: `Delete these ${dependents.referrers.length} too`,
          input: h('input', { type: 'checkbox', id: 'delete-referrers' }) });
      }
      for (const x of dependents.exclusive) {
        const field = this.template.fields.find((f) => f.code === x.field);
        controls.push({ name: `also:${x.uuid}`, label: `Also delete its ${field ? field.label.toLowerCase() : x.field} ${x.label} (nothing else uses it)`,
          input: h('input', { type: 'checkbox', id: `also-${x.uuid}`, dataset: { also: x.entity } }) });
      }
      const values = await ask({
        title: `Delete ${name}?`,
        text: h('span', {},
          dependents.referrers.length ? h('span', {}, 'Referred to by:', h('ul', { id: 'delete-referrers-list' }, groups)) : null,
          dependents.referrers.length ? 'They go with it, or nothing is deleted. ' : null, 'This cannot be undone.'),
        confirmLabel: 'Delete',
        danger: true,
        controls,
        check: (v) => (dependents.referrers.length && v.deleteReferrers !== 'true'
          ? `${name} cannot go while they refer to it: tick "Delete these too", or cancel and re-point them first.` : null),
      });
      if (!values || !this.view.alive()) return;
      body = { version: this.entity.version, deleteReferrers: values.deleteReferrers === 'true',
        alsoDelete: Object.entries(values).filter(([k, v]) => k.startsWith('also:') && v === 'true').map(([k]) => k.slice(5)) };
    }
    try {
      const { data } = await api.post(`${this.entityPath}/deletion`, body);
      const others = data.deleted - 1;
      this.view.flash('ok', `${name} deleted${others ? `, with ${others} ${others === 1 ? 'entity' : 'entities'} it took along` : ''}.`);
      this.view.setLeaveGuard(null);
      this.view.navigate(`#/e/${encodeURIComponent(this.template.code)}`, true);
    } catch (e) {
      this.showError(e);
    }
  }

  /** Takes the server's latest state without losing edits; a field changed on both sides says so. */
  async refresh(announce) {
    let latest;
    try {
      latest = await api.get(this.entityPath);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404 && this.view.alive()) {
        // a button deleted it (Delete on Cloudflare): its page would be a ghost whose buttons still show
        const said = this.pressResult.querySelector('.press-message');
        this.view.flash('ok', `${this.template.name} ${this.entity.label} deleted${said ? `: ${said.textContent}` : '.'}`);
        this.view.setLeaveGuard(null);
        this.view.navigate(`#/e/${encodeURIComponent(this.template.code)}`, true);
        return;
      }
      this.showAlert('bad', e.message);
      return;
    }
    if (!this.view.alive()) return;
    let conflicts = 0;
    for (const w of this.widgets) {
      const value = latest.fields[w.field.code];
      if (w.rebase(value, latest.references)) {
        conflicts += 1;
        w.setNote(`Changed meanwhile to “${show(w.field, value, latest.references) || 'empty'}”. Your edit is kept: saving replaces it.`);
      }
    }
    this.entity = latest;
    this.afterChange();
    if (announce) {
      this.showAlert(conflicts ? 'warn' : 'info', conflicts
        ? `Reloaded version ${latest.version}. ${conflicts} of your edits touch fields that changed meanwhile: check them, then save.`
        : `Reloaded version ${latest.version}; your changes are kept. Save again.`);
    }
  }

  afterChange() {
    fill(this.title, this.entity.label);
    this.showMeta();
    this.onEdit();
    this.loadButtons();
    this.loadHistory();
    this.loadRelated();
  }

  async loadButtons() {
    let buttons;
    try {
      buttons = await api.get(`${this.entityPath}/actions`);
    } catch (e) {
      fill(this.buttonsBar, h('span', { class: 'muted' }, e.message));
      return null;
    }
    if (!this.view.alive()) return buttons;
    if (this.saveAndPressChoice) {
      const chosen = this.saveAndPressChoice.value;
      fill(this.saveAndPressChoice, buttons.map((b) => h('option', { value: b.code, selected: b.code === chosen }, b.label)));
      document.getElementById('save-and-press-box').hidden = buttons.length === 0;
    }
    this.dryRun = this.dryRun || h('input', { type: 'checkbox', id: 'dry-run' });
    this.dirtyHint = h('p', { class: 'field-hint', hidden: !this.dirty() },
      `Buttons work on the saved ${this.template.name}: use Save and press for the button to see your changes.`);
    const running = new Set(presses.runningOn(this.template.code, this.entity.uuid).map((p) => p.action));
    fill(this.buttonsBar,
      buttons.length === 0 ? h('span', { class: 'muted' }, `No button applies to this ${this.template.name} now.`) : null,
      buttons.map((b) => h('button', {
        class: 'button action', type: 'button', dataset: { action: b.code }, title: b.description || b.label,
        disabled: running.has(b.code), onclick: () => this.press(b),
      }, running.has(b.code) ? spinner() : null, b.label)),
      buttons.length ? h('label', { class: 'check dry-run', for: 'dry-run', title: 'The button shows what it would send, and sends nothing' },
        this.dryRun, 'Dry run') : null,
      this.dirtyHint);
    return buttons;
  }

  async press(button) {
    const dryRun = Boolean(this.dryRun && this.dryRun.checked);
    const confirm = button.confirm && !dryRun;
    const controls = await this.parameterControls(button);
    let parameters = {};
    if (confirm || controls.length) {
      const name = this.entity.label;
      const values = await ask({
        title: `${button.label}: ${this.template.name} ${name}${confirm ? '?' : ''}`,
        text: confirm ? `${button.confirm}. This cannot be undone.` : button.description,
        confirmLabel: button.label,
        danger: confirm,
        typeName: confirm && button.confirmByName ? name : null,
        controls,
      });
      if (!values || !this.view.alive()) {
        if (this.takePressPrefix()) this.showAlert('ok', 'Saved.');
        return;
      }
      parameters = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== ''));
    }
    const el = this.buttonsBar.querySelector(`[data-action="${CSS.escape(button.code)}"]`);
    if (el) {
      el.disabled = true;
      el.prepend(spinner());
    }
    this.showAlert(); // one outcome at a time: the press's replaces the last save's (or "created")
    this.showProgress({ label: button.label, startedAt: new Date().toISOString() });
    try {
      const { status, data } = await api.post(`${this.entityPath}/actions/${encodeURIComponent(button.code)}?wait=2`,
        { dryRun, parameters });
      if (status === 202) presses.follow(data);
      else this.showPressResult(data);
    } catch (e) {
      fill(this.pressResult, h('div', { class: 'alert bad', role: 'alert' }, h('strong', {}, `${this.takePressPrefix()}${button.label}: `), e.message));
      this.loadButtons();
    }
  }

  /**
   * A control per parameter the button declares: a reference offers the entities of its template that share a
   * reference with this one (the lockdown rules of this record's zone), a list value its values, else text.
   */
  async parameterControls(button) {
    const controls = [];
    for (const p of button.parameters || []) {
      const id = `param-${p.name}`;
      let input;
      if (p.kind === 'reference') {
        const page = await api.get(`/api/entities/${encodeURIComponent(p.entity)}?limit=500`);
        const choices = page.items.filter((candidate) => this.sharesAReference(candidate));
        input = h('select', { id, name: p.name },
          h('option', { value: '' }, choices.length === 1 ? `(the only one: ${choices[0].label})` : '(choose)'),
          choices.map((c) => h('option', { value: c.uuid }, c.label)));
      } else if (p.kind === 'flag') {
        input = h('input', { type: 'checkbox', id, name: p.name, checked: Boolean(p.default) });
      } else if (p.kind === 'list') {
        input = h('select', { id, name: p.name }, h('option', { value: '' }, '(choose)'),
          p.values.map((v) => h('option', { value: v.code }, v.label)));
      } else {
        input = h('input', { type: 'text', id, name: p.name });
      }
      controls.push({ name: p.name, label: p.label, input });
    }
    return controls;
  }

  sharesAReference(candidate) {
    const refs = this.template.fields.filter((f) => f.type === 'ENTITY').map((f) => [f.code, this.entity.fields[f.code]]);
    return refs.some(([code, uuid]) => uuid && candidate.fields[code] === uuid);
  }

  /** Presses followed in the background: ours show here, and count as seen. */
  onPress(p) {
    if (!this.view.alive()) {
      if (this.unsubscribe) this.unsubscribe();
      return false;
    }
    if (p.entity !== this.template.code || p.uuid !== this.entity.uuid) return false;
    if (p.state === 'RUNNING') this.showProgress(p);
    else this.showPressResult(p);
    return true;
  }

  showProgress(p) {
    fill(this.pressResult, h('div', { class: 'alert info progress', role: 'status' },
      spinner(), h('strong', {}, p.label), ' is running… ',
      h('span', { class: 'elapsed muted', dataset: { started: p.startedAt } }, formatDuration(Math.max(0, Date.now() - Date.parse(p.startedAt)))),
      h('div', { class: 'progress-bar' }, h('span', {})),
      p.progress ? h('p', { class: 'press-progress' }, p.progress) : null,
      h('p', { class: 'field-hint' }, 'You can keep working or leave this page: the host finishes the press and tells you when it ends.')));
  }

  showPressResult(p) {
    const result = p.result;
    const kind = { SUCCESS: 'ok', FAILED: 'bad', REFUSED: 'warn' }[result.outcome] || 'info';
    fill(this.pressResult, h('div', { class: ['alert', kind], role: kind === 'bad' ? 'alert' : 'status', dataset: { outcome: result.outcome } },
      h('strong', {}, `${this.takePressPrefix()}${p.label}${p.dryRun ? ' (dry run)' : ''}: `),
      h('span', { class: 'press-message' }, result.message),
      h('span', { class: 'muted press-duration' }, ` · ${formatDuration(result.durationMs || p.elapsedMs)}`),
      pressChanges(result.changes, (cet) => (this.view.template(cet) || { name: cet }).name)));
    this.refresh(false);
  }

  /** "Saved, then " once, for the press that "Save and press" started. */
  takePressPrefix() {
    const prefix = this.pressPrefix || '';
    this.pressPrefix = '';
    return prefix;
  }

  loadRelated() {
    renderRelated(this.view, this.template, this.entity, this.related)
      .catch((e) => { this.related.hidden = false; fill(this.related, h('h2', {}, 'Related'), h('p', { class: 'muted' }, e.message)); });
  }

  async loadHistory() {
    if (!this.entity) return;
    let page;
    try {
      page = await api.get(`/api/audit?entity=${encodeURIComponent(this.entity.uuid)}&limit=5`);
    } catch (e) {
      return;
    }
    if (!this.view.alive()) return;
    this.history.hidden = page.items.length === 0;
    fill(this.history,
      h('div', { class: 'card-head' }, h('h2', {}, 'Recent presses'),
        h('a', { href: `#/audit?entity=${encodeURIComponent(this.entity.uuid)}` }, 'Full audit trail')),
      h('table', { class: 'table compact' },
        h('tbody', {}, page.items.map((e) => h('tr', {},
          h('td', { class: 'nowrap', title: formatDate(e.at) }, ago(e.at)),
          h('td', {}, e.actionLabel),
          h('td', {}, badge(e.outcome)),
          h('td', { class: 'message' }, e.message || ''),
          h('td', { class: 'nowrap muted' }, e.user),
          h('td', { class: 'nowrap muted num' }, formatDuration(e.durationMs)))))));
  }
}
