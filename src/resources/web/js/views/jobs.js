// The module's scheduled jobs: schedule, recent runs, and "Run now" (followed like a long press); below, the
// report of every run, filtered by job and outcome (the URL keeps the filters, so back and reload work).
import { h, fill, formatDate, badge, spinner, formatDuration } from '../dom.js';
import { api, query } from '../api.js';
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
  const report = h('div', { id: 'job-runs' });
  const filters = { job: view.params.get('job') || '', outcome: view.params.get('outcome') || '', offset: 0 };
  const jobFilter = h('select', { id: 'runs-job', 'aria-label': 'Job' }, h('option', { value: '' }, 'Every job'),
    jobs.map((job) => h('option', { value: job.code, selected: job.code === filters.job }, job.code)));
  const outcomeFilter = h('select', { id: 'runs-outcome', 'aria-label': 'Outcome' }, h('option', { value: '' }, 'Every outcome'),
    OUTCOMES.map(([code, label]) => h('option', { value: code, selected: code === filters.outcome }, label)));
  const reload = () => {
    filters.job = jobFilter.value;
    filters.outcome = outcomeFilter.value;
    filters.offset = 0;
    history.replaceState(null, '', `#/jobs${query({ job: filters.job, outcome: filters.outcome })}`);
    loadRuns(view, report, filters).catch((e) => fill(report, h('div', { class: 'alert bad', role: 'alert' }, e.message)));
  };
  jobFilter.addEventListener('change', reload);
  outcomeFilter.addEventListener('change', reload);
  fill(view.main,
    h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Jobs'),
      h('p', { class: 'meta' }, 'Scheduled scripts of the module (for example the credential token refresh).'))),
    h('section', { class: 'card' }, jobs.length === 0 ? h('p', { class: 'empty' }, 'This module has no job.')
      : h('table', { class: 'table', id: 'jobs' },
        h('thead', {}, h('tr', {}, ['Job', 'Schedule', 'State', 'Last run', 'Report', ''].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, rows))),
    h('section', { class: 'card' }, h('div', { class: 'card-head' }, h('h2', {}, 'Runs'),
      h('div', { class: 'toolbar' }, jobFilter, outcomeFilter)), report));
  await loadRuns(view, report, filters);
}

const OUTCOMES = [['SUCCESS', 'Succeeded'], ['PARTIAL', 'Partly failed'], ['FAILED', 'Failed'], ['RUNNING', 'Running']];
const PAGE = 25;

async function loadRuns(view, box, filters) {
  const page = await api.get(`/api/job-runs${query({ job: filters.job, outcome: filters.outcome, offset: filters.offset, limit: PAGE })}`);
  if (!view.alive()) return;
  const more = h('button', { class: 'button small', type: 'button', id: 'runs-more', hidden: !page.hasMore }, 'Older runs');
  more.addEventListener('click', () => {
    filters.offset += PAGE;
    loadRuns(view, box, filters).catch(() => {});
  });
  fill(box, page.items.length === 0 ? h('p', { class: 'empty' }, 'No run matches.')
    : h('table', { class: 'table compact', id: 'job-runs-table' },
      h('thead', {}, h('tr', {}, ['Started', 'Job', 'Outcome', 'Counts', 'By', 'Report'].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, page.items.map((run) => h('tr', { dataset: { job: run.job, outcome: run.outcome } },
        h('td', { class: 'nowrap' }, formatDate(run.startedAt)),
        h('td', {}, run.job),
        h('td', {}, badge(run.outcome)),
        h('td', { class: 'nowrap muted small' }, `ok ${run.ok ?? '–'} · failed ${run.ko ?? '–'} · warnings ${run.warnings ?? '–'}`),
        h('td', { class: 'nowrap muted' }, run.triggeredBy),
        h('td', { class: 'message' }, run.report || ''))))),
    filters.offset > 0 ? h('p', { class: 'muted small' }, `From run ${filters.offset + 1}`) : null, more);
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
