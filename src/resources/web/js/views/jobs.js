// The module's scheduled jobs: schedule, recent runs, and "Run now" (followed like a long press).
import { h, fill, formatDate, badge, spinner, formatDuration } from '../dom.js';
import { api } from '../api.js';
import { toast } from '../toasts.js';

export async function renderJobs(view) {
  const jobs = await api.get('/api/jobs');
  if (!view.alive()) return;
  const rows = jobs.map((job) => {
    const last = job.recentRuns[0];
    const button = h('button', { class: 'button small', type: 'button', disabled: job.running }, job.running ? [spinner(), ' Running'] : 'Run now');
    button.addEventListener('click', () => run(view, job, button));
    return h('tr', {},
      h('td', {}, h('strong', {}, job.code), h('div', { class: 'muted small' }, job.description)),
      h('td', { class: 'mono' }, job.schedule || 'on demand'),
      h('td', {}, job.active ? 'active' : 'inactive'),
      h('td', {}, last ? [badge(last.outcome), ' ', formatDate(last.startedAt),
        h('div', { class: 'muted small' }, `ok ${last.ok ?? '–'} · failed ${last.ko ?? '–'} · by ${last.triggeredBy}`)] : h('span', { class: 'muted' }, 'never')),
      h('td', { class: 'message' }, last && last.report ? last.report : ''),
      h('td', {}, button));
  });
  fill(view.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Jobs'),
      h('p', { class: 'meta' }, 'Scheduled scripts of the module (for example the credential token refresh).'))),
    h('section', { class: 'card' }, jobs.length === 0 ? h('p', { class: 'empty' }, 'This module has no job.')
      : h('table', { class: 'table', id: 'jobs' },
        h('thead', {}, h('tr', {}, ['Job', 'Schedule', 'State', 'Last run', 'Report', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))));
}

async function run(view, job, button) {
  fill(button, spinner(), ' Running');
  button.disabled = true;
  try {
    let { data } = await api.post(`/api/jobs/${encodeURIComponent(job.code)}/run?wait=2`);
    while (data.state === 'RUNNING') {
      data = await api.get(`/api/job-runs/${encodeURIComponent(data.id)}?wait=15`);
    }
    const ok = data.result.outcome === 'SUCCESS';
    toast(ok ? 'ok' : 'bad', `Job ${job.code}: ${data.result.outcome.toLowerCase()} in ${formatDuration(data.elapsedMs)}`);
  } catch (e) {
    toast('bad', `Job ${job.code}: ${e.message}`);
  }
  if (view.alive()) renderJobs(view);
}
