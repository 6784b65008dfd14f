using System.Text.Json;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Audit;

public sealed record FieldChange(string Field, string? Before, string? After);

public sealed record HistoryEntry(long Id, DateTime At, string Actor, string Action, IReadOnlyList<FieldChange> Changes);

/// <summary>
/// The history of one entity, shown only to those who may see the entity itself.
/// The kinds listed here are the ones whose visibility this feature knows how to check.
/// </summary>
public static class HistoryQueries
{
    public static readonly IReadOnlyList<string> Kinds = ["Unit", "Person", "Account"];

    public static async Task<IReadOnlyList<HistoryEntry>?> ForAsync(DubanDb db, AccessScope scope, bool isAdmin, string kind, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = kind switch
        {
            "Unit" => await db.Units.VisibleTo(scope).AnyAsync(u => u.Id == id, ct),
            "Person" => await db.People.VisibleTo(db, scope).AnyAsync(p => p.Id == id, ct),
            "Account" => isAdmin && await db.Users.AnyAsync(a => a.Id == id && a.RegionId == scope.RegionId, ct),
            _ => false,
        };
        if (!visible)
        {
            return null;
        }

        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == kind && a.EntityId == id && a.RegionId == scope.RegionId)
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(200)
            .ToListAsync(ct);
        return rows.Select(r => new HistoryEntry(r.Id, r.At, r.ActorName, r.Action, Diff(r.Before, r.After))).ToList();
    }

    private static List<FieldChange> Diff(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys, StringComparer.Ordinal)
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .ToList();
    }

    private static Dictionary<string, string?> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }

        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => p.Value.GetString(),
                _ => p.Value.GetRawText(),
            },
            StringComparer.Ordinal);
    }
}
