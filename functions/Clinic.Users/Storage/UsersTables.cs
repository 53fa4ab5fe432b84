namespace Clinic.Users.Storage;

/// <summary>The tables of the users module; their layout is described on each adapter.</summary>
internal static class UsersTables
{
    public const string Users = "Users";
    public const string Profiles = "Profiles";
}
