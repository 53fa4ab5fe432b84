using Clinic.Users.Domain;

namespace Clinic.Users.Application;

/// <summary>A profile as read, with the token that a later write must match to replace it.</summary>
public sealed record StoredProfile(UserProfile Profile, string ConcurrencyToken);
