using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Tasks;

public sealed record NamedRef(int Id, string Name);

public sealed record MilestoneDto(int Id, string Name, DateOnly Due, DateOnly? DoneOn);

public sealed record ReportDto(int Id, DateTime SubmittedAt, string SubmittedBy, string Done, int? Percent, string? Problems, ProblemCause? ProblemCause, string? NextSteps, bool IsLate, DateTime? PeriodDueAt, IReadOnlyList<AttachmentDto> Attachments)
{
    public static ReportDto From(ProgressReport r, IEnumerable<Attachment> attachments)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.SubmittedAt, r.SubmittedByName, r.Done, r.Percent, r.Problems, r.ProblemCause, r.NextSteps, r.IsLate, r.PeriodDueAt, attachments.Select(AttachmentDto.From).ToList());
    }
}

/// <summary>An attachment as the API shows it; <see cref="Url"/> serves the bytes to those who may see the task.</summary>
public sealed record AttachmentDto(int Id, string FileName, string ContentType, long Size, string Url)
{
    public static AttachmentDto From(Attachment a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.FileName, a.ContentType, a.Size, $"/api/v1/attachments/{a.Id}");
    }
}

public sealed record ReviewDto(int Id, int WorkItemId, ReviewKind Kind, ReviewStatus Status, string Statement, DateOnly? ProposedDeadline, DateTime RequestedAt, string RequestedBy, DateTime? ReviewedAt, string? ReviewedBy, string? ReviewNote, int? RequestedById)
{
    public static ReviewDto From(Review r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.WorkItemId, r.Kind, r.Status, r.Statement, r.ProposedDeadline, r.RequestedAt, r.RequestedByName, r.ReviewedAt, r.ReviewedByName, r.ReviewNote, r.RequestedById);
    }
}

public sealed record TaskDetailDto(
    int Id, int LedgerId, string Ledger, int? ParentId, string? Number, string Name, string? Content,
    SourceKind? SourceKind, string? SourceTitle, string? SourceDocNumber, DateOnly? SourceDate,
    decimal? TargetValue, string? TargetUnit,
    NamedRef LeadUnit, IReadOnlyList<NamedRef> SupportingUnits, NamedRef? Leader, NamedRef? Liaison,
    DateOnly StartDate, DateOnly? Deadline, CadenceKind Cadence, int CadenceDay, int CadenceHour, DateTime? NextReportDueAt,
    string? Tags, WorkItemStatus Status, int? Percent, DateTime? LastReportAt,
    Light Light, LightReason LightReason, DateOnly? LightReasonDate, string? LightReasonText, int? LightReasonNumber, DateTime? LightSince,
    DateOnly? ExemptUntil, string? ExemptReason, DateOnly? ClosedOn, int ExtensionCount, int AdjustmentCount,
    IReadOnlyList<MilestoneDto> Milestones, IReadOnlyList<NamedRef> Children);

public static class TaskDetail
{
    /// <summary>A person as the task page names them: 王强（副县长）.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Domain.Organisation.Person, string>> PersonLabel =
        p => p.Name + (p.Title == null ? string.Empty : "（" + p.Title + "）");

    public static async Task<TaskDetailDto?> LoadAsync(DubanDb db, AccessScope scope, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Two round trips: the item with its milestones and the names the page shows (scalar subqueries), then
        // its supporting units and its children together (UNION ALL).
        // The id goes into each set of the scope filter as well, so that a city's thousands of items are not
        // gathered to find one.
        var found = await db.WorkItems.AsNoTracking().VisibleTo(db, scope, x => x.Id == id).Select(x => new
        {
            Item = x,
            Milestones = x.Milestones.ToList(),
            Ledger = db.Ledgers.Where(l => l.Id == x.LedgerId).Select(l => l.Name).FirstOrDefault(),
            Lead = db.Units.Where(u => u.Id == x.LeadUnitId).Select(u => u.Name).FirstOrDefault(),
            Leader = db.People.Where(p => p.Id == x.LeaderId).Select(PersonLabel).FirstOrDefault(),
            Liaison = db.People.Where(p => p.Id == x.LiaisonId).Select(PersonLabel).FirstOrDefault(),
        }).FirstOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }

        var w = found.Item;
        w.Milestones = found.Milestones;
        var related = await db.WorkItemUnits.Where(s => s.WorkItemId == id).Join(db.Units, s => s.UnitId, u => u.Id, (s, u) => new { IsChild = false, u.Id, u.Name })
            .Concat(db.WorkItems.AsNoTracking().VisibleTo(db, scope, c => c.ParentId == id).Select(c => new { IsChild = true, c.Id, c.Name }))
            .ToListAsync(ct);
        var supporting = related.Where(r => !r.IsChild && r.Id != w.LeadUnitId).OrderBy(r => r.Id).Select(r => new NamedRef(r.Id, r.Name)).ToList();
        var children = related.Where(r => r.IsChild).OrderBy(r => r.Id).Select(r => new NamedRef(r.Id, r.Name)).ToList();
        return From(w, found.Ledger ?? "?", found.Lead ?? "?", supporting, found.Leader, found.Liaison, children);
    }

    /// <summary>The page of one item from the item (with its milestones) and the names it shows.</summary>
    public static TaskDetailDto From(WorkItem w, string ledger, string leadUnit, IReadOnlyList<NamedRef> supporting, string? leader, string? liaison, IReadOnlyList<NamedRef> children)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new TaskDetailDto(
            w.Id, w.LedgerId, ledger, w.ParentId, w.Number, w.Name, w.Content,
            w.SourceKind, w.SourceTitle, w.SourceDocNumber, w.SourceDate, w.TargetValue, w.TargetUnit,
            new NamedRef(w.LeadUnitId, leadUnit),
            supporting,
            w.LeaderId is { } leaderId ? new NamedRef(leaderId, leader ?? "?") : null,
            w.LiaisonId is { } liaisonId ? new NamedRef(liaisonId, liaison ?? "?") : null,
            w.StartDate, w.Deadline, w.CadenceKind, w.CadenceDay, w.CadenceHour, w.NextReportDueAt,
            w.Tags, w.Status, w.Percent, w.LastReportAt,
            w.Light, w.LightReason, w.LightReasonDate, w.LightReasonText, w.LightReasonNumber, w.LightSince,
            w.ExemptUntil, w.ExemptReason, w.ClosedOn, w.ExtensionCount, w.AdjustmentCount,
            w.Milestones.OrderBy(m => m.Due).ThenBy(m => m.SortOrder).Select(m => new MilestoneDto(m.Id, m.Name, m.Due, m.DoneOn)).ToList(),
            children);
    }

    public static async Task<List<ReportDto>> ReportsAsync(DubanDb db, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.WorkItemId == id).OrderByDescending(r => r.SubmittedAt).Take(200).ToListAsync(ct);
        var attachments = (await db.Attachments.AsNoTracking().Where(a => a.WorkItemId == id).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.ProgressReportId);
        return reports.Select(r => ReportDto.From(r, attachments[r.Id])).ToList();
    }

    public static async Task<List<ReviewDto>> ReviewsAsync(DubanDb db, int id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var reviews = await db.Reviews.AsNoTracking().Where(r => r.WorkItemId == id).OrderByDescending(r => r.RequestedAt).ToListAsync(ct);
        return reviews.Select(ReviewDto.From).ToList();
    }
}
