// My invoices, and paying one with a test card of the simulated gateway. Paying answers 202 at once; the
// invoice is then polled until the payment settles. Card numbers are never asked for.
import { api, ApiProblem, segment } from "./api.js";
import { Attempts } from "./attempts.js";
import { actionButton, byId, el, newestOnly, whileBusy } from "./dom.js";
import { doctorNames } from "./doctors.js";
import { formatMoney, invoiceLabel } from "./labels.js";
import { showProblem, showProgress, showStatus } from "./messages.js";
import { formatDate, inBothZones } from "./time.js";

const FAILURE_TEXT = {
  card_declined: "The card was declined. No money was taken; you can try another card.",
  gateway_unavailable: "The payment service did not answer. No money was taken; please try again later.",
};
const UNSETTLED = new Set(["open", "payment-pending"]);
const POLL_LIMIT_MS = 120_000;

const attempts = new Attempts();
const listLoads = newestOnly();
let paying = null;

export function init() {
  byId("pay-form").addEventListener("submit", (event) => {
    event.preventDefault();
    pay();
  });
  byId("pay-form").querySelector("[data-close]").addEventListener("click", closePay);
}

export async function show() {
  closePay();
  await refresh();
}

async function refresh() {
  const message = byId("invoices-message");
  const isNewest = listLoads();
  try {
    const [{ invoices }, { appointments }, names] = await Promise.all([
      api("/api/me/invoices"), api("/api/me/appointments"), doctorNames()]);
    if (!isNewest()) return;
    const visits = new Map(appointments.map((appointment) => [appointment.id, appointment]));
    const rows = invoices.toSorted((a, b) => b.createdAt.localeCompare(a.createdAt)).map((invoice) =>
      row(invoice, visits.get(invoice.appointmentId), names.get(invoice.doctorId) ?? invoice.doctorId));
    byId("invoices-rows").replaceChildren(...rows);
    if (rows.length === 0) showProgress(message, "You have no invoices.");
  } catch (problem) {
    if (!(problem instanceof ApiProblem)) throw problem;
    if (isNewest()) showProblem(message, problem);
  }
}

function amount(invoice) {
  return formatMoney(invoice.amount, invoice.currency);
}

function row(invoice, appointment, doctorName) {
  const visit = appointment
    ? `${formatDate(appointment.startUtc, appointment.timeZone)}, ${inBothZones(appointment.startUtc,
      appointment.timeZone)}`
    : "Appointment no longer listed";
  const payable = invoice.status === "open" || invoice.status === "payment-failed";
  const context = `of ${amount(invoice)} for ${doctorName}`;
  return el("tr", { "data-invoice-id": invoice.id },
    el("td", {}, visit),
    el("td", {}, doctorName),
    el("td", {}, amount(invoice)),
    el("td", { class: `status status-${invoice.status}`, "data-status": invoice.status },
      invoiceLabel(invoice.status)),
    el("td", {}, payable ? actionButton("Pay", context, () => openPay(invoice, doctorName)) : []));
}

function openPay(invoice, doctorName) {
  paying = invoice;
  byId("pay-summary").textContent = `${amount(invoice)} for your appointment with ${doctorName}.`;
  byId("pay-panel").hidden = false;
  byId("pay-heading").focus();
}

function closePay() {
  paying = null;
  byId("pay-panel").hidden = true;
}

async function pay() {
  const message = byId("invoices-message");
  const form = byId("pay-form");
  const { id: invoiceId, version: versionBefore } = paying;
  const paymentToken = byId("pay-token").value;
  const key = attempts.keyFor(`${invoiceId}|${paymentToken}`);

  showProgress(message, "Sending the payment…");
  await whileBusy(form, async () => {
    try {
      await api(`/api/me/invoices/${segment(invoiceId)}/pay`, {
        method: "POST", body: { paymentToken }, idempotencyKey: key,
      });
      attempts.settle();
      showProgress(message, "Payment in progress…");
      const settled = await pollUntilSettled(invoiceId, versionBefore);
      closePay();
      await refresh();
      report(message, settled);
    } catch (problem) {
      if (!(problem instanceof ApiProblem)) throw problem;
      attempts.settle(problem);
      // Paid or voided meanwhile (another tab, a cancellation): the list shows its state now, without a Pay.
      if (problem.type === "/problems/invoice-not-payable") {
        closePay();
        await refresh();
      }
      showProblem(message, problem, form);
    }
  });
}

/** A failed invoice paid again still reads as failed until the new attempt starts: hence the version. */
async function pollUntilSettled(invoiceId, versionBefore) {
  const deadline = Date.now() + POLL_LIMIT_MS;
  let delay = 400;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    delay = Math.min(delay * 1.5, 3000);
    const invoice = await api(`/api/me/invoices/${segment(invoiceId)}`);
    if (invoice.version > versionBefore && !UNSETTLED.has(invoice.status)) return invoice;
  }
  return null;
}

function report(message, invoice) {
  if (!invoice) {
    showProgress(message, "The payment is still being processed. Check this page again in a few minutes.");
  } else if (invoice.status === "paid") {
    showStatus(message, `Paid ${amount(invoice)}. Thank you.`);
  } else if (invoice.status === "payment-failed") {
    const reason = FAILURE_TEXT[invoice.failureCode] ?? "No money was taken; please try again.";
    showProblem(message, { title: `Payment failed. ${reason}` });
  } else {
    showProgress(message, `The invoice is now: ${invoiceLabel(invoice.status)}.`);
  }
}
