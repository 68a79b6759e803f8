// Signing in through the login form, the way a person does.
//
// PENDING: the login page does not exist yet. This helper encodes the expected form (fields named
// `username` and `password`, one submit button) so scenario tests can be written against it once
// the page lands; adjust the selectors here, in one place, if the page differs. No test uses it yet.

/** Path of the login page (expected). */
export const LOGIN_PATH = '/login';

/**
 * Fills the login form at LOGIN_PATH (or the form already on the page when `{ navigate: false }`)
 * and submits it. Resolves with the response of the page the browser lands on (after redirects).
 */
export async function login(page, username, password, { navigate = true } = {}) {
  if (navigate) await page.goto(LOGIN_PATH);
  const form = page.locator('form:has([name="password"])');
  await form.locator('[name="username"]').fill(username);
  await form.locator('[name="password"]').fill(password);
  // The document the browser ends on (after the usual POST → 303 redirect).
  const landed = page.waitForResponse(
    (r) => r.request().isNavigationRequest() && r.frame() === page.mainFrame() && !(r.status() >= 300 && r.status() < 400),
  );
  await form.locator('button[type="submit"], input[type="submit"], button:not([type])').first().click();
  const response = await landed;
  await page.waitForLoadState();
  return response;
}
