namespace Clinic.Users.Application;

/// <summary>
/// An <see cref="IDoctorExistence"/> made of a function, so that the app wires it in a line.
/// </summary>
public sealed class DelegateDoctorExistence(Func<string, CancellationToken, Task<bool>> exists)
    : IDoctorExistence
{
    public Task<bool> ExistsAsync(string doctorId, CancellationToken cancellationToken) =>
        exists(doctorId, cancellationToken);
}
