namespace Clinic.Notifications.Recipients;

/// <summary>The patients' contact details and preferences (the users module's profiles).</summary>
public interface IRecipientDirectory
{
    /// <summary>The patient's details, or null when the patient has no profile.</summary>
    Task<Recipient?> FindAsync(string patientId, CancellationToken cancellationToken);
}
