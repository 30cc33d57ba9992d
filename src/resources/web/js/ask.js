// Asking the operator before a press: a modal dialog in the page (a screenshot and a test can see it, unlike
// window.confirm). It names what will be lost, can require the resource's name to be typed, and can carry a
// small form (the button's parameters). Resolves to the form's values, or null when the operator backs out.
import { h } from './dom.js';

/**
 * ask({title, text, confirmLabel, danger, typeName, controls: [{name, label, input}], check(values) → error|null})
 */
export function ask({ title, text, confirmLabel, danger, typeName, controls = [], check }) {
  return new Promise((resolve) => {
    const typed = typeName ? h('input', { type: 'text', id: 'ask-type-name', autocomplete: 'off', spellcheck: 'false' }) : null;
    const error = h('p', { class: 'field-error', id: 'ask-error', hidden: true });
    const ok = h('button', { class: ['button', danger ? 'danger-solid' : 'primary'], type: 'submit', id: 'ask-confirm', disabled: Boolean(typeName) },
      confirmLabel || 'Go on');
    const values = () => Object.fromEntries(controls.map((c) => [c.name, c.input.type === 'checkbox' ? String(c.input.checked) : c.input.value]));
    const dialog = h('dialog', { class: 'ask', id: 'ask', 'aria-labelledby': 'ask-title' },
      h('form', { method: 'dialog', onsubmit: (event) => {
        event.preventDefault();
        const problem = check ? check(values()) : null;
        if (problem) {
          error.textContent = problem;
          error.hidden = false;
          return;
        }
        close(values());
      } },
        h('h2', { id: 'ask-title' }, title),
        text ? h('p', { class: 'ask-text' }, text) : null,
        controls.map((c) => (c.input.type === 'checkbox'
          ? h('div', { class: 'field' }, h('label', { class: 'check', for: c.input.id }, c.input, ` ${c.label}`), c.hint ? h('p', { class: 'field-hint' }, c.hint) : null)
          : h('div', { class: 'field' }, h('label', { for: c.input.id }, c.label), c.input, c.hint ? h('p', { class: 'field-hint' }, c.hint) : null))),
        typed ? h('div', { class: 'field' },
          h('label', { for: 'ask-type-name' }, 'To confirm, type ', h('strong', {}, typeName)),
          typed) : null,
        error,
        h('div', { class: 'form-actions' }, ok,
          h('button', { class: 'button ghost', type: 'button', id: 'ask-cancel', onclick: () => close(null) }, 'Cancel'))));
    if (typed) typed.addEventListener('input', () => { ok.disabled = typed.value.trim() !== typeName; });
    for (const c of controls) c.input.addEventListener('change', () => { error.hidden = true; });
    dialog.addEventListener('cancel', (event) => { event.preventDefault(); close(null); });
    function close(result) {
      dialog.close();
      dialog.remove();
      resolve(result);
    }
    document.body.append(dialog);
    dialog.showModal();
    (typed || (controls[0] && controls[0].input) || ok).focus();
  });
}
