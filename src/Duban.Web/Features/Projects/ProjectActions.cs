using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

public sealed record InvestmentInput
{
    public int? Year { get; init; }
    public int? Month { get; init; }
    public decimal? Amount { get; init; }
}

public sealed record YearPlanInput
{
    public int? Year { get; init; }
    public decimal? Amount { get; init; }
}

public sealed record StageInput
{
    public ProjectStage Stage { get; init; }
    public DateOnly? On { get; init; }
}

public sealed record WithdrawalInput
{
    public string? Reason { get; init; }
    public string? ApprovedBy { get; init; }
}

/// <summary>
/// What is done to a project after it is entered: monthly investment (the steward, the lead unit or the
/// office), the year's plan, stages reached, withdrawal and restore (the office). Each keeps the facts the
/// light reads and recomputes the project's light in the same transaction.
/// </summary>
public sealed class ProjectActions(DubanDb db, WorkContext work, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<ProjectInvestment>> RecordInvestmentAsync(int id, InvestmentInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (item, project, scope) = await LoadAsync(id, ct);
        if (item is null || project is null)
        {
            return Outcome<ProjectInvestment>.NotFound();
        }

        scope!.Demand(Permission.RecordInvestment, item);
        var errors = new ValidationErrors();
        if (input.Year is null || input.Month is null or < 1 or > 12 || input.Year < 2000)
        {
            errors.Add(nameof(InvestmentInput.Month), l["Projects.MonthInvalid"]);
        }
        else if ((input.Year.Value * 12) + input.Month.Value - 1 > Investment.MonthIndex(work.Today))
        {
            errors.Add(nameof(InvestmentInput.Month), l["Projects.MonthInFuture"]);
        }

        if (input.Amount is null)
        {
            errors.Add(nameof(InvestmentInput.Amount), l["Validation.Required"]);
        }
        else if (input.Amount is < 0 or > 10_000_000m)
        {
            errors.Add(nameof(InvestmentInput.Amount), l["Projects.AmountRange"]);
        }

        if (errors.Any)
        {
            return Outcome<ProjectInvestment>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var row = await db.ProjectInvestments.FirstOrDefaultAsync(i => i.WorkItemId == id && i.Year == input.Year && i.Month == input.Month, ct);
        if (row is null)
        {
            row = new ProjectInvestment { RegionId = item.RegionId, WorkItemId = id, Year = input.Year!.Value, Month = input.Month!.Value, RecordedByName = work.ActorName };
            db.ProjectInvestments.Add(row);
        }

        row.Amount = decimal.Round(input.Amount!.Value, 2);
        row.RecordedAt = work.UtcNow;
        row.RecordedByName = work.ActorName;
        await db.SaveChangesAsync(ct);
        await RefreshAsync(item, project, ct);
        await transaction.CommitAsync(ct);
        return Outcome<ProjectInvestment>.Ok(row);
    }

    public async Task<Outcome<ProjectYearPlan>> SetYearPlanAsync(int id, YearPlanInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (item, project, scope) = await LoadAsync(id, ct);
        if (item is null || project is null)
        {
            return Outcome<ProjectYearPlan>.NotFound();
        }

        scope!.Demand(Permission.EditWork, item);

        var errors = new ValidationErrors();
        if (input.Year is null or < 2000 or > 2100)
        {
            errors.Add(nameof(YearPlanInput.Year), l["Ledgers.YearRange"]);
        }

        if (input.Amount is null)
        {
            errors.Add(nameof(YearPlanInput.Amount), l["Validation.Required"]);
        }
        else if (input.Amount is < 0 or > 10_000_000m)
        {
            errors.Add(nameof(YearPlanInput.Amount), l["Projects.AmountRange"]);
        }

        if (errors.Any)
        {
            return Outcome<ProjectYearPlan>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var plan = await db.ProjectYearPlans.FirstOrDefaultAsync(p => p.WorkItemId == id && p.Year == input.Year, ct);
        if (plan is null)
        {
            plan = new ProjectYearPlan { RegionId = item.RegionId, WorkItemId = id, Year = input.Year!.Value };
            db.ProjectYearPlans.Add(plan);
        }

        plan.Amount = decimal.Round(input.Amount!.Value, 2);
        await db.SaveChangesAsync(ct);
        await RefreshAsync(item, project, ct);
        await transaction.CommitAsync(ct);
        return Outcome<ProjectYearPlan>.Ok(plan);
    }

    public async Task<Outcome<Project>> ReachStageAsync(int id, StageInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var (item, project, scope) = await LoadAsync(id, ct);
        if (item is null || project is null)
        {
            return Outcome<Project>.NotFound();
        }

        scope!.Demand(Permission.RecordInvestment, item);
        var errors = new ValidationErrors();
        if (input.On is null)
        {
            errors.Add(nameof(StageInput.On), l["Validation.Required"]);
        }
        else if (project.Reach(input.Stage, input.On.Value, work.Today) is { } refusal)
        {
            errors.Add(nameof(StageInput.On), l["Refusal." + refusal.Code]);
        }

        if (errors.Any)
        {
            return Outcome<Project>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await RefreshAsync(item, project, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Project>.Ok(project);
    }

    public async Task<Outcome<Project>> WithdrawAsync(int id, WithdrawalInput input, CancellationToken ct = default)
    {
        var errors = new ValidationErrors();
        if (input?.Reason?.Trim().Length > 500)
        {
            errors.Add(nameof(WithdrawalInput.Reason), l["Validation.MaxLength", 500]);
        }

        if (input?.ApprovedBy?.Trim().Length > 100)
        {
            errors.Add(nameof(WithdrawalInput.ApprovedBy), l["Validation.MaxLength", 100]);
        }

        return errors.Any
            ? Outcome<Project>.Invalid(errors)
            : await PoolAsync(id, p => p.Withdraw(input?.Reason ?? string.Empty, input?.ApprovedBy ?? string.Empty, work.Today), ct);
    }

    public async Task<Outcome<Project>> RestoreAsync(int id, CancellationToken ct = default) =>
        await PoolAsync(id, p => p.Restore(), ct);

    private async Task<Outcome<Project>> PoolAsync(int id, Func<Project, Refusal?> change, CancellationToken ct)
    {
        var (item, project, scope) = await LoadAsync(id, ct);
        if (item is null || project is null)
        {
            return Outcome<Project>.NotFound();
        }

        scope!.Demand(Permission.EditWork, item);

        if (change(project) is { } refusal)
        {
            var errors = new ValidationErrors();
            errors.Add(refusal == Refusal.ReasonRequired ? nameof(WithdrawalInput.Reason) : string.Empty, l["Refusal." + refusal.Code]);
            return Outcome<Project>.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        item.FollowStage(project);
        await RefreshAsync(item, project, ct);
        await transaction.CommitAsync(ct);
        return Outcome<Project>.Ok(project);
    }

    /// <summary>The facts the light reads: planned start while not started, this year's completion of plan.</summary>
    private async Task RefreshAsync(WorkItem item, Project project, CancellationToken ct)
    {
        var year = work.Today.Year;
        var plan = await db.ProjectYearPlans.Where(p => p.WorkItemId == item.Id && p.Year == year).Select(p => (decimal?)p.Amount).FirstOrDefaultAsync(ct);
        var done = await db.ProjectInvestments.Where(i => i.WorkItemId == item.Id && i.Year == year).Select(i => i.Amount).ToListAsync(ct);
        var completion = Investment.Completion(done.Sum(), plan);
        item.InvestmentYear = completion is null ? null : year;
        item.InvestmentPercent = completion;
        item.PlannedStartMonth = project.PlannedStartMonthWhileNotStarted;
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
    }

    private async Task<(WorkItem? Item, Project? Project, Domain.Access.AccessScope? Scope)> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var item = await db.WorkItems.VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == id && w.Kind == WorkItemKind.KeyProject, ct);
        var project = item is null ? null : await db.Projects.FirstOrDefaultAsync(p => p.WorkItemId == id, ct);
        return (item, project, scope);
    }
}
