using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Problems;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Projects;

/// <summary>
/// One project: its light and why, 1+1+1, stages on a timeline, investment against plan and time with a
/// monthly chart, its problems and its photos by month. Reports, close-out and notices are on its work
/// item's page, as for any task.
/// </summary>
[Requires(Permission.Read)]
public sealed class DetailsModel(DubanDb db, WorkContext work, ProjectActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public ProjectDetailDto Project { get; private set; } = null!;
    public IReadOnlyList<ProblemRow> Problems { get; private set; } = [];
    public IReadOnlyList<Attachment> Photos { get; private set; } = [];

    /// <summary>The lead it landed from (招商线索), when it came through investment promotion.</summary>
    public Leads.ProjectOrigin? Origin { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    private AccessScope? scope;
    private Domain.Work.WorkItem? item;

    /// <summary>Whether the permission table lets the caller do this to this project: what the page offers.</summary>
    public bool Can(Permission permission) => scope is not null && item is not null && scope.May(permission, item);
    public DateOnly Today => work.Today;

    [BindProperty]
    public InvestmentInput Investment { get; set; } = new();

    [BindProperty]
    public YearPlanInput Plan { get; set; } = new();

    [BindProperty]
    public StageInput StageReached { get; set; } = new();

    [BindProperty]
    public WithdrawalInput Withdrawal { get; set; } = new();

    [BindProperty]
    public ProblemInput Problem { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(Permission.RecordInvestment)]
    public async Task<IActionResult> OnPostInvestmentAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.RecordInvestmentAsync(id, Investment, ct), "Investment.", ct);

    [Requires(Permission.EditWork)]
    public async Task<IActionResult> OnPostPlanAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.SetYearPlanAsync(id, Plan, ct), "Plan.", ct);

    [Requires(Permission.RecordInvestment)]
    public async Task<IActionResult> OnPostStageAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.ReachStageAsync(id, StageReached, ct), "StageReached.", ct);

    [Requires(Permission.EditWork)]
    public async Task<IActionResult> OnPostWithdrawAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.WithdrawAsync(id, Withdrawal, ct), "Withdrawal.", ct);

    [Requires(Permission.EditWork)]
    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.RestoreAsync(id, ct), string.Empty, ct);

    [Requires(Permission.RaiseProblem)]
    public async Task<IActionResult> OnPostProblemAsync(int id, [FromServices] RaiseProblem raise, CancellationToken ct)
    {
        return await AfterAsync(id, await raise.RunAsync(Problem with { ProjectId = id }, ct), "Problem.", ct);
    }

    private async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string prefix, CancellationToken ct)
    {
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, prefix);
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = l["Common.Saved"].Value;
        return Redirect($"/Projects/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        scope = await work.ScopeAsync(ct);
        var detail = await ProjectDetail.LoadAsync(db, scope, id, work.Today, ct);
        if (detail is null)
        {
            return false;
        }

        Project = detail;
        item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
        Problems = [.. await RaiseProblem.ListAsync(db, scope, ProblemList.New, id, ct), .. await RaiseProblem.ListAsync(db, scope, ProblemList.Progress, id, ct), .. await RaiseProblem.ListAsync(db, scope, ProblemList.Closed, id, ct)];
        Origin = await Leads.LeadQueries.OriginOfAsync(db, scope, id, ct);
        Photos = await db.Attachments.AsNoTracking().Where(a => a.WorkItemId == id && a.ContentType.StartsWith("image/")).OrderByDescending(a => a.UploadedAt).Take(60).ToListAsync(ct);
        if (Can(Permission.RaiseProblem))
        {
            Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        }

        Investment = new InvestmentInput { Year = work.Today.Year, Month = Math.Max(1, work.Today.Month - 1) };
        Plan = new YearPlanInput { Year = work.Today.Year, Amount = detail.AnnualPlan };
        return true;
    }
}
