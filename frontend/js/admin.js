// Administration: the users, the alerts to acknowledge, and the month's failed payments. Each part loads on
// its own, so one failing part does not hide the others.
import { api, ApiProblem, segment } from "./api.js";
import { actionButton, byId, el, newestOnly } from "./dom.js";
import { formatMoney } from "./labels.js";
import { clearMessage, showProblem, showProgress, showStatus } from "./messages.js";
import { browserZone, formatDateTime } from "./time.js";

const paymentLoads = newestOnly();

export function init() {
  byId("admin-payments-form").addEventListener("submit", (event) => {
    event.preventDefault();
    loadFailedPayments();
  });
}

export async function show() {
  byId("admin-payments-month").value ||= new Date().toISOString().slice(0, 7);
  await Promise.all([loadUsers(), loadAlerts(), loadFailedPayments()]);
}

/** Runs one part's load, showing its problem in that part's own message region. */
async function part(name, load) {
  const message = byId(`admin-${name}-message`);
  clearMessage(message);
  try {
    await load(message);
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(message, problem);
  }
}

const when = (instant) => (instant ? formatDateTime(instant, browserZone) : "—");

function loadUsers() {
  return part("users", async (message) => {
    const { users, truncated } = await api("/api/admin/users");
    byId("admin-users-rows").replaceChildren(...users.map((user) => el("tr", {},
      el("td", {}, user.displayName ?? "—"),
      el("td", {}, el("code", {}, user.pseudonym)),
      el("td", {}, user.roles.join(", ") || "none"),
      el("td", {}, user.doctorId ?? "—"),
      el("td", {}, user.disabled ? "Disabled" : "Active"),
      el("td", {}, when(user.lastSignInAt)))));
    if (truncated) showProgress(message, "Only the first users are listed.");
  });
}

function loadAlerts() {
  return part("alerts", async (message) => {
    const { alerts } = await api("/api/admin/alerts");
    byId("admin-alerts-rows").replaceChildren(...alerts.map((alert) => el("tr", { "data-alert-id": alert.id },
      el("td", {}, when(alert.raisedAt)),
      el("td", {}, alert.severity),
      el("td", {}, alert.eventName),
      el("td", {}, alert.summary),
      el("td", {}, alert.correlationId ? el("code", {}, alert.correlationId) : "—"),
      el("td", {}, alertState(alert)))));
    if (alerts.length === 0) showProgress(message, "No recent alerts.");
  });
}

function alertState(alert) {
  if (alert.acknowledgedAt) return `Acknowledged ${when(alert.acknowledgedAt)}`;
  const context = `${alert.eventName} raised ${when(alert.raisedAt)}`;
  return actionButton("Acknowledge", context, () => acknowledge(alert));
}

async function acknowledge(alert) {
  const message = byId("admin-alerts-message");
  try {
    await api(`/api/admin/alerts/${segment(alert.id)}/acknowledge`, { method: "POST", body: {} });
    await loadAlerts();
    showStatus(message, "Alert acknowledged.");
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    showProblem(message, problem);
  }
}

function loadFailedPayments() {
  return part("payments", async (message) => {
    const isNewest = paymentLoads();
    const month = byId("admin-payments-month").value;
    const { invoices } = await api(`/api/admin/payments/failed?month=${encodeURIComponent(month)}`);
    if (!isNewest()) return;
    byId("admin-payments-rows").replaceChildren(...invoices.map((invoice) =>
      el("tr", { "data-invoice-id": invoice.invoiceId },
        el("td", {}, when(invoice.failedAt)),
        el("td", {}, el("code", {}, invoice.invoiceId)),
        el("td", {}, el("code", {}, invoice.appointmentId)),
        el("td", {}, invoice.doctorId),
        el("td", {}, el("code", {}, invoice.patientPseudonym)),
        el("td", {}, formatMoney(invoice.amount, invoice.currency)),
        el("td", {}, invoice.failureCode))));
    if (invoices.length === 0) showProgress(message, `No failed payments in ${month}.`);
  });
}
