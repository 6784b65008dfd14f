using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Problems;

/// <summary>A problem raised against a project (or on its own for a unit) and assigned (交办) with a deadline.</summary>
public sealed record ProblemInput
{
    /// <summary>The project it blocks; empty for a problem of a unit's own.</summary>
    public int? ProjectId { get; init; }

    /// <summary>The ledger of a problem without a project.</summary>
    public int? LedgerId { get; init; }

    public string? Name { get; init; }
    public string? Content { get; init; }
    public ProblemCause? Cause { get; init; }

    /// <summary>The unit it is assigned to.</summary>
    public int? LeadUnitId { get; init; }

    public int? LeaderId { get; init; }
    public DateOnly? Deadline { get; init; }
}

/// <summary>new: assigned, not yet answered; progress: answered, not closed; closed: closed out.</summary>
public enum ProblemList
{
    New = 0,
    Progress = 1,
    Closed = 2,
}

public sealed record ProblemRow(int Id, string Name, ProblemCause? Cause, int? ProjectId, string? Project, string? LeadUnit, DateOnly? Deadline, DateTime? AnsweredAt, DateOnly? ClosedOn, WorkItemStatus Status, Light Light, LightReason LightReason);

/// <summary>
/// Problems are work items of their own kind: their answers are progress reports, their close-out is the
/// same review as a task's, and an overdue one lights its project.
/// </summary>
public sealed class RaiseProblem(DubanDb db, SaveTask save, WorkContext work, IStringLocalizer<SharedResource> l)
{
    public async Task<Outcome<WorkItem>> RunAsync(ProblemInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.RaiseProblem);
        WorkItem? project = null;
        if (input.ProjectId is { } projectId)
        {
            project = await db.WorkItems.VisibleTo(db, scope).FirstOrDefaultAsync(w => w.Id == projectId && w.Kind == WorkItemKind.KeyProject, ct);
            if (project is null)
            {
                return Outcome<WorkItem>.NotFound();
            }
        }

        var task = new TaskInput
        {
            LedgerId = project?.LedgerId ?? input.LedgerId,
            ParentId = project?.Id,
            Name = input.Name,
            Content = input.Content,
            LeadUnitId = input.LeadUnitId,
            LeaderId = input.LeaderId,
            StartDate = work.Today,
            Deadline = input.Deadline,
            Cadence = CadenceKind.None,
        };
        var shape = new WorkItemShape(WorkItemKind.Problem, errors =>
        {
            if (input.Cause is null || !Enum.IsDefined(input.Cause.Value))
            {
                errors.Add(nameof(ProblemInput.Cause), l["Validation.Required"]);
            }

            if (input.Deadline is null)
            {
                errors.Add(nameof(ProblemInput.Deadline), l["Validation.Required"]);
            }
            else if (input.Deadline < work.Today)
            {
                errors.Add(nameof(ProblemInput.Deadline), l["Refusal.DateInPast"]);
            }

            return Task.CompletedTask;
        }, (item, _) =>
        {
            item.ProblemCause = input.Cause;
            return Task.CompletedTask;
        });
        // The project's count of overdue problems is the recompute's to keep: a new problem is not overdue yet.
        return await save.RunAsync(null, task, shape, ct);
    }

    public static async Task<List<ProblemRow>> ListAsync(DubanDb db, AccessScope scope, ProblemList list, int? projectId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var items = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Kind == WorkItemKind.Problem);
        if (projectId is { } p)
        {
            items = items.Where(w => w.ParentId == p);
        }

        items = list switch
        {
            ProblemList.New => items.Where(w => w.Status != WorkItemStatus.Closed && w.LastReportAt == null),
            ProblemList.Progress => items.Where(w => w.Status != WorkItemStatus.Closed && w.LastReportAt != null),
            _ => items.Where(w => w.Status == WorkItemStatus.Closed),
        };
        var parents = db.WorkItems.AsNoTracking();
        var rows = await items.OrderBy(w => w.Deadline).ThenBy(w => w.Id).Take(500)
            .Select(w => new ProblemRow(w.Id, w.Name, w.ProblemCause, w.ParentId,
                parents.Where(x => x.Id == w.ParentId).Select(x => x.Name).FirstOrDefault(),
                db.Units.Where(u => u.Id == w.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault(),
                w.Deadline, w.LastReportAt, w.ClosedOn, w.Status, w.Light, w.LightReason))
            .ToListAsync(ct);

        // A problem assigned to one's unit may sit on a project one cannot open: name it, but link only what opens.
        var projectIds = rows.Where(r => r.ProjectId is not null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var openable = await db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => projectIds.Contains(w.Id)).Select(w => w.Id).ToListAsync(ct);
        return rows.Select(r => r.ProjectId is { } id && !openable.Contains(id) ? r with { ProjectId = null } : r).ToList();
    }
}
