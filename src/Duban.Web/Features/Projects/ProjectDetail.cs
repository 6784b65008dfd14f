using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Projects;

public sealed record MonthAmount(int Year, int Month, decimal Amount, string RecordedBy);

public sealed record YearAmount(int Year, decimal Amount);

public sealed record StageDto(ProjectStage Stage, DateOnly? Planned, DateOnly? Reached);

/// <summary>A project with its work item, stages, plans, monthly investment and the figures derived from them.</summary>
public sealed record ProjectDetailDto(
    TaskDetailDto Item,
    ProjectPool Pool, string? WithdrawalReason, string? WithdrawalApprovedBy, DateOnly? WithdrawnOn,
    ProjectStage Stage, IReadOnlyList<StageDto> Stages,
    ProjectNature Nature, ProjectCategory Category, ProjectLevel Level, string? IndustryChain, string? OwnerCompany,
    int? TownUnitId, string? Town, double? Longitude, double? Latitude, string? Scale, int? StartYear, int? EndYear,
    decimal TotalInvestment, bool IsLarge,
    int Year, decimal? AnnualPlan, decimal YearToDate, decimal SinceStart, int? Completion, int TimeProgress, int? Gap,
    IReadOnlyList<YearAmount> Plans, IReadOnlyList<MonthAmount> Investments);

public static class ProjectDetail
{
    public static async Task<ProjectDetailDto?> LoadAsync(DubanDb db, AccessScope scope, int id, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scope);
        var item = await TaskDetail.LoadAsync(db, scope, id, ct);
        var p = item is null ? null : await db.Projects.AsNoTracking().FirstOrDefaultAsync(x => x.WorkItemId == id, ct);
        if (item is null || p is null)
        {
            return null;
        }

        var plans = await db.ProjectYearPlans.AsNoTracking().Where(x => x.WorkItemId == id).OrderBy(x => x.Year).Select(x => new YearAmount(x.Year, x.Amount)).ToListAsync(ct);
        var months = await db.ProjectInvestments.AsNoTracking().Where(x => x.WorkItemId == id).OrderBy(x => x.Year).ThenBy(x => x.Month)
            .Select(x => new MonthAmount(x.Year, x.Month, x.Amount, x.RecordedByName)).ToListAsync(ct);
        var town = p.TownUnitId is { } t ? await db.Units.Where(u => u.Id == t).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        var curve = await RulesOf.CurveAsync(db, scope.RegionId, ct);
        var year = today.Year;
        var plan = plans.FirstOrDefault(x => x.Year == year)?.Amount;
        var ytd = months.Where(m => m.Year == year).Sum(m => m.Amount);
        var completion = Investment.Completion(ytd, plan);
        var timeProgress = Investment.TimeProgress(today, curve);
        var stages = new[] { ProjectStage.Signed, ProjectStage.Started, ProjectStage.Producing, ProjectStage.AtCapacity }
            .Select(s => new StageDto(s, p.PlannedOn(s), p.ActualOn(s))).ToList();
        return new ProjectDetailDto(item, p.Pool, p.WithdrawalReason, p.WithdrawalApprovedBy, p.WithdrawnOn, p.Stage, stages,
            p.Nature, p.Category, p.Level, p.IndustryChain, p.OwnerCompany, p.TownUnitId, town, p.Longitude, p.Latitude, p.Scale, p.StartYear, p.EndYear,
            p.TotalInvestment, p.IsLarge, year, plan, ytd, months.Sum(m => m.Amount), completion, timeProgress,
            timeProgress > 0 ? Investment.Gap(timeProgress, completion) : null, plans, months);
    }
}

/// <summary>The region's time-progress curve, if it set one.</summary>
public static class RulesOf
{
    public static async Task<IReadOnlyList<int>?> CurveAsync(DubanDb db, int regionId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var text = await db.RegionLightSettings.IgnoreQueryFilters().Where(s => s.RegionId == regionId).Select(s => s.TimeCurve).FirstOrDefaultAsync(ct);
        return Investment.ParseCurve(text, out _);
    }
}
