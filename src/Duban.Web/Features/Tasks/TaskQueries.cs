using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Tasks;

/// <summary>A list's query; its bounds are refused by the API (<see cref="Infrastructure.InputBounds"/>) and clamped for pages.</summary>
public sealed record TaskFilter
{
    [Range(1, int.MaxValue)]
    public int? LedgerId { get; init; }

    /// <summary>Tasks unless asked: projects and problems have lists of their own.</summary>
    public WorkItemKind? Kind { get; init; }

    /// <summary>Lead unit, with everything below it.</summary>
    [Range(1, int.MaxValue)]
    public int? UnitId { get; init; }

    public Light? Light { get; init; }

    [Range(1, int.MaxValue)]
    public int? LeaderId { get; init; }
    public CadenceKind? Cadence { get; init; }
    public WorkItemStatus? Status { get; init; }

    [MaxLength(100)]
    public string? Q { get; init; }

    /// <summary>order (ledger order), deadline, light (worst first), report (longest silent first).</summary>
    [MaxLength(20)]
    public string? Sort { get; init; }

    [Range(1, Infrastructure.InputBounds.MaxPage)]
    public int? Page { get; init; }

    /// <summary>Rows per page: 50 unless asked, at most 100.</summary>
    [Range(1, TaskQueries.MaxPageSize)]
    public int? PageSize { get; init; }
}

public sealed record TaskRow(
    int Id, int LedgerId, int? ParentId, string? Number, string Name, int Depth,
    int LeadUnitId, string? LeadUnit, int? LeaderId, string? Leader, string? Liaison,
    DateOnly? Deadline, int? Percent, WorkItemStatus Status,
    Light Light, LightReason LightReason, DateOnly? LightReasonDate, string? LightReasonText, int? LightReasonNumber,
    CadenceKind Cadence, DateTime? NextReportDueAt, DateTime? LastReportAt);

public sealed record TaskPage(IReadOnlyList<TaskRow> Rows, int Total, int Page, int PageSize);

public static class TaskQueries
{
    public const int MaxPageSize = 100;

    public static async Task<TaskPage> ListAsync(DubanDb db, AccessScope scope, TaskFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var kind = filter.Kind ?? WorkItemKind.Task;
        System.Linq.Expressions.Expression<Func<WorkItem, bool>> within = filter.Light is { } only ? w => w.Kind == kind && w.Light == only : w => w.Kind == kind;
        var items = db.WorkItems.AsNoTracking().ListedFor(db, scope, within);
        if (filter.LedgerId is { } ledger)
        {
            items = items.Where(w => w.LedgerId == ledger);
        }

        if (filter.UnitId is { } unitId)
        {
            var path = await db.Units.Where(u => u.Id == unitId && u.RegionId == scope.RegionId).Select(u => u.Path).FirstOrDefaultAsync(ct);
            if (path is null)
            {
                return new TaskPage([], 0, 1, Math.Clamp(filter.PageSize ?? 50, 1, MaxPageSize));
            }

            items = items.LedWithin(path);
        }

        if (filter.Light is { } light)
        {
            items = items.Where(w => w.Light == light);
        }

        if (filter.LeaderId is { } leader)
        {
            items = items.Where(w => w.LeaderId == leader);
        }

        if (filter.Cadence is { } cadence)
        {
            items = items.Where(w => w.CadenceKind == cadence);
        }

        if (filter.Status is { } status)
        {
            items = items.Where(w => w.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            items = items.Where(w => w.Name.Contains(q) || (w.Number != null && w.Number.Contains(q)) || (w.Tags != null && w.Tags.Contains(q)));
        }

        var total = await items.CountAsync(ct);
        items = filter.Sort switch
        {
            "deadline" => items.OrderBy(w => w.Deadline == null).ThenBy(w => w.Deadline).ThenBy(w => w.Id),
            "light" => items.OrderByDescending(w => w.Light == Light.Red ? 3 : w.Light == Light.Yellow ? 2 : w.Light == Light.Green ? 1 : 0).ThenBy(w => w.Deadline).ThenBy(w => w.Id),
            "report" => items.OrderBy(w => w.NextReportDueAt == null).ThenBy(w => w.NextReportDueAt).ThenBy(w => w.Id),
            _ => items.OrderBy(w => w.LedgerId).ThenBy(w => w.Id),
        };
        var size = Math.Clamp(filter.PageSize ?? 50, 1, MaxPageSize);
        var page = Infrastructure.InputBounds.Page(filter.Page);
        var rows = await items.Skip((page - 1) * size).Take(size)
            .Select(w => new TaskRow(
                w.Id, w.LedgerId, w.ParentId, w.Number, w.Name, w.Path.Length - w.Path.Replace("/", string.Empty).Length - 1,
                w.LeadUnitId, db.Units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                w.LeaderId, db.People.Where(p => p.Id == w.LeaderId).Select(p => p.Name).FirstOrDefault(),
                db.People.Where(p => p.Id == w.LiaisonId).Select(p => p.Name).FirstOrDefault(),
                w.Deadline, w.Percent, w.Status,
                w.Light, w.LightReason, w.LightReasonDate, w.LightReasonText, w.LightReasonNumber,
                w.CadenceKind, w.NextReportDueAt, w.LastReportAt))
            .ToListAsync(ct);
        return new TaskPage(rows, total, page, size);
    }

    public static async Task<Dictionary<Light, int>> CountByLightAsync(DubanDb db, AccessScope scope, int? ledgerId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = db.WorkItems.AsNoTracking().VisibleTo(db, scope);
        if (ledgerId is not null)
        {
            items = items.Where(w => w.LedgerId == ledgerId);
        }

        return await items.GroupBy(w => w.Light).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
    }
}
