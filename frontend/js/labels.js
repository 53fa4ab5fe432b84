// How states and amounts read on every page, so a patient and their doctor see the same words.

export const VISIT_LABELS = {
  booked: "Booked",
  cancelled: "Cancelled",
  completed: "Completed",
  "no-show": "No-show",
};

export const INVOICE_LABELS = {
  open: "Not paid yet",
  "payment-pending": "Payment in progress",
  paid: "Paid",
  "payment-failed": "Payment failed",
  void: "Void (appointment cancelled)",
  "refund-pending": "Refund in progress",
  refunded: "Refunded",
};

export const visitLabel = (status) => VISIT_LABELS[status] ?? status;

export const invoiceLabel = (status) => INVOICE_LABELS[status] ?? status;

export function formatMoney(amount, currency) {
  return new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount);
}
