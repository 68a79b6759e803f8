// Signing in and out the way a person does: the login form at /login (fields `username` and
// `password`, labelled in the reader's language, one submit button) and the logout button in
// the page header. Accounts with a second factor (TOTP) are not handled here.

/** Path of the login page. */
export const LOGIN_PATH = '/login';

/** The document the main frame ends on after a click (past the POST → 303 redirects). */
function landing(page) {
  return page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.frame() === page.mainFrame() &&
      !(r.status() >= 300 && r.status() < 400),
  );
}

/**
 * Fills the login form at LOGIN_PATH (or the form already on the page when `{ navigate: false }`,
 * e.g. after being sent to /login?next=…) and submits it. Resolves with the response of the page
 * the browser lands on. Throws with the page's own message when the login is refused.
 */
export async function login(page, username, password, { navigate = true } = {}) {
  if (navigate) await page.goto(LOGIN_PATH);
  const form = page.locator('form[action="/login"]');
  await form.locator('input[name="username"]').fill(username);
  await form.locator('input[name="password"]').fill(password);
  const landed = landing(page);
  await form.locator('button[type="submit"]').click();
  const response = await landed;
  await page.waitForLoadState();
  if (new URL(page.url()).pathname === LOGIN_PATH) {
    const why = await page.locator('#login-error').textContent().catch(() => null);
    throw new Error(`login of ${username} refused: ${why?.trim() ?? `still on ${page.url()}`}`);
  }
  return response;
}

/**
 * Logs out with the header's logout button (a POST carrying the CSRF token) and resolves with the
 * response of the page the browser lands on.
 */
export async function logout(page) {
  const button = page.locator('header form[action="/logout"] button[type="submit"]');
  const landed = landing(page);
  await button.click();
  const response = await landed;
  await page.waitForLoadState();
  return response;
}
