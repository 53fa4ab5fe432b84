using Clinic.Users.Domain;

namespace Clinic.Users.Application;

/// <summary>Users as listed; <paramref name="Truncated"/> when more exist than were asked for.</summary>
public sealed record UserPage(IReadOnlyList<UserRecord> Users, bool Truncated);
