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
/// Technical fields are left out and references are shown by name, so a person can read it.
/// </summary>
public static class HistoryQueries
{
    public static readonly IReadOnlyList<string> Kinds = ["Unit", "Person", "Account", "WorkItem"];

    // Derived or internal: the path follows ParentId, the ids never change.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal)
    {
        "Id", "RegionId", "Path", "ConcurrencyStamp", "SecurityStamp", "NormalizedUserName", "NormalizedEmail",
        "EmailConfirmed", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "CreatedAt",
        "LeadUnitPath", "StartDay", "DeadlineDay", "PreviousLight", "NextMilestoneDue", "NextMilestoneName", "LightReasonDate",
        "LightReasonText", "LightReasonNumber", "LightSince", "LedgerId", "OverdueProblems",

        // A work item's light has its own history (LightChanges); here it would only repeat the engine's work.
        "Light", "LightReason",
    };

    private static readonly HashSet<string> UnitReferences = new(StringComparer.Ordinal) { "ParentId", "UnitId", "LeadUnitId" };

    public static async Task<IReadOnlyList<HistoryEntry>?> ForAsync(DubanDb db, AccessScope scope, bool isAdmin, string kind, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var visible = kind switch
        {
            "Unit" => await db.Units.VisibleTo(scope).AnyAsync(u => u.Id == id, ct),
            "Person" => await db.People.VisibleTo(db, scope).AnyAsync(p => p.Id == id, ct),
            "Account" => isAdmin && await db.Users.AnyAsync(a => a.Id == id && a.RegionId == scope.RegionId, ct),
            "WorkItem" => await Tasks.WorkScope.VisibleTo(db.WorkItems, db, scope).AnyAsync(w => w.Id == id, ct),
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
        return (await ReadableAsync(db, rows, ct)).Where(e => e.Action != AuditActions.Updated || e.Changes.Count > 0).ToList();
    }

    /// <summary>
    /// Audit rows as a person reads them, in the order given: technical fields left out, units and people by
    /// name (each row read as its own kind of entity).
    /// </summary>
    public static async Task<IReadOnlyList<HistoryEntry>> ReadableAsync(DubanDb db, IReadOnlyList<AuditEntry> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var entries = rows
            .Select(r => (Kind: r.EntityType, Entry: new HistoryEntry(r.Id, r.At, r.ActorName, r.Action, Diff(r.Before, r.After))))
            .ToList();

        var unitIds = entries.SelectMany(e => e.Entry.Changes.Where(c => IsUnitReference(e.Kind, c.Field)))
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>()
            .Distinct()
            .ToList();
        var personIds = entries.SelectMany(e => e.Entry.Changes)
            .Where(c => IsPersonReference(c.Field))
            .SelectMany(c => new[] { c.Before, c.After })
            .Select(v => int.TryParse(v, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : (int?)null)
            .OfType<int>()
            .Distinct()
            .ToList();
        var units = unitIds.Count == 0 ? [] : await db.Units.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), u => u.Name, ct);
        var people = personIds.Count == 0 ? [] : await db.People.Where(p => personIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), p => p.Name, ct);

        string? Name(string kind, string field, string? value) => value is null
            ? null
            : IsUnitReference(kind, field) ? units.GetValueOrDefault(value, value)
            : IsPersonReference(field) ? people.GetValueOrDefault(value, value)
            : value;

        return entries
            .Select(e => e.Entry with { Changes = e.Entry.Changes.Select(c => c with { Before = Name(e.Kind, c.Field, c.Before), After = Name(e.Kind, c.Field, c.After) }).ToList() })
            .ToList();
    }

    private static bool IsPersonReference(string field) => field is "PersonId" or "LeaderId" or "LiaisonId";

    // A work item's ParentId is its parent task, not a unit.
    private static bool IsUnitReference(string kind, string field) => UnitReferences.Contains(field) && !(kind == "WorkItem" && field == "ParentId");

    private static List<FieldChange> Diff(string? before, string? after)
    {
        var b = Parse(before);
        var a = Parse(after);
        return b.Keys.Union(a.Keys, StringComparer.Ordinal)
            .Where(k => !Hidden.Contains(k))
            .Select(k => new FieldChange(k, b.GetValueOrDefault(k), a.GetValueOrDefault(k)))
            .Where(c => c.Before is not null || c.After is not null)
            .ToList();
    }

    // What the app writes is a JSON object; anything else (an entry edited behind its back) is shown as it is.
    private static Dictionary<string, string?> Parse(string? json)
    {
        if (json is null)
        {
            return [];
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            return new(StringComparer.Ordinal) { ["(raw)"] = json };
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                return new(StringComparer.Ordinal) { ["(raw)"] = json };
            }

            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString() is { Length: > 0 } text ? text : null,
                    _ => p.Value.GetRawText(),
                };
            }

            return values;
        }
    }
}
