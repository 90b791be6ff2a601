// Calls to the reporting API from a signed-in browser: the session cookie goes along by itself; changing requests
// carry the CSRF token from the XSRF-TOKEN cookie. Errors come back as the API's problem+json.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

function csrfToken() {
  const cookie = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  return cookie ? decodeURIComponent(cookie.substring('XSRF-TOKEN='.length)) : '';
}

export function query(parameters) {
  const search = new URLSearchParams();
  Object.entries(parameters).forEach(([name, value]) => {
    if (value !== undefined && value !== null && value !== '') search.set(name, value);
  });
  const text = search.toString();
  return text ? '?' + text : '';
}

export async function request(method, path, parameters = {}, body) {
  const headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json, application/problem+json'};
  if (method !== 'GET') headers['X-XSRF-TOKEN'] = csrfToken();
  if (body !== undefined) headers['Content-Type'] = body instanceof URLSearchParams
      ? 'application/x-www-form-urlencoded' : 'application/json';
  const response = await fetch(path + query(parameters), {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : body instanceof URLSearchParams ? body : JSON.stringify(body),
  });
  const type = response.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await response.json() : null;
  if (!response.ok) {
    if (response.status === 401 && !path.startsWith('/login')) {
      location.href = '/login.html?next=' + encodeURIComponent(location.pathname + location.search + location.hash);
    }
    throw new ApiError(response.status, data);
  }
  return data;
}

export const get = (path, parameters) => request('GET', path, parameters);
export const post = (path, parameters, body) => request('POST', path, parameters, body);

/** Creates an element: el('td', {class: 'x', dataset: {v: 1}}, 'text', child…). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null || value === false) return;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    // through the CSSOM: the Content-Security-Policy (style-src 'self') refuses style attributes in markup
    else if (name === 'style') element.style.cssText = value;
    else element.setAttribute(name, value === true ? '' : value);
  });
  children.flat().forEach(child => {
    if (child === undefined || child === null) return;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return element;
}
