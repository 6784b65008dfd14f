using Duban.Data;
using Duban.Domain.Access;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>One task: its light and why, its milestones and reports, and what the viewer may do with it.</summary>
[Requires(Permission.Read)]
// Five attachments of up to 10 MB each fit in one report.
[RequestSizeLimit(60 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 60 * 1024 * 1024)]
public sealed class DetailsModel(DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l) : PageModel
{
    public TaskDetailDto Task { get; private set; } = null!;
    public IReadOnlyList<ReportDto> Reports { get; private set; } = [];
    public IReadOnlyList<ReviewDto> Reviews { get; private set; } = [];
    public IReadOnlyList<Notices.NoticeDto> Notices { get; private set; } = [];

    [BindProperty]
    public Notices.NoticeInput Notice { get; set; } = new();

    [BindProperty]
    public Notices.NoticeInput Instruction { get; set; } = new();
    private AccessScope? scope;
    private Domain.Work.WorkItem? item;

    /// <summary>Whether the permission table lets the caller do this to this task: what the page offers.</summary>
    public bool Can(Permission permission) => scope is not null && item is not null && scope.May(permission, item);

    /// <summary>A lead's or an indicator's item is changed on its own page; this page supervises it.</summary>
    public Domain.Work.WorkItemKind Kind => item?.Kind ?? Domain.Work.WorkItemKind.Task;

    /// <summary>A problem that is a firm's need: its ratings and close-out are on the need's page.</summary>
    public bool IsFirmNeed { get; private set; }

    /// <summary>Whether the lead unit's page opens for the caller: a supporting unit sees the task, not the unit that leads it.</summary>
    public bool SeesLeadUnit => scope is not null && item is not null && scope.CanSee(item.RegionId, item.LeadUnitPath);

    public bool CanDecide(ReviewDto review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return review.Status == Domain.Work.ReviewStatus.Pending && scope is not null && item is not null
            && scope.MayDecide(item, review.RequestedById);
    }
    public DateOnly Today => work.Today;

    [BindProperty]
    public ReportInput Report { get; set; } = new();

    [BindProperty]
    public RequestInput Apply { get; set; } = new();

    [BindProperty]
    public ExemptionInput Exemption { get; set; } = new();

    /// <summary>Whether the report form was filled from the last report (on a fresh GET, not after an invalid post).</summary>
    public bool ReportFollowsLast { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        if (Reports.Count > 0)
        {
            Report = ReportInput.FollowingOn(Reports[0]);
            ReportFollowsLast = true;
        }

        return Page();
    }

    public ILookup<int, Domain.Work.Attachment> Attachments { get; private set; } = Array.Empty<Domain.Work.Attachment>().ToLookup(a => a.ProgressReportId);

    [Requires(Permission.Report)]
    public async Task<IActionResult> OnPostReportAsync(int id, List<IFormFile> files, [FromServices] SubmitProgressReport submit, CancellationToken ct)
    {
        var outcome = await submit.RunAsync(id, Report, files.Select(Features.Attachments.UploadedFile.From).ToList(), ct);
        return await AfterAsync(id, outcome.Kind, "Report.", l["Tasks.Reported"], outcome.Errors, ct);
    }

    [Requires(Permission.Request)]
    public async Task<IActionResult> OnPostRequestAsync(int id, [FromServices] RequestReview request, CancellationToken ct)
    {
        var outcome = await request.RunAsync(id, Apply, ct);
        return await AfterAsync(id, outcome.Kind, "Apply.", l["Tasks.Requested"], outcome.Errors, ct);
    }

    [Requires(Permission.Decide)]
    public async Task<IActionResult> OnPostDecideAsync(int id, int reviewId, bool approve, string? note, [FromServices] DecideReview decide, CancellationToken ct)
    {
        var outcome = await decide.RunAsync(reviewId, new DecisionInput { Approve = approve, Note = note }, ct);
        return await AfterAsync(id, outcome.Kind, "Decision.", approve ? l["Tasks.Approved"] : l["Tasks.Returned"], outcome.Errors, ct);
    }

    [Requires(Permission.IssueNotice)]
    public async Task<IActionResult> OnPostNoticeAsync(int id, [FromServices] Notices.IssueNotice issue, CancellationToken ct)
    {
        var outcome = await issue.RunAsync(id, Notice, ct);
        return await AfterAsync(id, outcome.Kind, "Notice.", outcome.Value is null ? string.Empty : l["Notices.Issued", outcome.Value.Number].Value, outcome.Errors, ct);
    }

    [Requires(Permission.Instruct)]
    public async Task<IActionResult> OnPostInstructAsync(int id, [FromServices] Notices.IssueNotice issue, CancellationToken ct)
    {
        var outcome = await issue.RunAsync(id, Instruction with { Kind = Domain.Work.NoticeKind.Instruction }, ct);
        return await AfterAsync(id, outcome.Kind, "Instruction.", outcome.Value is null ? string.Empty : l["Notices.Instructed", outcome.Value.Number].Value, outcome.Errors, ct);
    }

    [Requires(Permission.AnswerNotice)]
    public async Task<IActionResult> OnPostAnswerAsync(int id, int noticeId, string? answer, [FromServices] Notices.AnswerNotice respond, CancellationToken ct)
    {
        var outcome = await respond.RunAsync(noticeId, new Notices.AnswerInput { Answer = answer }, ct);
        return await AfterAsync(id, outcome.Kind, "Answer.", l["Notices.Answered"], outcome.Errors, ct);
    }

    [Requires(Permission.Exempt)]
    public async Task<IActionResult> OnPostExemptAsync(int id, [FromServices] ExemptTask exempt, CancellationToken ct)
    {
        var outcome = await exempt.RunAsync(id, Exemption, ct);
        return await AfterAsync(id, outcome.Kind, "Exemption.", l["Common.Saved"], outcome.Errors, ct);
    }

    private async Task<IActionResult> AfterAsync(int id, OutcomeKind kind, string prefix, string done, ValidationErrors? errors, CancellationToken ct)
    {
        switch (kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                ModelState.Clear();
                errors!.CopyTo(ModelState, prefix);
                return await LoadAsync(id, ct) ? Page() : NotFound();
            case OutcomeKind.Ok:
            default:
                TempData["Flash"] = done;
                return Redirect($"/Tasks/{id}");
        }
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        scope = await work.ScopeAsync(ct);
        var task = await TaskDetail.LoadAsync(db, scope, id, ct);
        if (task is null)
        {
            return false;
        }

        Task = task;
        Reports = await TaskDetail.ReportsAsync(db, id, ct);
        Attachments = (await db.Attachments.AsNoTracking().Where(a => a.WorkItemId == id).OrderBy(a => a.Id).ToListAsync(ct)).ToLookup(a => a.ProgressReportId);
        Reviews = await TaskDetail.ReviewsAsync(db, id, ct);
        Notices = (await db.Notices.AsNoTracking().Where(n => n.WorkItemId == id).OrderByDescending(n => n.IssuedAt).ToListAsync(ct)).Select(Features.Notices.NoticeDto.From).ToList();
        item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
        IsFirmNeed = item.Kind == Domain.Work.WorkItemKind.Problem && await db.FirmNeeds.AnyAsync(n => n.WorkItemId == id, ct);
        return true;
    }
}
