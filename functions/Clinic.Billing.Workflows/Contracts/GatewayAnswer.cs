using Clinic.Billing.Payments;
using Clinic.Platform.Privacy;

namespace Clinic.Billing.Workflows.Contracts;

/// <summary>What a gateway activity returns; transient failures are thrown instead, so they are retried.</summary>
public sealed record GatewayAnswer(
    GatewayAnswerKind Kind,
    string? Reference = null,
    [property: PaymentData] string? CardLast4 = null,
    string? DeclineCode = null)
{
    public static GatewayAnswer CircuitOpen { get; } = new(GatewayAnswerKind.CircuitOpen);

    public static GatewayAnswer Decline(string declineCode) =>
        new(GatewayAnswerKind.Declined, DeclineCode: declineCode);

    public static GatewayAnswer From(ChargeResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Approved
            ? new GatewayAnswer(GatewayAnswerKind.Approved, result.PaymentReference, result.CardLast4)
            : Decline(result.DeclineCode ?? WorkflowFailureCodes.Declined);
    }
}
