namespace Clinic.Billing.Storage;

/// <summary>The tables of billing; their design is described in docs/billing.md.</summary>
internal static class BillingTables
{
    public const string Fees = "Fees";
    public const string Invoices = "Invoices";
    public const string InvoiceIndex = "InvoiceIndex";
}
