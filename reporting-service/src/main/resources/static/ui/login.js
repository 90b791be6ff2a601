// Sign-in (basic mode): the form's fields go to POST /login with the CSRF token; a session cookie comes back.
import {post} from './api.js';
import {chooseLanguage, setLanguage, t, translatePage} from './i18n.js';

const message = document.querySelector('#login-message');
const show = (key, error) => {
  message.dataset.key = key;
  message.textContent = t(key);
  message.className = error ? 'error' : '';
  message.hidden = false;
};

const settings = await fetch('/ui/settings').then(r => r.json());
const select = document.querySelector('#lang-select');
select.value = chooseLanguage(settings.locale);
translatePage();
select.addEventListener('change', () => {
  setLanguage(select.value);
  translatePage();
  if (!message.hidden) message.textContent = t(message.dataset.key);
});

if (settings.mode === 'jwt') {
  document.querySelector('#login-fields').hidden = true;
  show('login.jwt');
} else if (new URLSearchParams(location.search).has('signedOut')) {
  show('login.signedOut');
}

document.querySelector('#login-form').addEventListener('submit', async event => {
  event.preventDefault();
  try {
    await post('/login', {}, new URLSearchParams({
      username: document.querySelector('#username').value,
      password: document.querySelector('#password').value,
    }));
    const next = new URLSearchParams(location.search).get('next');
    // Only a page of this site, as the browser resolves it (review finding L2: '/\\host' is another host).
    const target = next ? new URL(next, location.origin) : null;
    location.href = target && target.origin === location.origin ? target.pathname + target.search + target.hash : '/';
  } catch (e) {
    show('login.failed', true);
    // too many failed sign-ins: the service says until when
    if (e.status === 429) message.textContent = e.message;
  }
});
// The form is wired: signing in now goes through the script (tests wait for this).
document.body.dataset.ready = 'true';
