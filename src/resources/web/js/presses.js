// Presses that outlast their request (a server booting, a backup) are followed here by long-polling
// /api/presses/{id}: the top bar shows them while they run, a poll returns early with each new progress
// line of the script, and their end is announced wherever the operator is by then. The page never waits on them.
import { h, fill, spinner, formatDuration } from './dom.js';
import { api } from './api.js';
import { toast } from './toasts.js';

const running = new Map();
const listeners = new Set();
let app = null;
let ticker = null;

export const presses = {
  /** Picks up presses already running (started before a reload, or by someone else). */
  start(appContext) {
    app = appContext;
    api.get('/api/presses').then((list) => list.forEach((p) => follow(p))).catch(() => {});
  },
  follow,
  /** fn(press) on every change; returning true means "shown to the operator", so no notice is needed. */
  subscribe(fn) {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
  runningOn(entity, uuid) {
    return [...running.values()].filter((p) => p.entity === entity && p.uuid === uuid);
  },
};

function follow(press) {
  if (running.has(press.id) || press.state !== 'RUNNING') {
    return Promise.resolve(press);
  }
  running.set(press.id, press);
  render();
  notify(press);
  return (async () => {
    let current = press;
    while (current.state === 'RUNNING') {
      try {
        const seen = current.progress || '';
        current = await api.get(`/api/presses/${encodeURIComponent(current.id)}?wait=15&seen=${encodeURIComponent(seen)}`);
        if (current.state === 'RUNNING' && (current.progress || '') !== seen) notify(current);
      } catch (e) {
        if (e.status === 404) {
          current = { ...current, state: 'DONE', result: { outcome: 'FAILED', message: 'The host no longer knows this press (was it restarted?)' } };
        } else {
          await new Promise((resolve) => setTimeout(resolve, 3000));
        }
      }
      if (current.state === 'RUNNING') {
        running.set(current.id, current);
      }
    }
    running.delete(current.id);
    render();
    const shown = notify(current);
    if (!shown) announce(current);
    return current;
  })();
}

function notify(press) {
  let shown = false;
  for (const fn of listeners) {
    if (fn(press)) shown = true;
  }
  return shown;
}

function announce(press) {
  const template = app && app.template(press.entity);
  const what = `${press.label} on ${template ? template.name : press.entity}`;
  const ok = press.result.outcome === 'SUCCESS';
  toast(ok ? 'ok' : 'bad', `${what}: ${press.result.message}`, { href: target(press), text: 'Open' });
}

/** Where a press happened: its entity, or the template's list for a button pressed on the list. */
function target(press) {
  const list = `#/e/${encodeURIComponent(press.entity)}`;
  return press.uuid ? `${list}/${encodeURIComponent(press.uuid)}` : list;
}

function render() {
  const box = document.getElementById('activity');
  if (running.size === 0) {
    box.hidden = true;
    fill(box);
    clearInterval(ticker);
    ticker = null;
    return;
  }
  box.hidden = false;
  const items = [...running.values()].map((p) => {
    const template = app && app.template(p.entity);
    return h('li', {},
      h('a', { href: target(p) }, p.label),
      h('span', { class: 'muted' }, ` on ${template ? template.name : p.entity} · `),
      h('span', { class: 'elapsed', dataset: { started: p.startedAt } }, formatDuration(Date.now() - Date.parse(p.startedAt))));
  });
  const wasOpen = box.querySelector('details') && box.querySelector('details').open;
  fill(box, h('details', { open: wasOpen || undefined },
    h('summary', {}, spinner(), ` ${running.size} running`),
    h('ul', { class: 'activity-list' }, items)));
  if (!ticker) {
    ticker = setInterval(() => {
      for (const el of document.querySelectorAll('.elapsed[data-started]')) {
        el.textContent = formatDuration(Date.now() - Date.parse(el.dataset.started));
      }
    }, 1000);
  }
}
