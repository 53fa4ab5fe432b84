// My profile: every field is sent on save, since the API replaces the whole profile; the server's
// normalized values (E.164 phone, canonical language and zone) are shown back after saving.
import { api, ApiProblem } from "./api.js";
import { byId, el, whileBusy } from "./dom.js";
import { clearMessage, showProblem, showStatus } from "./messages.js";
import { browserZone, formatDateTime } from "./time.js";

const TEXT_FIELDS = ["displayName", "email", "phone", "preferredLanguage", "timeZone", "birthDate"];

export function init() {
  const zones = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
  byId("time-zones").replaceChildren(...zones.map((zone) => el("option", { value: zone })));
  byId("profile-time-zone").placeholder = browserZone;
  byId("profile-form").addEventListener("submit", (event) => {
    event.preventDefault();
    save();
  });
}

export async function show() {
  const form = byId("profile-form");
  clearMessage(byId("profile-message"), form);
  try {
    // Typing into the form before the stored profile arrives would be overwritten by it.
    fill(form, await whileBusy(form, () => api("/api/me/profile")));
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(byId("profile-message"), problem);
  }
}

function fill(form, profile) {
  for (const name of TEXT_FIELDS) {
    const control = form.elements[name];
    const value = profile[name] ?? "";
    const listed = (select) => [...select.options].some((option) => option.value === value);
    if (control instanceof HTMLSelectElement && value && !listed(control)) {
      control.add(new Option(value, value));
    }
    control.value = value;
  }
  const channels = new Set(profile.notificationChannels ?? []);
  form.querySelectorAll("[name=notificationChannels]").forEach((box) => {
    box.checked = channels.has(box.value);
  });
  form.elements.smsConsent.checked = Boolean(profile.smsConsent);
  byId("profile-sms-consent-given").textContent = profile.smsConsentGivenAt
    ? `Consent given ${formatDateTime(profile.smsConsentGivenAt, browserZone)}.`
    : "";
}

function read(form) {
  const value = (name) => form.elements[name].value.trim() || null;
  const body = Object.fromEntries(TEXT_FIELDS.map((name) => [name, value(name)]));
  body.notificationChannels = [...form.querySelectorAll("[name=notificationChannels]:checked")]
    .map((box) => box.value);
  body.smsConsent = form.elements.smsConsent.checked;
  return body;
}

async function save() {
  const form = byId("profile-form");
  const message = byId("profile-message");
  clearMessage(message, form);
  await whileBusy(form, async () => {
    try {
      fill(form, await api("/api/me/profile", { method: "PUT", body: read(form) }));
      showStatus(message, "Your profile is saved.");
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      showProblem(message, problem, form);
      form.querySelector("[aria-invalid=true]")?.focus();
    }
  });
}
