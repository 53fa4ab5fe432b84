using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Storage;
using Clinic.Users.Application;
using Clinic.Users.Domain;
using NodaTime;
using NodaTime.Text;

namespace Clinic.Users.Storage;

/// <summary>
/// The Profiles table: one partition per user, PartitionKey <c>TableKey.Encode(userId)</c>, with a single
/// row, RowKey <c>profile</c> (the partition leaves room for more rows of the same user, such as consent
/// history). Columns: DisplayName, Email, Phone (E.164), PreferredLanguage, TimeZone, NotificationChannels
/// (comma-separated), SmsConsent, SmsConsentGivenAt, UpdatedAt. The first three are personal data; they are
/// read and written here and nowhere else. The first save adds the row (and fails if another save added it
/// first); later saves replace it only if its ETag is still the one read.
/// </summary>
internal sealed class TableProfileStore(TableClientProvider tables) : IProfileStore
{
    private const string ProfileRow = "profile";

    public async Task<StoredProfile?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(UsersTables.Profiles, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            TableKey.Encode(userId), ProfileRow, cancellationToken: cancellationToken);
        return response.HasValue
            ? new StoredProfile(ToProfile(response.Value!), response.Value!.ETag.ToString())
            : null;
    }

    public async Task<bool> TrySaveAsync(
        string userId, UserProfile profile, string? expectedToken, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);

        var table = await tables.GetAsync(UsersTables.Profiles, cancellationToken);
        var entity = ToEntity(userId, profile);
        try
        {
            if (expectedToken is null)
                await table.AddEntityAsync(entity, cancellationToken);
            else
                await table.UpdateEntityAsync(
                    entity, new ETag(expectedToken), TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 409 or 412 or 404)
        {
            return false;
        }
    }

    private static TableEntity ToEntity(string userId, UserProfile profile) =>
        new(TableKey.Encode(userId), ProfileRow)
        {
            ["DisplayName"] = profile.DisplayName,
            ["Email"] = profile.Email,
            ["Phone"] = profile.Phone,
            ["PreferredLanguage"] = profile.PreferredLanguage,
            ["TimeZone"] = profile.TimeZone,
            ["NotificationChannels"] = string.Join(',', profile.NotificationChannels),
            ["SmsConsent"] = profile.SmsConsent,
            ["SmsConsentGivenAt"] = profile.SmsConsentGivenAt?.ToDateTimeOffset(),
            ["UpdatedAt"] = profile.UpdatedAt?.ToDateTimeOffset(),
            ["BirthDate"] = profile.BirthDate is { } birthDate
                ? LocalDatePattern.Iso.Format(birthDate)
                : null,
        };

    private static UserProfile ToProfile(TableEntity entity) => new(
        entity.GetString("DisplayName"),
        entity.GetString("Email"),
        entity.GetString("Phone"),
        entity.GetString("PreferredLanguage"),
        entity.GetString("TimeZone"),
        (entity.GetString("NotificationChannels") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Where(NotificationChannels.All.Contains)
            .ToList(),
        entity.GetBoolean("SmsConsent") ?? false,
        ToInstant(entity.GetDateTimeOffset("SmsConsentGivenAt")),
        ToInstant(entity.GetDateTimeOffset("UpdatedAt")),
        entity.GetString("BirthDate") is { } birthDate ? LocalDatePattern.Iso.Parse(birthDate).Value : null);

    private static Instant? ToInstant(DateTimeOffset? value) =>
        value is { } time ? Instant.FromDateTimeOffset(time) : null;
}
