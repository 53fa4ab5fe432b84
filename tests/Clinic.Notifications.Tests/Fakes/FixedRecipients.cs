using Clinic.Notifications.Recipients;

namespace Clinic.Notifications.Tests.Fakes;

/// <summary>One patient's contact details for every patient id.</summary>
internal sealed class FixedRecipients(Recipient recipient) : IRecipientDirectory
{
    public Task<Recipient?> FindAsync(string patientId, CancellationToken cancellationToken) =>
        Task.FromResult<Recipient?>(recipient);
}
