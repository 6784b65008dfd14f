using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Units;

[Requires(Permission.ManageOrganisation)]
public sealed class EditModel(DubanDb db, ScopeAccessor scopes, SaveUnit save, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }

    [BindProperty]
    public UnitInput Input { get; set; } = new();

    public IReadOnlyList<Unit> Parents { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? parentId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        if (id is not null)
        {
            var unit = await db.Units.VisibleTo(scope).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
            if (unit is null)
            {
                return NotFound();
            }

            Input = new UnitInput { Name = unit.Name, ShortName = unit.ShortName, Kind = unit.Kind, ParentId = unit.ParentId, SortOrder = unit.SortOrder, IsActive = unit.IsActive };
        }
        else
        {
            Input = new UnitInput { Kind = UnitKind.Department, ParentId = parentId };
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (!ModelState.IsValid)
        {
            await LoadChoicesAsync(ct);
            return Page();
        }

        var outcome = await save.RunAsync(id, Input, ct);
        switch (outcome.Kind)
        {
            case OutcomeKind.NotFound:
                return NotFound();
            case OutcomeKind.Invalid:
                outcome.Errors!.CopyTo(ModelState, "Input.");
                await LoadChoicesAsync(ct);
                return Page();
            case OutcomeKind.Ok:
            default:
                TempData["Flash"] = l["Common.Saved"].Value;
                return Redirect($"/Units/Details/{outcome.Value!.Id}");
        }
    }

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        var units = await UnitQueries.ChoicesAsync(db, await scopes.GetAsync(ct), ct);
        var self = units.FirstOrDefault(u => u.Id == Id);
        Parents = self is null ? units : units.Where(u => UnitPath.CanMoveUnder(self.Path, u.Path)).ToList();
    }
}
