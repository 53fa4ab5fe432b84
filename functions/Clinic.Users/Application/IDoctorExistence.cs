namespace Clinic.Users.Application;

/// <summary>
/// Tells whether a doctor id names a doctor. The users module does not own doctors; the app plugs in the
/// scheduling module's directory (see <see cref="DelegateDoctorExistence"/>).
/// </summary>
public interface IDoctorExistence
{
    Task<bool> ExistsAsync(string doctorId, CancellationToken cancellationToken);
}
