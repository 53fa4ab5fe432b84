namespace Clinic.Billing.Workflows.Contracts;

/// <summary>Failure codes of the workflows themselves, beside the provider's decline codes.</summary>
public static class WorkflowFailureCodes
{
    /// <summary>The provider failed transiently through every retry, or its circuit stayed open.</summary>
    public const string GatewayUnavailable = "gateway_unavailable";

    /// <summary>The gateway step failed with an error that is not transient (a defect, not the provider).</summary>
    public const string GatewayError = "gateway_error";

    /// <summary>
    /// The provider was still processing the charge through every retry and poll: it may yet be charged, so
    /// the invoice stays pending and staff reconcile it.
    /// </summary>
    public const string OutcomeUnknown = "payment_outcome_unknown";

    public const string CardNumberRefused = "card_number_refused";

    public const string Declined = "declined";
}
