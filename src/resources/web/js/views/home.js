// The start page: the module's templates by category, as the navigation has them, with their descriptions.
import { h, fill } from '../dom.js';

export function renderHome(view) {
  const { module } = view;
  fill(view.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Infrastructure'), h('p', { class: 'meta' }, module.description))),
    module.categories.map((category) => h('section', { class: 'home-group' },
      h('h2', {}, category.name),
      h('div', { class: 'tiles' }, category.entities.map((code) => {
        const t = view.template(code);
        return h('a', { class: 'tile', href: `#/e/${encodeURIComponent(code)}` },
          h('strong', {}, t.name), h('span', { class: 'muted' }, t.description || ''),
          t.buttons.length ? h('span', { class: 'tile-foot' }, `${t.buttons.length} button${t.buttons.length > 1 ? 's' : ''}`) : null);
      })))));
}
