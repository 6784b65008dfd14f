using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Promotion;
using Duban.Web.Features.Tasks;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Firms;

/// <summary>The office registers a firm or changes one.</summary>
[Requires(Permission.ServeFirms)]
public sealed class EditModel(DubanDb db, WorkContext work, FirmActions actions, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }
    public IReadOnlyList<Unit> Units { get; private set; } = [];
    public IReadOnlyList<Person> People { get; private set; } = [];
    public IReadOnlyList<IndustryNode> Industries { get; private set; } = [];

    [BindProperty]
    public FirmInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not null)
        {
            var f = await FirmQueries.DetailAsync(db, await work.ScopeAsync(ct), id.Value, ct);
            if (f is null)
            {
                return NotFound();
            }

            Input = new FirmInput
            {
                Name = f.Name,
                CreditCode = f.CreditCode,
                Industry = f.Industry,
                IndustryNodeId = f.IndustryNodeId,
                TownUnitId = f.TownUnitId,
                IsKey = f.IsKey,
                StewardId = f.StewardId,
                ContactName = f.ContactName,
                ContactPhone = f.ContactPhone,
                Address = f.Address,
            };
        }

        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await actions.SaveAsync(id, Input, ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Flash"] = l["Common.Saved"].Value;
                return Redirect($"/Firms/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var scope = await work.ScopeAsync(ct);
        Units = await db.Units.AsNoTracking().Where(u => u.RegionId == scope.RegionId && u.IsActive).OrderBy(u => u.Path).ToListAsync(ct);
        People = await db.People.AsNoTracking().Where(p => p.RegionId == scope.RegionId && p.IsActive).OrderBy(p => p.UnitId).ThenBy(p => p.Id).Take(1000).ToListAsync(ct);
        Industries = await db.IndustryNodes.AsNoTracking().Where(n => n.RegionId == scope.RegionId).OrderBy(n => n.ParentId).ThenBy(n => n.SortOrder).ThenBy(n => n.Id).ToListAsync(ct);
    }
}
