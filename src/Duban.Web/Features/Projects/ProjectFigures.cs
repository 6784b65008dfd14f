using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Projects;

/// <summary>
/// "三个一批" for one lead unit, as of the end of a month: how many of its projects (not withdrawn) have been
/// signed, started, put into production and brought to capacity by then, the rates from each stage to the
/// next, how many are of 1亿元 and more, and its investment against this year's plan. Amounts in 万元.
/// </summary>
public sealed record FigureRow(
    int? UnitId, string Unit, int Projects, int Large, int SignedCount, int StartedCount, int ProducingCount, int AtCapacityCount,
    int? StartRate, int? ProducingRate, int? CapacityRate, decimal AnnualPlan, decimal YearToDate, int? Completion);

public sealed record Figures(int Year, int Month, IReadOnlyList<FigureRow> Units, FigureRow Total);

public static class ProjectFigures
{
    public static async Task<Figures> ForAsync(DubanDb db, AccessScope scope, int year, int month, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var end = new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
        var visible = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Kind == WorkItemKind.KeyProject);
        var projects = await visible
            .Join(db.Projects.AsNoTracking().Where(p => p.Pool != ProjectPool.Withdrawn), w => w.Id, p => p.WorkItemId, (w, p) => new
            {
                w.Id,
                w.LeadUnitId,
                p.TotalInvestment,
                p.SignedOn,
                p.StartedOn,
                p.ProducingOn,
                p.AtCapacityOn,
            })
            .ToListAsync(ct);
        // Joined to the visible projects in the database: a list of 20,000 ids as a parameter is slow everywhere.
        var plans = await db.ProjectYearPlans.AsNoTracking().Where(p => p.Year == year && visible.Any(w => w.Id == p.WorkItemId)).Select(p => new { p.WorkItemId, p.Amount }).ToListAsync(ct);
        var done = await db.ProjectInvestments.AsNoTracking().Where(i => i.Year == year && i.Month <= month && visible.Any(w => w.Id == i.WorkItemId)).Select(i => new { i.WorkItemId, i.Amount }).ToListAsync(ct);
        var planOf = plans.ToDictionary(p => p.WorkItemId, p => p.Amount);
        var doneOf = done.GroupBy(d => d.WorkItemId).ToDictionary(g => g.Key, g => g.Sum(d => d.Amount));
        var unitIds = projects.Select(p => p.LeadUnitId).Distinct().ToList();
        var names = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.ShortName ?? u.Name, ct);

        var units = projects.GroupBy(p => p.LeadUnitId)
            .Select(g => Summarise(g.Key, names.GetValueOrDefault(g.Key, "?"), g.Select(p => new Facts(p.Id, p.TotalInvestment, p.SignedOn, p.StartedOn, p.ProducingOn, p.AtCapacityOn)).ToList(), end, planOf, doneOf))
            .OrderByDescending(r => r.Completion ?? -1).ThenBy(r => r.Unit, StringComparer.Ordinal)
            .ToList();
        var total = Summarise(null, string.Empty, projects.Select(p => new Facts(p.Id, p.TotalInvestment, p.SignedOn, p.StartedOn, p.ProducingOn, p.AtCapacityOn)).ToList(), end, planOf, doneOf);
        return new Figures(year, month, units, total);
    }

    private sealed record Facts(int Id, decimal TotalInvestment, DateOnly? SignedOn, DateOnly? StartedOn, DateOnly? ProducingOn, DateOnly? AtCapacityOn);

    private static FigureRow Summarise(int? unitId, string name, IReadOnlyList<Facts> rows, DateOnly end, Dictionary<int, decimal> planOf, Dictionary<int, decimal> doneOf)
    {
        var signed = rows.Count(r => r.SignedOn <= end);
        var started = rows.Count(r => r.StartedOn <= end);
        var producing = rows.Count(r => r.ProducingOn <= end);
        var capacity = rows.Count(r => r.AtCapacityOn <= end);
        var plan = rows.Sum(r => planOf.GetValueOrDefault(r.Id));
        var done = rows.Sum(r => doneOf.GetValueOrDefault(r.Id));
        return new FigureRow(unitId, name, rows.Count, rows.Count(r => r.TotalInvestment >= 10_000m), signed, started, producing, capacity,
            Rate(started, signed), Rate(producing, started), Rate(capacity, producing), plan, done, Investment.Completion(done, plan));
    }

    private static int? Rate(int part, int of) => of == 0 ? null : part * 100 / of;
}
