using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Firms;

/// <summary>
/// One firm: who it is, its steward, its key projects and its needs with their lights, rounds and ratings, and
/// (for the office) the form that registers a need and assigns it to a unit with a deadline.
/// </summary>
[Requires(Permission.Read)]
public sealed class DetailsModel(DubanDb db, WorkContext work, FirmActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public FirmDetailDto Firm { get; private set; } = null!;
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> Leaders { get; private set; } = [];
    public DateOnly Today => work.Today;

    [BindProperty]
    public NeedInput Need { get; set; } = new();

    public bool May(Permission permission) => work.May(permission);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    [Requires(Permission.ServeFirms)]
    public async Task<IActionResult> OnPostNeedAsync(int id, CancellationToken ct)
    {
        var outcome = await actions.RegisterNeedAsync(id, Need, ct);
        if (outcome.Kind == OutcomeKind.NotFound)
        {
            return NotFound();
        }

        if (outcome.Kind == OutcomeKind.Invalid)
        {
            outcome.Errors!.CopyTo(ModelState, "Need.");
            return await LoadAsync(id, ct) ? Page() : NotFound();
        }

        TempData["Flash"] = l["Firms.NeedRegistered"].Value;
        return Redirect($"/Firms/Need/{outcome.Value!.Id}");
    }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        var detail = await FirmQueries.DetailAsync(db, scope, id, ct);
        if (detail is null)
        {
            return false;
        }

        Firm = detail;
        if (work.May(Permission.ServeFirms))
        {
            Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
            Leaders = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive && p.IsLeader).OrderBy(p => p.Id).ToListAsync(ct);
        }

        return true;
    }
}
