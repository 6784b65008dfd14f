using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Audit;

public sealed record AuditFilter
{
    /// <summary>The kind of entity (Unit, WorkItem, Account, …).</summary>
    [MaxLength(50)]
    public string? Kind { get; init; }

    /// <summary>Part of the actor's name.</summary>
    [MaxLength(100)]
    public string? Actor { get; init; }

    /// <summary>First and last day, in the region's time zone.</summary>
    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    [Range(1, Infrastructure.InputBounds.MaxPage)]
    public int? Page { get; init; }

    /// <summary>Entries per page: 50 unless asked, at most 200.</summary>
    [Range(1, AuditQueries.MaxPageSize)]
    public int? PageSize { get; init; }
}

/// <summary>One audit entry as the auditor reads it; <see cref="Sequence"/> is its place in the chain, null until sealed.</summary>
public sealed record AuditRow(long Id, long? Sequence, DateTime At, string Actor, string Kind, int EntityId, string Action, IReadOnlyList<FieldChange> Changes);

public sealed record AuditPage(IReadOnlyList<AuditRow> Items, int Page, int PageSize, bool HasMore);

/// <summary>The region's whole audit trail, newest first, for the auditor.</summary>
public static class AuditQueries
{
    public const int MaxPageSize = 200;

    public static readonly IReadOnlyList<int> PageSizes = [20, 50, 100, 200];

    /// <summary>Every kind of entity the trail records, read from the model.</summary>
    public static IReadOnlyList<string> Kinds(DubanDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Model.GetEntityTypes()
            .Where(t => typeof(Domain.IAudited).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(Account) || t.ClrType == typeof(ApiToken))
            .Select(t => t.ClrType.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    public static async Task<AuditPage> ListAsync(DubanDb db, int regionId, string timeZoneId, AuditFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var size = Math.Clamp(filter.PageSize ?? 50, 1, MaxPageSize);
        var page = Infrastructure.InputBounds.Page(filter.Page);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var entries = db.AuditEntries.AsNoTracking().Where(a => a.RegionId == regionId);
        if (!string.IsNullOrWhiteSpace(filter.Kind))
        {
            entries = entries.Where(a => a.EntityType == filter.Kind);
        }

        if (filter.Actor?.Trim() is { Length: > 0 } actor)
        {
            entries = entries.Where(a => a.ActorName.Contains(actor));
        }

        // The API refuses days outside the plausible window; the page, which does not, looks no further than it.
        if (filter.From is { } from)
        {
            from = Clamp(from);
            var start = StartOf(from, zone);
            entries = entries.Where(a => a.At >= start);
        }

        if (filter.To is { } to)
        {
            to = Clamp(to);
            var end = StartOf(to.AddDays(1), zone);
            entries = entries.Where(a => a.At < end);
        }

        var rows = await entries.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * size).Take(size + 1)
            .ToListAsync(ct);
        var shown = rows.Take(size).ToList();
        var readable = await HistoryQueries.ReadableAsync(db, shown, ct);
        var items = shown.Zip(readable, (r, e) => new AuditRow(r.Id, r.ChainSequence, r.At, r.ActorName, r.EntityType, r.EntityId, r.Action, e.Changes)).ToList();
        return new AuditPage(items, page, size, rows.Count > size);
    }

    private static DateOnly Clamp(DateOnly day) => day < Infrastructure.InputBounds.FirstDay ? Infrastructure.InputBounds.FirstDay : day > Infrastructure.InputBounds.LastDay ? Infrastructure.InputBounds.LastDay : day;

    private static DateTime StartOf(DateOnly day, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), zone);
}
