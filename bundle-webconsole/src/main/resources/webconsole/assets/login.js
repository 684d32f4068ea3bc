// The login page: posts the form as JSON so that the server's reason (wrong password, no console
// role, too many attempts) can be shown, and waits out a throttling delay with a countdown.
// Without JavaScript the plain form post still works (the server redirects to login?error=…).

const form = document.getElementById('login-form');
const user = document.getElementById('login-user');
const password = document.getElementById('login-password');
const submit = document.getElementById('login-submit');
const error = document.getElementById('login-error');

/** Messages for the redirects of the plain form post. */
const REDIRECT_ERRORS = {
  wrong: 'Wrong user name or password.',
  throttled: 'Too many failed logins: wait a moment, then try again.',
  norole: 'This user has no web console role (viewer, operator or admin).',
};

let countdown = 0;

function showError(text) {
  error.textContent = text;
  error.hidden = false;
}

function clearError() {
  error.hidden = true;
  error.textContent = '';
}

/** After 429, keeps the button disabled and counts down the Retry-After seconds. */
function throttle(message, seconds) {
  clearInterval(countdown);
  let left = seconds;
  const tick = () => {
    if (left <= 0) {
      clearInterval(countdown);
      submit.disabled = false;
      submit.textContent = 'Log in';
      return;
    }
    submit.disabled = true;
    submit.textContent = `Try again in ${left} s`;
    left -= 1;
  };
  showError(message);
  tick();
  countdown = setInterval(tick, 1000);
}

/**
 * Where to go after login: the page the user was on. A 302 from the console keeps the URL
 * fragment (login#/datapoints); a session that ended inside the console left it in sessionStorage.
 */
function target() {
  let hash = location.hash;
  try {
    hash = hash || sessionStorage.getItem('bemgate.returnTo') || '';
    sessionStorage.removeItem('bemgate.returnTo');
  } catch (e) { /* storage disabled */ }
  return './' + (hash.startsWith('#/') ? hash : '');
}

async function login(event) {
  event.preventDefault();
  clearError();
  if (!user.value || !password.value) {
    showError('Enter user name and password.');
    return;
  }
  submit.disabled = true;
  submit.classList.add('is-busy');
  try {
    const resp = await fetch('login', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' },
      body: JSON.stringify({ user: user.value, password: password.value }),
    });
    let data = null;
    try { data = await resp.json(); } catch (e) { /* not JSON */ }
    if (resp.ok) {
      location.replace(target());
      return;
    }
    const message = (data && data.error) || `Login failed (HTTP ${resp.status}).`;
    if (resp.status === 429) {
      throttle(message, Number(resp.headers.get('Retry-After')) || 5);
      return;
    }
    showError(message);
    password.select();
  } catch (e) {
    showError('Cannot reach the gateway: ' + e.message);
  } finally {
    submit.classList.remove('is-busy');
    if (!countdown || submit.textContent === 'Log in') submit.disabled = false;
  }
}

form.addEventListener('submit', login);
const reason = new URLSearchParams(location.search).get('error');
if (reason) showError(REDIRECT_ERRORS[reason] || 'Login failed.');
