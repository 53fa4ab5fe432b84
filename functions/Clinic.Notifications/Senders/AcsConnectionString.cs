namespace Clinic.Notifications.Senders;

/// <summary>The two parts of a connection string, <c>endpoint=https://…;accesskey=…</c>.</summary>
internal sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    /// <summary>Parses <paramref name="value"/>; an error names the part at fault, never the key.</summary>
    public static AcsConnectionString Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);

        string? endpoint = null;
        string? accessKey = null;
        var parts = value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var part in parts)
        {
            // Only the first '=' separates: a base64 key ends in '=' padding.
            var separator = part.IndexOf('=', StringComparison.Ordinal);
            if (separator <= 0)
                continue;

            var name = part[..separator].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase))
                endpoint = part[(separator + 1)..].Trim();
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase))
                accessKey = part[(separator + 1)..].Trim();
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
            throw new FormatException("The connection string has no absolute endpoint=… part.");

        return new AcsConnectionString(uri, DecodeKey(accessKey));
    }

    private static byte[] DecodeKey(string? accessKey)
    {
        if (string.IsNullOrEmpty(accessKey))
            throw new FormatException("The connection string has no accesskey=… part.");

        try
        {
            return Convert.FromBase64String(accessKey);
        }
        catch (FormatException)
        {
            throw new FormatException("The connection string's access key is not base64.");
        }
    }
}
