using Clinic.Platform.Errors;

namespace Clinic.Platform.Identity;

/// <summary>
/// Confirms a principal against the users table: a disabled user is refused, and the roles returned are the
/// assigned ones. Implemented by the users module; used on every request that is not anonymous.
/// </summary>
public interface ICallerResolver
{
    Task<Result<Caller>> ResolveAsync(ClientPrincipal principal, CancellationToken cancellationToken);
}
