namespace Clinic.Users.Contracts;

/// <summary>
/// Users ordered by display name; <paramref name="Truncated"/> when the clinic has more than one list holds.
/// </summary>
public sealed record UserListResponse(IReadOnlyList<UserSummaryResponse> Users, bool Truncated);
