// Status and problem messages in a view's live region, and field errors next to their fields.
import { el } from "./dom.js";

export function showStatus(region, ...content) {
  region.className = "message ok";
  region.replaceChildren(...content);
}

export function showProgress(region, text) {
  region.className = "message";
  region.replaceChildren(text);
}

export function clearMessage(region, form) {
  region.className = "message";
  region.replaceChildren();
  if (form) clearFieldErrors(form);
}

/** The problem's title, its field errors, and the correlation id support needs to find the request. */
export function showProblem(region, problem, form) {
  const errors = Object.entries(problem.errors ?? {});
  const content = [el("p", {}, el("strong", {}, problem.title ?? "Something went wrong."))];
  if (errors.length > 0) {
    content.push(el("ul", {}, errors.map(([field, messages]) =>
      el("li", {}, `${fieldLabel(form, field)}: ${[].concat(messages).join(" ")}`))));
  }
  if (problem.correlationId) {
    content.push(el("p", { class: "reference" }, "Reference for support: ",
      el("code", {}, problem.correlationId)));
  }

  region.className = "message problem";
  region.replaceChildren(...content);
  if (form) markFields(form, errors);
}

function markFields(form, errors) {
  clearFieldErrors(form);
  for (const [field, messages] of errors) {
    const control = controlFor(form, field);
    if (!control) continue;

    const anchor = control.closest("fieldset") ?? control;
    const id = `${anchor.id || `${form.id}-${field}`}-error`;
    const text = [].concat(messages).join(" ");
    const error = el("p", { id, class: "field-error", "data-field-error": "" }, text);
    (control.closest(".field") ?? anchor).append(error);
    for (const input of controlsFor(form, field)) {
      input.setAttribute("aria-invalid", "true");
      const described = input.getAttribute("aria-describedby");
      input.setAttribute("aria-describedby", described ? `${id} ${described}` : id);
    }
  }
}

function clearFieldErrors(form) {
  form.querySelectorAll("[data-field-error]").forEach((error) => {
    form.querySelectorAll(`[aria-describedby~="${error.id}"]`).forEach((input) => {
      const rest = input.getAttribute("aria-describedby").split(" ").filter((id) => id !== error.id);
      if (rest.length > 0) input.setAttribute("aria-describedby", rest.join(" "));
      else input.removeAttribute("aria-describedby");
    });
    error.remove();
  });
  form.querySelectorAll("[aria-invalid]").forEach((input) => input.removeAttribute("aria-invalid"));
}

function controlsFor(form, field) {
  return [...form.elements].filter((input) => input.name?.toLowerCase() === field.toLowerCase());
}

function controlFor(form, field) {
  return controlsFor(form, field)[0] ?? null;
}

function fieldLabel(form, field) {
  const control = form ? controlFor(form, field) : null;
  const fieldset = control?.closest("fieldset");
  const label = fieldset?.querySelector("legend") ?? control?.labels?.[0];
  return label?.textContent.trim() || field;
}
