// Short notices in a corner: a save, a press that ended while the operator was elsewhere.
import { h } from './dom.js';

export function toast(kind, text, link) {
  const region = document.getElementById('toasts');
  const close = h('button', { class: 'toast-close', type: 'button', 'aria-label': 'Dismiss' }, '×');
  const note = h('div', { class: ['toast', kind], role: kind === 'bad' ? 'alert' : 'status' },
    h('div', { class: 'toast-text' }, text, link ? [' ', h('a', { href: link.href }, link.text)] : null),
    close);
  const remove = () => note.remove();
  close.addEventListener('click', remove);
  region.append(note);
  setTimeout(remove, kind === 'bad' ? 12000 : 6000);
}
