using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Tasks;

/// <summary>"My to-do" (待办): reports due or missing on my unit's work, requests sent back to me, and for the office the review queue.</summary>
[Requires(Permission.Read)]
public sealed class TodoModel(DubanDb db, WorkContext work) : PageModel
{
    public sealed record DueRow(int Id, string Name, DateTime? NextReportDueAt, Light Light, LightReason LightReason);

    public sealed record ProblemRow(int Id, string Name, DateOnly? Deadline, bool Answered, Light Light, LightReason LightReason);

    public IReadOnlyList<DueRow> ReportsDue { get; private set; } = [];

    /// <summary>Problems assigned (交办) to my unit and not closed: to answer, or to apply to close.</summary>
    public IReadOnlyList<ProblemRow> Problems { get; private set; } = [];
    public IReadOnlyList<(ReviewDto Review, string Name)> Returned { get; private set; } = [];
    public int PendingReviews { get; private set; }
    public IReadOnlyList<(Notices.NoticeDto Notice, string Name)> NoticesToAnswer { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var horizon = work.UtcNow.AddDays(7);
        var mine = db.WorkItems.AsNoTracking().VisibleTo(db, scope).Where(w => w.Status != WorkItemStatus.Closed && w.Status != WorkItemStatus.Paused);
        if (!work.May(Permission.Report))
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
        NoticesToAnswer = notices.Select(x => (Notices.NoticeDto.From(x.Notice), x.Name)).ToList();

        ReportsDue = await mine.Where(w => w.NextReportDueAt != null && w.NextReportDueAt <= horizon)
            .OrderBy(w => w.NextReportDueAt).Take(200)
            .Select(w => new DueRow(w.Id, w.Name, w.NextReportDueAt, w.Light, w.LightReason))
            .ToListAsync(ct);

        Problems = await mine.Where(w => w.Kind == WorkItemKind.Problem && w.Status != WorkItemStatus.CloseOutPending)
            .OrderBy(w => w.Deadline).Take(100)
            .Select(w => new ProblemRow(w.Id, w.Name, w.Deadline, w.LastReportAt != null, w.Light, w.LightReason))
            .ToListAsync(ct);

        var since = work.UtcNow.AddDays(-30);
        var visibleIds = db.WorkItems.VisibleTo(db, scope).Select(w => w.Id);
        var returned = await db.Reviews.AsNoTracking()
            .Where(r => r.Status == ReviewStatus.Returned && r.ReviewedAt >= since && visibleIds.Contains(r.WorkItemId) && (work.May(Permission.Decide) || r.RequestedById == work.AccountId))
            .OrderByDescending(r => r.ReviewedAt).Take(50)
            .Join(db.WorkItems, r => r.WorkItemId, w => w.Id, (r, w) => new { Review = r, w.Name })
            .ToListAsync(ct);
        Returned = returned.Select(x => (ReviewDto.From(x.Review), x.Name)).ToList();
        PendingReviews = work.May(Permission.Decide) ? await db.Reviews.CountAsync(r => r.RegionId == scope.RegionId && r.Status == ReviewStatus.Pending, ct) : 0;
    }
}
