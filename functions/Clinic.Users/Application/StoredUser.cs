using Clinic.Users.Domain;

namespace Clinic.Users.Application;

/// <summary>A user as read, with the token that a later write must match to replace it.</summary>
public sealed record StoredUser(UserRecord User, string ConcurrencyToken);
