using Azure;
using Azure.Data.Tables;
using Clinic.Platform.Privacy;
using Clinic.Platform.Storage;
using Clinic.Users.Application;
using Clinic.Users.Domain;
using NodaTime;

namespace Clinic.Users.Storage;

/// <summary>
/// The Users table has two partitions.
/// <list type="bullet">
/// <item><description>
/// <c>user</c>: one row per account, RowKey <c>TableKey.Encode(userId)</c>, with the columns UserId,
/// IdentityProvider, Roles (the assigned roles, comma-separated), DoctorId, Disabled, DisplayName (personal
/// data), CreatedAt and LastSignInAt. Sign-in, caller resolution and admin changes are point reads and
/// writes; the admin list is one query of this partition, never a scan of the table. A clinic's accounts
/// stay far below what one partition serves (about 2,000 entities a second).
/// </description></item>
/// <item><description>
/// <c>pseudonym</c>: RowKey = the account's pseudonym, column UserId; how admins, who see pseudonyms only,
/// reach an account. It is written (idempotently) before the user row, so every account has one; a row left
/// by a registration that failed halfway names no account and is harmless. A new pseudonym key makes these
/// rows stale (lookups then find nothing): rebuild them from the <c>user</c> partition after a key change.
/// </description></item>
/// </list>
/// Changes replace a row only if its ETag is still the one read; the last sign-in time alone is merged
/// unconditionally, so a sign-in never fails on an admin's concurrent change (the admin's write retries).
/// </summary>
internal sealed class TableUserStore(TableClientProvider tables, Pseudonymizer pseudonymizer) : IUserStore
{
    private const string UserPartition = "user";
    private const string PseudonymPartition = "pseudonym";

    /// <summary>The service's page limit; larger lists are read page by page.</summary>
    private const int MaxPageSize = 1000;

    public async Task<StoredUser?> FindAsync(string userId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(UsersTables.Users, cancellationToken);
        var response = await table.GetEntityIfExistsAsync<TableEntity>(
            UserPartition, TableKey.Encode(userId), cancellationToken: cancellationToken);
        return response.HasValue
            ? new StoredUser(ToUser(response.Value!), response.Value!.ETag.ToString())
            : null;
    }

    public async Task<StoredUser?> FindByPseudonymAsync(string pseudonym, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(UsersTables.Users, cancellationToken);
        var index = await table.GetEntityIfExistsAsync<TableEntity>(
            PseudonymPartition, pseudonym, cancellationToken: cancellationToken);
        if (!index.HasValue || index.Value!.GetString("UserId") is not { Length: > 0 } userId)
            return null;

        // An index row written under an earlier key would lead to the wrong account's pseudonym: check it.
        var stored = await FindAsync(userId, cancellationToken);
        var current = stored is not null && pseudonymizer.Pseudonymize(stored.User.UserId) == pseudonym;
        return current ? stored : null;
    }

    public async Task<bool> AddAsync(UserRecord user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        var table = await tables.GetAsync(UsersTables.Users, cancellationToken);
        var index = new TableEntity(PseudonymPartition, pseudonymizer.Pseudonymize(user.UserId))
        {
            ["UserId"] = user.UserId,
        };
        await table.UpsertEntityAsync(index, TableUpdateMode.Replace, cancellationToken);
        try
        {
            await table.AddEntityAsync(ToEntity(user), cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status == 409)
        {
            return false;
        }
    }

    public async Task<bool> TryReplaceAsync(
        StoredUser current, UserRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(updated);

        var table = await tables.GetAsync(UsersTables.Users, cancellationToken);
        try
        {
            var expected = new ETag(current.ConcurrencyToken);
            await table.UpdateEntityAsync(
                ToEntity(updated), expected, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException exception) when (exception.Status is 412 or 404)
        {
            return false;
        }
    }

    public async Task RecordSignInAsync(
        string userId, Instant signedInAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(UsersTables.Users, cancellationToken);
        var change = new TableEntity(UserPartition, TableKey.Encode(userId))
        {
            ["LastSignInAt"] = signedInAt.ToDateTimeOffset(),
        };
        try
        {
            await table.UpdateEntityAsync(change, ETag.All, TableUpdateMode.Merge, cancellationToken);
        }
        catch (RequestFailedException exception) when (exception.Status == 404)
        {
            // No such account: there is no sign-in time to keep.
        }
    }

    public async Task<UserPage> ListAsync(int max, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max);

        var table = await tables.GetAsync(UsersTables.Users, cancellationToken);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {UserPartition}");
        var users = new List<UserRecord>();
        await foreach (var entity in table.QueryAsync<TableEntity>(
            filter, Math.Min(max + 1, MaxPageSize), cancellationToken: cancellationToken))
        {
            // One row past the limit tells that the list is cut short, without counting the rest.
            if (users.Count == max)
                return new UserPage(users, Truncated: true);
            users.Add(ToUser(entity));
        }

        return new UserPage(users, Truncated: false);
    }

    private static TableEntity ToEntity(UserRecord user) => new(UserPartition, TableKey.Encode(user.UserId))
    {
        ["UserId"] = user.UserId,
        ["IdentityProvider"] = user.IdentityProvider,
        ["Roles"] = string.Join(',', user.AssignedRoles.Order(StringComparer.Ordinal)),
        ["DoctorId"] = user.DoctorId,
        ["Disabled"] = user.Disabled,
        ["DisplayName"] = user.DisplayName,
        ["CreatedAt"] = user.CreatedAt.ToDateTimeOffset(),
        ["LastSignInAt"] = user.LastSignInAt?.ToDateTimeOffset(),
    };

    private static UserRecord ToUser(TableEntity entity)
    {
        var roles = (entity.GetString("Roles") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(AssignableRoles.Contains)
            .ToHashSet(StringComparer.Ordinal);
        return new UserRecord(
            entity.GetString("UserId"),
            entity.GetString("IdentityProvider") ?? "unknown",
            roles,
            entity.GetString("DoctorId"),
            entity.GetBoolean("Disabled") ?? false,
            entity.GetString("DisplayName"),
            Instant.FromDateTimeOffset(entity.GetDateTimeOffset("CreatedAt")!.Value),
            ToInstant(entity.GetDateTimeOffset("LastSignInAt")));
    }

    private static Instant? ToInstant(DateTimeOffset? value) =>
        value is { } time ? Instant.FromDateTimeOffset(time) : null;
}
