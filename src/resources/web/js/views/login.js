// The login form, shown only when the host listens beyond loopback.
import { h, fill } from '../dom.js';
import { api, ApiError } from '../api.js';

export function renderLogin(view, onLoggedIn) {
  const user = h('input', { id: 'login-user', name: 'username', type: 'text', autocomplete: 'username', required: true });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('div', { class: 'form-alert', id: 'login-error' });
  const submit = h('button', { class: 'button primary wide', type: 'submit' }, 'Log in');
  const form = h('form', { class: 'card login', novalidate: true },
    h('h1', {}, 'Log in'),
    h('p', { class: 'meta' }, 'This host is reachable from the network: log in with a user added on the host by ',
      h('code', {}, 'mv-infra user add'), '.'),
    error,
    h('div', { class: 'field' }, h('label', { for: 'login-user' }, 'User name'), user),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, 'Password'), password),
    submit);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    submit.disabled = true;
    fill(error);
    try {
      await api.post('/api/session', { username: user.value, password: password.value });
      password.value = '';
      await onLoggedIn();
    } catch (err) {
      fill(error, h('div', { class: 'alert bad', role: 'alert' }, err instanceof ApiError ? err.message : String(err)));
      password.select();
    } finally {
      submit.disabled = false;
    }
  });
  fill(view.main, h('div', { class: 'login-wrap' }, form));
  user.focus();
}
