using System.Text.Json;

namespace Clinic.IntegrationTests.Infrastructure;

/// <summary>Finds free slots through the API, weeks ahead so that no notice period gets in the way.</summary>
public static class FutureSlots
{
    public const string ParisDoctor = "dr-claire-dubois";

    /// <summary>The seeded doctor account linked to <see cref="ParisDoctor"/>.</summary>
    public const string ParisDoctorAccount = "demo-doctor-claire-dubois";

    public static async Task<IReadOnlyList<string>> FindAsync(
        HttpClient client,
        string doctorId,
        int weeksAhead)
    {
        ArgumentNullException.ThrowIfNull(client);

        var from = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(7 * weeksAhead);
        var to = from.AddDays(6);
        var response = await client.GetAsync(
            $"/api/doctors/{doctorId}/slots?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        response.EnsureSuccessStatusCode();

        var body = await response.JsonAsync();
        return body.GetProperty("slots").EnumerateArray()
            .Select(slot => slot.GetProperty("startUtc").GetString()!)
            .ToList();
    }

    public static IEnumerable<string> Starts(JsonElement slotsBody) =>
        slotsBody.GetProperty("slots").EnumerateArray()
            .Select(slot => slot.GetProperty("startUtc").GetString()!);
}
