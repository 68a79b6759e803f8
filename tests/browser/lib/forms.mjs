// Filling Taawun's record forms as a person reads them: a field by its label, a text in three
// languages by its fieldset's legend and then the language's label, a repeated row (a delegation
// member, a decision) by its place in its list, a choice by the words it shows.

/** A fieldset by its legend (accessible name), exactly. */
export function group(scope, legend) {
  return scope.getByRole('group', { name: legend, exact: true });
}

/** A field by its label, exactly. */
export function field(scope, label) {
  return scope.getByLabel(label, { exact: true });
}

/**
 * Fills a localized text: the fieldset whose legend is `legend`, then in it the inputs labelled
 * with each language's name (`lang-name-ar` …) for the values given, e.g. `{ ar, fr, en }`.
 */
export async function fillText3(scope, t, legend, values) {
  const g = group(scope, legend);
  for (const [code, value] of Object.entries(values)) {
    await field(g, t(`lang-name-${code}`)).fill(value);
  }
}

/**
 * Chooses, in `select`, the option whose text contains `text` (options show names, which may
 * carry an acronym or a rank code after them). Throws listing the choices when none matches.
 */
export async function choose(select, text) {
  const options = await select.locator('option').evaluateAll((os) =>
    os.map((o) => ({ value: o.value, label: o.textContent.trim() })),
  );
  const hit = options.find((o) => o.label.includes(text));
  if (!hit) {
    throw new Error(`no choice containing ${JSON.stringify(text)}; offered: ${options.map((o) => o.label).join(' | ')}`);
  }
  await select.selectOption(hit.value);
}

/** The rows of a repeated list (the fieldsets directly inside the list's fieldset). */
export function rows(list) {
  return list.locator(':scope > fieldset');
}

/**
 * Clicks a form's button labelled `label` and resolves with the response of the page the
 * browser lands on (the record after a POST → 303, or the form again with errors).
 */
export async function press(page, label) {
  const landed = page.waitForResponse(
    (r) =>
      r.request().isNavigationRequest() &&
      r.frame() === page.mainFrame() &&
      !(r.status() >= 300 && r.status() < 400),
  );
  await page.locator('main form').getByRole('button', { name: label, exact: true }).click();
  const response = await landed;
  await page.waitForLoadState();
  return response;
}

/**
 * The error summary of a form page re-shown with errors, as text (empty when there is none),
 * so a failed save says why.
 */
export async function formErrors(page) {
  const summary = page.locator('#form-errors');
  return (await summary.count()) ? (await summary.innerText()).trim() : '';
}
