using System.ComponentModel.DataAnnotations;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Projects;

/// <summary>A list's query; its bounds are refused by the API (<see cref="Infrastructure.InputBounds"/>) and clamped for pages.</summary>
public sealed record ProjectFilter
{
    [Range(1, int.MaxValue)]
    public int? LedgerId { get; init; }

    /// <summary>Lead unit, with everything below it.</summary>
    [Range(1, int.MaxValue)]
    public int? UnitId { get; init; }

    public ProjectPool? Pool { get; init; }
    public ProjectStage? Stage { get; init; }
    public ProjectCategory? Category { get; init; }
    public Light? Light { get; init; }

    [Range(1, int.MaxValue)]
    public int? LeaderId { get; init; }

    [MaxLength(100)]
    public string? Q { get; init; }

    /// <summary>order (ledger order), investment (largest first), gap (furthest behind first), light (worst first).</summary>
    [MaxLength(20)]
    public string? Sort { get; init; }

    [Range(1, Infrastructure.InputBounds.MaxPage)]
    public int? Page { get; init; }

    [Range(1, TaskQueries.MaxPageSize)]
    public int? PageSize { get; init; }
}

/// <summary>One project as the ledger shows it. Amounts in 万元, percentages in whole points.</summary>
public sealed record ProjectRow(
    int Id, int LedgerId, string? Number, string Name, int LeadUnitId, string? LeadUnit, string? Leader, string? Steward,
    ProjectPool Pool, ProjectStage Stage, ProjectNature Nature, ProjectCategory Category, ProjectLevel Level,
    decimal TotalInvestment, decimal? AnnualPlan, decimal YearToDate, decimal SinceStart, int? Completion, int TimeProgress, int? Gap,
    Light Light, LightReason LightReason, DateOnly? LightReasonDate, string? LightReasonText, int? LightReasonNumber,
    double? Longitude, double? Latitude);

public sealed record ProjectPage(IReadOnlyList<ProjectRow> Rows, int Total, int Page, int PageSize, int Year, int TimeProgress);

/// <summary>A project on the map board.</summary>
public sealed record MapPoint(int Id, string Name, double Longitude, double Latitude, Light Light, ProjectStage Stage, ProjectCategory Category, decimal TotalInvestment, string? LeadUnit);

public static class ProjectQueries
{
    public static IQueryable<WorkItem> Filtered(DubanDb db, AccessScope scope, ProjectFilter filter, string? unitPath)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var items = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Kind == WorkItemKind.KeyProject);
        var projects = db.Projects.AsNoTracking();
        if (filter.LedgerId is { } ledger)
        {
            items = items.Where(w => w.LedgerId == ledger);
        }

        if (unitPath is not null)
        {
            items = items.LedWithin(unitPath);
        }

        if (filter.Pool is { } pool)
        {
            items = items.Where(w => projects.Any(p => p.WorkItemId == w.Id && p.Pool == pool));
        }

        if (filter.Stage is { } stage)
        {
            items = items.Where(w => projects.Any(p => p.WorkItemId == w.Id && p.Stage == stage));
        }

        if (filter.Category is { } category)
        {
            items = items.Where(w => projects.Any(p => p.WorkItemId == w.Id && p.Category == category));
        }

        if (filter.Light is { } light)
        {
            items = items.Where(w => w.Light == light);
        }

        if (filter.LeaderId is { } leader)
        {
            items = items.Where(w => w.LeaderId == leader);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            items = items.Where(w => w.Name.Contains(q) || (w.Number != null && w.Number.Contains(q)));
        }

        return items;
    }

    public static async Task<string?> UnitPathAsync(DubanDb db, AccessScope scope, int? unitId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        return unitId is { } id ? await db.Units.Where(u => u.Id == id && u.RegionId == scope.RegionId).Select(u => u.Path).FirstOrDefaultAsync(ct) ?? "/none/" : null;
    }

    public static async Task<ProjectPage> ListAsync(DubanDb db, AccessScope scope, ProjectFilter filter, DateOnly today, IReadOnlyList<int>? curve, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var items = Filtered(db, scope, filter, await UnitPathAsync(db, scope, filter.UnitId, ct));
        var size = Math.Clamp(filter.PageSize ?? 50, 1, TaskQueries.MaxPageSize);
        var page = Infrastructure.InputBounds.Page(filter.Page);
        var total = await items.CountAsync(ct);
        var year = today.Year;
        var plans = db.ProjectYearPlans.AsNoTracking();
        items = filter.Sort switch
        {
            "investment" => items.OrderByDescending(w => db.Projects.Where(p => p.WorkItemId == w.Id).Select(p => p.TotalInvestment).FirstOrDefault()).ThenBy(w => w.Id),
            "gap" => items.OrderBy(w => w.InvestmentYear == year ? w.InvestmentPercent : 1000).ThenBy(w => w.Id),
            "light" => items.OrderByDescending(w => w.Light == Light.Red).ThenByDescending(w => w.Light == Light.Yellow).ThenBy(w => w.Id),
            _ => items.OrderBy(w => w.Path),
        };

        var rows = await items.Skip((page - 1) * size).Take(size)
            .Join(db.Projects.AsNoTracking(), w => w.Id, p => p.WorkItemId, (w, p) => new
            {
                w.Id,
                w.LedgerId,
                w.Number,
                w.Name,
                w.LeadUnitId,
                LeadUnit = db.Units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                Leader = db.People.Where(x => x.Id == w.LeaderId).Select(x => x.Name).FirstOrDefault(),
                Steward = db.People.Where(x => x.Id == w.LiaisonId).Select(x => x.Name).FirstOrDefault(),
                p.Pool,
                p.Stage,
                p.Nature,
                p.Category,
                p.Level,
                p.TotalInvestment,
                w.Light,
                w.LightReason,
                w.LightReasonDate,
                w.LightReasonText,
                w.LightReasonNumber,
                p.Longitude,
                p.Latitude,
                AnnualPlan = plans.Where(x => x.WorkItemId == w.Id && x.Year == year).Select(x => (decimal?)x.Amount).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var ids = rows.Select(r => r.Id).ToList();
        var amounts = await db.ProjectInvestments.AsNoTracking().Where(i => ids.Contains(i.WorkItemId) && i.Year <= year)
            .Select(i => new { i.WorkItemId, i.Year, i.Amount }).ToListAsync(ct);
        var byItem = amounts.ToLookup(a => a.WorkItemId);
        var timeProgress = Investment.TimeProgress(today, curve);
        return new ProjectPage(rows.Select(r =>
        {
            var ytd = byItem[r.Id].Where(a => a.Year == year).Sum(a => a.Amount);
            var completion = Investment.Completion(ytd, r.AnnualPlan);
            return new ProjectRow(r.Id, r.LedgerId, r.Number, r.Name, r.LeadUnitId, r.LeadUnit, r.Leader, r.Steward,
                r.Pool, r.Stage, r.Nature, r.Category, r.Level, r.TotalInvestment, r.AnnualPlan, ytd, byItem[r.Id].Sum(a => a.Amount),
                completion, timeProgress, timeProgress > 0 ? Investment.Gap(timeProgress, completion) : null,
                r.Light, r.LightReason, r.LightReasonDate, r.LightReasonText, r.LightReasonNumber, r.Longitude, r.Latitude);
        }).ToList(), total, page, size, year, timeProgress);
    }

    /// <summary>Every project in scope with coordinates, for the map board; filtered like the ledger.</summary>
    public static async Task<List<MapPoint>> MapAsync(DubanDb db, AccessScope scope, ProjectFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        var items = Filtered(db, scope, filter, await UnitPathAsync(db, scope, filter.UnitId, ct));
        var points = await items.Join(db.Projects.AsNoTracking().Where(p => p.Longitude != null && p.Latitude != null), w => w.Id, p => p.WorkItemId, (w, p) =>
                new { w.Id, w.Name, Longitude = p.Longitude!.Value, Latitude = p.Latitude!.Value, w.Light, p.Stage, p.Category, p.TotalInvestment, w.LeadUnitId })
            .ToListAsync(ct);

        // Unit names once, not a subquery per point: the whole province is 20,000 points.
        var unitIds = points.Select(p => p.LeadUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);
        return points.Select(p => new MapPoint(p.Id, p.Name, p.Longitude, p.Latitude, p.Light, p.Stage, p.Category, p.TotalInvestment, names.GetValueOrDefault(p.LeadUnitId))).ToList();
    }
}
