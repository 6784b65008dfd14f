using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>The office's review queue: every pending close-out, extension and adjustment, oldest first.</summary>
[Requires(Permission.Decide)]
public sealed class ReviewsModel(DubanDb db, WorkContext work, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record Row(Review Review, int TaskId, string TaskName, string? Unit);

    public IReadOnlyList<Row> Pending { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [Requires(Permission.Decide)]
    public async Task<IActionResult> OnPostDecideAsync(int reviewId, bool approve, string? note, [FromServices] DecideReview decide, CancellationToken ct)
    {
        var outcome = await decide.RunAsync(reviewId, new DecisionInput { Approve = approve, Note = note }, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, string.Empty);
            foreach (var key in ModelState.Keys.Where(k => k.Length > 0).ToList())
            {
                foreach (var error in ModelState[key]!.Errors)
                {
                    ModelState.AddModelError(string.Empty, error.ErrorMessage);
                }
            }

            await LoadAsync(ct);
            return Page();
        }

        TempData["Flash"] = approve ? l["Tasks.Approved"].Value : l["Tasks.Returned"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var rows = await db.Reviews.AsNoTracking()
            .Where(r => r.RegionId == scope.RegionId && r.Status == ReviewStatus.Pending)
            .OrderBy(r => r.RequestedAt).Take(500)
            .Join(db.WorkItems, r => r.WorkItemId, w => w.Id, (r, w) => new { Review = r, w.Id, w.Name, w.LeadUnitId })
            .Select(x => new Row(x.Review, x.Id, x.Name, db.Units.Where(u => u.Id == x.LeadUnitId).Select(u => u.ShortName ?? u.Name).FirstOrDefault()))
            .ToListAsync(ct);
        Pending = rows;
    }
}
