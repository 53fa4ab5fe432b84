using Clinic.Billing.Domain;

namespace Clinic.Billing.Application;

/// <summary>An invoice as read, with the version token (the row's ETag) that guards a change of it.</summary>
public sealed record StoredInvoice(Invoice Invoice, string ConcurrencyToken);
