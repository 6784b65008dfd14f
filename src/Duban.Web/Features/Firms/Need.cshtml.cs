using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Firms;

/// <summary>
/// One firm's need: what it asks, who answers it by when, each round's answers and the firm's ratings, and for the
/// office the rating form (不满意 re-opens it with a new deadline) and the close-out. The unit answers on the need's
/// work item page, as it reports on any problem.
/// </summary>
[Requires(Permission.Read)]
public sealed class NeedModel(DubanDb db, WorkContext work, FirmActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public NeedDetailDto Need { get; private set; } = null!;
    public IReadOnlyList<ReportDto> Answers { get; private set; } = [];
    public DateOnly Today => work.Today;
    private AccessScope? scope;
    private WorkItem? item;

    [BindProperty]
    public RatingInput Rating { get; set; } = new();

    public bool Can(Permission permission) => scope is not null && item is not null && scope.May(permission, item);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(Permission.ServeFirms)]
    public async Task<IActionResult> OnPostRateAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.RateAsync(id, Rating, ct), "Rating.", ct);

    [Requires(Permission.ServeFirms)]
    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.CloseAsync(id, ct), string.Empty, ct);

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
        return Redirect($"/Firms/Need/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        scope = await work.ScopeAsync(ct);
        var need = await FirmQueries.NeedAsync(db, scope, id, ct);
        if (need is null)
        {
            return false;
        }

        Need = need;
        item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
        var reports = await db.ProgressReports.AsNoTracking().Where(r => r.WorkItemId == id).OrderByDescending(r => r.SubmittedAt).Take(50).ToListAsync(ct);
        Answers = reports.Select(r => ReportDto.From(r, [])).ToList();
        return true;
    }
}
