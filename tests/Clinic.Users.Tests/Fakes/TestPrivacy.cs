using Clinic.Platform.Privacy;
using Microsoft.Extensions.Options;

namespace Clinic.Users.Tests.Fakes;

/// <summary>Pseudonymizers with fixed, obviously fake keys.</summary>
internal static class TestPrivacy
{
    public static string Key(byte fill) => Convert.ToBase64String(Enumerable.Repeat(fill, 32).ToArray());

    public static Pseudonymizer Pseudonymizer(byte fill = 7) =>
        new(Options.Create(new PrivacyOptions { PseudonymKey = Key(fill) }));
}
