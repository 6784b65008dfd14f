using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.Units;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.People;

[Requires(Permission.ManageOrganisation)]
public sealed class EditModel(DubanDb db, ScopeAccessor scopes, SavePerson save, IStringLocalizer<SharedResource> l) : PageModel
{
    public int? Id { get; private set; }

    [BindProperty]
    public PersonInput Input { get; set; } = new();

    public IReadOnlyList<Unit> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, int? unitId, CancellationToken ct)
    {
        var scope = await scopes.GetAsync(ct);
        Id = id;
        if (id is not null)
        {
            var p = await db.People.VisibleTo(db, scope).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound();
            }

            Input = new PersonInput { Name = p.Name, Title = p.Title, UnitId = p.UnitId, Phone = p.Phone, Email = p.Email, IsLeader = p.IsLeader, IsActive = p.IsActive };
        }
        else
        {
            Input = new PersonInput { UnitId = unitId };
        }

        Units = await UnitQueries.ChoicesAsync(db, scope, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await save.RunAsync(id, Input, ct);
            if (outcome.Kind == OutcomeKind.NotFound)
            {
                return NotFound();
            }

            if (outcome.Kind == OutcomeKind.Ok)
            {
                TempData["Flash"] = l["Common.Saved"].Value;
                return Redirect($"/People/Details/{outcome.Value!.Id}");
            }

            outcome.Errors!.CopyTo(ModelState, "Input.");
        }

        Units = await UnitQueries.ChoicesAsync(db, await scopes.GetAsync(ct), ct);
        return Page();
    }
}
