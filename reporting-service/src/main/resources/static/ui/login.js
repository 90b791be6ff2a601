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
    // Only a path of this site: never a redirect to somewhere else.
    location.href = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  } catch (e) {
    show('login.failed', true);
  }
});
// The form is wired: signing in now goes through the script (tests wait for this).
document.body.dataset.ready = 'true';
