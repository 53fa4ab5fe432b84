// Builds elements from data without ever parsing data as HTML, so nothing the API returns can run as markup.

/** el("td", { class: "status" }, "Paid") — attributes, then children (strings become text nodes). */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith("on") && typeof value === "function") {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? "" : String(value));
    }
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

export function byId(id) {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The page has no element #${id}.`);
  return element;
}

/** A row button whose accessible name says which row it acts on; the suffix is read, not shown. */
export function actionButton(label, context, onclick) {
  const suffix = el("span", { class: "visually-hidden" }, ` ${context}`);
  return el("button", { type: "button", onclick }, label, suffix);
}

/** Disables a form's controls while its request runs: no double submit, no edit the answer overwrites. */
export async function whileBusy(form, work) {
  const controls = [...form.elements].filter((control) => !control.disabled);
  controls.forEach((control) => { control.disabled = true; });
  form.setAttribute("aria-busy", "true");
  try {
    return await work();
  } finally {
    controls.forEach((control) => { control.disabled = false; });
    form.removeAttribute("aria-busy");
  }
}

/**
 * For loads that may overlap: each call starts a load and returns a check that stays true only while no
 * later load has started, so a slow older answer never replaces a newer one.
 */
export function newestOnly() {
  let newest = 0;
  return () => {
    const ticket = ++newest;
    return () => ticket === newest;
  };
}
