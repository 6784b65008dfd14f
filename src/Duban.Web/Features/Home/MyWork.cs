using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Notices;
using Duban.Web.Features.Tasks;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Home;

/// <summary>
/// What is waiting on the person who asks (待办): notices to answer, problems assigned, reports due or missing
/// within a week, requests sent back in the last month, and for the office the review queue. The home page and
/// "my to-do" show the same lists.
/// </summary>
public sealed record MyWorkData(
    IReadOnlyList<MyWorkData.DueRow> ReportsDue,
    IReadOnlyList<MyWorkData.ProblemRow> Problems,
    IReadOnlyList<(ReviewDto Review, string Name)> Returned,
    IReadOnlyList<(NoticeDto Notice, string Name)> NoticesToAnswer,
    int PendingReviews)
{
    public sealed record DueRow(int Id, string Name, DateTime? NextReportDueAt, Light Light, LightReason LightReason);

    public sealed record ProblemRow(int Id, string Name, DateOnly? Deadline, bool Answered, Light Light, LightReason LightReason);

    public int Overdue(DateTime utcNow) => ReportsDue.Count(r => r.NextReportDueAt < utcNow);

    public bool IsEmpty => ReportsDue.Count == 0 && Problems.Count == 0 && Returned.Count == 0 && NoticesToAnswer.Count == 0 && PendingReviews == 0;
}

public static class MyWork
{
    public static async Task<MyWorkData> LoadAsync(DubanDb db, WorkContext work, AccessScope scope, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(scope);
        var horizon = work.UtcNow.AddDays(7);
        var mine = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Status != WorkItemStatus.Closed && w.Status != WorkItemStatus.Paused);
        if (!scope.May(Permission.Report))
        {
            // A leader or viewer reports nothing; their to-do is the work that names them.
            var person = scope.PersonId ?? -1;
            mine = mine.Where(w => w.LeaderId == person || w.LiaisonId == person);
        }
        else if (scope.ReachOf(Permission.Report) == Reach.Led)
        {
            mine = mine.ReportableBy(scope);
        }

        var notices = await db.Notices.AsNoTracking().Where(n => n.AnsweredAt == null)
            .Join(mine, n => n.WorkItemId, w => w.Id, (n, w) => new { Notice = n, w.Name })
            .OrderBy(x => x.Notice.AnswerBy).Take(100).ToListAsync(ct);

        var reportsDue = await mine.Where(w => w.NextReportDueAt != null && w.NextReportDueAt <= horizon)
            .OrderBy(w => w.NextReportDueAt).Take(200)
            .Select(w => new MyWorkData.DueRow(w.Id, w.Name, w.NextReportDueAt, w.Light, w.LightReason))
            .ToListAsync(ct);

        var problems = await mine.Where(w => w.Kind == WorkItemKind.Problem && w.Status != WorkItemStatus.CloseOutPending)
            .OrderBy(w => w.Deadline).Take(100)
            .Select(w => new MyWorkData.ProblemRow(w.Id, w.Name, w.Deadline, w.LastReportAt != null, w.Light, w.LightReason))
            .ToListAsync(ct);

        var since = work.UtcNow.AddDays(-30);
        var decides = scope.May(Permission.Decide);
        var account = work.AccountId;
        var visibleIds = db.WorkItems.VisibleTo(db, scope).Select(w => w.Id);
        var returned = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Returned && r.ReviewedAt >= since && visibleIds.Contains(r.WorkItemId) && (decides || r.RequestedById == account))
            .OrderByDescending(r => r.ReviewedAt).Take(50)
            .Join(db.WorkItems, r => r.WorkItemId, w => w.Id, (r, w) => new { Review = r, w.Name })
            .ToListAsync(ct);
        var pending = decides ? await db.Reviews.CountAsync(r => r.RegionId == scope.RegionId && r.Status == ReviewStatus.Pending, ct) : 0;

        return new MyWorkData(
            reportsDue,
            problems,
            returned.Select(x => (ReviewDto.From(x.Review), x.Name)).ToList(),
            notices.Select(x => (NoticeDto.From(x.Notice), x.Name)).ToList(),
            pending);
    }
}
