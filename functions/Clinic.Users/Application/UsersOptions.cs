namespace Clinic.Users.Application;

public sealed class UsersOptions
{
    public const string SectionName = "Users";

    /// <summary>The region (ISO 3166 code) of phone numbers given without a + and country code.</summary>
    public string DefaultPhoneRegion { get; set; } = "US";

    /// <summary>The most users one admin list returns; the response says when there are more.</summary>
    public int MaxListedUsers { get; set; } = 500;
}
