using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Leads;

/// <summary>
/// One lead: its light and why, investor and terms, stages with the days spent in each, the contact log with
/// the form to add one, and the stage, termination and landing forms for those the permission table lets act
/// on it. Urging, notices and the light's history are on its work item's page, as for any task.
/// </summary>
[Requires(Permission.ReadLeads)]
public sealed class DetailsModel(DubanDb db, WorkContext work, LeadActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public LeadDetailDto Lead { get; private set; } = null!;
    public IReadOnlyList<Ledger> ProjectLedgers { get; private set; } = [];
    public IReadOnlyList<Unit> Towns { get; private set; } = [];
    private AccessScope? scope;
    private WorkItem? item;

    public bool Can(Permission permission) => scope is not null && item is not null && scope.May(permission, item);
    public DateOnly Today => work.Today;

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    [BindProperty]
    public LeadStageInput Move { get; set; } = new();

    [BindProperty]
    public TerminationInput Termination { get; set; } = new();

    [BindProperty]
    public LandingInput Landing { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(Permission.FollowLeads)]
    public async Task<IActionResult> OnPostContactAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.AddContactAsync(id, Contact, ct), "Contact.", null, ct);

    [Requires(Permission.FollowLeads)]
    public async Task<IActionResult> OnPostMoveAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.MoveAsync(id, Move, ct), "Move.", null, ct);

    [Requires(Permission.FollowLeads)]
    public async Task<IActionResult> OnPostTerminateAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.TerminateAsync(id, Termination, ct), "Termination.", null, ct);

    [Requires(Permission.EditWork)]
    public async Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken ct) =>
        await AfterAsync(id, await actions.RestoreAsync(id, ct), string.Empty, null, ct);

    [Requires(Permission.EditWork)]
    public async Task<IActionResult> OnPostLandAsync(int id, CancellationToken ct)
    {
        var outcome = await actions.LandAsync(id, Landing, ct);
        return await AfterAsync(id, outcome, "Landing.", outcome.Kind == OutcomeKind.Ok ? $"/Projects/{outcome.Value!.Id}" : null, ct);
    }

    private async Task<IActionResult> AfterAsync<T>(int id, Outcome<T> outcome, string prefix, string? then, CancellationToken ct)
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
        return Redirect(then ?? $"/Leads/{id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        scope = await work.ScopeAsync(ct);
        var detail = await LeadQueries.DetailAsync(db, scope, id, work.Today, ct);
        if (detail is null)
        {
            return false;
        }

        Lead = detail;
        item = await db.WorkItems.AsNoTracking().FirstAsync(w => w.Id == id, ct);
        if (Can(Permission.EditWork))
        {
            // The ledgers that hold key projects first, newest first; then any other open ledger but the leads' and indicators'.
            var projectLedgers = db.WorkItems.Where(w => w.RegionId == scope.RegionId && w.Kind == WorkItemKind.KeyProject).Select(w => w.LedgerId);
            var otherLedgers = db.WorkItems.Where(w => w.RegionId == scope.RegionId && (w.Kind == WorkItemKind.Lead || w.Kind == WorkItemKind.Indicator)).Select(w => w.LedgerId);
            ProjectLedgers = await db.Ledgers.AsNoTracking().Where(x => x.RegionId == scope.RegionId && !x.IsArchived && !otherLedgers.Contains(x.Id))
                .OrderByDescending(x => projectLedgers.Contains(x.Id)).ThenByDescending(x => x.Year).ThenBy(x => x.Id).ToListAsync(ct);
            Towns = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        }

        return true;
    }
}
