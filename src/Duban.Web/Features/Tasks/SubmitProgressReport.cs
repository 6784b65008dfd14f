using Duban.Data;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>A unit reports progress on a task: one entry that every view and report reads.</summary>
public sealed class SubmitProgressReport(DubanDb db, WorkContext work, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<ProgressReport>> RunAsync(int taskId, ReportInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        var item = await db.WorkItems.VisibleTo(db, scope).Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == taskId, ct);
        if (item is null)
        {
            return Outcome<ProgressReport>.NotFound();
        }

        var errors = new ValidationErrors();
        if (!scope.CanReport(item, work.IsOffice))
        {
            errors.Add(string.Empty, l["Tasks.NotYourUnit"]);
            return Outcome<ProgressReport>.Invalid(errors);
        }

        var done = input.Done?.Trim();
        if (string.IsNullOrEmpty(done))
        {
            errors.Add(nameof(ReportInput.Done), l["Validation.Required"]);
        }
        else if (done.Length > 4000)
        {
            errors.Add(nameof(ReportInput.Done), l["Validation.MaxLength", 4000]);
        }

        if (input.Percent is < 0 or > 100)
        {
            errors.Add(nameof(ReportInput.Percent), l["Refusal.PercentRange"]);
        }

        var problems = string.IsNullOrWhiteSpace(input.Problems) ? null : input.Problems.Trim();
        if (problems?.Length > 2000)
        {
            errors.Add(nameof(ReportInput.Problems), l["Validation.MaxLength", 2000]);
        }

        if (problems is not null && input.ProblemCause is null)
        {
            errors.Add(nameof(ReportInput.ProblemCause), l["Tasks.CauseRequired"]);
        }

        var nextSteps = string.IsNullOrWhiteSpace(input.NextSteps) ? null : input.NextSteps.Trim();
        if (nextSteps?.Length > 2000)
        {
            errors.Add(nameof(ReportInput.NextSteps), l["Validation.MaxLength", 2000]);
        }

        var completed = input.CompletedMilestoneIds ?? [];
        if (completed.Any(id => item.Milestones.All(m => m.Id != id)))
        {
            errors.Add(nameof(ReportInput.CompletedMilestoneIds), l["Validation.Invalid"]);
        }

        if (errors.Any)
        {
            return Outcome<ProgressReport>.Invalid(errors);
        }

        var report = new ProgressReport
        {
            RegionId = item.RegionId,
            WorkItemId = item.Id,
            SubmittedAt = work.UtcNow,
            SubmittedById = work.AccountId,
            SubmittedByName = work.ActorName,
            Done = done!,
            Percent = input.Percent,
            Problems = problems,
            ProblemCause = problems is null ? null : input.ProblemCause,
            NextSteps = nextSteps,
        };
        if (item.Accept(report, work.UtcNow, work.Zone) is { } refusal)
        {
            errors.Add(string.Empty, l["Refusal." + refusal.Code]);
            return Outcome<ProgressReport>.Invalid(errors);
        }

        foreach (var milestone in item.Milestones.Where(m => completed.Contains(m.Id) && m.IsOpen))
        {
            milestone.DoneOn = work.Today;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.ProgressReports.Add(report);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(item.RegionId, item.Id, ct);
        await transaction.CommitAsync(ct);
        return Outcome<ProgressReport>.Ok(report);
    }
}
