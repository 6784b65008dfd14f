using System.Text.Encodings.Web;
using System.Text.Json;
using Duban.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Duban.Data;

/// <summary>Turns tracked changes into append-only audit rows: who, when, what, before and after.</summary>
internal static class AuditTrail
{
    private static readonly HashSet<string> Secret = new(StringComparer.Ordinal)
    {
        nameof(Account.PasswordHash), nameof(Account.SecurityStamp), nameof(Account.ConcurrencyStamp),
        nameof(ApiToken.Hash), nameof(Account.NormalizedEmail), nameof(Account.NormalizedUserName),
        nameof(Domain.Organisation.Region.WebhookUrl),
    };

    // Sign-in bookkeeping changes on every sign-in and is not a change anybody reviews.
    private static readonly HashSet<string> Noise = new(StringComparer.Ordinal)
    {
        nameof(Account.LastSignInAt), nameof(Account.AccessFailedCount), nameof(ApiToken.LastUsedAt),
    };

    private static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    internal sealed record Pending(EntityEntry Entry, string Action, string? Before, Dictionary<string, object?>? ModifiedAfter, string? FixedAfter = null);

    public static List<Pending> Capture(ChangeTracker tracker, Func<int, string> roleName)
    {
        tracker.DetectChanges();
        var pending = new List<Pending>();
        foreach (var entry in tracker.Entries())
        {
            // A role granted or taken away is a change to the account that holds it.
            if (entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserRole<int> link && entry.State is EntityState.Added or EntityState.Deleted)
            {
                var role = new Dictionary<string, object?> { ["Role"] = roleName(link.RoleId) };
                pending.Add(entry.State == EntityState.Added
                    ? new Pending(entry, AuditActions.Updated, null, null, Serialize(role))
                    : new Pending(entry, AuditActions.Updated, Serialize(role), null, null));
                continue;
            }

            if (entry.Entity is AuditEntry)
            {
                if (entry.State is EntityState.Modified or EntityState.Deleted)
                {
                    throw new InvalidOperationException("The audit trail is append-only.");
                }

                continue;
            }

            if (entry.Entity is not (IAudited or Account or ApiToken))
            {
                continue;
            }

            switch (entry.State)
            {
                case EntityState.Added:
                    pending.Add(new Pending(entry, AuditActions.Created, null, null));
                    break;
                case EntityState.Deleted:
                    pending.Add(new Pending(entry, AuditActions.Deleted, Serialize(Values(entry, original: true, onlyModified: false)), null));
                    break;
                case EntityState.Modified:
                    var before = Values(entry, original: true, onlyModified: true);
                    if (before.Count > 0)
                    {
                        pending.Add(new Pending(entry, AuditActions.Updated, Serialize(before), Values(entry, original: false, onlyModified: true)));
                    }

                    break;
                case EntityState.Detached:
                case EntityState.Unchanged:
                default:
                    break;
            }
        }

        return pending;
    }

    public static IEnumerable<AuditEntry> Complete(List<Pending> pending, Actor actor, DateTime at, Func<int, int?> regionOfAccount) =>
        pending.Select(p =>
        {
            var isRoleLink = p.Entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserRole<int>;
            var userId = isRoleLink ? ((Microsoft.AspNetCore.Identity.IdentityUserRole<int>)p.Entry.Entity).UserId : 0;
            return new AuditEntry
            {
                RegionId = (isRoleLink ? regionOfAccount(userId) : RegionOf(p.Entry.Entity)) ?? actor.RegionId,
                At = at,
                ActorId = actor.AccountId,
                ActorName = actor.Name,
                EntityType = isRoleLink ? nameof(Account) : p.Entry.Metadata.ClrType.Name,
                EntityId = isRoleLink ? userId : (int)p.Entry.Property("Id").CurrentValue!,
                Action = p.Action,
                Before = p.Before,
                After = p.FixedAfter ?? p.Action switch
                {
                    AuditActions.Created => Serialize(Values(p.Entry, original: false, onlyModified: false)),
                    AuditActions.Updated when p.ModifiedAfter is not null => Serialize(p.ModifiedAfter),
                    _ => null,
                },
            };
        });

    private static int? RegionOf(object entity) => entity switch
    {
        IRegionOwned owned => owned.RegionId,
        Account account => account.RegionId,
        Domain.Organisation.Region region => region.Id,
        _ => null,
    };

    private static Dictionary<string, object?> Values(EntityEntry entry, bool original, bool onlyModified)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (onlyModified && (!property.IsModified || Noise.Contains(name) || Equals(property.OriginalValue, property.CurrentValue)))
            {
                continue;
            }

            if (Secret.Contains(name))
            {
                // A password reset is a change worth seeing; its value is not.
                if (onlyModified && name == nameof(Account.PasswordHash))
                {
                    values[name] = "******";
                }

                continue;
            }

            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return values;
    }

    private static string Serialize(Dictionary<string, object?> values) => JsonSerializer.Serialize(values, Json);
}
