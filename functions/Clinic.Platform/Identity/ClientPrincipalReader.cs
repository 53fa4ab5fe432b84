using System.Text.Json;
using Clinic.Platform.Errors;
using Clinic.Platform.Storage;
using Microsoft.AspNetCore.Http;

namespace Clinic.Platform.Identity;

/// <summary>
/// Decodes the <c>x-ms-client-principal</c> header (base64 of a JSON object). Anything missing, oversized,
/// undecodable or incomplete is an unauthenticated caller, never a server error.
/// </summary>
public static class ClientPrincipalReader
{
    public const string HeaderName = "x-ms-client-principal";

    /// <summary>
    /// Real principals are a few hundred bytes; the bound keeps a forged header from costing much.
    /// </summary>
    public const int MaxHeaderLength = 8 * 1024;

    public static Result<ClientPrincipal> Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        var header = request.Headers[HeaderName];
        if (header.Count != 1 || string.IsNullOrWhiteSpace(header[0]))
            return Failure.Unauthenticated("Sign in to use this function.");

        var encoded = header[0]!;
        if (encoded.Length > MaxHeaderLength)
            return Unreadable();

        var json = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, json, out var length))
            return Unreadable();

        return Parse(json.AsSpan(0, length));
    }

    private static Result<ClientPrincipal> Parse(ReadOnlySpan<byte> json)
    {
        try
        {
            using var document = JsonDocument.Parse(json.ToArray());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return Unreadable();

            var userId = StringProperty(root, "userId");
            // Every user id becomes a table key somewhere; one that cannot is not a user of ours.
            if (string.IsNullOrWhiteSpace(userId) || !TableKey.CanEncode(userId))
                return Unreadable();

            return new ClientPrincipal(
                StringProperty(root, "identityProvider") ?? "unknown",
                userId,
                StringProperty(root, "userDetails"),
                Roles(root));
        }
        catch (JsonException)
        {
            return Unreadable();
        }
    }

    private static string? StringProperty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string[] Roles(JsonElement root)
    {
        if (!root.TryGetProperty("userRoles", out var roles) || roles.ValueKind != JsonValueKind.Array)
            return [];

        return roles.EnumerateArray()
            .Where(role => role.ValueKind == JsonValueKind.String)
            .Select(role => role.GetString()!)
            .ToArray();
    }

    private static Failure Unreadable() =>
        Failure.Unauthenticated("The sign-in information of this request could not be read.");
}
